/**
 * `confidant` in-process: runCli with its own stdin/stdout/stderr, the fast Argon2id, and a
 * fresh folder per test. A vault is a folder (`keys` and `vault.db`, format 2); the committed
 * format-1 fixture is read as it is by info and verify and converted by passwd. Every error
 * case also proves that nothing on disk changed.
 * The real process (default Argon2id, a real terminal) is in cli-process.test.ts.
 */
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import Database from 'better-sqlite3-multiple-ciphers';
import sodium from 'libsodium-wrappers-sumo';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run.ts';
import { latestSchemaVersion } from '../../electron/core/db/migrate.ts';
import { nodeFs, type FsPort } from '../../electron/core/vault/fs-port.ts';
import { Vault, type UnlockSecret, type VaultOptions } from '../../electron/core/vault/vault.ts';
import { en } from '../../shared/i18n/en.ts';
import { ru } from '../../shared/i18n/ru.ts';
import { MIN_PASSPHRASE_LENGTH } from '../../shared/passphrase-policy.ts';
import { snapshotDir } from '../helpers/dir-snapshot.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import { faultyFs } from '../helpers/faulty-fs.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { createTestVault, getState, PASSPHRASE, setState, vaultBytes } from '../helpers/vaults.ts';

const tempDir = useTempDir('confidant-cli-');

const NEW_PASSPHRASE = 'a different passphrase entirely';
const ENGLISH = { LANG: 'en_US.UTF-8' };
const RUSSIAN = { LANG: 'ru_RU.UTF-8' };
/** 36 Crockford base32 symbols (no I, L, O, U) in nine groups of four. */
const RECOVERY_KEY = /^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){8}$/;
const RECOVERY_LINE = /^Recovery key: (.*)$/gm;

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = join(ROOT, 'tests/fixtures/vault-v1.confidant');
const fixture = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/vault-v1.json'), 'utf8')) as {
  passphrase: string;
  recoveryKey: string;
  note: string;
  auditEvents: number;
};

// ---------------------------------------------------------------------------------------------
// Running the CLI

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

