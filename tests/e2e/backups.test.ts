/**
 * Issue 7 end to end, in both languages: a backup is written from the Backups area (read back
 * and verified), verified again from its file, and restored into a new vault that opens in
 * the app, says it was restored and holds the same people; the lock screen then says how old
 * the newest backup is. Axe on every screen, screenshots of each, no CSP violation.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShellPage } from './pages/shell-page.ts';
import { launchChromium } from './support/harness.ts';
import { E2E_PASSPHRASE, seed, unlockedApp } from './support/unlocked.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const PEOPLE = {
  en: ['Anna Smith', 'Boris Orlov', 'Clara Weiss'],
  ru: ['Анна Смирнова', 'Борис Орлов', 'Клара Вайс'],
};

function region(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

describe('backups', () => {
  for (const language of ['en', 'ru'] as const) {
    it(`backs up, verifies and restores into a new vault with the same people (${language})`, async () => {
      const { app, t, shell, page } = await unlockedApp(browser, `backups-${language}`, language);
      for (const fullName of PEOPLE[language]) {
        const { id } = await seed(app, 'persons:create', { fullName, stage: 'in_contact' });
        await seed(app, 'notes:create', {
          personIds: [id],
          occurredOn: '2026-11-20',
          kind: 'meeting',
          body: `${fullName}: met at the archive`,
        });
      }
      const drive = join(app.dir, 'drive');
      mkdirSync(drive);

      // 1. Back up now.
      await shell.open('backups');
      const now = region(page, t('ui.backups.now.title'));
      await now.getByLabel(t('ui.backups.now.folder'), { exact: true }).fill(drive);
      await now.getByRole('button', { name: t('ui.backups.now.submit'), exact: true }).click();
      const file = await waitForBackup(drive);
      await now.getByText(file, { exact: false }).first().waitFor();
      await app.expectAccessible(`the Backups area after a backup (${language})`);
      await app.screenshot('backed-up');
      await region(page, t('ui.backups.opens.title')).scrollIntoViewIfNeeded();
      await app.screenshot('how-backups-open');

      // 2. Verify it from its file.
      const backupPath = join(drive, file);
      const verify = region(page, t('ui.backups.verify.title'));
      await verify.scrollIntoViewIfNeeded();
      await verify.getByLabel(t('ui.backups.file'), { exact: true }).fill(backupPath);
      await verify
        .getByLabel(t('ui.backups.secret.passphrase'), { exact: true })
        .fill(E2E_PASSPHRASE);
      await verify
        .getByRole('button', { name: t('ui.backups.verify.submit'), exact: true })
        .click();
      const report = verify.getByRole('table', { name: t('ui.backups.report.caption') });
      await report.waitFor();
      const people = report.getByRole('row', {
        name: new RegExp(t('ui.backups.report.tables.persons')),
      });
      expect(await people.first().textContent()).toContain('3');
      await report.scrollIntoViewIfNeeded();
      await app.expectAccessible(`a verified backup's report (${language})`);
      await app.screenshot('verified');

      // 3. Restore it into a new vault, from the lock screen as on a new laptop.
      await page
        .getByRole('button', { name: t('ui.shell.lock') })
        .first()
        .click();
      await page.getByRole('button', { name: t('ui.backups.restore.entry'), exact: true }).click();
      await page.getByRole('heading', { name: t('ui.backups.restore.screenTitle') }).waitFor();
      await page.getByLabel(t('ui.backups.file'), { exact: true }).fill(backupPath);
      await page
        .getByLabel(t('ui.backups.secret.passphrase'), { exact: true })
        .fill(E2E_PASSPHRASE);
      await app.expectAccessible(`the restore screen (${language})`);
      await app.screenshot('restore-choose');
      await page.getByRole('button', { name: t('ui.backups.restore.open'), exact: true }).click();
      const destination = page.getByLabel(t('ui.backups.restore.destination'), { exact: true });
      await destination.waitFor();
      const restoredPath = join(app.dir, 'Restored.confidant');
      await destination.fill(restoredPath);
      await app.expectAccessible(`what the backup holds, before restoring (${language})`);
      await app.screenshot('restore-report');
      await page.getByRole('button', { name: t('ui.backups.restore.submit'), exact: true }).click();

      // The restored vault is open, says so, and holds the same people.
      const restoredShell = new ShellPage(page, t);
      await restoredShell.navigation().waitFor();
      await page.getByRole('button', { name: t('ui.backups.restored.dismiss') }).waitFor();
      expect(app.core.status()).toMatchObject({ state: 'unlocked', path: restoredPath });
      await restoredShell.open('people');
      for (const fullName of PEOPLE[language]) await page.getByText(fullName).first().waitFor();
      await app.expectAccessible(`the restored vault (${language})`);
      await app.screenshot('restored');

      // 4. The lock screen says how old the newest backup is.
      await page
        .getByRole('button', { name: t('ui.shell.lock') })
        .first()
        .click();
      await page.getByRole('button', { name: t('ui.unlock.submit') }).waitFor();
      const newest = t('ui.backups.lockScreen.newest', { ago: '§' }).split('§')[0] ?? '';
      await page.getByText(newest, { exact: false }).first().waitFor();
      await app.expectAccessible(`the lock screen with the backup reminder (${language})`);
      await app.screenshot('lock-screen');
      expect(await app.cspViolations()).toEqual([]);
      expect(app.strayRequests).toEqual([]);
      await app.close();
    });
  }
});

async function waitForBackup(folder: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const [file] = readdirSync(folder).filter((name) => name.endsWith('.confidant-backup'));
    if (file !== undefined) return file;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no backup appeared in ${folder}`);
}
