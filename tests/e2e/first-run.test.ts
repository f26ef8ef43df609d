/**
 * A new user, in each language: create a vault (real Argon2id, with its progress), see the
 * recovery key once, type two groups back, land in the app; lock; a wrong passphrase; unlock.
 * Every screen is photographed (artifacts/screenshots/first-run-*) and checked with axe-core.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ARGON2 } from '../../electron/core/crypto/kdf.ts';
import { CreateVaultPage } from './pages/create-vault-page.ts';
import { ShellPage } from './pages/shell-page.ts';
import { UnlockPage } from './pages/unlock-page.ts';
import { launchChromium, openApp } from './support/harness.ts';
import { texts } from './support/texts.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const PASSPHRASES = {
  en: 'quiet harbour lantern seventeen',
  ru: 'тихая гавань фонарь семнадцать',
} as const;

for (const language of ['en', 'ru'] as const) {
  describe(`first run (${language})`, () => {
    it('creates a vault, confirms the recovery key, locks, refuses a wrong passphrase, unlocks', async () => {
      const app = await openApp(browser, {
        language,
        name: `first-run-${language}`,
        kdf: DEFAULT_ARGON2,
      });
      const t = texts(language);
      const { page } = app;
      const create = new CreateVaultPage(page, t);
      const unlock = new UnlockPage(page, t);
      const shell = new ShellPage(page, t);
      try {
        await expect(create.heading().isVisible()).resolves.toBe(true);
        await app.expectAccessible('the create screen');
        await app.screenshot('create-empty');

        // A weak passphrase is refused here even though it is long enough for the core.
        await create.fill({ passphrase: 'password1', repeat: 'password1' });
        await create.submit();
        await page.getByText(t('ui.create.tooWeak')).waitFor();
        await app.expectAccessible('the create screen refusing a weak passphrase');
        await app.screenshot('create-weak-passphrase');

        await create.fill({ passphrase: PASSPHRASES[language] });
        await create.strengthLabel().waitFor();
        await app.expectAccessible('the create screen with a passphrase');
        await app.screenshot('create-filled');
        await create.submit();
        // Argon2id (256 MiB) runs for about a second: its progress is on screen meanwhile.
        await page.getByRole('progressbar').waitFor();
        await app.expectAccessible('the create screen while the key is derived');
        await app.screenshot('create-deriving-key');

        const key = await create.recoveryKey();
        expect(key).toMatch(/^([0-9A-Z]{4}-){8}[0-9A-Z]{4}$/);
        const vaultPath = join(app.dir, 'Confidant.confidant');
        expect(existsSync(vaultPath)).toBe(false); // not before the key is confirmed
        await app.expectAccessible('the recovery key');
        await app.screenshot('recovery-key');
        await page.getByRole('button', { name: t('ui.recovery.print') }).click();
        expect(await page.evaluate(() => window.__printCalls)).toBe(1);
        await page.emulateMedia({ media: 'print' });
        await app.screenshot('recovery-key-print');
        await page.emulateMedia({ media: 'screen' });

        await create.writtenDown();
        const asked = await create.askedGroups();
        expect(asked).toHaveLength(2);
        await app.expectAccessible('the key check');
        await app.screenshot('confirm-key');
        // A wrong group is caught, and nothing is written.
        await create.confirm(key, { [asked[1]!]: 'ZZZZ' });
        await page
          .getByText(t('errors.RECOVERY_CONFIRMATION_MISMATCH', { file: vaultPath }))
          .waitFor();
        await app.expectAccessible('the key check with a mismatch');
        await app.screenshot('confirm-key-mismatch');
        expect(existsSync(vaultPath)).toBe(false);
        await create.confirm(key);

        await shell.navigation().waitFor();
        expect(existsSync(vaultPath)).toBe(true);
        await app.expectAccessible('the unlocked shell');
        await app.screenshot('shell-people');

        await shell.lock();
        await unlock.heading().waitFor();
        await page
          .getByText(t('ui.unlock.lockedBecause.shortcut'))
          .or(page.getByText(t('ui.unlock.lockedBecause.manual')))
          .first()
          .waitFor();
        await app.expectAccessible('the unlock screen');
        await app.screenshot('unlock');

        await unlock.unlockWith('not the right passphrase');
        await unlock.error().waitFor();
        expect(await unlock.error().textContent()).toContain(
          t('errors.WRONG_PASSPHRASE', { file: vaultPath }),
        );
        await app.expectAccessible('the unlock screen with an error');
        await app.screenshot('unlock-wrong-passphrase');

        await unlock.unlockWith(PASSPHRASES[language]);
        await shell.navigation().waitFor();
        await page.getByText(t('ui.shell.failedAttempts', { count: 1 })).waitFor();
        await app.expectAccessible('the shell reporting failed attempts');
        await app.screenshot('shell-after-failed-attempt');

        expect(await app.cspViolations()).toEqual([]);
        expect(app.strayRequests).toEqual([]);
      } finally {
        await app.close();
      }
    });
  });
}