interface RunOptions {
  env?: Record<string, string>;
  vaultOptions?: VaultOptions;
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
async function cli(argv: string[], lines: string[] = [], options: RunOptions = {}): Promise<Run> {
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
function errorLine(template: string, values: Record<string, string | number> = {}): string {
  const all: Record<string, string | number> = {
    min: MIN_PASSPHRASE_LENGTH,
    ...values,
  };
  const text = template.replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) =>
    name in all ? String(all[name]) : placeholder,
  );
  expect(text).not.toMatch(/\{\{/);
  return `confidant: ${text}\n`;
}

function recoveryLines(stdout: string): string[] {
  return [...stdout.matchAll(RECOVERY_LINE)].map((match) => match[1]!);
}

// ---------------------------------------------------------------------------------------------
// Vaults

/** A locked vault made with the test passphrase and the fast Argon2id. */
async function makeVault(
  dir: string,
  options: VaultOptions = {},
  name?: string,
): Promise<{ path: string; recoveryKey: string }> {
  const { path, vault, recoveryKey } = await createTestVault(dir, options, name);
  await vault.lock();
  return { path, recoveryKey };
}

/**
 * A locked vault whose database has a table of 500 rows spread over pages of its own, made
 * last, so the last pages of vault.db are that table's (not needed to open the vault).
 */
async function makeVaultWithFiller(dir: string): Promise<{ path: string; database: string }> {
  const { path, vault } = await createTestVault(dir);
  vault.db.exec('CREATE TABLE filler (a TEXT, b TEXT); CREATE INDEX filler_a ON filler (a)');
  const insert = vault.db.prepare('INSERT INTO filler VALUES (?, ?)');
  vault.db.transaction(() => {
    for (let i = 0; i < 500; i++) insert.run(`a ${i} ${'.'.repeat(100)}`, `b ${i}`);
  })();
  await vault.lock();
  return { path, database: join(path, 'vault.db') };
}

/** Row counts of the vault's tables, read through the core (not through the CLI). */
async function rowCounts(
  path: string,
  secret: UnlockSecret = { passphrase: PASSPHRASE },
): Promise<{ audit_events: number; settings: number }> {
  const vault = await Vault.unlock(path, secret, { readOnly: true });
  try {
    const count = (table: string) =>
      vault.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return { audit_events: count('audit_events'), settings: count('settings') };
  } finally {
    await vault.lock();
  }
}

/** The names in a vault folder: at rest exactly `keys` and `vault.db`. */
function folderNames(path: string): string[] {
  return readdirSync(path).sort();
}

const AT_REST = ['keys', 'vault.db'];

function keysOf(path: string): string {
  return join(path, 'keys');
}

function databaseOf(path: string): string {
  return join(path, 'vault.db');
}

function flipByte(file: string, offset: number): void {
  const bytes = readFileSync(file);
  expect(bytes.length).toBeGreaterThan(offset);
  bytes.writeUInt8(bytes.readUInt8(offset) ^ 0x01, offset);
  writeFileSync(file, bytes);
}

/**
 * Sets the keys file's version (u16 LE at 8) and seals its checksum again (BLAKE2b-256 of
 * [0, H-32) at H-32, H the u32 at 10), as a newer Confidant would write it.
 */
async function setKeysVersion(path: string, version: number): Promise<void> {
  await sodium.ready;
  const file = keysOf(path);
  const bytes = readFileSync(file);
  bytes.writeUInt16LE(version, 8);
  const length = bytes.readUInt32LE(10);
  expect(length).toBe(bytes.length);
  bytes.set(sodium.crypto_generichash(32, bytes.subarray(0, length - 32), null), length - 32);
  writeFileSync(file, bytes);
}

/**
 * A disk that fills up when a keys file is written (`keys`, or `keys.next` of a re-key): the
 * keys file is the part of a vault the core writes itself; SQLite writes vault.db on its own.
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

/** A copy of the committed format-1 fixture (one file), so the fixture itself is never touched. */
function copyOfFixture(dir: string, name = 'old.confidant'): string {
  const path = join(dir, name);
  copyFileSync(FIXTURE, path);
  return path;
}

// =============================================================================================

describe('confidant init', () => {
  it('creates the vault folder (keys and vault.db), says so and exits 0', async () => {
    const file = join(tempDir(), 'new.confidant');
    const run = await cli(['init', file], [PASSPHRASE]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Created the vault ${file}.`);
    expect(run.stderr).toBe('');
    expect(statSync(file).isDirectory()).toBe(true);
    expect(folderNames(file)).toEqual(AT_REST);
  });

  it('prints the recovery key exactly once, on a line of its own', async () => {
    const file = join(tempDir(), 'new.confidant');
    const run = await cli(['init', file], [PASSPHRASE]);
    const keys = recoveryLines(run.stdout);
    expect(keys).toHaveLength(1);
    expect(run.stdout.split(keys[0]!)).toHaveLength(2);
    expect(run.stderr).not.toContain(keys[0]);
  });

  it('prints a recovery key of 36 Crockford base32 characters in nine groups of four', async () => {
    const file = join(tempDir(), 'new.confidant');
    const [key] = recoveryLines((await cli(['init', file], [PASSPHRASE])).stdout);
    expect(key).toMatch(RECOVERY_KEY);
    expect(key!.replaceAll('-', '')).toHaveLength(36);
  });

  it('makes a vault that the passphrase and the printed recovery key both open', async () => {
    const file = join(tempDir(), 'new.confidant');
    const [key] = recoveryLines((await cli(['init', file], [PASSPHRASE])).stdout);
    expect((await cli(['verify', file], [PASSPHRASE])).code).toBe(0);
    expect((await cli(['verify', file, '--recovery'], [key!])).code).toBe(0);
  });

  it('reads the passphrase from the first line only when stdin is not a terminal', async () => {
    const file = join(tempDir(), 'new.confidant');
    const run = await cli(['init', file], [PASSPHRASE, 'not asked for a second time']);
    expect(run.code).toBe(0);
    expect((await cli(['verify', file], [PASSPHRASE])).code).toBe(0);
  });

  it('drops a trailing carriage return from the passphrase line', async () => {
    const file = join(tempDir(), 'new.confidant');
    expect((await cli(['init', file], [`${PASSPHRASE}\r`])).code).toBe(0);
    expect((await cli(['verify', file], [PASSPHRASE])).code).toBe(0);
  });

  it('refuses a file that exists (exit 1) and leaves it untouched', async () => {
    const dir = tempDir();
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'precious');
    const run = await expectNothingChanges(dir, () => cli(['init', file], [PASSPHRASE]));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(errorLine(en.errors.FILE_EXISTS, { file }));
    expect(run.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe('precious');
  });

  it('refuses an existing vault (exit 1) and leaves it byte for byte', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const before = vaultBytes(path);
    const run = await expectNothingChanges(dir, () => cli(['init', path], [NEW_PASSPHRASE]));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(errorLine(en.errors.FILE_EXISTS, { file: path }));
    expect(vaultBytes(path).equals(before)).toBe(true);
    expect((await cli(['verify', path], [PASSPHRASE])).code).toBe(0);
  });

  it('refuses a passphrase shorter than the minimum (exit 1) and creates nothing', async () => {
    const dir = tempDir();
    const file = join(dir, 'new.confidant');
    const run = await expectNothingChanges(dir, () => cli(['init', file], ['short']));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(errorLine(en.errors.PASSPHRASE_TOO_SHORT, { file }));
  });

  it('refuses an empty passphrase (exit 1) and creates nothing', async () => {
    const dir = tempDir();
    const file = join(dir, 'new.confidant');
    const run = await expectNothingChanges(dir, () => cli(['init', file], ['']));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(errorLine(en.errors.PASSPHRASE_EMPTY, { file }));
  });

  it('fails (exit 1) when stdin ends before the passphrase', async () => {
    const dir = tempDir();
    const file = join(dir, 'new.confidant');
    const run = await expectNothingChanges(dir, () => cli(['init', file], []));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(errorLine(en.cli.inputEnded, { what: en.cli.what.newPassphrase }));
  });

  it('fails (exit 1) when the folder does not exist', async () => {
    const dir = tempDir();
    const file = join(dir, 'missing', 'new.confidant');
    const run = await expectNothingChanges(dir, () => cli(['init', file], [PASSPHRASE]));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(errorLine(en.errors.FOLDER_NOT_FOUND, { file }));
  });

  it('fails (exit 1) on a full disk and leaves no folder or file behind', async () => {
    const dir = tempDir();
    const file = join(dir, 'new.confidant');
    const run = await expectNothingChanges(dir, () =>
      cli(['init', file], [PASSPHRASE], { vaultOptions: { fs: diskFullAtKeys() } }),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    // The sentence names the vault or the keys file in it.
    expect([
      errorLine(en.errors.DISK_FULL, { file }),
      errorLine(en.errors.DISK_FULL, { file: keysOf(file) }),
    ]).toContain(run.stderr);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('confidant info', () => {
  it('prints format version 2, the database size and each slot’s KDF parameters, without a passphrase', async () => {
    const { path } = await makeVault(tempDir());
    const run = await cli(['info', path]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Format:\s+Confidant vault, format version 2$/m);
    const kib = statSync(databaseOf(path)).size / 1024;
    expect(run.stdout).toMatch(new RegExp(`^Database size:\\s+${kib} KiB$`, 'm'));
    expect(run.stdout).toMatch(/^Key slots:\s+2$/m);
    expect(run.stdout).toMatch(/^ {2}1\. passphrase: Argon2id v1\.3, passes: 1, memory: 64 KiB$/m);
    expect(run.stdout).toMatch(/^ {2}2\. recovery key: BLAKE2b-256$/m);
    // Format 1's chunks and previous copies do not exist in a folder vault.
    expect(run.stdout).not.toContain('Chunk size');
    expect(run.stdout).not.toContain('Previous copies');
  });

  it('shows the opslimit and memlimit the slot was made with', async () => {
    const { path } = await makeVault(tempDir(), {
      kdf: { opslimit: 4, memlimit: 2 * 1024 * 1024 },
    });
    const run = await cli(['info', path]);
    expect(run.stdout).toMatch(/passphrase: Argon2id v1\.3, passes: 4, memory: 2 MiB/);
  });

  it('prints no salt, nonce or wrapped key of any slot', async () => {
    const { path } = await makeVault(tempDir());
    const bytes = readFileSync(keysOf(path));
    // The keys file: 16 bytes of envelope, the database salt, the slot count at 32, then
    // slot 1 (passphrase) at 33: type, length, KDF id, opslimit, memlimit, then 16+24+48
    // bytes; slot 2 (recovery) follows with the same 16+24+48 bytes after its type and length.
    expect(bytes.length).toBe(33 + (3 + 13 + 88) + (3 + 88) + 32);
    const slot1 = 33 + 3 + 13;
    const slot2 = slot1 + 88 + 3;
    expect(bytes.readUInt8(33)).toBe(1); // the passphrase slot's type byte
    expect(bytes.readUInt8(slot2 - 3)).toBe(2); // the recovery slot's type byte
    const secrets = [
      bytes.subarray(16, 32),
      ...[slot1, slot2].flatMap((start) => [
        bytes.subarray(start, start + 16),
        bytes.subarray(start + 16, start + 40),
        bytes.subarray(start + 40, start + 88),
      ]),
    ];
    const run = await cli(['info', path]);
    expect(run.code).toBe(0);
    const output = run.stdout + run.stderr;
    for (const secret of secrets) {
      expect(output).not.toContain(secret.toString('hex'));
      expect(output.toLowerCase()).not.toContain(secret.toString('hex').slice(0, 12));
      expect(output).not.toContain(secret.toString('base64'));
      expect(output).not.toContain(secret.toString('base64').slice(0, 12));
    }
  });

  it('changes nothing on disk', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    expect((await expectNothingChanges(dir, () => cli(['info', path]))).code).toBe(0);
  });
});

describe('confidant verify', () => {
  it('prints the schema version and the row count of each table, and exits 0', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const counts = await rowCounts(path);
    const run = await cli(['verify', path], [PASSPHRASE]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`${path} decrypts and its database is intact.`);
    expect(run.stdout).toMatch(
      new RegExp(`^Schema version:\\s+${String(latestSchemaVersion())}$`, 'm'),
    );
    expect(run.stdout).toMatch(/^Integrity check:\s+ok$/m);
    expect(run.stdout).toMatch(new RegExp(`^ +audit_events +${counts.audit_events}$`, 'm'));
    expect(run.stdout).toMatch(new RegExp(`^ +settings +${counts.settings}$`, 'm'));
  });

  it('opens the vault with --recovery and the recovery key', async () => {
    const { path, recoveryKey } = await makeVault(tempDir());
    const run = await cli(['verify', path, '--recovery'], [recoveryKey]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${path} decrypts and its database is intact.`);
  });

  it('accepts the recovery key in lowercase and without hyphens', async () => {
    const { path, recoveryKey } = await makeVault(tempDir());
    const typed = recoveryKey.toLowerCase().replaceAll('-', '');
    expect((await cli(['verify', '--recovery', path], [typed])).code).toBe(0);
  });

  it('changes nothing on disk: the vault stays keys and vault.db, byte for byte', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const before = vaultBytes(path);
    const run = await expectNothingChanges(dir, () => cli(['verify', path], [PASSPHRASE]));
    expect(run.code).toBe(0);
    expect(folderNames(path)).toEqual(AT_REST);
    expect(vaultBytes(path).equals(before)).toBe(true);
  });

  it('reports a database that decrypts but fails integrity_check (exit 4) in one line', async () => {
    const dir = tempDir();
    const { path } = await makeVaultWithFiller(dir);
    // The index now claims to be on column b: every row is "missing" from it.
    const vault = await Vault.unlock(path, { passphrase: PASSPHRASE }, { kdf: FAST_KDF });
    vault.db.unsafeMode(true);
    vault.db.pragma('writable_schema = ON');
    vault.db
      .prepare(
        "UPDATE sqlite_schema SET sql = 'CREATE INDEX filler_a ON filler (b)' WHERE name = ?",
      )
      .run('filler_a');
    vault.db.pragma('writable_schema = OFF');
    vault.db.unsafeMode(false);
    await vault.lock();
    const run = await expectNothingChanges(dir, () => cli(['verify', path], [PASSPHRASE]));
    expect(run.code).toBe(4);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      new RegExp(
        `^confidant: ${path} decrypts, but its database fails the integrity check \\(row \\d+ missing from index filler_a; .*\\): restore it from a backup\\.\\n$`,
      ),
    );
  });

  it('reports a flipped byte in a database page (exit 4) in one line, without crashing', async () => {
    const dir = tempDir();
    const { path, database } = await makeVaultWithFiller(dir);
    const pages = statSync(database).size / 4096;
    flipByte(database, (pages - 2) * 4096 + 1000); // inside a page of the filler table
    const run = await expectNothingChanges(dir, () => cli(['verify', path], [PASSPHRASE]));
    expect(run.code).toBe(4);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      new RegExp(
        `^confidant: ${path} decrypts, but its database fails the integrity check \\(.+\\): restore it from a backup\\.\\n$`,
      ),
    );
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('confidant passwd', () => {
  it('changes the passphrase, says so and exits 0', async () => {
    const { path } = await makeVault(tempDir());
    const run = await cli(['passwd', path], [PASSPHRASE, NEW_PASSPHRASE]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      `Changed the passphrase of ${path}. The recovery key is the same as before.\n`,
    );
    expect(folderNames(path)).toEqual(AT_REST);
  });

  it('makes the old passphrase fail afterwards (exit 3)', async () => {
    const { path } = await makeVault(tempDir());
    await cli(['passwd', path], [PASSPHRASE, NEW_PASSPHRASE]);
    const run = await cli(['verify', path], [PASSPHRASE]);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(errorLine(en.errors.WRONG_PASSPHRASE, { file: path }));
  });

  it('makes the new passphrase open the vault', async () => {
    const { path } = await makeVault(tempDir());
    await cli(['passwd', path], [PASSPHRASE, NEW_PASSPHRASE]);
    expect((await cli(['verify', path], [NEW_PASSPHRASE])).code).toBe(0);
  });

  it('keeps the recovery key working', async () => {
    const { path, recoveryKey } = await makeVault(tempDir());
    await cli(['passwd', path], [PASSPHRASE, NEW_PASSPHRASE]);
    expect((await cli(['verify', path, '--recovery'], [recoveryKey])).code).toBe(0);
  });

  it('drops a trailing carriage return from both lines', async () => {
    const { path } = await makeVault(tempDir());
    const run = await cli(['passwd', path], [`${PASSPHRASE}\r`, `${NEW_PASSPHRASE}\r`]);
    expect(run.code).toBe(0);
    expect((await cli(['verify', path], [NEW_PASSPHRASE])).code).toBe(0);
  });

  it('with --recovery takes the recovery key instead of the current passphrase', async () => {
    const { path, recoveryKey } = await makeVault(tempDir());
    const run = await cli(['passwd', '--recovery', path], [recoveryKey, NEW_PASSPHRASE]);
    expect(run.code).toBe(0);
    expect((await cli(['verify', path], [NEW_PASSPHRASE])).code).toBe(0);
    expect((await cli(['verify', path], [PASSPHRASE])).code).toBe(3);
  });

  it('refuses a wrong current passphrase (exit 3) and changes nothing', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const run = await expectNothingChanges(dir, () =>
      cli(['passwd', path], ['not the passphrase', NEW_PASSPHRASE]),
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(errorLine(en.errors.WRONG_PASSPHRASE, { file: path }));
  });

  it('refuses a wrong recovery key with --recovery (exit 3) and changes nothing', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const { recoveryKey: otherKey } = await makeVault(tempDir());
    const run = await expectNothingChanges(dir, () =>
      cli(['passwd', path, '--recovery'], [otherKey, NEW_PASSPHRASE]),
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(errorLine(en.errors.WRONG_RECOVERY_KEY, { file: path }));
  });

  it('refuses a too-short new passphrase (exit 1) and changes nothing', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const run = await expectNothingChanges(dir, () => cli(['passwd', path], [PASSPHRASE, 'short']));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(errorLine(en.errors.PASSPHRASE_TOO_SHORT, { file: path }));
    expect((await cli(['verify', path], [PASSPHRASE])).code).toBe(0);
  });

  it('fails (exit 1) when stdin ends before the new passphrase, and changes nothing', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const run = await expectNothingChanges(dir, () => cli(['passwd', path], [PASSPHRASE]));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(errorLine(en.cli.inputEnded, { what: en.cli.what.newPassphrase }));
  });

  it('fails (exit 1) when stdin is empty, and changes nothing', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const run = await expectNothingChanges(dir, () => cli(['passwd', path], []));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(errorLine(en.cli.inputEnded, { what: en.cli.what.passphrase }));
  });

  it('fails (exit 1) on a full disk, changes nothing, and the old passphrase still works', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const before = vaultBytes(path);
    const run = await expectNothingChanges(dir, () =>
      cli(['passwd', path], [PASSPHRASE, NEW_PASSPHRASE], {
        vaultOptions: { fs: diskFullAtKeys() },
      }),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(errorLine(en.errors.DISK_FULL, { file: keysOf(path) }));
    expect(vaultBytes(path).equals(before)).toBe(true);
    expect((await cli(['verify', path], [PASSPHRASE])).code).toBe(0);
    expect((await cli(['verify', path], [NEW_PASSPHRASE])).code).toBe(3);
  });
});

