/**
 * `confidant` in-process: runCli with its own stdin/stdout/stderr, the fast Argon2id, and a
 * fresh folder per test. Every error case also proves that nothing on disk changed.
 * The real process (default Argon2id, a real terminal) is in cli-process.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import Database from 'better-sqlite3-multiple-ciphers';
import sodium from 'libsodium-wrappers-sumo';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run.ts';
import {
  DEFAULT_CHUNK_SIZE,
  FILE_KIND_VAULT,
  FORMAT_VERSION,
  sealContainer,
} from '../../electron/core/crypto/container.ts';
import {
  createPassphraseSlot,
  createRecoverySlot,
  derivePayloadKey,
  generateMasterKey,
} from '../../electron/core/crypto/keyslots.ts';
import { generateRecoverySecret } from '../../electron/core/crypto/recovery-key.ts';
import { latestSchemaVersion, migrate } from '../../electron/core/db/migrate.ts';
import { openDatabase } from '../../electron/core/db/open-database.ts';
import { Vault, type VaultOptions } from '../../electron/core/vault/vault.ts';
import { en } from '../../shared/i18n/en.ts';
import { ru } from '../../shared/i18n/ru.ts';
import { MIN_PASSPHRASE_LENGTH } from '../../shared/passphrase-policy.ts';
import { snapshotDir } from '../helpers/dir-snapshot.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import { faultyFs } from '../helpers/faulty-fs.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { createTestVault, PASSPHRASE } from '../helpers/vaults.ts';

const tempDir = useTempDir('confidant-cli-');

const NEW_PASSPHRASE = 'a different passphrase entirely';
const ENGLISH = { LANG: 'en_US.UTF-8' };
const RUSSIAN = { LANG: 'ru_RU.UTF-8' };
/** 36 Crockford base32 symbols (no I, L, O, U) in nine groups of four. */
const RECOVERY_KEY = /^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){8}$/;
const RECOVERY_LINE = /^Recovery key: (.*)$/gm;

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

