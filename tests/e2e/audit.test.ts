/**
 * The audit trail screen, in both languages: after a vault is made and two persons added,
 * the trail lists what happened newest first, by codename and never by name; the category
 * filter narrows it; axe on each state, screenshots, no CSP violation.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/harness.ts';
import { seed, unlockedApp } from './support/unlocked.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const NAMES = { en: ['Anna Smith', 'Boris Lebedev'], ru: ['Анна Смирнова', 'Борис Лебедев'] };

describe('the audit trail', () => {
  for (const language of ['en', 'ru'] as const) {
    it(`lists what happened, by codename only, and filters by category (${language})`, async () => {
      const { app, t, shell, page } = await unlockedApp(browser, `audit-${language}`, language);
      const codenames: string[] = [];
      for (const fullName of NAMES[language]) {
        const { id } = await seed(app, 'persons:create', { fullName, stage: 'in_contact' });
        codenames.push((await seed(app, 'persons:get', { id })).person.codename);
      }
      await shell.open('audit');
      const table = page.getByRole('table', { name: t('ui.audit.caption') });
      const rows = table.getByRole('row').filter({ has: page.getByRole('rowheader') });
      for (const codename of codenames) {
        await rows
          .filter({ hasText: codename })
          .getByText(t('ui.audit.actions.person.created'))
          .waitFor();
      }
      await rows.filter({ hasText: t('ui.audit.actions.vault.created') }).waitFor();
      const text = (await table.textContent()) ?? '';
      for (const name of NAMES[language]) expect(text).not.toContain(name);
      await app.expectAccessible(`the audit trail (${language})`);
      await app.screenshot('audit-all');

      await page
        .getByRole('button', { name: new RegExp(`^${t('ui.audit.filters.categories')}`) })
        .click();
      await page
        .getByRole('listbox', { name: t('ui.audit.filters.categories') })
        .getByRole('option', { name: t('ui.audit.categories.person') })
        .click();
      await page.keyboard.press('Escape');
      await page.getByText(t('ui.audit.count', { shown: 2, count: 2 })).waitFor();
      expect(await rows.count()).toBe(2);
      await app.expectAccessible(`the audit trail filtered to persons (${language})`);
      await app.screenshot('audit-persons');
      expect(await app.cspViolations()).toEqual([]);
      await app.close();
    });
  }
});
