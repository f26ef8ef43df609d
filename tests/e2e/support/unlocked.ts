/**
 * An app with a fresh vault, created through the UI and unlocked, for tests of the screens
 * behind the lock; and `seed`, to put records in it through the same dispatch as IPC (zod
 * defaults applied), when a test is about one screen and not about typing the data in.
 */
import type { Browser } from 'playwright-core';
import type { Channel, Input, Output } from '../../../shared/contract.ts';
import { dispatch } from '../../../electron/core/ipc/dispatch.ts';
import { CreateVaultPage } from '../pages/create-vault-page.ts';
import { ShellPage } from '../pages/shell-page.ts';
import { openApp, type AppOptions, type AppSession } from './harness.ts';
import { texts } from './texts.ts';

export const E2E_PASSPHRASE = 'seven green lamps on the quay';

export async function unlockedApp(
  browser: Browser,
  name: string,
  language: 'en' | 'ru',
  options: Partial<AppOptions> = {},
) {
  const app = await openApp(browser, { name, language, ...options });
  const t = texts(language);
  await new CreateVaultPage(app.page, t).createVault({ passphrase: E2E_PASSPHRASE });
  const shell = new ShellPage(app.page, t);
  await shell.navigation().waitFor();
  return { app, t, shell, page: app.page };
}

/** Calls the core as the renderer would (validation, defaults, error codes). */
export async function seed<C extends Channel>(
  app: AppSession,
  channel: C,
  input: Input<C>,
): Promise<Output<C>> {
  const result = await dispatch(app.core.handlers as never, channel, input);
  if (!result.ok)
    throw new Error(`${channel}: ${result.error.code} ${JSON.stringify(result.error.details)}`);
  return result.value as Output<C>;
}
