/**
 * The unlocked app: every area's honest empty state in both languages, and Settings — change
 * the passphrase (only with the current one), the auto-lock minutes (kept in the vault), the
 * language (switchable anywhere, remembered after a restart).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateVaultPage } from './pages/create-vault-page.ts';
import { ShellPage } from './pages/shell-page.ts';
import { UnlockPage } from './pages/unlock-page.ts';
import { launchChromium, openApp } from './support/harness.ts';
import { texts } from './support/texts.ts';

const PASSPHRASE = 'seven green lamps on the quay';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function unlockedApp(name: string, language: 'en' | 'ru') {
  const app = await openApp(browser, { name, language });
  const t = texts(language);
  await new CreateVaultPage(app.page, t).createVault({ passphrase: PASSPHRASE });
  const shell = new ShellPage(app.page, t);
  await shell.navigation().waitFor();
  return { app, t, shell, page: app.page };
}

describe('the areas', () => {
  for (const language of ['en', 'ru'] as const) {
    it(`shows the settings area (${language})`, async () => {
      const { app, t, shell } = await unlockedApp(`areas-${language}`, language);
      await shell.open('settings');
      const current = shell
        .navigation()
        .getByRole('button', { name: t('ui.shell.areas.settings') });
      expect(await current.getAttribute('aria-current')).toBe('page');
      await app.expectAccessible(`the settings area (${language})`);
      await app.screenshot('settings');
      expect(await app.cspViolations()).toEqual([]);
      await app.close();
    });
  }
});

describe('settings', () => {
  it('changes the passphrase only with the current one; the new one then unlocks', async () => {
    const { app, t, shell, page } = await unlockedApp('settings-passphrase', 'en');
    await shell.open('settings');
    const form = page.getByRole('form', { name: t('ui.settings.changePassphrase') });
    const fill = async (current: string, next: string) => {
      await form.getByLabel(t('ui.settings.current'), { exact: true }).fill(current);
      await form.getByLabel(t('ui.settings.next'), { exact: true }).fill(next);
      await form.getByLabel(t('ui.settings.repeat'), { exact: true }).fill(next);
      await form.getByRole('button', { name: t('ui.settings.change') }).click();
    };
    await fill('not my passphrase at all', 'a new harbour with nine cranes');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain(
      t('errors.WRONG_PASSPHRASE', { file: join(app.dir, 'Confidant.confidant') }),
    );
    await app.expectAccessible('settings with a wrong current passphrase');
    await app.screenshot('settings-wrong-current');
    // The fields are emptied after every attempt: no passphrase lingers in the form.
    expect(await form.getByLabel(t('ui.settings.current'), { exact: true }).inputValue()).toBe('');
    await fill(PASSPHRASE, 'a new harbour with nine cranes');
    await page.getByText(t('ui.settings.changed')).waitFor();
    await app.expectAccessible('settings after a passphrase change');
    await app.screenshot('settings-passphrase-changed');

    await shell.lock();
    const unlock = new UnlockPage(page, t);
    await unlock.unlockWith(PASSPHRASE);
    await unlock.error().waitFor();
    await unlock.unlockWith('a new harbour with nine cranes');
    await shell.navigation().waitFor();
    await app.close();
  });

  for (const language of ['en', 'ru'] as const) {
    it(`replaces the keys when the passphrase may be known: only the new secrets open it (${language})`, async () => {
      const { app, t, shell, page } = await unlockedApp(`settings-rekey-${language}`, language);
      await shell.open('settings');
      const form = page.getByRole('form', { name: t('ui.settings.rekey.title') });
      await form.scrollIntoViewIfNeeded();
      await app.screenshot('settings-rekey');
      const next = 'eleven quiet boats before dawn';
      await form.getByLabel(t('ui.settings.current'), { exact: true }).fill(PASSPHRASE);
      await form.getByLabel(t('ui.settings.next'), { exact: true }).fill(next);
      await form.getByLabel(t('ui.settings.repeat'), { exact: true }).fill(next);
      await form.getByRole('button', { name: t('ui.settings.rekey.submit') }).click();
      const done = page.getByRole('heading', { name: t('ui.settings.rekey.doneTitle') });
      await done.waitFor();
      const groups = page.getByRole('list', { name: t('ui.recovery.keyLabel') }).last();
      const recoveryKey = (await groups.locator('.recovery-key__text').allTextContents()).join('-');
      expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){8}[0-9A-Z]{4}$/u);
      await done.scrollIntoViewIfNeeded();
      await app.expectAccessible(`the new recovery key after a re-key (${language})`);
      await app.screenshot('settings-rekey-done');
      await page.getByRole('button', { name: t('ui.recovery.writtenDown') }).click();
      await shell.lock();
      const unlock = new UnlockPage(page, t);
      await unlock.unlockWith(PASSPHRASE);
      await unlock.error().waitFor();
      await unlock.useRecoveryKey();
      await unlock.unlockWith(recoveryKey, 'recoveryKey');
      await shell.navigation().waitFor();
      await app.close();
    });
  }

  it('keeps the auto-lock minutes in the vault', async () => {
    const { app, t, shell, page } = await unlockedApp('settings-auto-lock', 'en');
    await shell.open('settings');
    const minutes = page.getByLabel(t('ui.settings.autoLockMinutes'), { exact: true });
    await expect.poll(() => minutes.inputValue()).toBe('5');
    await minutes.fill('12');
    await page.getByRole('button', { name: t('ui.settings.save') }).click();
    await page.getByText(t('ui.settings.saved')).waitFor();
    expect(app.core.autoLockMinutes()).toBe(12);
    await app.expectAccessible('settings after saving the auto-lock minutes');
    await app.screenshot('settings-auto-lock-saved');
    await shell.lock();
    await new UnlockPage(page, t).unlockWith(PASSPHRASE);
    await shell.open('settings');
    await expect.poll(() => minutes.inputValue()).toBe('12');
    await app.close();
  });

  it('switches the language anywhere, and remembers it after a restart', async () => {
    const { app, shell, page } = await unlockedApp('settings-language', 'en');
    const en = texts('en');
    const ru = texts('ru');
    await shell.open('settings');
    await app.screenshot('settings-en');
    await shell.switchLanguage('ru');
    await page.getByRole('heading', { level: 1, name: ru('ui.shell.areas.settings') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    await app.expectAccessible('settings in Russian');
    await app.screenshot('settings-ru');
    await expect
      .poll(() => JSON.parse(readFileSync(join(app.dir, 'config.json'), 'utf8')) as unknown)
      .toMatchObject({ language: 'ru' });

    // A restart: a new core over the same folder; the lock screen comes up in Russian.
    const dir = app.dir;
    await app.context.close();
    await app.core.lock('quit');
    const again = await openApp(browser, { name: 'settings-language-restart', dir });
    const unlock = new UnlockPage(again.page, ru);
    await unlock.heading().waitFor();
    await again.expectAccessible('the lock screen after a restart, in Russian');
    await again.screenshot('unlock-after-restart');
    // And back to English from the lock screen itself.
    await new ShellPage(again.page, ru).switchLanguage('en');
    await new UnlockPage(again.page, en).heading().waitFor();
    await again.screenshot('unlock-switched-to-english');
    await again.close();
  });
});
