/**
 * The core API behind IPC, called through dispatch exactly as main and the browser bench call
 * it: create with a confirmed recovery key, unlock and its throttle, lock, settings, passphrase
 * change, and every kind of bad input refused with VALIDATION and nothing changed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/contract.ts';
import { fileConfigStore } from '../../electron/core/app-config.ts';
import { listAuditEvents } from '../../electron/core/repos/audit-events.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import { makeTestApi } from '../helpers/api.ts';
import { snapshotDir } from '../helpers/dir-snapshot.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { vaultBytes } from '../helpers/vaults.ts';

const tempDir = useTempDir();
const PASSPHRASE = 'a long enough passphrase';

function errorOf(result: ApiResult<unknown>) {
  expect(result.ok).toBe(false);
  return result.ok ? undefined : result.error;
}

/** Creates a vault through the API (prepare → confirm the asked groups → finish). */
async function createThroughApi(
  api: ReturnType<typeof makeTestApi>,
  path: string,
  passphrase = PASSPHRASE,
) {
  const { recoveryKey, groupsToConfirm } = await api.call('vault:prepareCreate', {
    path,
    passphrase,
  });
  const groups = recoveryKey.split('-');
  const status = await api.call('vault:finishCreate', {
    groups: groupsToConfirm.map((index) => ({ index, value: groups[index - 1]! })),
  });
  return { recoveryKey, status };
}

describe('app', () => {
  it('describes itself, starting with no vault', async () => {
    const dir = tempDir();
    const api = makeTestApi(dir);
    expect(await api.call('app:info', {})).toMatchObject({
      version: '0.1.0',
      language: 'en',
      defaultVaultPath: join(dir, 'Confidant.confidant'),
      fileDialogs: false,
    });
    expect(await api.call('vault:status', {})).toMatchObject({ state: 'no-vault', path: null });
  });

  it('remembers the language across restarts', async () => {
    const dir = tempDir();
    await makeTestApi(dir).call('app:setLanguage', { language: 'ru' });
    expect(await makeTestApi(dir).call('app:info', {})).toMatchObject({ language: 'ru' });
    expect(fileConfigStore(join(dir, 'config.json')).read().language).toBe('ru');
  });
});

describe('creating a vault', () => {
  it('writes nothing until the user has typed back two groups of the recovery key', async () => {
    const dir = tempDir();
    const api = makeTestApi(dir);
    const path = join(dir, 'office.confidant');
    const { recoveryKey, groupsToConfirm } = await api.call('vault:prepareCreate', {
      path,
      passphrase: PASSPHRASE,
    });
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){8}[0-9A-Z]{4}$/);
    expect(groupsToConfirm[0]).toBeLessThan(groupsToConfirm[1]);
    expect(existsSync(path)).toBe(false);
    const groups = recoveryKey.split('-');
    const wrong = await api.raw('vault:finishCreate', {
      groups: [
        { index: groupsToConfirm[0], value: groups[groupsToConfirm[0] - 1] },
        { index: groupsToConfirm[1], value: 'ZZZZ' },
      ],
    });
    expect(errorOf(wrong)).toMatchObject({ code: 'RECOVERY_CONFIRMATION_MISMATCH' });
    expect(existsSync(path)).toBe(false);
    // Typed in lower case, as on a Russian layout: still accepted.
    const status = await api.call('vault:finishCreate', {
      groups: groupsToConfirm.map((index) => ({ index, value: groups[index - 1]!.toLowerCase() })),
    });
    expect(status).toMatchObject({ state: 'unlocked', path });
    expect(existsSync(path)).toBe(true);
    expect(api.statuses.at(-1)).toMatchObject({ state: 'unlocked' });
    await api.call('vault:lock', {});
    expect(await api.call('vault:status', {})).toMatchObject({ state: 'locked', path });
  });

  it('asks for the groups it chose, not others', async () => {
    const dir = tempDir();
    const api = makeTestApi(dir);
    const { recoveryKey, groupsToConfirm } = await api.call('vault:prepareCreate', {
      path: join(dir, 'v.confidant'),
      passphrase: PASSPHRASE,
    });
    const others = [1, 2, 3, 4, 5, 6, 7, 8, 9]
      .filter((i) => !groupsToConfirm.includes(i))
      .slice(0, 2);
    const groups = recoveryKey.split('-');
    const result = await api.raw('vault:finishCreate', {
      groups: others.map((index) => ({ index, value: groups[index - 1] })),
    });
    expect(errorOf(result)).toMatchObject({ code: 'RECOVERY_CONFIRMATION_MISMATCH' });
  });

  it('creates the suggested folder on a first run, but never a folder the user typed', async () => {
    const dir = tempDir();
    const api = makeTestApi(dir, {
      defaultVaultPath: join(dir, 'Documents', 'Confidant', 'Confidant.confidant'),
    });
    const suggested = join(dir, 'Documents', 'Confidant', 'Confidant.confidant');
    await createThroughApi(api, suggested);
    expect(existsSync(suggested)).toBe(true);
    await api.call('vault:lock', {});
    const typed = await api.raw('vault:prepareCreate', {
      path: join(dir, 'Elsewhere', 'v.confidant'),
      passphrase: PASSPHRASE,
    });
    expect(errorOf(typed)).toMatchObject({ code: 'FOLDER_NOT_FOUND' });
    expect(existsSync(join(dir, 'Elsewhere'))).toBe(false);
  });

  it('can be cancelled, leaving nothing behind', async () => {
    const dir = tempDir();
    const api = makeTestApi(dir);
    const before = snapshotDir(dir);
    await api.call('vault:prepareCreate', {
      path: join(dir, 'v.confidant'),
      passphrase: PASSPHRASE,
    });
    // Nothing is written before the recovery key has been confirmed.
    expect(snapshotDir(dir)).toEqual(before);
    await api.call('vault:cancelCreate', {});
    expect(snapshotDir(dir)).toEqual(before);
    expect(
      errorOf(
        await api.raw('vault:finishCreate', {
          groups: [
            { index: 1, value: 'A' },
            { index: 2, value: 'B' },
          ],
        }),
      ),
    ).toMatchObject({
      code: 'NO_PENDING_VAULT',
    });
  });

  it('refuses an empty passphrase with its reason, creating nothing', async () => {
    const dir = tempDir();
    const api = makeTestApi(dir);
    const before = snapshotDir(dir);
    const result = await api.raw('vault:prepareCreate', {
      path: join(dir, 'v.confidant'),
      passphrase: '',
    });
    expect(errorOf(result)).toMatchObject({ code: 'PASSPHRASE_EMPTY' });
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('takes a Cyrillic passphrase, and it opens the vault again', async () => {
    const dir = tempDir();
    const api = makeTestApi(dir);
    const path = join(dir, 'v.confidant');
    await createThroughApi(api, path, 'Тайная вечеря в четверг');
    await api.call('vault:lock', {});
    expect(
      await api.call('vault:unlock', { path, secret: { passphrase: 'Тайная вечеря в четверг' } }),
    ).toMatchObject({
      state: 'unlocked',
    });
  });
});

