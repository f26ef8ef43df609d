/**
 * The app's words where a user reads what happened (issue 15), in English and Russian: after
 * a dossier for the organisation's own leadership and one for a partner, the audit trail says
 * what went out in words (the recipient "Internal leadership", never `recipientKind:
 * internal`), the disclosure log names the leadership in the user's language, the person
 * page lists only the partner under "who outside knows" and the leadership apart, and search
 * says whom a note is about, with its passage as words rather than markdown. Axe on each
 * screen, screenshots, no CSP violation.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewedShareInput } from '../../shared/share.ts';
import { SearchPage } from './pages/search-page.ts';
import { SharePage } from './pages/share-page.ts';
import { launchChromium } from './support/harness.ts';
import { seed, unlockedApp } from './support/unlocked.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const CAST = {
  en: { person: 'Irene Falk', partner: 'Helsinki Jurists', word: 'custody' },
  ru: { person: 'Ирина Соколова', partner: 'Хельсинкские юристы', word: 'задержании' },
} as const;

describe('the words of what happened', () => {
  for (const language of ['en', 'ru'] as const) {
    it(`audit trail, disclosure log, who outside knows and search speak words (${language})`, async () => {
      const { app, t, shell, page } = await unlockedApp(browser, `wording-${language}`, language);
      const cast = CAST[language];
      const { id: person } = await seed(app, 'persons:create', {
        fullName: cast.person,
        stage: 'in_contact',
      });
      const { codename } = (await seed(app, 'persons:get', { id: person })).person;
      const { id: partnerId } = await seed(app, 'partners:create', { name: cast.partner });
      const review = (recipient: ReviewedShareInput['recipient']): ReviewedShareInput => ({
        recipient,
        purpose: 'Board meeting',
        reviewedBy: 'L. Karimova',
        fields: ['sphere', 'region'],
        choices: [{ personId: person, decision: 'codename' }],
      });
      await seed(app, 'share:writeDossier', {
        review: review({ kind: 'internal' }),
        format: 'html',
        destination: { path: join(app.dir, 'board.html') },
      });
      await seed(app, 'share:writeDossier', {
        review: review({ kind: 'partner', partnerId }),
        format: 'html',
        destination: { path: join(app.dir, 'partner.html') },
      });
      const title = language === 'en' ? 'Round table on juvenile custody' : 'Круглый стол';
      await seed(app, 'notes:create', {
        occurredOn: '2026-03-01',
        kind: 'seminar',
        personIds: [person],
        title,
        body:
          language === 'en'
            ? '**Agreed** to discuss _juvenile_ custody at the next seminar.'
            : '**Согласие** обсудить _условия_ в задержании на следующем семинаре.',
        restricted: true,
      });

      // The audit trail: the shares in words.
      await shell.open('audit');
      const table = page.getByRole('table', { name: t('ui.audit.caption') });
      const shared = table
        .getByRole('row')
        .filter({ hasText: t('ui.audit.actions.share.written') });
      await expect.poll(() => shared.count()).toBe(2);
      const details = (await shared.allTextContents()).join(' ');
      expect(details).toContain(
        `${t('ui.audit.detail.recipientKind')}: ${t('ui.disclosures.recipientKind.internal')}`,
      );
      expect(details).toContain(
        `${t('ui.audit.detail.recipientKind')}: ${t('ui.disclosures.recipientKind.partner')}`,
      );
      expect(details).toContain(`${codename} — ${t('ui.disclosures.decision.codename')}`);
      const text = (await table.textContent()) ?? '';
      for (const stored of ['recipientKind', ': internal', ': partner', ': codename', 'html'])
        expect(text, stored).not.toContain(stored);
      await app.expectAccessible(`the audit trail with shares (${language})`);
      await app.screenshot('audit-shares');

      // The disclosure log: the leadership in the user's language.
      await shell.open('shares');
      const shares = new SharePage(page, t);
      await shares.tab('log').click();
      const leadership = t('ui.disclosures.recipientKind.internal');
      await page
        .getByRole('article', {
          name: new RegExp(
            t('ui.disclosures.log.entryTitle', {
              output: t('ui.disclosures.output.html'),
              recipient: leadership,
            }),
          ),
        })
        .waitFor();
      expect(await page.locator('.disclosure').allTextContents()).not.toContainEqual(
        expect.stringMatching(/\binternal\b/),
      );
      await app.screenshot('disclosure-log-leadership');

      // Who outside knows: the partner; the leadership apart, inside the organisation.
      const search = new SearchPage(page, t);
      await search.box().fill(codename);
      await search.suggestion(new RegExp(cast.person)).waitFor();
      await search.box().press('ArrowDown');
      await search.box().press('Enter');
      const outside = page.getByRole('region', { name: t('ui.disclosures.outside.title') });
      await outside.getByRole('link', { name: cast.partner }).waitFor();
      const lists = outside.getByRole('list');
      expect(await lists.first().textContent()).not.toContain(leadership);
      await outside
        .getByRole('heading', { level: 3, name: t('ui.disclosures.inside.title') })
        .waitFor();
      expect(await lists.last().textContent()).toContain(leadership);
      expect((await outside.textContent()) ?? '').not.toMatch(/\binternal\b/);
      await outside.scrollIntoViewIfNeeded();
      await app.expectAccessible(`who outside knows, and the leadership apart (${language})`);
      await app.screenshot('who-outside-knows');

      // Search: whom the note is about, its passage as words.
      await search.box().fill(cast.word);
      await search.box().press('Enter');
      await search.resultsHeading(cast.word).waitFor();
      const hit = search.result(title);
      await hit
        .getByText(
          t('ui.search.about', {
            persons: t('ui.search.person', { fullName: cast.person, codename }),
          }),
        )
        .waitFor();
      const snippet = (await hit.locator('.hit-snippet').textContent()) ?? '';
      expect(snippet).not.toMatch(/\*\*|_/);
      await app.expectAccessible(`search results with whom a note is about (${language})`);
      await app.screenshot('search-note-persons');
      expect(await app.cspViolations()).toEqual([]);
      await app.close();
    });
  }
});
