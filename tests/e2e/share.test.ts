/**
 * Issue 6 end to end, in both languages: three persons of different risk are shared with a
 * partner. The review shows each one's risk, consent and the rules' decision (named, codename
 * only, withheld); the PDF dossier carries exactly that (rendered to PNG and looked at); a
 * package sealed to the partner vault's key is imported there, matched by codename; the
 * disclosure log and "who outside knows" show what went out; copying a critical person's name
 * asks first. Axe on every screen, screenshots of each, no CSP violation, nothing leaves the
 * app.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniformFactors } from '../helpers/share-fixture.ts';
import { CreateVaultPage } from './pages/create-vault-page.ts';
import { PeoplePage } from './pages/people-page.ts';
import { SharePage } from './pages/share-page.ts';
import { ShellPage } from './pages/shell-page.ts';
import { launchChromium, openApp } from './support/harness.ts';
import { E2E_PASSPHRASE, seed, unlockedApp } from './support/unlocked.ts';
import { texts } from './support/texts.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const CAST = {
  en: {
    anna: 'Anna Smith',
    boris: 'Boris Orlov',
    clara: 'Clara Weiss',
    partner: 'Nordic Rights Watch',
    purpose: 'Joint monitoring of court hearings',
    reviewer: 'Maria Ivanova',
  },
  ru: {
    anna: 'Анна Смирнова',
    boris: 'Борис Орлов',
    clara: 'Клара Вайс',
    partner: 'Северный правозащитный центр',
    purpose: 'Совместный мониторинг судебных заседаний',
    reviewer: 'Мария Иванова',
  },
};

/** The PDF's pages as PNG files next to the screenshots, and its text. */
function renderPdf(pdf: string, language: string): { pngs: string[]; text: string } {
  const folder = join(import.meta.dirname, '../../artifacts/screenshots', `share-${language}`);
  mkdirSync(folder, { recursive: true });
  const prefix = join(folder, `pdf-${language}`);
  execFileSync('pdftoppm', ['-png', '-r', '70', pdf, prefix]);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8');
  const pngs = readdirSync(folder)
    .filter((name) => name.startsWith(`pdf-${language}`) && name.endsWith('.png'))
    .map((name) => join(folder, name));
  return { pngs, text };
}