describe('unlocking', () => {
  async function lockedVault() {
    const dir = tempDir();
    let clock = Date.parse('2026-11-21T12:00:00Z');
    const api = makeTestApi(dir, { now: () => new Date(clock) });
    const path = join(dir, 'v.confidant');
    const { recoveryKey } = await createThroughApi(api, path);
    await api.call('vault:lock', {});
    return { dir, api, path, recoveryKey, advance: (seconds: number) => (clock += seconds * 1000) };
  }

  it('says WRONG_PASSPHRASE with the attempt count, and slows down after the second miss', async () => {
    const { api, path, advance } = await lockedVault();
    const wrong = () => api.raw('vault:unlock', { path, secret: { passphrase: 'not it at all' } });
    expect(errorOf(await wrong())).toMatchObject({
      code: 'WRONG_PASSPHRASE',
      details: { failedAttempts: 1, retryAfterSeconds: 0 },
    });
    expect(errorOf(await wrong())).toMatchObject({
      details: { failedAttempts: 2, retryAfterSeconds: 0 },
    });
    expect(errorOf(await wrong())).toMatchObject({
      details: { failedAttempts: 3, retryAfterSeconds: 2 },
    });
    // Too soon: refused before any key derivation.
    const started = performance.now();
    expect(errorOf(await wrong())).toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      details: { retryAfterSeconds: 2, file: path },
    });
    expect(performance.now() - started).toBeLessThan(50);
    expect(
      errorOf(await api.raw('vault:unlock', { path, secret: { passphrase: PASSPHRASE } })),
    ).toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
    });
    advance(2);
    expect(errorOf(await wrong())).toMatchObject({
      details: { failedAttempts: 4, retryAfterSeconds: 4 },
    });
    expect(await api.call('vault:status', {})).toMatchObject({
      failedAttempts: 4,
      retryAfterSeconds: 4,
    });
    advance(4);
    const status = await api.call('vault:unlock', { path, secret: { passphrase: PASSPHRASE } });
    expect(status).toMatchObject({
      state: 'unlocked',
      failedAttemptsBeforeUnlock: 4,
      failedAttempts: 0,
    });
  });

  it('records the unlock, and the failed attempts before it, in the audit trail', async () => {
    const { api, path } = await lockedVault();
    await api.raw('vault:unlock', { path, secret: { passphrase: 'wrong passphrase' } });
    await api.call('vault:unlock', { path, secret: { passphrase: PASSPHRASE } });
    await api.call('vault:lock', {});
    const vault = await Vault.unlock(path, { passphrase: PASSPHRASE }, { readOnly: true });
    const actions = listAuditEvents(vault.db).map((event) => [event.action, event.detail]);
    await vault.lock();
    expect(actions).toContainEqual([
      'vault.unlocked',
      { method: 'passphrase', failedAttemptsBefore: 1 },
    ]);
    expect(actions).toContainEqual(['vault.locked', { reason: 'manual' }]);
  });

  it('opens with the recovery key', async () => {
    const { api, path, recoveryKey } = await lockedVault();
    expect(await api.call('vault:unlock', { path, secret: { recoveryKey } })).toMatchObject({
      state: 'unlocked',
    });
  });

  it('says a damaged vault is damaged and changes nothing', async () => {
    const { api, path } = await lockedVault();
    const keys = join(path, 'keys');
    const bytes = readFileSync(keys);
    bytes[40]! ^= 1;
    writeFileSync(keys, bytes);
    const before = vaultBytes(path);
    const error = errorOf(
      await api.raw('vault:unlock', { path, secret: { passphrase: PASSPHRASE } }),
    );
    expect(error).toMatchObject({ code: 'VAULT_KEYS_DAMAGED' });
    expect(vaultBytes(path).equals(before)).toBe(true);
  });

  it('a damaged format-1 vault offers its previous copy, and is upgraded from it on request', async () => {
    const dir = tempDir();
    const api = makeTestApi(dir);
    const fixture = JSON.parse(
      readFileSync(join(import.meta.dirname, '../fixtures/vault-v1.json'), 'utf8'),
    ) as { passphrase: string; auditEvents: number };
    const path = join(dir, 'old.confidant');
    const good = readFileSync(join(import.meta.dirname, '../fixtures/vault-v1.confidant'));
    writeFileSync(`${path}.1`, good);
    const damaged = Buffer.from(good);
    damaged[damaged.length - 5]! ^= 1;
    writeFileSync(path, damaged);
    const error = errorOf(
      await api.raw('vault:unlock', { path, secret: { passphrase: fixture.passphrase } }),
    );
    expect(error).toMatchObject({ code: 'CORRUPT_VAULT', details: { previous: `${path}.1` } });
    expect(readFileSync(path).equals(damaged)).toBe(true);
    expect(
      await api.call('vault:unlock', {
        path,
        secret: { passphrase: fixture.passphrase },
        generation: 1,
      }),
    ).toMatchObject({ state: 'unlocked' });
    // The damaged file is kept aside, not destroyed; the vault is now a format-2 folder.
    expect(readFileSync(`${path}.v1`).equals(damaged)).toBe(true);
    expect(existsSync(join(path, 'keys'))).toBe(true);
  });

  it('says a vault open elsewhere is in use', async () => {
    const { api, path } = await lockedVault();
    writeFileSync(
      join(path, 'vault.lock'),
      JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }),
    );
    expect(
      errorOf(await api.raw('vault:unlock', { path, secret: { passphrase: PASSPHRASE } })),
    ).toMatchObject({
      code: 'VAULT_IN_USE',
    });
  });
});