describe('confidant passwd --rekey', () => {
  /** A vault with a marked state, re-keyed through the CLI; returns what the CLI printed. */
  async function rekeyed(dir: string, secret: 'passphrase' | 'recovery' = 'passphrase') {
    const { path, vault, recoveryKey: oldRecoveryKey } = await createTestVault(dir);
    setState(vault, 'kept through the re-key');
    // Counted on this (writable) session: a read-only open here would leave files behind.
    const count = (table: string) =>
      vault.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const counts = { audit_events: count('audit_events'), settings: count('settings') };
    await vault.lock();
    const oldKeys = readFileSync(keysOf(path));
    const argv =
      secret === 'recovery'
        ? ['passwd', '--rekey', '--recovery', path]
        : ['passwd', '--rekey', path];
    const run = await cli(argv, [
      secret === 'recovery' ? oldRecoveryKey : PASSPHRASE,
      NEW_PASSPHRASE,
    ]);
    const [newRecoveryKey] = recoveryLines(run.stdout);
    return { path, run, oldRecoveryKey, newRecoveryKey: newRecoveryKey ?? '', counts, oldKeys };
  }

  it('says so, prints the new recovery key once on its own line, and exits 0', async () => {
    const { path, run, oldRecoveryKey, newRecoveryKey } = await rekeyed(tempDir());
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      `${en.cli.passwd.rekeyed.replace('{{file}}', path)}\nRecovery key: ${newRecoveryKey}\n`,
    );
    expect(recoveryLines(run.stdout)).toHaveLength(1);
    expect(newRecoveryKey).toMatch(RECOVERY_KEY);
    expect(newRecoveryKey).not.toBe(oldRecoveryKey);
    expect(folderNames(path)).toEqual(AT_REST);
  });

  it('the new passphrase and the printed recovery key open the vault', async () => {
    const { path, newRecoveryKey } = await rekeyed(tempDir());
    expect((await cli(['verify', path], [NEW_PASSPHRASE])).code).toBe(0);
    const run = await cli(['verify', '--recovery', path], [newRecoveryKey]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${path} decrypts and its database is intact.`);
  });

  it('the old passphrase and the old recovery key are refused (exit 3)', async () => {
    const { path, oldRecoveryKey } = await rekeyed(tempDir());
    const old = await cli(['verify', path], [PASSPHRASE]);
    expect(old.code).toBe(3);
    expect(old.stderr).toBe(errorLine(en.errors.WRONG_PASSPHRASE, { file: path }));
    const oldKey = await cli(['verify', '--recovery', path], [oldRecoveryKey]);
    expect(oldKey.code).toBe(3);
    expect(oldKey.stderr).toBe(errorLine(en.errors.WRONG_RECOVERY_KEY, { file: path }));
  });

  it('keeps the data', async () => {
    const { path, counts } = await rekeyed(tempDir());
    const vault = await Vault.unlock(path, { passphrase: NEW_PASSPHRASE }, { readOnly: true });
    try {
      expect(getState(vault)).toBe('kept through the re-key');
    } finally {
      await vault.lock();
    }
    const after = await rowCounts(path, { passphrase: NEW_PASSPHRASE });
    expect(after.settings).toBe(counts.settings);
    expect(after.audit_events).toBeGreaterThanOrEqual(counts.audit_events);
  });

  it('re-encrypts the database: the old keys file no longer opens it (exit 4)', async () => {
    const dir = tempDir();
    const { path, oldKeys } = await rekeyed(dir);
    const copy = join(dir, 'old-keys.confidant');
    mkdirSync(copy);
    writeFileSync(keysOf(copy), oldKeys);
    copyFileSync(databaseOf(path), databaseOf(copy));
    const run = await cli(['verify', copy], [PASSPHRASE]);
    expect(run.code).toBe(4);
    expect(run.stderr).toBe(errorLine(en.errors.CORRUPT_VAULT, { file: databaseOf(copy) }));
  });

  it('with --recovery takes the recovery key, which then stops working', async () => {
    const { path, run, oldRecoveryKey, newRecoveryKey } = await rekeyed(tempDir(), 'recovery');
    expect(run.code).toBe(0);
    expect((await cli(['verify', path], [NEW_PASSPHRASE])).code).toBe(0);
    expect((await cli(['verify', '--recovery', path], [newRecoveryKey])).code).toBe(0);
    expect((await cli(['verify', '--recovery', path], [oldRecoveryKey])).code).toBe(3);
  });

  it('refuses a wrong current passphrase (exit 3) and changes nothing', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const run = await expectNothingChanges(dir, () =>
      cli(['passwd', '--rekey', path], ['not the passphrase', NEW_PASSPHRASE]),
    );
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(errorLine(en.errors.WRONG_PASSPHRASE, { file: path }));
  });

  it('refuses a too-short new passphrase (exit 1) before opening anything', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const run = await expectNothingChanges(dir, () =>
      cli(['passwd', '--rekey', path], [PASSPHRASE, 'short']),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(errorLine(en.errors.PASSPHRASE_TOO_SHORT, { file: path }));
  });

  it('fails (exit 1) on a full disk, prints no key, and the old secrets still open the vault', async () => {
    const dir = tempDir();
    const { path, recoveryKey } = await makeVault(dir);
    const before = vaultBytes(path);
    const run = await expectNothingChanges(dir, () =>
      cli(['passwd', '--rekey', path], [PASSPHRASE, NEW_PASSPHRASE], {
        vaultOptions: { fs: diskFullAtKeys() },
      }),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^confidant: The disk is full, so .*keys.* could not be saved/);
    expect(vaultBytes(path).equals(before)).toBe(true);
    expect((await cli(['verify', path], [PASSPHRASE])).code).toBe(0);
    expect((await cli(['verify', '--recovery', path], [recoveryKey])).code).toBe(0);
  });

  it('speaks Russian and keeps the "Recovery key: " line', async () => {
    const { path } = await makeVault(tempDir());
    const run = await cli(['passwd', '--rekey', path], [PASSPHRASE, NEW_PASSPHRASE], {
      env: RUSSIAN,
    });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(ru.cli.passwd.rekeyed.replace('{{file}}', path));
    expect(recoveryLines(run.stdout)).toHaveLength(1);
  });
});

// =============================================================================================

describe('a format-1 vault (the committed fixture, one file)', () => {
  it('info says format version 1, with its chunk size and previous copies', async () => {
    const dir = tempDir();
    const file = copyOfFixture(dir);
    const run = await expectNothingChanges(dir, () => cli(['info', file]));
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Format:\s+Confidant vault, format version 1$/m);
    expect(run.stdout).toMatch(/^Size:\s+16\.3 KiB$/m);
    expect(run.stdout).toMatch(/^Chunk size:\s+4 KiB$/m);
    expect(run.stdout).toMatch(/^Previous copies:\s+none$/m);
    expect(run.stdout).toMatch(/^ {2}1\. passphrase: Argon2id v1\.3, passes: 2, memory: 8 MiB$/m);
    expect(run.stdout).toMatch(/^ {2}2\. recovery key: BLAKE2b-256$/m);
  });

  it('verify reads it without converting it: the file stays byte for byte, nothing appears', async () => {
    const dir = tempDir();
    const file = copyOfFixture(dir);
    const run = await expectNothingChanges(dir, () => cli(['verify', file], [fixture.passphrase]));
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`${file} decrypts and its database is intact.`);
    expect(run.stdout).toMatch(new RegExp(`^ +audit_events +${fixture.auditEvents}$`, 'm'));
    expect(vaultBytes(file).equals(readFileSync(FIXTURE))).toBe(true);
    expect(readdirSync(dir)).toEqual([basename(file)]);
  });

  it('verify --recovery opens it with the fixture’s recovery key, still without converting it', async () => {
    const dir = tempDir();
    const file = copyOfFixture(dir);
    const run = await expectNothingChanges(dir, () =>
      cli(['verify', '--recovery', file], [fixture.recoveryKey]),
    );
    expect(run.code).toBe(0);
    expect(statSync(file).isFile()).toBe(true);
  });

  it('passwd converts it to a folder, keeps FILE.v1 as it was, and changes the passphrase', async () => {
    const dir = tempDir();
    const file = copyOfFixture(dir);
    const run = await cli(['passwd', file], [fixture.passphrase, NEW_PASSPHRASE]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      `${en.cli.upgraded.replace('{{file}}', file).replace('{{kept}}', `${file}.v1`)}\n` +
        `Changed the passphrase of ${file}. The recovery key is the same as before.\n`,
    );
    expect(readdirSync(dir).sort()).toEqual([basename(file), `${basename(file)}.v1`]);
    expect(folderNames(file)).toEqual(AT_REST);
    expect(vaultBytes(`${file}.v1`).equals(readFileSync(FIXTURE))).toBe(true);

    const info = await cli(['info', file]);
    expect(info.stdout).toMatch(/^Format:\s+Confidant vault, format version 2$/m);
    // The new passphrase and the fixture's own recovery key open the folder; the old
    // passphrase opens only the kept file.
    expect((await cli(['verify', file], [NEW_PASSPHRASE])).code).toBe(0);
    expect((await cli(['verify', '--recovery', file], [fixture.recoveryKey])).code).toBe(0);
    expect((await cli(['verify', file], [fixture.passphrase])).code).toBe(3);
    expect((await cli(['verify', `${file}.v1`], [fixture.passphrase])).code).toBe(0);
  });

  it('passwd keeps its data', async () => {
    const file = copyOfFixture(tempDir());
    expect((await cli(['passwd', file], [fixture.passphrase, NEW_PASSPHRASE])).code).toBe(0);
    const vault = await Vault.unlock(file, { passphrase: NEW_PASSPHRASE }, { readOnly: true });
    try {
      const note = vault.db
        .prepare("SELECT value FROM settings WHERE key = 'fixture.note'")
        .pluck()
        .get();
      expect(note).toBe(fixture.note);
      const events = vault.db
        .prepare("SELECT count(*) FROM audit_events WHERE action = 'fixture.event'")
        .pluck()
        .get();
      expect(events).toBe(40);
    } finally {
      await vault.lock();
    }
  });

  it('passwd --rekey converts it, then replaces the fixture’s recovery key', async () => {
    const dir = tempDir();
    const file = copyOfFixture(dir);
    const run = await cli(['passwd', '--rekey', file], [fixture.passphrase, NEW_PASSPHRASE]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(
      en.cli.upgraded.replace('{{file}}', file).replace('{{kept}}', `${file}.v1`),
    );
    const [key] = recoveryLines(run.stdout);
    expect(key).toMatch(RECOVERY_KEY);
    expect(folderNames(file)).toEqual(AT_REST);
    expect((await cli(['verify', '--recovery', file], [key!])).code).toBe(0);
    expect((await cli(['verify', '--recovery', file], [fixture.recoveryKey])).code).toBe(3);
    expect(vaultBytes(`${file}.v1`).equals(readFileSync(FIXTURE))).toBe(true);
  });

  it('passwd with a wrong passphrase (exit 3) converts nothing', async () => {
    const dir = tempDir();
    const file = copyOfFixture(dir);
    const run = await expectNothingChanges(dir, () =>
      cli(['passwd', file], ['not the passphrase', NEW_PASSPHRASE]),
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(errorLine(en.errors.WRONG_PASSPHRASE, { file }));
    expect(statSync(file).isFile()).toBe(true);
  });

  it('with one flipped payload byte, verify and passwd exit 4 and convert nothing', async () => {
    const dir = tempDir();
    const file = copyOfFixture(dir);
    flipByte(file, readFileSync(file).readUInt32LE(10) + 100);
    for (const argv of [
      ['verify', file],
      ['passwd', file],
    ]) {
      const run = await expectNothingChanges(dir, () =>
        cli(argv, [fixture.passphrase, NEW_PASSPHRASE]),
      );
      expect(run.code).toBe(4);
      expect(run.stderr).toBe(errorLine(en.errors.CORRUPT_VAULT, { file }));
    }
    expect(readdirSync(dir)).toEqual([basename(file)]);
  });

  it('cut short at a chunk boundary, verify and passwd exit 4 and convert nothing', async () => {
    const dir = tempDir();
    const file = copyOfFixture(dir);
    const bytes = readFileSync(file);
    const cut = bytes.readUInt32LE(10) + 2 * (4096 + 17);
    expect(bytes.length).toBeGreaterThan(cut + 4096);
    writeFileSync(file, bytes.subarray(0, cut));
    for (const argv of [
      ['verify', file],
      ['passwd', file],
    ]) {
      const run = await expectNothingChanges(dir, () =>
        cli(argv, [fixture.passphrase, NEW_PASSPHRASE]),
      );
      expect(run.code).toBe(4);
      expect(run.stderr).toBe(errorLine(en.errors.TRUNCATED_VAULT, { file }));
    }
    expect(readdirSync(dir)).toEqual([basename(file)]);
  });
});

// =============================================================================================

describe('exit code 1: other errors', () => {
  it('verify of a missing vault exits 1 naming it', async () => {
    const dir = tempDir();
    const file = join(dir, 'absent.confidant');
    const run = await expectNothingChanges(dir, () => cli(['verify', file], [PASSPHRASE]));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(errorLine(en.errors.FILE_NOT_FOUND, { file }));
  });

  it('info of a missing vault exits 1 naming it', async () => {
    const dir = tempDir();
    const file = join(dir, 'absent.confidant');
    const run = await expectNothingChanges(dir, () => cli(['info', file]));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(errorLine(en.errors.FILE_NOT_FOUND, { file }));
  });

  it('passwd of a missing vault exits 1 naming it', async () => {
    const dir = tempDir();
    const file = join(dir, 'absent.confidant');
    const run = await expectNothingChanges(dir, () =>
      cli(['passwd', file], [PASSPHRASE, NEW_PASSPHRASE]),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(errorLine(en.errors.FILE_NOT_FOUND, { file }));
  });
});

describe('exit code 3: wrong passphrase or recovery key', () => {
  it('a wrong passphrase exits 3', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const run = await expectNothingChanges(dir, () =>
      cli(['verify', path], ['not the passphrase']),
    );
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(errorLine(en.errors.WRONG_PASSPHRASE, { file: path }));
  });

  it('the recovery key given as the passphrase exits 3', async () => {
    const dir = tempDir();
    const { path, recoveryKey } = await makeVault(dir);
    const run = await expectNothingChanges(dir, () => cli(['verify', path], [recoveryKey]));
    expect(run.code).toBe(3);
  });

  it("another vault's recovery key exits 3", async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const { recoveryKey: otherKey } = await makeVault(tempDir());
    const run = await expectNothingChanges(dir, () =>
      cli(['verify', path, '--recovery'], [otherKey]),
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(errorLine(en.errors.WRONG_RECOVERY_KEY, { file: path }));
  });

  it('a malformed recovery key exits 3', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const run = await expectNothingChanges(dir, () =>
      cli(['verify', path, '--recovery'], ['ABCD-EFGH-1234']),
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(errorLine(en.errors.RECOVERY_KEY_MALFORMED, { file: path }));
  });

  it('a recovery key with a typo (its checksum fails) exits 3 as malformed', async () => {
    const dir = tempDir();
    const { path, recoveryKey } = await makeVault(dir);
    const typo = (recoveryKey.startsWith('7') ? '8' : '7') + recoveryKey.slice(1);
    const run = await expectNothingChanges(dir, () => cli(['verify', path, '--recovery'], [typo]));
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(errorLine(en.errors.RECOVERY_KEY_MALFORMED, { file: path }));
  });
});

describe('exit code 4: not a vault, database missing, damaged or cut short', () => {
  async function verifyFile(
    name: string,
    content: Buffer | string,
  ): Promise<{ run: Run; file: string }> {
    const dir = tempDir();
    const file = join(dir, name);
    writeFileSync(file, content);
    const run = await expectNothingChanges(dir, () => cli(['verify', file], [PASSPHRASE]));
    return { run, file };
  }

  it('an empty file exits 4', async () => {
    const { run, file } = await verifyFile('empty.confidant', '');
    expect(run.code).toBe(4);
    expect(run.stderr).toBe(errorLine(en.errors.NOT_A_VAULT_empty, { file }));
  });

  it('a file of random bytes exits 4', async () => {
    const { run, file } = await verifyFile('random.confidant', randomBytes(4096));
    expect(run.code).toBe(4);
    expect(run.stderr).toBe(errorLine(en.errors.NOT_A_VAULT, { file }));
  });

  it('a plain SQLite database exits 4 and is called one', async () => {
    const dir = tempDir();
    const file = join(dir, 'plain.sqlite');
    const db = new Database(file);
    db.exec("CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('someone')");
    db.close();
    const run = await expectNothingChanges(dir, () => cli(['verify', file], [PASSPHRASE]));
    expect(run.code).toBe(4);
    expect(run.stderr).toBe(errorLine(en.errors['NOT_A_VAULT_plain-sqlite'], { file }));
  });

  it('passwd of a file that is not a vault exits 4 and converts nothing', async () => {
    const dir = tempDir();
    const file = join(dir, 'notes.confidant');
    writeFileSync(file, 'just some notes, nothing to see');
    const run = await expectNothingChanges(dir, () =>
      cli(['passwd', file], [PASSPHRASE, NEW_PASSPHRASE]),
    );
    expect(run.code).toBe(4);
    expect(run.stderr).toBe(errorLine(en.errors.NOT_A_VAULT, { file }));
  });

  it('info of a file that is not a vault exits 4', async () => {
    const dir = tempDir();
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'just some notes, nothing to see');
    const run = await expectNothingChanges(dir, () => cli(['info', file]));
    expect(run.code).toBe(4);
    expect(run.stderr).toBe(errorLine(en.errors.NOT_A_VAULT, { file }));
  });

  it('a vault whose vault.db is missing exits 4 (verify, passwd, info) and is left as it is', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    unlinkSync(databaseOf(path));
    for (const argv of [
      ['verify', path],
      ['passwd', path],
      ['info', path],
    ]) {
      const run = await expectNothingChanges(dir, () => cli(argv, [PASSPHRASE, NEW_PASSPHRASE]));
      expect(run.code).toBe(4);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(errorLine(en.errors.DATABASE_MISSING, { file: databaseOf(path) }));
    }
    expect(folderNames(path)).toEqual(['keys']);
  });

  it('a vault whose vault.db is cut short at rest exits 4 as cut short', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const database = databaseOf(path);
    // Cut inside a page (a cut exactly at a page boundary reads as damage: vault-format.md §17).
    truncateSync(database, statSync(database).size / 2 + 100);
    for (const argv of [
      ['verify', path],
      ['passwd', path],
    ]) {
      const run = await expectNothingChanges(dir, () => cli(argv, [PASSPHRASE, NEW_PASSPHRASE]));
      expect(run.code).toBe(4);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(errorLine(en.errors.TRUNCATED_VAULT, { file: database }));
    }
  });
});

describe('exit code 5: made by a newer version', () => {
  it.each(['verify', 'info', 'passwd'])(
    '%s of a vault whose keys file has version 3 exits 5 and leaves it untouched',
    async (command) => {
      const dir = tempDir();
      const { path } = await makeVault(dir);
      await setKeysVersion(path, 3);
      const run = await expectNothingChanges(dir, () =>
        cli([command, path], [PASSPHRASE, NEW_PASSPHRASE]),
      );
      expect(run.code).toBe(5);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(errorLine(en.errors.NEWER_VERSION, { file: keysOf(path) }));
    },
  );

  it('the version is what is refused: the same edit back to version 2 opens', async () => {
    const { path } = await makeVault(tempDir());
    await setKeysVersion(path, 3);
    await setKeysVersion(path, 2);
    expect((await cli(['verify', path], [PASSPHRASE])).code).toBe(0);
  });
});

describe('exit code 6: in use by another process', () => {
  it('verify of a vault held open elsewhere exits 6 and names the lock file', async () => {
    const dir = tempDir();
    const { path, vault } = await createTestVault(dir);
    try {
      const run = await expectNothingChanges(dir, () => cli(['verify', path], [PASSPHRASE]));
      expect(run.code).toBe(6);
      expect(run.stderr).toBe(
        errorLine(en.errors.VAULT_IN_USE, {
          file: path,
          pid: process.pid,
          host: hostname(),
          lockFile: join(path, 'vault.lock'),
        }),
      );
    } finally {
      await vault.lock();
    }
  });

  it('passwd of a vault held open elsewhere exits 6 and changes nothing', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const held = await Vault.unlock(path, { passphrase: PASSPHRASE }, { kdf: FAST_KDF });
    try {
      const run = await expectNothingChanges(dir, () =>
        cli(['passwd', path], [PASSPHRASE, NEW_PASSPHRASE]),
      );
      expect(run.code).toBe(6);
    } finally {
      await held.lock();
    }
    expect((await cli(['verify', path], [PASSPHRASE])).code).toBe(0);
  });
});

describe('exit code 7: the keys file is missing or damaged', () => {
  /** Runs verify, passwd and info on `path` and checks each exits 7 and changes nothing. */
  async function eachCommand(dir: string, path: string, code = 7): Promise<Record<string, Run>> {
    const runs: Record<string, Run> = {};
    for (const command of ['verify', 'passwd', 'info']) {
      const run = await expectNothingChanges(dir, () =>
        cli([command, path], [PASSPHRASE, NEW_PASSPHRASE]),
      );
      expect(run.code, command).toBe(code);
      expect(run.stdout, command).toBe('');
      runs[command] = run;
    }
    return runs;
  }

  it('a vault without its keys file exits 7', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    unlinkSync(keysOf(path));
    const runs = await eachCommand(dir, path);
    for (const run of Object.values(runs))
      expect(run.stderr).toBe(errorLine(en.errors.VAULT_KEYS_MISSING, { file: path }));
    expect(folderNames(path)).toEqual(['vault.db']);
  });

  it('a keys file with one flipped byte exits 7', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    flipByte(keysOf(path), 60); // inside slot 1's salt
    const runs = await eachCommand(dir, path);
    for (const run of Object.values(runs))
      expect(run.stderr).toBe(errorLine(en.errors.VAULT_KEYS_DAMAGED, { file: keysOf(path) }));
  });

  it('a keys file cut short exits 7', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    truncateSync(keysOf(path), 100);
    const runs = await eachCommand(dir, path);
    for (const run of Object.values(runs))
      expect(run.stderr).toBe(errorLine(en.errors.VAULT_KEYS_DAMAGED, { file: keysOf(path) }));
  });

  it('an empty keys file exits 7', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    writeFileSync(keysOf(path), '');
    const runs = await eachCommand(dir, path);
    for (const run of Object.values(runs))
      expect(run.stderr).toBe(errorLine(en.errors.VAULT_KEYS_DAMAGED, { file: keysOf(path) }));
  });

  it('a folder named keys exits 7', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    unlinkSync(keysOf(path));
    mkdirSync(keysOf(path));
    const runs = await eachCommand(dir, path);
    for (const command of ['verify', 'passwd'])
      expect(runs[command]!.stderr).toBe(
        errorLine(en.errors.VAULT_KEYS_DAMAGED, { file: keysOf(path) }),
      );
    expect(runs.info!.stderr).toContain(path);
  });

  it('a folder that is no vault at all (neither keys nor vault.db) exits 4 as not a vault, left empty', async () => {
    const dir = tempDir();
    const path = join(dir, 'empty.confidant');
    mkdirSync(path);
    const runs = await eachCommand(dir, path, 4);
    for (const run of Object.values(runs))
      expect(run.stderr).toBe(errorLine(en.errors.NOT_A_VAULT_folder, { file: path }));
    expect(readdirSync(path)).toEqual([]);
  });

  it('says so in Russian under a Russian locale', async () => {
    const { path } = await makeVault(tempDir());
    flipByte(keysOf(path), 60);
    const run = await cli(['verify', path], [PASSPHRASE], { env: RUSSIAN });
    expect(run.code).toBe(7);
    expect(run.stderr).toBe(errorLine(ru.errors.VAULT_KEYS_DAMAGED, { file: keysOf(path) }));
  });
});

describe('exit code 8: the database belongs to another vault', () => {
  it('verify and passwd of a vault holding another vault’s vault.db exit 8 and change nothing', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const { path: other } = await makeVault(tempDir());
    copyFileSync(databaseOf(other), databaseOf(path));
    for (const argv of [
      ['verify', path],
      ['passwd', path],
      ['passwd', '--rekey', path],
    ]) {
      const run = await expectNothingChanges(dir, () => cli(argv, [PASSPHRASE, NEW_PASSPHRASE]));
      expect(run.code, argv.join(' ')).toBe(8);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(errorLine(en.errors.FOREIGN_DATABASE, { file: databaseOf(path) }));
    }
  });

  it('putting the vault’s own database back opens it again', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const own = readFileSync(databaseOf(path));
    const { path: other } = await makeVault(tempDir());
    copyFileSync(databaseOf(other), databaseOf(path));
    expect((await cli(['verify', path], [PASSPHRASE])).code).toBe(8);
    writeFileSync(databaseOf(path), own);
    expect((await cli(['verify', path], [PASSPHRASE])).code).toBe(0);
  });

  it('says so in Russian under a Russian locale', async () => {
    const { path } = await makeVault(tempDir());
    const { path: other } = await makeVault(tempDir());
    copyFileSync(databaseOf(other), databaseOf(path));
    const run = await cli(['verify', path], [PASSPHRASE], { env: RUSSIAN });
    expect(run.code).toBe(8);
    expect(run.stderr).toBe(errorLine(ru.errors.FOREIGN_DATABASE, { file: databaseOf(path) }));
  });
});

// =============================================================================================

describe('usage errors (exit 2)', () => {
  async function usage(argv: (dir: string) => string[]): Promise<Run> {
    const dir = tempDir();
    await makeVault(dir, {}, 'vault.confidant');
    const run = await expectNothingChanges(dir, () => cli(argv(dir), [PASSPHRASE, PASSPHRASE]));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    return run;
  }

  it('no command exits 2 and shows the usage', async () => {
    const run = await usage(() => []);
    expect(run.stderr).toBe(`${errorLine(en.cli.usageNoCommand)}\n${en.cli.usage}\n`);
  });

  it('an unknown command exits 2', async () => {
    const run = await usage((dir) => ['open', join(dir, 'vault.confidant')]);
    expect(run.stderr).toBe(errorLine(en.cli.usageUnknownCommand, { command: 'open' }));
  });

  it.each(['init', 'info', 'verify', 'passwd'])('%s without FILE exits 2', async (command) => {
    const run = await usage(() => [command]);
    expect(run.stderr).toBe(errorLine(en.cli.usageMissingFile, { command }));
  });

  it('two files exit 2', async () => {
    const run = await usage((dir) => ['verify', join(dir, 'vault.confidant'), join(dir, 'b')]);
    expect(run.stderr).toBe(errorLine(en.cli.usageTooManyArguments, { command: 'verify' }));
  });

  it('an unknown option exits 2', async () => {
    const run = await usage((dir) => ['verify', '--force', join(dir, 'vault.confidant')]);
    expect(run.stderr).toBe(
      errorLine(en.cli.usageBadOption, { option: '--force', command: 'verify' }),
    );
  });

  it.each(['init', 'info'])('--recovery on %s exits 2', async (command) => {
    const run = await usage((dir) => [command, '--recovery', join(dir, 'new.confidant')]);
    expect(run.stderr).toBe(errorLine(en.cli.usageBadOption, { option: '--recovery', command }));
  });

  it.each([
    ['init', (dir: string) => ['init', '--rekey', join(dir, 'new.confidant')]],
    ['info', (dir: string) => ['info', join(dir, 'vault.confidant'), '--rekey']],
    ['verify', (dir: string) => ['verify', '--rekey', join(dir, 'vault.confidant')]],
    ['demo', (dir: string) => ['demo', join(dir, 'demo.confidant'), '--people', '3', '--rekey']],
  ] as const)('--rekey on %s exits 2 and creates or changes nothing', async (command, argv) => {
    const run = await usage(argv);
    expect(run.stderr).toBe(errorLine(en.cli.usageBadOption, { option: '--rekey', command }));
  });
});

describe('secrets are never accepted as arguments (exit 2)', () => {
  const SECRET = 'hunter2hunter2';
  const refusal = errorLine(en.cli.usageSecretArgument);

  it.each([
    ['--passphrase x', (file: string) => ['init', file, '--passphrase', SECRET]],
    ['-p', (file: string) => ['init', '-p', SECRET, file]],
    ['--password=x', (file: string) => ['init', `--password=${SECRET}`, file]],
    ['--new-passphrase=x', (file: string) => ['init', file, `--new-passphrase=${SECRET}`]],
    ['--passphrase before the command', (file: string) => ['--passphrase', SECRET, 'init', file]],
  ])('init with %s exits 2 with the explanation and creates nothing', async (_form, argv) => {
    const dir = tempDir();
    const file = join(dir, 'new.confidant');
    const run = await expectNothingChanges(dir, () => cli(argv(file), [PASSPHRASE]));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(refusal);
    expect(run.stdout).toBe('');
    expect(existsSync(file)).toBe(false);
  });

  it.each([
    ['verify --passphrase x', (file: string) => ['verify', file, '--passphrase', SECRET]],
    ['verify -p', (file: string) => ['verify', '-p', file]],
    ['verify --recovery-key=x', (file: string) => ['verify', file, `--recovery-key=${SECRET}`]],
    ['passwd --password=x', (file: string) => ['passwd', `--password=${SECRET}`, file]],
    ['passwd --new-passphrase x', (file: string) => ['passwd', file, '--new-passphrase', SECRET]],
    [
      'passwd --rekey --new-passphrase=x',
      (file: string) => ['passwd', '--rekey', file, `--new-passphrase=${SECRET}`],
    ],
  ])('%s exits 2 with the explanation and changes nothing', async (_form, argv) => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const run = await expectNothingChanges(dir, () =>
      cli(argv(path), [PASSPHRASE, NEW_PASSPHRASE]),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(refusal);
    expect(run.stdout).toBe('');
  });

  it('a passphrase glued to -p (-pSECRET) is refused with the same explanation', async () => {
    const dir = tempDir();
    const file = join(dir, 'new.confidant');
    const run = await expectNothingChanges(dir, () =>
      cli(['init', file, `-p${SECRET}`], [PASSPHRASE]),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain(SECRET);
    expect(run.stderr).toBe(refusal);
  });

  it('the refusal is in Russian under a Russian locale', async () => {
    const dir = tempDir();
    const run = await cli(['init', join(dir, 'v'), '--passphrase', SECRET], [], { env: RUSSIAN });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(errorLine(ru.cli.usageSecretArgument));
  });
});

describe('help and version', () => {
  it.each(['--help', '-h', 'help', 'verify --help', 'init -h', 'passwd --rekey --help'])(
    'confidant %s prints the usage and exits 0',
    async (args) => {
      const run = await cli(args.split(' '));
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`${en.cli.usage}\n`);
      expect(run.stderr).toBe('');
    },
  );

  it('the usage names --rekey and every exit code, 0 to 8', () => {
    for (const usage of [en.cli.usage, ru.cli.usage]) {
      expect(usage).toContain('passwd --rekey');
      for (const code of [3, 4, 5, 6, 7, 8]) expect(usage).toMatch(new RegExp(`\\b${code} `));
    }
  });

  it('--version prints "confidant 0.1.0"', async () => {
    const run = await cli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('confidant 0.1.0\n');
  });
});

describe('language', () => {
  it.each([
    ['LANG', { LANG: 'ru_RU.UTF-8' }],
    ['LC_ALL', { LC_ALL: 'ru_RU.UTF-8' }],
    ['LC_MESSAGES', { LC_MESSAGES: 'ru' }],
  ])('errors are in Russian when %s starts with ru', async (_name, env) => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const run = await cli(['verify', path], ['not the passphrase'], { env });
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(errorLine(ru.errors.WRONG_PASSPHRASE, { file: path }));
  });

  it('init speaks Russian and keeps the "Recovery key: " line', async () => {
    const file = join(tempDir(), 'new.confidant');
    const run = await cli(['init', file], [PASSPHRASE], { env: RUSSIAN });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Хранилище ${file} создано.`);
    expect(recoveryLines(run.stdout)).toHaveLength(1);
  });

  it('info speaks Russian', async () => {
    const { path } = await makeVault(tempDir());
    const run = await cli(['info', path], [], { env: RUSSIAN });
    expect(run.stdout).toContain('хранилище Confidant, версия формата 2');
    expect(run.stdout).toMatch(/^Размер базы данных:\s+\d+ КиБ$/m);
    expect(run.stdout).toContain('пароль: Argon2id v1.3, проходов: 1, память: 64 КиБ');
  });

  it('passwd of a format-1 vault says in Russian that it was converted', async () => {
    const file = copyOfFixture(tempDir());
    const run = await cli(['passwd', file], [fixture.passphrase, NEW_PASSPHRASE], {
      env: RUSSIAN,
    });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(
      ru.cli.upgraded.replace('{{file}}', file).replace('{{kept}}', `${file}.v1`),
    );
  });

  it('usage errors are in Russian', async () => {
    const run = await cli(['frobnicate'], [], { env: RUSSIAN });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(errorLine(ru.cli.usageUnknownCommand, { command: 'frobnicate' }));
  });

  it.each([
    ['LANG=de_DE.UTF-8', { LANG: 'de_DE.UTF-8' }],
    ['LANG=C', { LANG: 'C' }],
    ['no locale at all', {}],
  ])('messages are in English with %s', async (_name, env) => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const run = await cli(['verify', path], ['not the passphrase'], { env });
    expect(run.stderr).toBe(errorLine(en.errors.WRONG_PASSPHRASE, { file: path }));
  });
});