/** Runs `action` and checks that no file under `dir` was added, removed or touched. */
async function expectNothingChanges(dir: string, action: () => Promise<Run>): Promise<Run> {
  const before = snapshotDir(dir);
  const run = await action();
  expect(snapshotDir(dir)).toEqual(before);
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
// Vault files

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

/** Row counts of the vault's tables, read through the core (not through the CLI). */
async function rowCounts(path: string): Promise<{ audit_events: number; settings: number }> {
  const vault = await Vault.unlock(path, { passphrase: PASSPHRASE }, { readOnly: true });
  try {
    const count = (table: string) =>
      vault.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return { audit_events: count('audit_events'), settings: count('settings') };
  } finally {
    await vault.lock();
  }
}

function headerLength(bytes: Buffer): number {
  return bytes.readUInt32LE(10);
}

/** Rewrites the format version (u16 LE at 8) and makes the header checksum match again. */
async function setFormatVersion(path: string, version: number): Promise<void> {
  await sodium.ready;
  const bytes = readFileSync(path);
  bytes.writeUInt16LE(version, 8);
  const length = headerLength(bytes);
  bytes.set(sodium.crypto_generichash(32, bytes.subarray(0, length - 32), null), length - 32);
  writeFileSync(path, bytes);
}

/**
 * Encrypts `image` (a SQLite database) into a correct vault container that PASSPHRASE opens:
 * the way to get a vault whose encryption is intact but whose database is not.
 */
async function sealVaultAround(path: string, image: Buffer): Promise<void> {
  const masterKey = generateMasterKey();
  const identity = { version: FORMAT_VERSION, kind: FILE_KIND_VAULT };
  const slots = [
    await createPassphraseSlot(PASSPHRASE, masterKey, FAST_KDF, identity),
    await createRecoverySlot(generateRecoverySecret(), masterKey, identity),
  ];
  const file = await sealContainer(
    { ...identity, chunkSize: DEFAULT_CHUNK_SIZE, slots },
    await derivePayloadKey(masterKey),
    image,
  );
  writeFileSync(path, file);
}

/** A vault database with a table spread over several pages, serialized. */
function databaseImage(): { image: Buffer; pageSize: number } {
  const db = openDatabase();
  migrate(db, 'image');
  db.exec('CREATE TABLE filler (text TEXT)');
  const insert = db.prepare('INSERT INTO filler VALUES (?)');
  for (let i = 0; i < 500; i++) insert.run(`row ${i} ${'.'.repeat(100)}`);
  const image = db.serialize();
  db.close();
  return { image, pageSize: image.readUInt16BE(16) };
}

// =============================================================================================

describe('confidant init', () => {
  it('creates the vault, says so and exits 0', async () => {
    const file = join(tempDir(), 'new.confidant');
    const run = await cli(['init', file], [PASSPHRASE]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Created the vault ${file}.`);
    expect(run.stderr).toBe('');
    expect(existsSync(file)).toBe(true);
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

  it('fails (exit 1) on a full disk and leaves no file behind', async () => {
    const dir = tempDir();
    const file = join(dir, 'new.confidant');
    const fs = faultyFs({ failAfterBytes: 4096 });
    const run = await expectNothingChanges(dir, () =>
      cli(['init', file], [PASSPHRASE], { vaultOptions: { fs } }),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(errorLine(en.errors.DISK_FULL, { file }));
  });
});

describe('confidant info', () => {
  it('prints the format version and the KDF parameters of each slot, without a passphrase', async () => {
    const { path } = await makeVault(tempDir());
    const run = await cli(['info', path]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Confidant vault, format version 1');
    expect(run.stdout).toMatch(/^Key slots:\s+2$/m);
    expect(run.stdout).toMatch(/^ {2}1\. passphrase: Argon2id v1\.3, passes: 1, memory: 64 KiB$/m);
    expect(run.stdout).toMatch(/^ {2}2\. recovery key: BLAKE2b-256$/m);
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
    const bytes = readFileSync(path);
    // Slot 1 (passphrase) at 21: type, length, KDF id, opslimit, memlimit, then 16+24+48 bytes;
    // slot 2 (recovery) follows with the same 16+24+48 bytes after its type and length.
    const slot1 = 21 + 3 + 13;
    const slot2 = slot1 + 88 + 3;
    const secrets = [slot1, slot2].flatMap((start) => [
      bytes.subarray(start, start + 16),
      bytes.subarray(start + 16, start + 40),
      bytes.subarray(start + 40, start + 88),
    ]);
    expect(bytes.readUInt8(slot2 - 3)).toBe(2); // the recovery slot's type byte
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

  it('changes nothing on disk', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const run = await expectNothingChanges(dir, () => cli(['verify', path], [PASSPHRASE]));
    expect(run.code).toBe(0);
  });

  it('reports a database that fails integrity_check (exit 4) in one line', async () => {
    const dir = tempDir();
    const path = join(dir, 'damaged-inside.confidant');
    const { image, pageSize } = databaseImage();
    const page = image.length / pageSize - 2;
    image.fill(0x41, page * pageSize + 100, page * pageSize + 600); // cells of a table page
    await sealVaultAround(path, image);
    const run = await expectNothingChanges(dir, () => cli(['verify', path], [PASSPHRASE]));
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/^confidant: .*fails the integrity check/);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('reports a database too damaged for integrity_check to run (exit 4) in one line', async () => {
    const dir = tempDir();
    const path = join(dir, 'damaged-inside.confidant');
    const { image, pageSize } = databaseImage();
    const page = image.length / pageSize - 2;
    image.fill(0xff, page * pageSize, page * pageSize + 12); // the page's b-tree header
    await sealVaultAround(path, image);
    const run = await expectNothingChanges(dir, () => cli(['verify', path], [PASSPHRASE]));
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(path);
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
    const fs = faultyFs({ failAfterBytes: 4096 });
    const run = await expectNothingChanges(dir, () =>
      cli(['passwd', path], [PASSPHRASE, NEW_PASSPHRASE], { vaultOptions: { fs } }),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(errorLine(en.errors.DISK_FULL, { file: path }));
    expect((await cli(['verify', path], [PASSPHRASE])).code).toBe(0);
  });
});

// =============================================================================================

describe('exit code 1: other errors', () => {
  it('verify of a missing file exits 1 naming the file', async () => {
    const dir = tempDir();
    const file = join(dir, 'absent.confidant');
    const run = await expectNothingChanges(dir, () => cli(['verify', file], [PASSPHRASE]));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(errorLine(en.errors.FILE_NOT_FOUND, { file }));
  });

  it('info of a missing file exits 1 naming the file', async () => {
    const dir = tempDir();
    const file = join(dir, 'absent.confidant');
    const run = await expectNothingChanges(dir, () => cli(['info', file]));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(errorLine(en.errors.FILE_NOT_FOUND, { file }));
  });

  it('passwd of a missing file exits 1 naming the file', async () => {
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

describe('exit code 4: not a vault, corrupt, tampered or truncated', () => {
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

  it('a vault with one flipped payload byte exits 4', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const bytes = readFileSync(path);
    const offset = headerLength(bytes) + 100;
    bytes.writeUInt8(bytes.readUInt8(offset) ^ 0x01, offset);
    writeFileSync(path, bytes);
    const run = await expectNothingChanges(dir, () => cli(['verify', path], [PASSPHRASE]));
    expect(run.code).toBe(4);
    expect(run.stderr).toBe(errorLine(en.errors.CORRUPT_VAULT, { file: path }));
  });

  it('a vault with one flipped header byte exits 4', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const bytes = readFileSync(path);
    bytes.writeUInt8(bytes.readUInt8(60) ^ 0x01, 60); // inside slot 1's nonce
    writeFileSync(path, bytes);
    const run = await expectNothingChanges(dir, () => cli(['verify', path], [PASSPHRASE]));
    expect(run.code).toBe(4);
    expect(run.stderr).toBe(errorLine(en.errors.CORRUPT_VAULT, { file: path }));
  });

  it('a vault cut short inside its header exits 4', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    writeFileSync(path, readFileSync(path).subarray(0, 100));
    const run = await expectNothingChanges(dir, () => cli(['verify', path], [PASSPHRASE]));
    expect(run.code).toBe(4);
    expect(run.stderr).toBe(errorLine(en.errors.TRUNCATED_VAULT, { file: path }));
  });

  it('a vault cut short at a chunk boundary exits 4', async () => {
    const dir = tempDir();
    const chunkSize = 4096;
    const { path } = await makeVault(dir, { chunkSize });
    const bytes = readFileSync(path);
    const cut = headerLength(bytes) + 2 * (chunkSize + 17);
    expect(bytes.length).toBeGreaterThan(cut + chunkSize);
    writeFileSync(path, bytes.subarray(0, cut));
    const run = await expectNothingChanges(dir, () => cli(['verify', path], [PASSPHRASE]));
    expect(run.code).toBe(4);
    expect(run.stderr).toBe(errorLine(en.errors.TRUNCATED_VAULT, { file: path }));
  });

  it('a vault cut short in the middle of its payload exits 4', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length - 1000));
    const run = await expectNothingChanges(dir, () => cli(['verify', path], [PASSPHRASE]));
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(path);
  });

  it('a folder instead of a file exits 4', async () => {
    const dir = tempDir();
    const file = join(dir, 'folder.confidant');
    mkdirSync(file);
    const run = await expectNothingChanges(dir, () => cli(['verify', file], [PASSPHRASE]));
    expect(run.code).toBe(4);
    expect(run.stderr).toBe(errorLine(en.errors.NOT_A_VAULT_directory, { file }));
  });

  it('info of a file that is not a vault exits 4', async () => {
    const dir = tempDir();
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'just some notes, nothing to see');
    const run = await expectNothingChanges(dir, () => cli(['info', file]));
    expect(run.code).toBe(4);
    expect(run.stderr).toBe(errorLine(en.errors.NOT_A_VAULT, { file }));
  });
});

describe('exit code 5: made by a newer version', () => {
  it('verify of a vault with format version 2 exits 5 and leaves it untouched', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    await setFormatVersion(path, 2);
    const run = await expectNothingChanges(dir, () => cli(['verify', path], [PASSPHRASE]));
    expect(run.code).toBe(5);
    expect(run.stderr).toBe(errorLine(en.errors.NEWER_VERSION, { file: path }));
  });

  it('info of a vault with format version 2 exits 5', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    await setFormatVersion(path, 2);
    const run = await expectNothingChanges(dir, () => cli(['info', path]));
    expect(run.code).toBe(5);
    expect(run.stderr).toBe(errorLine(en.errors.NEWER_VERSION, { file: path }));
  });

  it('passwd of a vault with format version 2 exits 5 and leaves it untouched', async () => {
    const dir = tempDir();
    const { path } = await makeVault(dir);
    await setFormatVersion(path, 2);
    const run = await expectNothingChanges(dir, () =>
      cli(['passwd', path], [PASSPHRASE, NEW_PASSPHRASE]),
    );
    expect(run.code).toBe(5);
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
          lockFile: `${path}.lock`,
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
  it.each(['--help', '-h', 'help', 'verify --help', 'init -h'])(
    'confidant %s prints the usage and exits 0',
    async (args) => {
      const run = await cli(args.split(' '));
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`${en.cli.usage}\n`);
      expect(run.stderr).toBe('');
    },
  );

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
    expect(run.stdout).toContain('хранилище Confidant, версия формата 1');
    expect(run.stdout).toContain('пароль: Argon2id v1.3, проходов: 1, память: 64 КиБ');
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
    expect(snapshotDir(dir)).toEqual({});
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
