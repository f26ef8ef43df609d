/**
 * Keyboard only: create → recovery key → confirm → lock → unlock → lock, with Tab, typing,
 * Enter and the shortcut — never the mouse. tabTo() presses Tab until the wanted control has
 * focus, so each step also proves the control can be reached.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

async function tabTo(page: Page, target: Locator, what: string): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${what} cannot be reached with Tab`);
}

describe('keyboard only', () => {
  it('creates, unlocks and locks a vault without the mouse', async () => {
    const app = await openApp(browser, { name: 'keyboard', language: 'en' });
    const t = texts('en');
    const { page } = app;
    const passphrase = 'lantern over the frozen canal';
    try {
      await tabTo(
        page,
        page.getByLabel(t('ui.create.passphrase'), { exact: true }),
        'the passphrase field',
      );
      await page.keyboard.type(passphrase);
      await tabTo(
        page,
        page.getByLabel(t('ui.create.repeat'), { exact: true }),
        'the repeat field',
      );
      await page.keyboard.type(passphrase);
      await tabTo(
        page,
        page.getByRole('button', { name: t('ui.create.submit') }),
        'the create button',
      );
      await page.keyboard.press('Enter');

      await page.getByRole('heading', { name: t('ui.recovery.title') }).waitFor();
      const key = (await page.locator('.recovery-key__text').allTextContents()).join('-');
      await tabTo(
        page,
        page.getByRole('button', { name: t('ui.recovery.writtenDown') }),
        'the written-down button',
      );
      await page.keyboard.press('Enter');

      await page.getByRole('heading', { name: t('ui.confirmKey.title') }).waitFor();
      const labels = await page.locator('.confirm-groups .field__label').allTextContents();
      for (const label of labels) {
        const index = Number(/\d+/.exec(label)?.[0]);
        await tabTo(page, page.getByLabel(label, { exact: true }), label);
        await page.keyboard.type(key.split('-')[index - 1] ?? '');
      }
      await page.keyboard.press('Enter'); // submits the form from the last field

      const shell = new ShellPage(page, t);
      await shell.navigation().waitFor();
      await tabTo(
        page,
        shell.navigation().getByRole('button', { name: t('ui.shell.areas.settings') }),
        'the Settings area',
      );
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: t('ui.shell.areas.settings') }).waitFor();
      await tabTo(page, shell.lockButton(), 'the lock button');
      await page.keyboard.press('Enter');

      const unlock = new UnlockPage(page, t);
      await unlock.heading().waitFor();
      await tabTo(
        page,
        page.getByLabel(t('ui.unlock.passphrase'), { exact: true }),
        'the passphrase field',
      );
      await page.keyboard.type(passphrase);
      await page.keyboard.press('Enter');
      await shell.navigation().waitFor();

      await page.keyboard.press('Control+Shift+L');
      await unlock.heading().waitFor();
      expect(app.core.status().state).toBe('locked');
      await app.screenshot('locked-by-keyboard');
    } finally {
      await app.close();
    }
  });

  it('shows where the focus is, on every kind of control', async () => {
    const app = await openApp(browser, { name: 'keyboard-focus', language: 'en' });
    const t = texts('en');
    const { page } = app;
    try {
      for (const target of [
        page.getByRole('button', { name: t('ui.create.submit') }),
        page.getByLabel(t('ui.create.passphrase'), { exact: true }),
        page.getByRole('button', { name: t('ui.common.showPassphrase') }).first(),
      ]) {
        await tabTo(page, target, 'a control');
        const outline = await target.evaluate((element) => {
          const own = getComputedStyle(element).outlineStyle;
          const control = element.closest('.field__control');
          return own !== 'none' ? own : control ? getComputedStyle(control).outlineStyle : 'none';
        });
        expect(outline).not.toBe('none');
      }
      await app.screenshot('focus-visible');
    } finally {
      await app.close();
    }
  });
});
