/**
 * A vault filled by `confidant demo` says so on every screen, in both languages, so nobody
 * mistakes it for the real one or records real people in it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../electron/core/services/demo/generate.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import { UnlockPage } from './pages/unlock-page.ts';
import { launchChromium } from './support/harness.ts';
import { E2E_PASSPHRASE, seed, unlockedApp } from './support/unlocked.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

describe('a demo vault', () => {
  for (const language of ['en', 'ru'] as const) {
    it(`shows the demo banner on every screen (${language})`, async () => {
      const { app, t, shell, page } = await unlockedApp(browser, `demo-${language}`, language);
      const banner = page.getByRole('note').filter({ hasText: t('ui.shell.demo') });
      expect(await banner.count()).toBe(0);
      const path = app.core.status().path ?? '';
      await shell.lock();
      const unlock = new UnlockPage(page, t);
      await unlock.heading().waitFor();

      // What `confidant demo` does, into the vault the app just made.
      const vault = await Vault.unlock(path, { passphrase: E2E_PASSPHRASE }, { kdf: FAST_KDF });
      vault.db.transaction(() =>
        generateDemoData(vault.db, { people: 40, seed: 7, now: new Date() }),
      )();
      await vault.save();
      await vault.lock();

      await unlock.unlockWith(E2E_PASSPHRASE);
      await banner.waitFor();
      expect((await seed(app, 'persons:list', {})).total).toBe(40);
      await app.expectAccessible(`the people list of a demo vault (${language})`);
      await app.screenshot('demo-people');
      for (const area of ['pipeline', 'agencies', 'settings'] as const) {
        await shell.open(area);
        await banner.waitFor();
      }
      await app.screenshot('demo-settings');
      expect(await app.cspViolations()).toEqual([]);
      await app.close();
    });
  }
});
