/**
 * Real crashes: a second Node process (tests/helpers/crash-child.ts) uses a vault and is
 * killed with SIGKILL — no clean-up, no lock(), no checkpoint — at chosen moments. Every wait
 * is on what the child printed or did to the disk, never on a clock.
 *
 * 1. A commit loop, killed after 1, 5, 20, 60 … acknowledged commits: every commit the child
 *    acknowledged (printed after the commit returned) is in the vault afterwards, the database
 *    passes integrity_check, a commit is all or nothing, and no file of the folder — vault.db,
 *    the WAL the kill left behind — holds a plaintext marker.
 * 2. An upgrade of the committed format-1 fixture, killed while the database is copied,
 *    before the keys are written, between the two renames, and after them: the vault opens
 *    afterwards with all the fixture's data, and the format-1 file is kept byte for byte.
 */
import { copyFileSync, readdirSync, readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { listAuditEvents } from '../../electron/core/repos/audit-events.ts';
import { getSetting } from '../../electron/core/repos/settings.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { startVaultChild, type VaultChild } from '../helpers/vault-child.ts';
import { createTestVault, PASSPHRASE } from '../helpers/vaults.ts';
import { containsForbidden } from './scenarios/markers.ts';

const tempDir = useTempDir('confidant-crash-');

const FIXTURE = resolve(import.meta.dirname, '../fixtures/vault-v1.confidant');
const fixture = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../fixtures/vault-v1.json'), 'utf8'),
) as { passphrase: string; recoveryKey: string; note: string; auditEvents: number };

/** Every file under `root` (recursively), with its size. */
function filesUnder(root: string): { file: string; size: number }[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((name) => join(root, name))
    .filter((file) => statSync(file).isFile())
    .map((file) => ({ file, size: statSync(file).size }));
}

/** Files under `root` holding one of `patterns` (or, by default, a marker or SQLite's header). */
function plaintextIn(root: string, patterns?: Buffer[]): string[] {
  return filesUnder(root).flatMap(({ file }) => {
    const bytes = readFileSync(file);
    const hit = patterns
      ? patterns.find((pattern) => bytes.includes(pattern))?.toString('utf8')
      : containsForbidden(bytes);
    return hit === undefined ? [] : [`${file}: ${hit}`];
  });
}

// ---------------------------------------------------------------------------------------------

/** Acknowledged commits before each kill: each its own process, its own run of the loop. */
const KILL_AFTER = [1, 5, 20, 60, 2, 9, 33, 3];

/**
 * Reads the numbers the child acknowledges until there are `count`, kills it, and returns them
 * with those already in the pipe (printed after their commit too).
 */
async function acknowledgedUntilKilled(child: VaultChild, count: number): Promise<number[]> {
  const numbers: number[] = [];
  const parse = (line: string) => {
    if (!/^\d+$/.test(line)) throw new Error(`unexpected line "${line}": ${child.stderr()}`);
    return Number(line);
  };
  while (numbers.length < count) numbers.push(parse(await child.nextLine()));
  await child.kill();
  for (;;) {
    const line = await child.nextLine().catch(() => undefined);
    if (line === undefined) break;
    numbers.push(parse(line));
  }
  return numbers;
}

