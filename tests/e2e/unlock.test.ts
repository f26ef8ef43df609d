/**
 * The unlock screen against real vaults: repeated wrong passphrases slow down, the recovery
 * key opens, a damaged vault says so (a damaged first-format vault offers its previous copy), a vault open elsewhere says so, and the
 * lock screen says why it locked.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateVaultPage } from './pages/create-vault-page.ts';
import { ShellPage } from './pages/shell-page.ts';
import { UnlockPage } from './pages/unlock-page.ts';
import { launchChromium, openApp, type AppSession } from './support/harness.ts';
import { texts } from './support/texts.ts';

const PASSPHRASE = 'paper boat under the old bridge';
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** A session with a vault created through the screens, left locked; returns its key too. */
async function lockedVault(name: string, language: 'en' | 'ru' = 'en') {
  const app = await openApp(browser, { name, language });
  const t = texts(language);
  const key = await new CreateVaultPage(app.page, t).createVault({ passphrase: PASSPHRASE });
  const shell = new ShellPage(app.page, t);
  await shell.navigation().waitFor();
  await shell.lock();
  const unlock = new UnlockPage(app.page, t);
  await unlock.heading().waitFor();
  return { app, t, key, unlock, shell, path: join(app.dir, 'Confidant.confidant') };
}

async function finish(app: AppSession) {
  expect(await app.cspViolations()).toEqual([]);
  expect(app.strayRequests).toEqual([]);
  await app.close();
}

describe('unlock screen', () => {
  it('slows down after repeated wrong passphrases, counting down before the next try', async () => {
    const { app, t, unlock, shell } = await lockedVault('unlock-throttle');
    for (let i = 0; i < 3; i++) {
      await unlock.unlockWith(`wrong guess number ${i}`);
      await app.page.getByText(t('ui.unlock.attempts', { count: i + 1 })).waitFor();
    }
    await app.page
      .getByText(t('ui.unlock.retryIn', { count: 2 }))
      .or(app.page.getByText(t('ui.unlock.retryIn', { count: 1 })))
      .first()
      .waitFor();
    expect(await unlock.submitButton().isDisabled()).toBe(true);
    await app.expectAccessible('the throttled unlock screen');
    await app.screenshot('throttled');
    await app.page
      .getByText(t('ui.unlock.retryIn', { count: 1 }))
      .waitFor({ state: 'detached', timeout: 5000 });
    await unlock.unlockWith(PASSPHRASE);
    await shell.navigation().waitFor();
    await app.page.getByText(t('ui.shell.failedAttempts', { count: 3 })).waitFor();
    await finish(app);
  });

  it('opens with the recovery key, typed in lower case without dashes', async () => {
    const { app, key, unlock, shell } = await lockedVault('unlock-recovery-key');
    await unlock.useRecoveryKey();
    await app.screenshot('recovery-key-mode');
    await app.expectAccessible('the unlock screen in recovery-key mode');
    await unlock.unlockWith(key.toLowerCase().replaceAll('-', ''), 'recoveryKey');
    await shell.navigation().waitFor();
    await finish(app);
  });

  it('says a damaged vault is damaged, and what to do', async () => {
    const { app, t, unlock, path } = await lockedVault('unlock-damaged');
    const keys = join(path, 'keys');
    const bytes = readFileSync(keys);
    bytes[bytes.length - 10]! ^= 0x20;
    writeFileSync(keys, bytes);
    await unlock.unlockWith(PASSPHRASE);
    await unlock.error().waitFor();
    expect(await unlock.error().textContent()).toContain(
      t('errors.VAULT_KEYS_DAMAGED', { file: keys }),
    );
    await app.expectAccessible('the damaged-vault error');
    await app.screenshot('damaged-vault');
    await finish(app);
  });

  it('upgrades a vault of the first format, from its previous copy when the file is damaged', async () => {
    const fixture = JSON.parse(
      readFileSync(join(import.meta.dirname, '../fixtures/vault-v1.json'), 'utf8'),
    ) as { passphrase: string };
    const { app, t, unlock, shell } = await lockedVault('unlock-v1-damaged');
    const path = join(app.dir, 'Old.confidant');
    const good = readFileSync(join(import.meta.dirname, '../fixtures/vault-v1.confidant'));
    writeFileSync(`${path}.1`, good);
    const damaged = Buffer.from(good);
    damaged[damaged.length - 10]! ^= 0x20;
    writeFileSync(path, damaged);
    await unlock.setPath(path);
    await unlock.unlockWith(fixture.passphrase);
    await unlock.error().waitFor();
    expect(await unlock.error().textContent()).toContain(
      t('errors.CORRUPT_VAULT_previous', { file: path, previous: `${path}.1` }),
    );
    await app.screenshot('damaged-v1-vault');
    await unlock.openPreviousCopy();
    await shell.navigation().waitFor();
    // Converted to format 2; the damaged file kept aside, untouched.
    expect(readFileSync(join(path, 'keys')).length).toBeGreaterThan(0);
    expect(readFileSync(`${path}.v1`).equals(damaged)).toBe(true);
    await finish(app);
  });

  it('says a vault open elsewhere is in use, naming the lock file', async () => {
    const { app, t, unlock, path } = await lockedVault('unlock-in-use');
    writeFileSync(
      join(path, 'vault.lock'),
      JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }),
    );
    await unlock.unlockWith(PASSPHRASE);
    await unlock.error().waitFor();
    expect(await unlock.error().textContent()).toContain(
      t('errors.VAULT_IN_USE', {
        file: path,
        pid: process.pid,
        host: hostname(),
        lockFile: join(path, 'vault.lock'),
      }),
    );
    await app.expectAccessible('the vault-in-use error');
    await app.screenshot('vault-in-use');
    await finish(app);
  });

  it('says a missing vault file is missing', async () => {
    const { app, t, unlock } = await lockedVault('unlock-missing');
    const elsewhere = join(app.dir, 'moved.confidant');
    await unlock.setPath(elsewhere);
    await unlock.unlockWith(PASSPHRASE);
    await unlock.error().waitFor();
    expect(await unlock.error().textContent()).toContain(
      t('errors.FILE_NOT_FOUND', { file: elsewhere }),
    );
    await finish(app);
  });
});

describe('locking', () => {
  it('locks on Ctrl+Shift+L from anywhere in the app', async () => {
    const { app, unlock, shell } = await lockedVault('lock-shortcut');
    await unlock.unlockWith(PASSPHRASE);
    await shell.navigation().waitFor();
    await app.page.keyboard.press('Control+Shift+L');
    await unlock.heading().waitFor();
    expect(app.core.status().lockedBecause).toBe('shortcut');
    await finish(app);
  });

  for (const [reason, language] of [
    ['idle', 'en'],
    ['suspend', 'ru'],
    ['screen-lock', 'en'],
  ] as const) {
    it(`after an automatic lock (${reason}) the lock screen says why (${language})`, async () => {
      const { app, t, unlock, shell } = await lockedVault(`lock-${reason}`, language);
      await unlock.unlockWith(PASSPHRASE);
      await shell.navigation().waitFor();
      await app.emitLocked(reason);
      await app.page.getByText(t(`ui.unlock.lockedBecause.${reason}`)).waitFor();
      await app.expectAccessible(`the lock screen after ${reason}`);
      await app.screenshot(`locked-${reason}`);
      await finish(app);
    });
  }
});