describe('the risk review before names leave', () => {
  for (const language of ['en', 'ru'] as const) {
    it(`shares three persons of different risk with a partner, whose vault imports them (${language})`, async () => {
      const cast = CAST[language];
      // The partner's vault first: its share key is what we seal the package to.
      const partnerApp = await openApp(browser, {
        name: `share-partner-${language}`,
        language,
      });
      const pt = texts(language);
      await new CreateVaultPage(partnerApp.page, pt).createVault({ passphrase: E2E_PASSPHRASE });
      const partnerShell = new ShellPage(partnerApp.page, pt);
      await partnerShell.navigation().waitFor();
      const partnerShares = new SharePage(partnerApp.page, pt);
      await partnerShell.open('shares');
      await partnerShares.tab('key').click();
      const keyField = partnerApp.page.getByLabel(pt('ui.disclosures.ownKey.key'), {
        exact: true,
      });
      await expect.poll(() => keyField.inputValue()).toMatch(/^cfk1-/u);
      const partnerKey = await keyField.inputValue();
      const partnerFingerprint = (await seed(partnerApp, 'share:ownKey', {})).fingerprint;
      await partnerApp.expectAccessible(`our share key (${language})`);
      await partnerApp.screenshot('partner-own-key');

      // Our vault: three persons in contact, assessed low / moderate / critical.
      const exportFolder = join(partnerApp.dir, `exports-${language}`);
      mkdirSync(exportFolder);
      const { app, t, shell, page } = await unlockedApp(browser, `share-${language}`, language, {
        dialogs: { exportFolder },
      });
      const shares = new SharePage(page, t);
      const people = new PeoplePage(page, t);
      const ids: Record<'anna' | 'boris' | 'clara', number> = { anna: 0, boris: 0, clara: 0 };
      const codenames: Record<'anna' | 'boris' | 'clara', string> = {
        anna: '',
        boris: '',
        clara: '',
      };
      const plan = [
        ['anna', 1, 'trusted_partners'],
        ['boris', 3, 'internal'],
        ['clara', 5, 'public'],
      ] as const;
      for (const [who, score, consent] of plan) {
        const { id } = await seed(app, 'persons:create', {
          fullName: cast[who],
          position: language === 'en' ? 'Judge of the regional court' : 'Судья областного суда',
          region: language === 'en' ? 'North' : 'Север',
          stage: 'collaborating',
        });
        await seed(app, 'risk:assess', {
          personId: id,
          basedOnVersion: null,
          factors: uniformFactors(score),
          consent,
          assessor: cast.reviewer,
        });
        await seed(app, 'notes:create', {
          occurredOn: '2026-11-01',
          kind: 'meeting',
          personIds: [id],
          title: language === 'en' ? `Seminar with ${cast[who]}` : `Семинар: ${cast[who]}`,
          body:
            language === 'en' ? 'Spoke about open hearings.' : 'Говорили об открытых слушаниях.',
        });
        await seed(app, 'notes:create', {
          occurredOn: '2026-11-02',
          kind: 'call',
          personIds: [id],
          title: 'RESTRICTED',
          body: 'SOURCE-DETAIL',
          restricted: true,
        });
        ids[who] = id;
        codenames[who] = (await seed(app, 'persons:get', { id })).person.codename;
      }
      await seed(app, 'partners:create', { name: cast.partner });

      // The partner page: their key pasted, its fingerprint read out and confirmed.
      await shell.open('partners');
      await page.getByRole('link', { name: cast.partner }).click();
      await page.getByRole('heading', { name: cast.partner, level: 1 }).waitFor();
      await page.getByLabel(t('ui.disclosures.partnerKey.paste'), { exact: true }).fill(partnerKey);
      await page.getByText(partnerFingerprint, { exact: false }).first().waitFor();
      await page.getByText(t('ui.disclosures.partnerKey.matches'), { exact: true }).click();
      await app.expectAccessible(`a partner's share key, checked (${language})`);
      await app.screenshot('partner-key-check');
      await page.getByRole('button', { name: t('ui.disclosures.partnerKey.save') }).click();
      await page.getByText(t('ui.disclosures.partnerKey.saved')).waitFor();
      await app.screenshot('partner-page');

      // The review: partner, purpose, reviewer, fields, the three persons.
      await page.getByRole('button', { name: t('ui.disclosures.partnerPage.share') }).click();
      await shares.field(t('ui.shareReview.setup.purpose')).fill(cast.purpose);
      await shares.field(t('ui.shareReview.setup.reviewedBy')).fill(cast.reviewer);
      await shares.tickField('notes');
      for (const who of ['anna', 'boris', 'clara'] as const) {
        await shares.addPerson(cast[who].slice(0, 4), cast[who]);
      }
      await app.expectAccessible(`the share review, recipient and persons (${language})`);
      await app.screenshot('share-setup');
      await shares.button(t('ui.shareReview.setup.review')).click();
      await shares.decisionGroup(codenames.clara).waitFor();
      expect(await shares.decisionOf(codenames.anna)).toBe('named');
      expect(await shares.decisionOf(codenames.boris)).toBe('codename');
      expect(await shares.decisionOf(codenames.clara)).toBe('withheld');
      await page.getByText(t('ui.shareReview.review.reasons.critical-risk')).waitFor();
      await page.getByText(t('ui.shareReview.review.reasons.consent-below-recipient')).waitFor();
      await shares.decisionGroup(codenames.clara).scrollIntoViewIfNeeded();
      await app.expectAccessible(`the share review, each person (${language})`);
      await app.screenshot('share-review');

      // Opening up Boris shows the override: not done here, so he stays by codename.
      await shares
        .decisionGroup(codenames.boris)
        .getByText(t('ui.shareReview.review.decisions.named'), { exact: true })
        .click();
      await page.getByText(t('ui.shareReview.review.override.title')).waitFor();
      await app.expectAccessible(`an override being written (${language})`);
      await app.screenshot('share-override');
      await shares
        .decisionGroup(codenames.boris)
        .getByText(t('ui.shareReview.review.decisions.codename'), { exact: true })
        .click();

      // The PDF dossier.
      await shares.chooseOutput('pdf');
      await shares.button(t('ui.shareReview.output.choose')).click();
      await shares.writeButton('pdf').click();
      await shares.resultHeading().waitFor();
      await app.expectAccessible(`the share written (${language})`);
      await app.screenshot('share-written-pdf');
      const pdf = readdirSync(exportFolder).find((name) => name.endsWith('.pdf'));
      expect(pdf).toBeDefined();
      const { pngs, text } = renderPdf(join(exportFolder, pdf ?? ''), language);
      expect(pngs.length).toBeGreaterThan(0);
      expect(text).toContain(cast.anna);
      expect(text).toContain(codenames.boris);
      expect(text).not.toContain(cast.boris);
      expect(text).not.toContain(cast.clara);
      expect(text).not.toContain(codenames.clara);
      expect(text).not.toContain('SOURCE-DETAIL');

      // The package, sealed to the partner's key.
      await shares.button(t('ui.shareReview.result.newShare')).click();
      await shell.open('partners');
      await page.getByRole('link', { name: cast.partner }).click();
      await page.getByRole('button', { name: t('ui.disclosures.partnerPage.share') }).click();
      await shares.field(t('ui.shareReview.setup.purpose')).fill(cast.purpose);
      await shares.field(t('ui.shareReview.setup.reviewedBy')).fill(cast.reviewer);
      for (const who of ['anna', 'boris', 'clara'] as const) {
        await shares.addPerson(cast[who].slice(0, 4), cast[who]);
      }
      await shares.button(t('ui.shareReview.setup.review')).click();
      await shares.decisionGroup(codenames.clara).waitFor();
      await shares.chooseOutput('package');
      await page
        .getByText(t('ui.shareReview.output.seals.partner-key', { partner: cast.partner }))
        .click();
      await shares.button(t('ui.shareReview.output.choose')).click();
      await shares.writeButton('package').click();
      await shares.resultHeading().waitFor();
      await app.screenshot('share-written-package');
      const packageName = readdirSync(exportFolder).find((name) =>
        name.endsWith('.confidant-share'),
      );
      expect(packageName).toBeDefined();

      // The disclosure log and who outside knows.
      await shell.open('shares');
      await shares.tab('log').click();
      await page.getByText(t('ui.disclosures.log.empty')).waitFor({ state: 'detached' });
      await page.getByText(codenames.clara).first().waitFor();
      await app.expectAccessible(`the disclosure log (${language})`);
      await app.screenshot('disclosure-log');
      await shell.open('people');
      await people.row(cast.anna).click();
      await people.personHeading(cast.anna).waitFor();
      const outside = page.getByRole('region', { name: t('ui.disclosures.outside.title') });
      await outside.getByText(cast.partner).first().waitFor();
      await outside.getByText(t('ui.disclosures.outside.knowsName')).first().waitFor();
      await outside.scrollIntoViewIfNeeded();
      await app.expectAccessible(`who outside knows (${language})`);
      await app.screenshot('who-outside-knows');

      // Copying a critical person's name asks first, and the clipboard gets the name.
      await shell.open('people');
      await people.row(cast.clara).click();
      await people.personHeading(cast.clara).waitFor();
      await page.getByRole('button', { name: t('ui.disclosures.copy.button') }).click();
      const confirmTitle = page.getByRole('heading', {
        name: t('ui.disclosures.copy.confirmTitle'),
      });
      await confirmTitle.waitFor();
      await app.expectAccessible(`copying a critical name (${language})`);
      await app.screenshot('copy-name-confirm');
      await page.getByRole('button', { name: t('ui.disclosures.copy.confirm') }).click();
      await confirmTitle.waitFor({ state: 'detached' });
      expect(app.clipboard.text).toBe(cast.clara);

      // The partner's vault imports the package: Boris by codename, Anna by name, no Clara.
      await partnerShares.tab('received').click();
      const chooser = partnerApp.page.waitForEvent('filechooser');
      await partnerApp.page
        .getByRole('button', { name: pt('ui.disclosures.received.choose') })
        .click();
      await (await chooser).setFiles(join(exportFolder, packageName ?? ''));
      await partnerApp.page.getByText(pt('ui.disclosures.received.provenanceTitle')).waitFor();
      await partnerApp.page.getByText(cast.anna).first().waitFor();
      await partnerApp.page.getByText(codenames.boris).first().waitFor();
      expect(await partnerApp.page.getByText(cast.clara).count()).toBe(0);
      await partnerApp.page.getByText(codenames.boris).first().scrollIntoViewIfNeeded();
      await partnerApp.expectAccessible(`a received package, before import (${language})`);
      await partnerApp.screenshot('package-preview');
      await partnerApp.page
        .getByRole('button', { name: pt('ui.disclosures.received.import') })
        .click();
      await partnerApp.page
        .getByText(pt('ui.disclosures.received.done', { created: 2, matched: 0 }))
        .waitFor();
      await partnerApp.screenshot('package-imported');
      const imported = await seed(partnerApp, 'persons:list', { text: '' });
      expect(imported.rows.map((row) => row.codename).sort()).toEqual(
        [codenames.anna, codenames.boris].sort(),
      );

      for (const session of [app, partnerApp]) {
        expect(await session.cspViolations()).toEqual([]);
        expect(session.strayRequests).toEqual([]);
      }
      expect(existsSync(join(exportFolder, pdf ?? ''))).toBe(true);
      await app.close();
      await partnerApp.close();
    });
  }
});