describe('SIGKILL during a loop of commits', () => {
  it(`at ${String(KILL_AFTER.length)} moments: every acknowledged commit is there, whole, and nothing on disk is readable`, async () => {
    const dir = tempDir();
    const created = await createTestVault(dir);
    await created.vault.lock();
    const { path } = created;
    const acknowledged: number[] = [];
    let first = 0;
    let liveWalsScanned = 0;
    let child = startVaultChild(['commit', path, PASSPHRASE]);
    onTestFinished(() => child.kill());
    for (const [run, count] of KILL_AFTER.entries()) {
      const what = `run ${String(run)} (kill after ${String(count)})`;
      await child.begin(String(first));
      const numbers = await acknowledgedUntilKilled(child, count);
      expect(numbers[0], what).toBe(first);
      acknowledged.push(...numbers);
      // Killed with the vault open: its lock file names the dead process.
      expect(JSON.parse(readFileSync(join(path, 'vault.lock'), 'utf8')), what).toMatchObject({
        pid: child.pid,
      });
      // What the kill left on disk, WAL included, before anyone opens it again.
      expect(plaintextIn(path), what).toEqual([]);
      if (filesUnder(path).some(({ file, size }) => file.endsWith('-wal') && size > 0))
        liveWalsScanned++;
      // The next process loads its modules while this one's work is checked.
      if (run + 1 < KILL_AFTER.length) child = startVaultChild(['commit', path, PASSPHRASE]);

      // The dead process's lock is taken over; its WAL is replayed.
      const vault = await Vault.unlock(path, { passphrase: PASSPHRASE });
      try {
        expect(vault.db.pragma('integrity_check', { simple: true }), what).toBe('ok');
        const rows = vault.db
          .prepare(`SELECT key, value FROM settings WHERE key LIKE 'crash.%'`)
          .all() as { key: string; value: string }[];
        const committed = rows.map((row) => Number(row.key.slice('crash.'.length)));
        const last = Math.max(...committed);
        // Commits are in order, so what is there is 0 … last, without a gap …
        expect(
          [...committed].sort((a, b) => a - b),
          what,
        ).toEqual(Array.from({ length: last + 1 }, (_, i) => i));
        // … and holds everything acknowledged (and perhaps a few not yet acknowledged).
        expect(last, what).toBeGreaterThanOrEqual(Math.max(...acknowledged));
        for (const row of rows) expect(row.value.endsWith(`#${row.key.slice(6)}`), what).toBe(true);
        // Each commit is whole: its audit event is there exactly when its setting is.
        const events = listAuditEvents(vault.db, 100_000).filter(
          (e) => e.action === 'crash.commit',
        );
        expect(events, what).toHaveLength(rows.length);
        first = last + 1;
      } finally {
        await vault.lock();
      }
      expect(readdirSync(path).sort(), what).toEqual(['keys', 'vault.db']);
      expect(plaintextIn(path), what).toEqual([]);
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER.reduce((a, b) => a + b, 0));
    // The scans above looked at WALs the kill left behind, not only at checkpointed files.
    expect(liveWalsScanned).toBeGreaterThan(0);
  }, 180_000);
});

// ---------------------------------------------------------------------------------------------

/** The fixture's plaintext: its note and codenames (UTF-8 and UTF-16), and SQLite's header. */
const FIXTURE_PLAINTEXT = [fixture.note, 'CODENAME-', 'SQLite format 3'].flatMap((text) => [
  Buffer.from(text, 'utf8'),
  Buffer.from(text, 'utf16le'),
]);

type UpgradeMoment = 'copying' | 'before keys' | 'between the renames' | 'after the renames';

interface KillPlan {
  moment: UpgradeMoment;
  /** Kill when the child is about to do this ("step OP PATH", paths relative to the folder). */
  at?: (step: string) => boolean;
}

const UPGRADE_KILLS: KillPlan[] = [
  // Killed while SQLite writes the new database (the first write to it after the folder was
  // made); at the latest before the keys file.
  { moment: 'copying' },
  {
    moment: 'before keys',
    at: (s) => s.startsWith('step createExclusive v.confidant.upgrading/.keys.tmp-'),
  },
  {
    moment: 'between the renames',
    at: (s) => s === 'step rename v.confidant.upgrading -> v.confidant',
  },
  { moment: 'after the renames', at: (s) => s === 'step unlink v.confidant.lock' },
];

/**
 * Drives the child through its file operations and kills it at `plan`'s moment. For
 * 'copying', a watch on the new folder kills it at the first write to vault.db or its journal.
 */
