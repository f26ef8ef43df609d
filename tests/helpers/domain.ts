import { join } from 'node:path';
import { makeTestApi, type TestApi } from './api.ts';

const PASSPHRASE = 'a long enough passphrase';

/** An API with a fresh, unlocked vault at `dir/vault.confidant`. */
export async function openTestVault(dir: string): Promise<TestApi & { path: string }> {
  const api = makeTestApi(dir);
  const path = join(dir, 'vault.confidant');
  const { recoveryKey, groupsToConfirm } = await api.call('vault:prepareCreate', {
    path,
    passphrase: PASSPHRASE,
  });
  const groups = recoveryKey.split('-');
  await api.call('vault:finishCreate', {
    groups: groupsToConfirm.map((index) => ({ index, value: groups[index - 1] ?? '' })),
  });
  return Object.assign(api, { path });
}
