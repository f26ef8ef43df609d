/**
 * `confidant backup create | verify | restore` in-process: runCli with its own stdin/stdout/
 * stderr, the fast Argon2id, and a fresh folder per test. A vault is a folder (`keys` and
 * `vault.db`); a restore makes a new one. Every failure also proves that nothing on disk
 * changed; every success that only the expected files appeared.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run.ts';
import { latestSchemaVersion } from '../../electron/core/db/migrate.ts';
import { generateDemoData } from '../../electron/core/services/demo/generate.ts';
import { nodeFs, type FsPort } from '../../electron/core/vault/fs-port.ts';
import { Vault, type UnlockSecret, type VaultOptions } from '../../electron/core/vault/vault.ts';
import { APP_VERSION } from '../../shared/app-info.ts';
import { BACKUP_EXTENSION } from '../../shared/backup.ts';
import { en } from '../../shared/i18n/en.ts';
import { ru } from '../../shared/i18n/ru.ts';
import { editHeader, headerLengthOf } from '../helpers/container-bytes.ts';
import { snapshotDir } from '../helpers/dir-snapshot.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import { faultyFs } from '../helpers/faulty-fs.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { createTestVault, PASSPHRASE, vaultBytes } from '../helpers/vaults.ts';

const tempDir = useTempDir('confidant-cli-backup-');

const ENGLISH = { LANG: 'en_US.UTF-8' };
const RUSSIAN = { LANG: 'ru_RU.UTF-8' };
const WRONG = 'not the passphrase at all';
const NEW_PASSPHRASE = 'a different passphrase entirely';
const BACKUP_NAME = new RegExp(`^confidant-[0-9a-f]{8}-\\d{8}T\\d{6}Z\\.${BACKUP_EXTENSION}$`);
const RECOVERY_LINE = /^Recovery key: (.*)$/gm;
const AT_REST = ['keys', 'vault.db'];

const ROOT = resolve(import.meta.dirname, '../..');
/** The committed format-1 vault (one file). */
const VAULT_V1 = join(ROOT, 'tests/fixtures/vault-v1.confidant');
const vaultV1 = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/vault-v1.json'), 'utf8')) as {
  passphrase: string;
};
/** The committed backup written by format 1 (its payload a plain database image). */
const BACKUP_V1 = join(ROOT, 'tests/fixtures/backup-v1.confidant-backup');
const backupV1 = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/backup-v1.json'), 'utf8')) as {
  passphrase: string;
  recoveryKey: string;
  persons: string[];
  tables: Record<string, number>;
};

// ---------------------------------------------------------------------------------------------
// Running the CLI

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function collector(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** Runs `confidant argv…` with `lines` on standard input (not a terminal), one per line. */
async function cli(
  argv: string[],
  lines: string[] = [],
  options: { env?: Record<string, string>; vaultOptions?: VaultOptions } = {},
): Promise<Run> {
  const stdout = collector();
  const stderr = collector();
  const code = await runCli(
    argv,
    {
      stdin: Readable.from(lines.map((line) => `${line}\n`)),
      stdout: stdout.stream,
      stderr: stderr.stream,
      env: options.env ?? ENGLISH,
    },
    { vaultOptions: { kdf: FAST_KDF, ...options.vaultOptions } },
  );
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** Every file (size, hash, mtime) and every folder under `dir`, to compare before and after. */
function everythingUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = { ...snapshotDir(dir) };
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) {
        out[`${relative(dir, path)}/`] = 'folder';
        walk(path);
      }
    }
  };
  walk(dir);
  return out;
}

/**
 * Runs `action` and checks that nothing under `dir` was added, removed or touched (no new
 * file or folder, no leftover lock, WAL or temporary file). Checked softly, so the test's
 * other findings are reported too.
 */
async function expectNothingChanges(dir: string, action: () => Promise<Run>): Promise<Run> {
  const before = everythingUnder(dir);
  const run = await action();
  expect.soft(everythingUnder(dir), 'files and folders on disk').toEqual(before);
  return run;
}