async function killDuringUpgrade(child: VaultChild, dir: string, plan: KillPlan): Promise<void> {
  let watcher: FSWatcher | undefined;
  let killing: Promise<void> | undefined;
  const kill = () => (killing ??= child.kill());
  try {
    for (;;) {
      const line = await child.nextLine().catch(() => undefined);
      if (line === undefined || killing) break;
      if (line === 'unlocked')
        throw new Error(`the upgrade finished before the kill (${plan.moment})`);
      const step = line.replaceAll(`${dir}/`, '');
      if (plan.at?.(step)) {
        await kill();
        break;
      }
      if (plan.moment === 'copying') {
        if (step === 'done makeFolder v.confidant.upgrading') {
          watcher = watch(join(dir, 'v.confidant.upgrading'), (event, name) => {
            if (name === 'vault.db-journal' || (name === 'vault.db' && event === 'change'))
              void kill();
          });
        } else if (watcher && step.startsWith('step ')) {
          // The copy is done and verified: the latest moment that still counts as copying.
          await kill();
          break;
        }
      }
      child.send('go');
    }
    await killing;
  } finally {
    watcher?.close();
  }
}

function kindOf(path: string): 'file' | 'folder' | null {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch {
    return null;
  }
}

describe('SIGKILL while a format-1 vault is upgraded', () => {
  it('at four moments: the vault opens afterwards with all its data, the format-1 file kept byte for byte, nothing readable on disk', async () => {
    const original = readFileSync(FIXTURE);
    const dirs = UPGRADE_KILLS.map(() => tempDir());
    const start = (dir: string) =>
      startVaultChild(['upgrade', join(dir, 'v.confidant'), fixture.passphrase]);
    let child = start(dirs[0]!);
    onTestFinished(() => child.kill());
    for (const [i, plan] of UPGRADE_KILLS.entries()) {
      const dir = dirs[i]!;
      const path = join(dir, 'v.confidant');
      copyFileSync(FIXTURE, path);
      await child.begin();
      await killDuringUpgrade(child, dir, plan);
      expect(await child.exited, plan.moment).toMatchObject({ signal: 'SIGKILL' });
      if (i + 1 < UPGRADE_KILLS.length) child = start(dirs[i + 1]!);

      // Where the kill left the upgrade.
      const state = {
        file: kindOf(path),
        kept: kindOf(`${path}.v1`),
        building: kindOf(`${path}.upgrading`),
        keys: kindOf(join(`${path}.upgrading`, 'keys')),
      };
      expect(state, plan.moment).toEqual(
        {
          copying: { file: 'file', kept: null, building: 'folder', keys: null },
          'before keys': { file: 'file', kept: null, building: 'folder', keys: null },
          'between the renames': { file: null, kept: 'file', building: 'folder', keys: 'file' },
          'after the renames': { file: 'folder', kept: 'file', building: null, keys: null },
        }[plan.moment],
      );
      expect(plaintextIn(dir, FIXTURE_PLAINTEXT), plan.moment).toEqual([]);

      // The next unlock finishes the job (or starts it again), with either secret.
      const secret =
        i % 2 === 0 ? { passphrase: fixture.passphrase } : { recoveryKey: fixture.recoveryKey };
      const vault = await Vault.unlock(path, secret);
      try {
        expect(vault.formatVersion, plan.moment).toBe(2);
        expect(getSetting(vault.db, 'fixture.note'), plan.moment).toBe(fixture.note);
        expect(listAuditEvents(vault.db, 1000), plan.moment).toHaveLength(fixture.auditEvents);
        expect(vault.db.pragma('integrity_check', { simple: true }), plan.moment).toBe('ok');
      } finally {
        await vault.lock();
      }
      expect(readFileSync(`${path}.v1`).equals(original), plan.moment).toBe(true);
      expect(kindOf(`${path}.upgrading`), plan.moment).toBeNull();
      expect(readdirSync(path).sort(), plan.moment).toEqual(['keys', 'vault.db']);
      expect(plaintextIn(dir, FIXTURE_PLAINTEXT), plan.moment).toEqual([]);
    }
  }, 180_000);
});