describe('while locked', () => {
  it('refuses every vault call with VAULT_LOCKED', async () => {
    const dir = tempDir();
    const api = makeTestApi(dir);
    for (const [channel, input] of [
      ['settings:get', {}],
      ['settings:update', { autoLockMinutes: 10 }],
      ['vault:changePassphrase', { current: PASSPHRASE, next: 'another passphrase' }],
    ] as const) {
      expect(errorOf(await api.raw(channel, input)), channel).toMatchObject({
        code: 'VAULT_LOCKED',
      });
    }
  });
});

describe('settings and passphrase', () => {
  it('keeps the auto-lock minutes inside the vault (default 5)', async () => {
    const dir = tempDir();
    const api = makeTestApi(dir);
    const path = join(dir, 'v.confidant');
    await createThroughApi(api, path);
    expect(await api.call('settings:get', {})).toEqual({
      autoLockMinutes: 5,
      reviewIntervals: { critical: 30, high: 60, moderate: 120, low: 180 },
    });
    expect(api.core.autoLockMinutes()).toBe(5);
    await api.call('settings:update', { autoLockMinutes: 15 });
    await api.call('vault:lock', {});
    expect(api.core.autoLockMinutes()).toBeNull();
    await api.call('vault:unlock', { path, secret: { passphrase: PASSPHRASE } });
    expect(await api.call('settings:get', {})).toMatchObject({ autoLockMinutes: 15 });
  });

  it('changes the passphrase only with the current one', async () => {
    const dir = tempDir();
    const api = makeTestApi(dir);
    const path = join(dir, 'v.confidant');
    await createThroughApi(api, path);
    expect(
      errorOf(
        await api.raw('vault:changePassphrase', {
          current: 'a wrong guess',
          next: 'the new passphrase',
        }),
      ),
    ).toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    expect(
      errorOf(await api.raw('vault:changePassphrase', { current: PASSPHRASE, next: 'short' })),
    ).toMatchObject({
      code: 'PASSPHRASE_TOO_SHORT',
    });
    await api.call('vault:changePassphrase', { current: PASSPHRASE, next: 'the new passphrase' });
    await api.call('vault:lock', {});
    expect(
      errorOf(await api.raw('vault:unlock', { path, secret: { passphrase: PASSPHRASE } })),
    ).toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    expect(
      await api.call('vault:unlock', { path, secret: { passphrase: 'the new passphrase' } }),
    ).toMatchObject({
      state: 'unlocked',
    });
  });
});