/** The one line the CLI writes on stderr for an error: `confidant: <sentence>`. */
function errorLine(template: string, values: Record<string, string> = {}): string {
  const text = template.replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) =>
    name in values ? values[name]! : placeholder,
  );
  expect(text).not.toMatch(/\{\{/);
  return `confidant: ${text}\n`;
}

/** A label–value line as `labelled` prints it. */
function line(label: string, value: string): RegExp {
  const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped(label)}: +${escaped(value)}$`, 'm');
}

// ---------------------------------------------------------------------------------------------
// Vaults and backups

interface Fixture {
  dir: string;
  vault: string;
  recoveryKey: string;
  /** An empty folder beside the vault for backups to go into. */
  drive: string;
}

/**
 * Made once for the file (a vault with people, and a backup the CLI wrote of it), then copied
 * into each test's own folder: the tests stay independent and the file stays fast. The vault
 * folder's files are kept as bytes, taken at rest before anything else opened it.
 */
const template = {
  dir: '',
  vault: {} as Record<string, Buffer>,
  recoveryKey: '',
  backupName: '',
  backup: Buffer.alloc(0),
  /** What the vault holds, read once through the core. */
  contents: { names: [], rows: {} } as Contents,
};

beforeAll(async () => {
  template.dir = mkdtempSync(join(tmpdir(), 'confidant-cli-backup-template-'));
  const { path, vault, recoveryKey } = await createTestVault(template.dir, {}, 'office.confidant');
  vault.db.transaction(() =>
    generateDemoData(vault.db, { people: 2, seed: 7, now: new Date('2026-03-01T10:00:00Z') }),
  )();
  await vault.lock();
  template.recoveryKey = recoveryKey;
  // Taken before its first backup: each test's vault has never been backed up.
  expect(readdirSync(path).sort()).toEqual(AT_REST);
  template.vault = Object.fromEntries(
    AT_REST.map((file) => [file, readFileSync(join(path, file))]),
  );
  const drive = join(template.dir, 'drive');
  mkdirSync(drive);
  const run = await cli(['backup', 'create', path, drive], [PASSPHRASE]);
  expect(run.code).toBe(0);
  const [name, ...others] = readdirSync(drive);
  expect(others).toEqual([]);
  template.backupName = name!;
  template.backup = readFileSync(join(drive, name!));
  template.contents = await contents(path);
});

afterAll(() => {
  if (template.dir) rmSync(template.dir, { recursive: true, force: true });
});

/** A fresh folder with the vault (two fictional persons, their notes …) and an empty drive. */
function vaultWithPeople(): Fixture {
  const dir = tempDir();
  const vault = join(dir, 'office.confidant');
  mkdirSync(vault, { mode: 0o700 });
  for (const [file, bytes] of Object.entries(template.vault))
    writeFileSync(join(vault, file), bytes, { mode: 0o600 });
  const drive = join(dir, 'drive');
  mkdirSync(drive);
  return { dir, vault, recoveryKey: template.recoveryKey, drive };
}

/** Puts the backup the CLI wrote of this vault into the fixture's drive; returns its path. */
function makeBackup(fixture: Fixture): string {
  const path = join(fixture.drive, template.backupName);
  writeFileSync(path, template.backup);
  return path;
}

interface Contents {
  names: string[];
  rows: Record<string, number>;
}

/** What a vault holds, read through the core with `secret` (not through the CLI). */
async function contents(
  path: string,
  secret: UnlockSecret = { passphrase: PASSPHRASE },
): Promise<Contents> {
  const vault = await Vault.unlock(path, secret, { readOnly: true });
  try {
    const count = (table: string) =>
      vault.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return {
      names: vault.db.prepare('SELECT full_name FROM persons ORDER BY 1').pluck().all() as string[],
      rows: Object.fromEntries(
        ['persons', 'case_notes', 'agencies', 'partner_orgs', 'risk_assessments'].map((table) => [
          table,
          count(table),
        ]),
      ),
    };
  } finally {
    await vault.lock();
  }
}

/** The backup.written events in a vault's audit trail, oldest first. */
async function backupEvents(path: string): Promise<{ file: string; trigger: string }[]> {
  const vault = await Vault.unlock(path, { passphrase: PASSPHRASE }, { readOnly: true });
  try {
    const details = vault.db
      .prepare("SELECT detail FROM audit_events WHERE action = 'backup.written' ORDER BY id")
      .pluck()
      .all() as string[];
    return details.map((detail) => JSON.parse(detail) as { file: string; trigger: string });
  } finally {
    await vault.lock();
  }
}

function rewrite(path: string, edit: (bytes: Buffer) => Buffer): void {
  writeFileSync(path, edit(readFileSync(path)));
}

function recoveryLines(stdout: string): string[] {
  return [...stdout.matchAll(RECOVERY_LINE)].map((match) => match[1]!);
}

/**
 * A disk that fills up when a vault's keys file is written: the part of a new vault the core
 * writes itself (SQLite writes vault.db on its own).
 */
function diskFullAtKeys(): FsPort {
  const full = faultyFs({ failAfterBytes: 0 });
  return {
    ...nodeFs,
    createExclusive: (path) =>
      basename(path).startsWith('.keys')
        ? full.createExclusive(path)
        : nodeFs.createExclusive(path),
  };
}

// =============================================================================================

describe('confidant backup create', () => {
  it('writes one verified backup into the folder, says what it holds, and records it', async () => {
    const fixture = vaultWithPeople();
    const before = template.contents;
    const keys = readFileSync(join(fixture.vault, 'keys'));
    const files = Object.keys(everythingUnder(fixture.dir));
    const run = await cli(['backup', 'create', fixture.vault, fixture.drive], [PASSPHRASE]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');

    const [name, ...others] = readdirSync(fixture.drive);
    expect(others).toEqual([]);
    expect(name).toMatch(BACKUP_NAME);
    const file = join(fixture.drive, name!);
    // Nothing but the backup appears (no previous copy, lock, WAL or temporary file), and the
    // vault is still its keys and its database, the keys untouched.
    const after = Object.keys(everythingUnder(fixture.dir));
    expect(after.filter((path) => !files.includes(path))).toEqual([join('drive', name!)]);
    expect(files.filter((path) => !after.includes(path))).toEqual([]);
    expect(readdirSync(fixture.vault).sort()).toEqual(AT_REST);
    expect(readFileSync(join(fixture.vault, 'keys')).equals(keys)).toBe(true);

    expect(run.stdout.split('\n')[0]).toBe(en.cli.backup.written.replace('{{file}}', file));
    expect(run.stdout).toMatch(/^Size: +[\d.]+ KiB$/m);
    expect(run.stdout).toMatch(/^Created: +.+ \(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\)$/m);
    expect(run.stdout).toContain(
      `persons: ${before.rows.persons}, case notes: ${before.rows.case_notes}, agencies: ${before.rows.agencies}`,
    );
    expect(before.rows.persons).toBe(2);

    const events = await backupEvents(fixture.vault);
    expect(events).toEqual([expect.objectContaining({ file: name, trigger: 'cli' })]);
  });

  it('unlocks the vault with --recovery and the recovery key', async () => {
    const fixture = vaultWithPeople();
    const run = await cli(
      ['backup', 'create', '--recovery', fixture.vault, fixture.drive],
      [fixture.recoveryKey],
    );
    expect(run.code).toBe(0);
    expect(readdirSync(fixture.drive)).toHaveLength(1);
  });

  it('refuses a folder that does not exist (exit 1) without asking for the passphrase', async () => {
    const fixture = vaultWithPeople();
    const folder = join(fixture.dir, 'missing');
    // No passphrase on stdin: had it been asked for, the error would say the input ended.
    const run = await expectNothingChanges(fixture.dir, () =>
      cli(['backup', 'create', fixture.vault, folder]),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(errorLine(en.cli.backup.folderMissing, { folder }));
  });

  it('refuses a file where the folder should be (exit 1) and writes nothing', async () => {
    const fixture = vaultWithPeople();
    const folder = join(fixture.drive, `mine.${BACKUP_EXTENSION}`);
    writeFileSync(folder, 'not a folder');
    const run = await expectNothingChanges(fixture.dir, () =>
      cli(['backup', 'create', fixture.vault, folder], [PASSPHRASE]),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(errorLine(en.cli.backup.notAFolder, { folder }));
  });

  it('refuses a wrong passphrase (exit 3) and writes nothing', async () => {
    const fixture = vaultWithPeople();
    const run = await expectNothingChanges(fixture.dir, () =>
      cli(['backup', 'create', fixture.vault, fixture.drive], [WRONG]),
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(errorLine(en.errors.WRONG_PASSPHRASE, { file: fixture.vault }));
  });

  it('fails on a full disk (exit 1), leaves no backup behind and the vault as it was', async () => {
    // The vault's first backup: it would also give the vault its backup tag.
    const fixture = vaultWithPeople();
    const before = vaultBytes(fixture.vault);
    const fs = faultyFs({ failAfterBytes: 4096 });
    const run = await expectNothingChanges(fixture.dir, () =>
      cli(['backup', 'create', fixture.vault, fixture.drive], [PASSPHRASE], {
        vaultOptions: { fs },
      }),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^confidant: The disk is full, so .*drive.*confidant-backup could/);
    expect(readdirSync(fixture.drive)).toEqual([]);
    expect(vaultBytes(fixture.vault).equals(before)).toBe(true);
  });

  it('converts a format-1 vault first, says so, keeps FILE.v1, and backs it up', async () => {
    const dir = tempDir();
    const file = join(dir, 'old.confidant');
    copyFileSync(VAULT_V1, file);
    const drive = join(dir, 'drive');
    mkdirSync(drive);
    const run = await cli(['backup', 'create', file, drive], [vaultV1.passphrase]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const [name, ...others] = readdirSync(drive);
    expect(others).toEqual([]);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(
      en.cli.upgraded.replace('{{file}}', file).replace('{{kept}}', `${file}.v1`),
    );
    expect(lines[1]).toBe(en.cli.backup.written.replace('{{file}}', join(drive, name!)));
    expect(readdirSync(file).sort()).toEqual(AT_REST);
    expect(readFileSync(`${file}.v1`).equals(readFileSync(VAULT_V1))).toBe(true);
    const verify = await cli(['backup', 'verify', join(drive, name!)], [vaultV1.passphrase]);
    expect(verify.code).toBe(0);
  });

  it('refuses a vault whose keys file is damaged (exit 7) and writes nothing', async () => {
    const fixture = vaultWithPeople();
    rewrite(join(fixture.vault, 'keys'), (bytes) => {
      bytes.writeUInt8(bytes.readUInt8(60) ^ 0x01, 60);
      return bytes;
    });
    const run = await expectNothingChanges(fixture.dir, () =>
      cli(['backup', 'create', fixture.vault, fixture.drive], [PASSPHRASE]),
    );
    expect(run.code).toBe(7);
    expect(run.stderr).toBe(
      errorLine(en.errors.VAULT_KEYS_DAMAGED, { file: join(fixture.vault, 'keys') }),
    );
  });

  it('refuses a vault holding another vault’s database (exit 8) and writes nothing', async () => {
    const fixture = vaultWithPeople();
    const { path: other, vault } = await createTestVault(tempDir());
    await vault.lock();
    copyFileSync(join(other, 'vault.db'), join(fixture.vault, 'vault.db'));
    const run = await expectNothingChanges(fixture.dir, () =>
      cli(['backup', 'create', fixture.vault, fixture.drive], [PASSPHRASE]),
    );
    expect(run.code).toBe(8);
    expect(run.stderr).toBe(
      errorLine(en.errors.FOREIGN_DATABASE, { file: join(fixture.vault, 'vault.db') }),
    );
  });
});

describe('confidant backup verify', () => {
  it('prints the backup’s report and every table with its rows, and changes nothing', async () => {
    const fixture = vaultWithPeople();
    const backup = makeBackup(fixture);
    const before = template.contents;
    const run = await expectNothingChanges(fixture.dir, () =>
      cli(['backup', 'verify', backup], [PASSPHRASE]),
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const b = en.cli.backup;
    expect(run.stdout.split('\n')[0]).toBe(b.verified.replace('{{file}}', backup));
    expect(run.stdout).toMatch(line(b.file, backup));
    expect(run.stdout).toMatch(line(b.vault, 'office.confidant'));
    expect(run.stdout).toMatch(/^Created: +.+ \(\d{4}-\d\d-\d\dT[\d:.]+Z\)$/m);
    expect(run.stdout).toMatch(line(b.appVersion, APP_VERSION));
    expect(run.stdout).toMatch(line(b.schema, String(latestSchemaVersion())));
    expect(run.stdout).toMatch(line(b.opensWith, b.opensWithValue.vault));
    expect(run.stdout).toMatch(line(b.integrity, b.integrityOk));
    expect(run.stdout).toMatch(/^Size: +[\d.]+ KiB$/m);
    expect(run.stdout).toContain(`${b.tables}:\n`);
    for (const [table, rows] of Object.entries(before.rows))
      expect(run.stdout).toMatch(new RegExp(`^ {2}${table} +${rows}$`, 'm'));
    expect(run.stdout).toMatch(/^ {2}search_index +\d+$/m);
  });

  it('opens the backup with --recovery and the vault’s recovery key', async () => {
    const fixture = vaultWithPeople();
    const backup = makeBackup(fixture);
    const run = await cli(['backup', 'verify', backup, '--recovery'], [fixture.recoveryKey]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(en.cli.backup.verified.replace('{{file}}', backup));
  });

  it('refuses a wrong passphrase (exit 3)', async () => {
    const fixture = vaultWithPeople();
    const backup = makeBackup(fixture);
    const run = await expectNothingChanges(fixture.dir, () =>
      cli(['backup', 'verify', backup], [WRONG]),
    );
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(errorLine(en.errors.WRONG_PASSPHRASE_backup, { file: backup }));
  });

  it('refuses another vault’s recovery key (exit 3)', async () => {
    const fixture = vaultWithPeople();
    const backup = makeBackup(fixture);
    const { recoveryKey: otherKey, vault } = await createTestVault(tempDir());
    await vault.lock();
    const run = await expectNothingChanges(fixture.dir, () =>
      cli(['backup', 'verify', '--recovery', backup], [otherKey]),
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(errorLine(en.errors.WRONG_RECOVERY_KEY, { file: backup }));
  });

  it('reports a backup with one flipped payload byte as damaged (exit 4)', async () => {
    const fixture = vaultWithPeople();
    const backup = makeBackup(fixture);
    rewrite(backup, (bytes) => {
      const offset = headerLengthOf(bytes) + 100;
      bytes.writeUInt8(bytes.readUInt8(offset) ^ 0x01, offset);
      return bytes;
    });
    const run = await expectNothingChanges(fixture.dir, () =>
      cli(['backup', 'verify', backup], [PASSPHRASE]),
    );
    expect(run.code).toBe(4);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(errorLine(en.errors.BACKUP_DAMAGED, { file: backup }));
  });

  it('reports a backup cut short as truncated (exit 4)', async () => {
    const fixture = vaultWithPeople();
    const backup = makeBackup(fixture);
    rewrite(backup, (bytes) => bytes.subarray(0, headerLengthOf(bytes) + 1000));
    const run = await expectNothingChanges(fixture.dir, () =>
      cli(['backup', 'verify', backup], [PASSPHRASE]),
    );
    expect(run.code).toBe(4);
    expect(run.stderr).toBe(errorLine(en.errors.BACKUP_TRUNCATED, { file: backup }));
  });

  it('reports a vault given as the backup as not a backup (exit 4)', async () => {
    const fixture = vaultWithPeople();
    const run = await expectNothingChanges(fixture.dir, () =>
      cli(['backup', 'verify', fixture.vault], [PASSPHRASE]),
    );
    expect(run.code).toBe(4);
    expect(run.stderr).toBe(errorLine(en.errors.NOT_A_BACKUP_vault, { file: fixture.vault }));
  });

  it('reports a backup whose format version was raised as made by a newer version (exit 5)', async () => {
    const fixture = vaultWithPeople();
    const backup = makeBackup(fixture);
    const edited = await editHeader(readFileSync(backup), (bytes) => bytes.writeUInt16LE(3, 8));
    writeFileSync(backup, edited);
    const run = await expectNothingChanges(fixture.dir, () =>
      cli(['backup', 'verify', backup], [PASSPHRASE]),
    );
    expect(run.code).toBe(5);
    expect(run.stderr).toBe(errorLine(en.errors.NEWER_VERSION, { file: backup }));
  });

  it('verifies the committed format-1 backup (a plain database image inside)', async () => {
    const dir = tempDir();
    const backup = join(dir, basename(BACKUP_V1));
    copyFileSync(BACKUP_V1, backup);
    const run = await expectNothingChanges(dir, () =>
      cli(['backup', 'verify', backup], [backupV1.passphrase]),
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')[0]).toBe(en.cli.backup.verified.replace('{{file}}', backup));
    for (const [table, rows] of Object.entries(backupV1.tables))
      expect(run.stdout).toMatch(new RegExp(`^ {2}${table} +${rows}$`, 'm'));
  });

  it('reports a missing backup (exit 1)', async () => {
    const dir = tempDir();
    const backup = join(dir, `absent.${BACKUP_EXTENSION}`);
    const run = await expectNothingChanges(dir, () =>
      cli(['backup', 'verify', backup], [PASSPHRASE]),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(errorLine(en.errors.FILE_NOT_FOUND, { file: backup }));
  });
});

describe('confidant backup restore', () => {
  it('restores into a new vault that opens with the same passphrase and holds the same data', async () => {
    const fixture = vaultWithPeople();
    const backup = makeBackup(fixture);
    const before = template.contents;
    expect((await cli(['backup', 'verify', backup], [PASSPHRASE])).code).toBe(0);
    const restored = join(fixture.dir, 'restored.confidant');
    const snapshot = everythingUnder(fixture.dir);

    const run = await cli(['backup', 'restore', backup, restored], [PASSPHRASE]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(line(en.cli.backup.file, backup));
    expect(run.stdout).toMatch(/^Created: +.+ \(\d{4}-\d\d-\d\dT[\d:.]+Z\)$/m);
    expect(run.stdout).toContain(`persons: 2, case notes: ${before.rows.case_notes},`);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      en.cli.backup.restored.replace('{{file}}', restored),
    );

    // Exactly one new vault folder (its keys and its database, nothing else); the backup and
    // the vault it came from are untouched.
    const after = everythingUnder(fixture.dir);
    const name = basename(restored);
    expect(Object.keys(after).sort()).toEqual(
      [...Object.keys(snapshot), `${name}/`, join(name, 'keys'), join(name, 'vault.db')].sort(),
    );
    for (const [path, state] of Object.entries(snapshot)) expect(after[path]).toBe(state);

    expect(await contents(restored)).toEqual(before);
    expect(await contents(restored, { recoveryKey: fixture.recoveryKey })).toEqual(before);
  });

  it('restores with --recovery, and the restored vault opens with both secrets', async () => {
    const fixture = vaultWithPeople();
    const backup = makeBackup(fixture);
    const before = template.contents;
    const restored = join(fixture.dir, 'restored.confidant');
    const run = await cli(
      ['backup', 'restore', '--recovery', backup, restored],
      [fixture.recoveryKey],
    );
    expect(run.code).toBe(0);
    expect(await contents(restored, { recoveryKey: fixture.recoveryKey })).toEqual(before);
    expect((await cli(['verify', restored], [PASSPHRASE])).code).toBe(0);
  });

  it('refuses an existing file (exit 1) before asking for the secret, and leaves it alone', async () => {
    const fixture = vaultWithPeople();
    const backup = makeBackup(fixture);
    const existing = join(fixture.dir, 'notes.txt');
    writeFileSync(existing, 'precious');
    // No secret on stdin: had it been asked for, the error would say the input ended.
    const run = await expectNothingChanges(fixture.dir, () =>
      cli(['backup', 'restore', backup, existing]),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(errorLine(en.errors.FILE_EXISTS, { file: existing }));
    expect(readFileSync(existing, 'utf8')).toBe('precious');
  });

  it('refuses the vault itself as the destination (exit 1) and leaves it byte for byte', async () => {
    const fixture = vaultWithPeople();
    const backup = makeBackup(fixture);
    const before = vaultBytes(fixture.vault);
    const run = await expectNothingChanges(fixture.dir, () =>
      cli(['backup', 'restore', backup, fixture.vault]),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(errorLine(en.errors.FILE_EXISTS, { file: fixture.vault }));
    expect(vaultBytes(fixture.vault).equals(before)).toBe(true);
  });

  it('refuses an empty folder as the destination (exit 1) and leaves it empty', async () => {
    const fixture = vaultWithPeople();
    const backup = makeBackup(fixture);
    const existing = join(fixture.dir, 'empty.confidant');
    mkdirSync(existing);
    const run = await expectNothingChanges(fixture.dir, () =>
      cli(['backup', 'restore', backup, existing]),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(errorLine(en.errors.FILE_EXISTS, { file: existing }));
    expect(readdirSync(existing)).toEqual([]);
  });

  it('refuses a destination in a folder that does not exist (exit 1) before asking', async () => {
    const fixture = vaultWithPeople();
    const backup = makeBackup(fixture);
    const restored = join(fixture.dir, 'missing', 'restored.confidant');
    const run = await expectNothingChanges(fixture.dir, () =>
      cli(['backup', 'restore', backup, restored]),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(errorLine(en.errors.FOLDER_NOT_FOUND, { file: restored }));
  });

  it('refuses a wrong passphrase (exit 3) and writes nothing', async () => {
    const fixture = vaultWithPeople();
    const backup = makeBackup(fixture);
    const restored = join(fixture.dir, 'restored.confidant');
    const run = await expectNothingChanges(fixture.dir, () =>
      cli(['backup', 'restore', backup, restored], [WRONG]),
    );
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
  });

  it('refuses a damaged backup (exit 4) and writes nothing', async () => {
    const fixture = vaultWithPeople();
    const backup = makeBackup(fixture);
    rewrite(backup, (bytes) => {
      const offset = bytes.length - 100;
      bytes.writeUInt8(bytes.readUInt8(offset) ^ 0x01, offset);
      return bytes;
    });
    const restored = join(fixture.dir, 'restored.confidant');
    const run = await expectNothingChanges(fixture.dir, () =>
      cli(['backup', 'restore', backup, restored], [PASSPHRASE]),
    );
    expect(run.code).toBe(4);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(errorLine(en.errors.BACKUP_DAMAGED, { file: backup }));
  });

  it('fails on a full disk (exit 1) and leaves no vault behind', async () => {
    const fixture = vaultWithPeople();
    const backup = makeBackup(fixture);
    const restored = join(fixture.dir, 'restored.confidant');
    const run = await expectNothingChanges(fixture.dir, () =>
      cli(['backup', 'restore', backup, restored], [PASSPHRASE], {
        vaultOptions: { fs: diskFullAtKeys() },
      }),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain(en.cli.backup.restored.replace('{{file}}', restored));
    // The sentence names the new vault or the keys file in it.
    expect([
      errorLine(en.errors.DISK_FULL, { file: restored }),
      errorLine(en.errors.DISK_FULL, { file: join(restored, 'keys') }),
    ]).toContain(run.stderr);
  });

  it('restores the committed format-1 backup into a format-2 vault folder', async () => {
    const dir = tempDir();
    const backup = join(dir, basename(BACKUP_V1));
    copyFileSync(BACKUP_V1, backup);
    const restored = join(dir, 'restored.confidant');
    const run = await cli(['backup', 'restore', backup, restored], [backupV1.passphrase]);
    expect(run.code).toBe(0);
    expect(readdirSync(restored).sort()).toEqual(AT_REST);
    const info = await cli(['info', restored]);
    expect(info.stdout).toMatch(/^Format:\s+Confidant vault, format version 2$/m);
    const opened = await contents(restored, { passphrase: backupV1.passphrase });
    expect(opened.names).toEqual([...backupV1.persons].sort());
    expect(await contents(restored, { recoveryKey: backupV1.recoveryKey })).toEqual(opened);
  });
});

describe('confidant backup and passwd --rekey', () => {
  it('a backup made before a re-key still opens with the old passphrase and recovery key', async () => {
    const fixture = vaultWithPeople();
    const backup = makeBackup(fixture);
    const rekey = await cli(['passwd', '--rekey', fixture.vault], [PASSPHRASE, NEW_PASSPHRASE]);
    expect(rekey.code).toBe(0);
    const [newRecoveryKey] = recoveryLines(rekey.stdout);
    expect((await cli(['backup', 'verify', backup], [PASSPHRASE])).code).toBe(0);
    const restored = join(fixture.dir, 'restored.confidant');
    const run = await cli(
      ['backup', 'restore', '--recovery', backup, restored],
      [fixture.recoveryKey],
    );
    expect(run.code).toBe(0);
    expect(await contents(restored)).toEqual(template.contents);
    // The re-keyed vault's new recovery key belongs to it alone, not to the older backup.
    const refused = await cli(['backup', 'verify', '--recovery', backup], [newRecoveryKey!]);
    expect(refused.code).toBe(3);
  });

  it('a backup made after a re-key opens with the new secrets only', async () => {
    const fixture = vaultWithPeople();
    const rekey = await cli(['passwd', '--rekey', fixture.vault], [PASSPHRASE, NEW_PASSPHRASE]);
    const [newRecoveryKey] = recoveryLines(rekey.stdout);
    const create = await cli(['backup', 'create', fixture.vault, fixture.drive], [NEW_PASSPHRASE]);
    expect(create.code).toBe(0);
    const [name] = readdirSync(fixture.drive);
    const backup = join(fixture.drive, name!);
    expect((await cli(['backup', 'verify', backup], [NEW_PASSPHRASE])).code).toBe(0);
    expect((await cli(['backup', 'verify', '--recovery', backup], [newRecoveryKey!])).code).toBe(0);
    expect((await cli(['backup', 'verify', backup], [PASSPHRASE])).code).toBe(3);
    expect(
      (await cli(['backup', 'verify', '--recovery', backup], [fixture.recoveryKey])).code,
    ).toBe(3);
  });
});

// =============================================================================================

describe('confidant backup: usage errors (exit 2)', () => {
  async function usage(argv: (dir: string) => string[], lines = [PASSPHRASE]): Promise<Run> {
    const fixture = vaultWithPeople();
    const run = await expectNothingChanges(fixture.dir, () => cli(argv(fixture.dir), lines));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    return run;
  }

  it('backup without a subcommand exits 2', async () => {
    const run = await usage(() => ['backup']);
    expect(run.stderr).toBe(errorLine(en.cli.backup.usageNoSubcommand));
  });

  it('an unknown subcommand exits 2', async () => {
    const run = await usage((dir) => ['backup', 'list', dir]);
    expect(run.stderr).toBe(
      errorLine(en.cli.backup.usageUnknownSubcommand, { subcommand: 'list' }),
    );
  });

  it.each([
    ['create', (dir: string) => ['backup', 'create', join(dir, 'office.confidant')]],
    [
      'create',
      (dir: string) => ['backup', 'create', join(dir, 'office.confidant'), dir, join(dir, 'x')],
    ],
    ['verify', () => ['backup', 'verify']],
    ['verify', (dir: string) => ['backup', 'verify', join(dir, 'a'), join(dir, 'b')]],
    ['restore', (dir: string) => ['backup', 'restore', join(dir, 'a')]],
  ] as const)('backup %s with the wrong number of files exits 2', async (subcommand, argv) => {
    const run = await usage(argv);
    expect(run.stderr).toBe(
      errorLine(en.cli.backup.usageArguments, {
        synopsis: en.cli.backup.synopsis[subcommand],
      }),
    );
  });

  it('--rekey on backup exits 2 and writes nothing', async () => {
    const run = await usage((dir) => [
      'backup',
      'create',
      '--rekey',
      join(dir, 'office.confidant'),
      join(dir, 'drive'),
    ]);
    expect(run.stderr).toBe(
      errorLine(en.cli.usageBadOption, { option: '--rekey', command: 'backup' }),
    );
  });

  it('an option backup does not know exits 2', async () => {
    const run = await usage((dir) => ['backup', 'verify', '--people', '3', join(dir, 'a')]);
    expect(run.stderr).toBe(
      errorLine(en.cli.usageBadOption, { option: '--people', command: 'backup' }),
    );
  });

  it('a passphrase given as an argument is refused (exit 2)', async () => {
    const run = await usage((dir) => [
      'backup',
      'create',
      join(dir, 'office.confidant'),
      join(dir, 'drive'),
      '--passphrase=hunter2hunter2',
    ]);
    expect(run.stderr).toBe(errorLine(en.cli.usageSecretArgument));
  });

  it('a name that Object.prototype has is not a command (exit 2)', async () => {
    const run = await usage((dir) => ['constructor', dir]);
    expect(run.stderr).toBe(errorLine(en.cli.usageUnknownCommand, { command: 'constructor' }));
  });

  it('backup --help prints the usage, which lists the three backup commands', async () => {
    const run = await cli(['backup', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${en.cli.usage}\n`);
    for (const synopsis of Object.values(en.cli.backup.synopsis))
      expect(run.stdout).toContain(`backup ${synopsis}`);
  });
});

describe('confidant backup in Russian', () => {
  it('verify prints its report in Russian', async () => {
    const fixture = vaultWithPeople();
    const backup = makeBackup(fixture);
    const run = await cli(['backup', 'verify', backup], [PASSPHRASE], { env: RUSSIAN });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(ru.cli.backup.verified.replace('{{file}}', backup));
    expect(run.stdout).toMatch(line(ru.cli.backup.opensWith, ru.cli.backup.opensWithValue.vault));
    expect(run.stdout).toMatch(/^Создана: +\d+ [а-я]+ \d{4} г\. в \d\d:\d\d \(/m);
    expect(run.stdout).toContain(`${ru.cli.backup.tables}:\n`);
  });

  it('restore onto an existing file is refused in Russian', async () => {
    const fixture = vaultWithPeople();
    const backup = makeBackup(fixture);
    const run = await cli(['backup', 'restore', backup, fixture.vault], [], { env: RUSSIAN });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(errorLine(ru.errors.FILE_EXISTS, { file: fixture.vault }));
  });
});
