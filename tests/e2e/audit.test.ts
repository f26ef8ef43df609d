/**
 * The audit trail screen, in both languages: after a vault is made, two persons added, one
 * moved to another stage and a restricted note written about both, the trail lists what
 * happened newest first, by codename and never by name, each detail in words (never a stored
 * key such as `restricted` or `in_contact`), a note under the persons it is about; the
 * category filter narrows it; axe on each state, screenshots, no CSP violation.
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
      const ids: number[] = [];
      for (const fullName of NAMES[language]) {
        const { id } = await seed(app, 'persons:create', { fullName, stage: 'in_contact' });
        ids.push(id);
        codenames.push((await seed(app, 'persons:get', { id })).person.codename);
      }
      await seed(app, 'persons:setStage', { id: ids[0] ?? 0, stage: 'collaborating' });
      await seed(app, 'notes:create', {
        occurredOn: '2026-03-01',
        kind: 'meeting',
        personIds: ids,
        title: 'Both',
        restricted: true,
      });
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

      // Details in words: the stage change, and the note under the persons it is about.
      const stage = rows.filter({ hasText: t('ui.audit.actions.person.stage-changed') });
      expect(await stage.getByRole('cell').nth(2).textContent()).toBe(
        `${t('ui.audit.detail.stage')}: ${t('ui.domain.stage.in_contact')} → ${t('ui.domain.stage.collaborating')}`,
      );
      const note = rows.filter({ hasText: t('ui.audit.actions.note.created') });
      const noteCells = note.getByRole('cell');
      expect((await noteCells.nth(1).textContent())?.split(', ').sort()).toEqual(
        [...codenames].sort(),
      );
      expect(await noteCells.nth(2).textContent()).toContain(
        `${t('ui.audit.detail.restricted')}: ${t('ui.audit.yes')}`,
      );
      for (const stored of ['restricted:', 'persons:', 'in_contact', 'collaborating', 'from:'])
        expect(text, stored).not.toContain(stored);
      // About the vault as a whole: a dash, with words for a screen reader.
      const created = rows.filter({ hasText: t('ui.audit.actions.vault.created') });
      expect(await created.getByRole('cell').nth(1).textContent()).toBe(
        `${t('ui.audit.noSubject')}${t('ui.audit.noSubjectSpoken')}`,
      );
      await page.getByText(t('ui.audit.noActor'), { exact: false }).waitFor();
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
      await page.getByText(t('ui.audit.count', { shown: 3, count: 3 })).waitFor();
      expect(await rows.count()).toBe(3);
      await app.expectAccessible(`the audit trail filtered to persons (${language})`);
      await app.screenshot('audit-persons');
      expect(await app.cspViolations()).toEqual([]);
      await app.close();
    });
  }
});