// =============================================================================================

describe('reading secrets from a terminal', () => {
  const PROMPT = /passphrase[^:\n]*: |recovery key[^:\n]*: /gi;

  /**
   * Runs the CLI on a stand-in terminal (`isTTY`): each keystroke string is typed a moment
   * after the next prompt appears, as a person would. Fails if the CLI is still waiting 3 s on.
   */
  async function atTerminal(argv: string[], keystrokes: string[]): Promise<Run> {
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const stdout = collector();
    const stderr = new PassThrough();
    let screen = '';
    let typed = 0;
    stderr.on('data', (chunk: Buffer) => {
      screen += chunk.toString('utf8');
      const prompts = screen.match(PROMPT)?.length ?? 0;
      while (typed < Math.min(prompts, keystrokes.length)) {
        const keys = keystrokes[typed++]!;
        setTimeout(() => stdin.write(keys), 20);
      }
    });
    const finished = runCli(
      argv,
      { stdin, stdout: stdout.stream, stderr, env: ENGLISH },
      { vaultOptions: { kdf: FAST_KDF } },
    );
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      finished,
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          reject(
            new Error(
              `confidant is still waiting for input; the screen shows ${JSON.stringify(screen)}`,
            ),
          );
        }, 3000);
      }),
    ]).finally(() => {
      clearTimeout(timer);
    });
    return { code, stdout: stdout.text(), stderr: screen };
  }

  it('init asks for the new passphrase twice', async () => {
    const file = join(tempDir(), 'new.confidant');
    const { code, stdout, stderr } = await atTerminal(
      ['init', file],
      [`${PASSPHRASE}\r`, `${PASSPHRASE}\r`],
    );
    expect(code).toBe(0);
    expect(stderr).toContain('New passphrase (at least 8 characters): ');
    expect(stderr).toContain('Repeat the new passphrase: ');
    expect(stderr + stdout).not.toContain(PASSPHRASE);
    expect(recoveryLines(stdout)).toHaveLength(1);
  });

  it('init refuses two different passphrases (exit 1) and creates nothing', async () => {
    const dir = tempDir();
    const file = join(dir, 'new.confidant');
    const run = await atTerminal(['init', file], [`${PASSPHRASE}\r`, `${NEW_PASSPHRASE}\r`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(errorLine(en.cli.passphrasesDiffer));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('passwd asks for the new passphrase twice', async () => {
    const { path } = await makeVault(tempDir());
    const run = await atTerminal(
      ['passwd', path],
      [`${PASSPHRASE}\r`, `${NEW_PASSPHRASE}\r`, `${NEW_PASSPHRASE}\r`],
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Repeat the new passphrase: ');
    expect((await cli(['verify', path], [NEW_PASSPHRASE])).code).toBe(0);
  });

  it('passwd --rekey asks for the new passphrase twice and shows the new recovery key', async () => {
    const { path } = await makeVault(tempDir());
    const run = await atTerminal(
      ['passwd', '--rekey', path],
      [`${PASSPHRASE}\r`, `${NEW_PASSPHRASE}\r`, `${NEW_PASSPHRASE}\r`],
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`Current passphrase for ${path}: `);
    expect(run.stderr).toContain('Repeat the new passphrase: ');
    expect(run.stderr + run.stdout).not.toContain(NEW_PASSPHRASE);
    const [key] = recoveryLines(run.stdout);
    expect((await cli(['verify', '--recovery', path], [key!])).code).toBe(0);
  });

  it('passwd --rekey with two different new passphrases (exit 1) changes nothing', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const before = everythingUnder(dir);
    const run = await atTerminal(
      ['passwd', '--rekey', path],
      [`${PASSPHRASE}\r`, `${NEW_PASSPHRASE}\r`, `${PASSPHRASE}\r`],
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(errorLine(en.cli.passphrasesDiffer));
    expect(recoveryLines(run.stdout)).toEqual([]);
    expect(everythingUnder(dir)).toEqual(before);
  });

  it('Ctrl-C at a passphrase prompt cancels (exit 1)', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const run = await expectNothingChanges(dir, () => atTerminal(['verify', path], ['\x03']));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(errorLine(en.cli.inputCancelled));
  });

  it('Ctrl-D at a passphrase prompt cancels (exit 1) instead of waiting forever', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const run = await atTerminal(['verify', path], ['\x04']);
    expect(run.code).toBe(1);
  });
});
