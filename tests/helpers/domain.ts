import { join } from 'node:path';
import type { CoreApiOptions } from '../../electron/core/api.ts';
import {
  MAX_PERSON_PAGE,
  type PersonListPage,
  type PersonListRow,
  type PersonQueryInput,
} from '../../shared/records.ts';
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

/** Every row of the people list for `input`, read page after page (persons:list pages). */
export async function allPersons(
  api: TestApi,
  input: PersonQueryInput = {},
): Promise<PersonListRow[]> {
  const rows: PersonListRow[] = [];
  let after: string | null = null;
  do {
    const page: PersonListPage = await api.call('persons:list', {
      ...input,
      limit: MAX_PERSON_PAGE,
      after,
    });
    rows.push(...page.rows);
    after = page.nextCursor;
  } while (after !== null);
  return rows;
}
