/**
 * One failing screen never blanks the app, and Lock always works.
 *
 * The bug this guards: after a little over a minute on one area, the query cache dropped the
 * app's info; the next screen that read it (Settings, Backups, Shares) threw, the whole window
 * went blank, the lock shortcut died with it and the vault stayed unlocked. The page's clock is
 * moved past the cache's lifetime instead of waiting a real minute.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../renderer/src/features/shell/areas.ts';
import { UnlockPage } from './pages/unlock-page.ts';
import { launchChromium } from './support/harness.ts';
import { E2E_PASSPHRASE, unlockedApp } from './support/unlocked.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

describe('a screen that fails', () => {
  for (const language of ['en', 'ru'] as const) {
    it(`every area opens after idling past the cache's lifetime, then the shortcut locks (${language})`, async () => {
      const { app, t, shell, page } = await unlockedApp(browser, `idle-${language}`, language, {
        pageClock: true,
      });
      await shell.open('people');
      // Ten minutes on one screen, as far as the page's timers can tell.
      await page.clock.fastForward('10:00');
      for (const area of AREAS) {
        await shell.open(area);
        expect(
          await page.getByRole('heading', { name: t('ui.shell.failure.areaTitle') }).count(),
        ).toBe(0);
      }
      await page.keyboard.press('Control+Shift+L');
      await new UnlockPage(page, t).heading().waitFor();
      await app.close(); // fails on any uncaught error in the page
    });
  }

  it('stays inside its area: the other areas, the retry, the shortcut and Lock keep working', async () => {
    const { app, t, shell, page } = await unlockedApp(browser, 'area-failure', 'en');
    // A broken answer (as a bug or a tampered core would give) makes the audit trail throw as
    // it renders.
    const breakAudit = () =>
      page.evaluate(() => {
        const bridge = window.confidant as unknown as Record<string, Record<string, unknown>>;
        const audit = bridge.audit as Record<string, unknown>;
        const saved = window as unknown as { __realAuditList?: unknown };
        saved.__realAuditList ??= audit.list;
        audit.list = () => Promise.resolve({ ok: true, value: { entries: 5, total: 5 } });
      });
    const openAudit = () =>
      shell
        .navigation()
        .getByRole('button', { name: t('ui.shell.areas.audit') })
        .click();
    await breakAudit();
    await openAudit();
    const failure = page.getByRole('heading', { level: 1, name: t('ui.shell.failure.areaTitle') });
    await failure.waitFor();
    expect(await page.getByRole('alert').textContent()).toContain(t('ui.shell.failure.areaBody'));
    await app.expectAccessible('an area that failed');
    await app.screenshot('area-failed');

    // The rest of the app works.
    await shell.open('settings');
    await openAudit();
    await failure.waitFor();

    // "Load this screen again" asks the core afresh: once the answer is sound, the area shows.
    await page.evaluate(() => {
      const bridge = window.confidant as unknown as Record<string, Record<string, unknown>>;
      (bridge.audit as Record<string, unknown>).list = (
        window as unknown as { __realAuditList: unknown }
      ).__realAuditList;
    });
    await page.getByRole('button', { name: t('ui.shell.failure.reload') }).click();
    await page.getByRole('heading', { level: 1, name: t('ui.shell.areas.audit') }).waitFor();

    // Break it again: the shortcut locks from the failed screen.
    await breakAudit();
    await shell.open('people');
    await openAudit();
    await failure.waitFor();
    await page.keyboard.press('Control+Shift+L');
    await new UnlockPage(page, t).heading().waitFor();
    expect((await app.core.handlers['vault:status']({})).state).toBe('locked');

    // And the Lock button, after unlocking again.
    await new UnlockPage(page, t).unlockWith(E2E_PASSPHRASE);
    await shell.navigation().waitFor();
    await breakAudit();
    await openAudit();
    await failure.waitFor();
    await shell.lock();
    await new UnlockPage(page, t).heading().waitFor();
    expect((await app.core.handlers['vault:status']({})).state).toBe('locked');
    await app.close();
  });
});
