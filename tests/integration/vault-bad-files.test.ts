/**
 * Files that are not a good vault, opened the way the app and the CLI open them. Each must be
 * refused with the code that tells the user what happened, and leave the folder as it was.
 * (tests/unit/container.test.ts covers every byte position and every length at the format
 * layer; here a sample goes through the whole unlock, Argon2id included.)
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { Vault } from '../../electron/core/vault/vault.ts';
import { editHeader, headerLengthOf } from '../helpers/container-bytes.ts';
import { snapshotDir } from '../helpers/dir-snapshot.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { createTestVault, getState, PASSPHRASE, readState, setState } from '../helpers/vaults.ts';

const tempDir = useTempDir();

/** A saved vault 'B' whose previous copy is 'A'; returns its bytes too. */
async function savedVault() {
  const dir = tempDir();
  const { path, vault, recoveryKey } = await createTestVault(dir);
  for (const state of ['A', 'B']) {
    setState(vault, state);
    await vault.save();
  }
  await vault.lock();
  return { dir, path, recoveryKey, bytes: readFileSync(path) };
}

/** Unlocks and returns the error code (with the details), leaving the folder as it was. */
async function refusal(
  dir: string,
  path: string,
  secret: { passphrase: string } | { recoveryKey: string } = { passphrase: PASSPHRASE },
) {
  const before = snapshotDir(dir);
  try {
    const vault = await Vault.unlock(path, secret);
    await vault.lock();
  } catch (error) {
    expect(snapshotDir(dir), 'nothing on disk changed').toEqual(before);
    return error as { code: string; details: Record<string, string | number> };
  }
  throw new Error(`${path} opened`);
}

describe('damaged vault files', () => {
  it('a flipped byte anywhere: CORRUPT_VAULT, offering the previous copy', async () => {
    const { dir, path, bytes } = await savedVault();
    const header = headerLengthOf(bytes);
    const positions = new Set([
      8,
      9,
      10,
      14,
      16,
      20,
      21,
      40,
      100,
      header - 33,
      header - 1,
      header,
      header + 1,
      bytes.length - 17,
      bytes.length - 1,
    ]);
    for (let i = 0; i < 12; i++)
      positions.add(header + Math.floor(((bytes.length - header) * i) / 12));
    for (const position of positions) {
      const damaged = Buffer.from(bytes);
      damaged[position]! ^= 0x04;
      writeFileSync(path, damaged);
      const error = await refusal(dir, path);
      expect(error.code, `byte ${position}`).toBe('CORRUPT_VAULT');
      expect(error.details).toMatchObject({ file: path, previous: `${path}.1` });
    }
  });

  it('cut short at any point: TRUNCATED_VAULT or CORRUPT_VAULT (never opens)', async () => {
    const { dir, path, bytes } = await savedVault();
    const header = headerLengthOf(bytes);
    for (const length of [
      9,
      13,
      14,
      20,
      header - 1,
      header,
      header + 16,
      header + 17,
      header + 500,
      bytes.length - 1,
    ]) {
      writeFileSync(path, bytes.subarray(0, length));
      expect(['TRUNCATED_VAULT', 'CORRUPT_VAULT'], `cut to ${length} bytes`).toContain(
        (await refusal(dir, path)).code,
      );
    }
  });

  it('extra bytes appended: CORRUPT_VAULT', async () => {
    const { dir, path, bytes } = await savedVault();
    for (const extra of [1, 17, 4096]) {
      writeFileSync(path, Buffer.concat([bytes, randomBytes(extra)]));
      expect((await refusal(dir, path)).code).toBe('CORRUPT_VAULT');
    }
  });

  it('a KDF made weaker by an attacker who re-sealed the header: refused, not opened weaker', async () => {
    const { dir, path, bytes } = await savedVault();
    // The test vault uses 64 KiB of Argon2id memory; the attacker halves it.
    expect(bytes.readBigUInt64LE(21 + 3 + 5)).toBe(65_536n);
    writeFileSync(path, await editHeader(bytes, (b) => b.writeBigUInt64LE(32_768n, 21 + 3 + 5)));
    // The passphrase slot no longer opens: a tampered slot looks like a wrong passphrase.
    expect((await refusal(dir, path)).code).toBe('WRONG_PASSPHRASE');
  });

  it('the previous copy offered in the error does open', async () => {
    const { dir, path, bytes } = await savedVault();
    const damaged = Buffer.from(bytes);
    damaged[bytes.length - 100]! ^= 1;
    writeFileSync(path, damaged);
    const { details } = await refusal(dir, path);
    expect(await readState(String(details.previous))).toBe('A');
  });
});

describe('files that are not vaults', () => {
  it.each([
    ['an empty file', Buffer.alloc(0), 'NOT_A_VAULT', 'empty'],
    ['a random file', randomBytes(20_000), 'NOT_A_VAULT', 'magic'],
    ['a text file', Buffer.from('Names of our friends in the ministry\n'), 'NOT_A_VAULT', 'magic'],
  ])('%s: %s', async (_name, content, code, reason) => {
    const dir = tempDir();
    const path = join(dir, 'file.confidant');
    writeFileSync(path, content);
    expect(await refusal(dir, path)).toMatchObject({ code, details: { file: path, reason } });
  });

  it('a plain SQLite database: NOT_A_VAULT (plain-sqlite)', async () => {
    const dir = tempDir();
    const path = join(dir, 'plain.db');
    const db = new Database(path);
    db.exec("CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('someone');");
    db.close();
    expect(await refusal(dir, path)).toMatchObject({
      code: 'NOT_A_VAULT',
      details: { reason: 'plain-sqlite' },
    });
  });

  it('a folder: NOT_A_VAULT (directory)', async () => {
    const dir = tempDir();
    const path = join(dir, 'folder.confidant');
    mkdirSync(path);
    expect(await refusal(dir, path)).toMatchObject({
      code: 'NOT_A_VAULT',
      details: { reason: 'directory' },
    });
  });
});

describe('a vault from a newer version', () => {
  it('newer format version: NEWER_VERSION, untouched', async () => {
    const { dir, path, bytes } = await savedVault();
    writeFileSync(path, await editHeader(bytes, (b) => b.writeUInt16LE(2, 8)));
    expect(await refusal(dir, path)).toMatchObject({
      code: 'NEWER_VERSION',
      details: { version: 2 },
    });
  });
});

describe('an interrupted save on a file system without hard links', () => {
  it('finds FILE missing and FILE.1 present: opens FILE.1 (the last saved state) and makes it FILE again', async () => {
    const { path } = await savedVault();
    renameSync(path, `${path}.1`); // the crash happened between the two renames
    const vault = await Vault.unlock(path, { passphrase: PASSPHRASE });
    expect(vault.openedFrom).toBe(`${path}.1`);
    expect(getState(vault)).toBe('B');
    await vault.lock();
    expect(await readState(path)).toBe('B');
  });

  it('with neither FILE nor FILE.1: FILE_NOT_FOUND', async () => {
    const { dir, path } = await savedVault();
    rmSync(path);
    rmSync(`${path}.1`);
    expect((await refusal(dir, path)).code).toBe('FILE_NOT_FOUND');
  });
});