describe('storage failures while working', () => {
  it('a damaged page met while working says the vault is damaged (restore a backup), never a wrong answer', async () => {
    const dir = tempDir();
    const api = makeTestApi(dir);
    const path = join(dir, 'v.confidant');
    await createThroughApi(api, path);
    for (let i = 0; i < 300; i++)
      await api.call('agencies:create', {
        name: `Agency ${String(i)}`,
        admittedProblems: 'x'.repeat(2000),
      });
    await api.call('vault:lock', {});
    await api.call('vault:unlock', { path, secret: { passphrase: PASSPHRASE } });
    // Flip one byte in a page near the end of the file: data the unlock has not read yet.
    const file = join(path, 'vault.db');
    const bytes = readFileSync(file);
    bytes[bytes.length - 4096 * 3 + 100]! ^= 1;
    writeFileSync(file, bytes);
    const error = errorOf(await api.raw('agencies:list', {}));
    expect(error).toMatchObject({ code: 'CORRUPT_VAULT', details: { file: path } });
    // The vault still locks, and what is damaged stays as it was for the user to deal with.
    expect(await api.call('vault:lock', { reason: 'manual' })).toMatchObject({ state: 'locked' });
  });
});

describe('bad input over IPC', () => {
  it.each([
    ['an unknown channel', 'vault:explode', {}],
    ['input of the wrong type', 'vault:unlock', 'please'],
    ['a missing field', 'vault:unlock', { path: '/tmp/v.confidant' }],
    ['a number for a string', 'vault:unlock', { path: 42, secret: { passphrase: 'x' } }],
    ['an extra field', 'vault:status', { sneaky: true }],
    [
      'an extra field inside',
      'vault:unlock',
      { path: '/tmp/v', secret: { passphrase: 'x', also: 1 } },
    ],
    [
      'both secrets at once',
      'vault:unlock',
      { path: '/tmp/v', secret: { passphrase: 'x', recoveryKey: 'y' } },
    ],
    ['a relative path', 'vault:prepareCreate', { path: 'v.confidant', passphrase: PASSPHRASE }],
    [
      'a 10 MB passphrase',
      'vault:prepareCreate',
      { path: '/tmp/v.confidant', passphrase: 'x'.repeat(10_000_000) },
    ],
    [
      'a 1 MB path',
      'vault:unlock',
      { path: `/${'a'.repeat(1_000_000)}`, secret: { passphrase: 'x' } },
    ],
    ['auto-lock of 0 minutes', 'settings:update', { autoLockMinutes: 0 }],
    ['auto-lock of 1.5 minutes', 'settings:update', { autoLockMinutes: 1.5 }],
    ['an unknown language', 'app:setLanguage', { language: 'de' }],
    [
      'a generation out of range',
      'vault:unlock',
      { path: '/tmp/v', secret: { passphrase: 'x' }, generation: 99 },
    ],
    [
      'too many recovery groups',
      'vault:finishCreate',
      { groups: [1, 2, 3].map((index) => ({ index, value: 'AAAA' })) },
    ],
  ])('%s is refused with VALIDATION and changes nothing', async (_name, channel, input) => {
    const dir = tempDir();
    const api = makeTestApi(dir);
    const before = snapshotDir(dir);
    expect(errorOf(await api.raw(channel, input))).toMatchObject({ code: 'VALIDATION' });
    expect(snapshotDir(dir)).toEqual(before);
    expect(api.core.status().state).toBe('no-vault');
  });

  it('never passes on a handler output of the wrong shape', async () => {
    const dir = tempDir();
    const api = makeTestApi(dir);
    const broken = {
      ...api.handlers,
      'vault:status': () => Promise.resolve({ state: 'open' }),
    } as unknown as typeof api.handlers;
    const { dispatch } = await import('../../electron/core/ipc/dispatch.ts');
    expect(errorOf(await dispatch(broken, 'vault:status', {}))).toMatchObject({ code: 'INTERNAL' });
  });
});
