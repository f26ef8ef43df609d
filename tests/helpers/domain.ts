import { join } from 'node:path';
import type { CoreApiOptions } from '../../electron/core/api.ts';
import { makeTestApi, type TestApi } from './api.ts';

/** The passphrase of every vault openTestVault makes. */
export const PASSPHRASE = 'a long enough passphrase';

/**
 * An API with a fresh, unlocked vault at `dir/vault.confidant`. `overrides` go to makeTestApi,
 * e.g. `{ now: () => clock }` for a clock the test controls.
 */
export async function openTestVault(
  dir: string,
  overrides: Partial<CoreApiOptions> = {},
  name = 'vault.confidant',
): Promise<TestApi & { path: string; recoveryKey: string }> {
  const api = makeTestApi(dir, overrides);
  const path = join(dir, name);
  const { recoveryKey, groupsToConfirm } = await api.call('vault:prepareCreate', {
    path,
    passphrase: PASSPHRASE,
  });
  const groups = recoveryKey.split('-');
  await api.call('vault:finishCreate', {
    groups: groupsToConfirm.map((index) => ({ index, value: groups[index - 1] ?? '' })),
  });
  return Object.assign(api, { path, recoveryKey });
}
