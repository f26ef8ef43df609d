/**
 * Format-1 vaults (one whole encrypted image per file): read, and upgraded to format 2 on
 * unlock with nothing readable touching the disk.
 *
 *   1. decrypt the image into memory (as format 1 always did);
 *   2. build `FILE.upgrading/` from it: the same keyslots (the same passphrase and recovery
 *      key open it), a new SQLCipher database filled by copy (image-to-vault.ts);
 *   3. verify the copy: integrity_check, and every table's rows equal to the image's;
 *   4. rename FILE → FILE.v1 (kept until the user removes it), FILE.upgrading → FILE.
 *
 * Interrupted before step 4, FILE is still the format-1 vault and the half-made folder is
 * removed next time; between the two renames, FILE.v1 is put back and the upgrade runs again.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { performance } from 'node:perf_hooks';
import {
  headerChecksum,
  headerLengthOf,
  openPayload,
  parseContainer,
  type Keyslot,
} from '../crypto/container.ts';
import { DB_SALT_BYTES, KEYSLOT_IDENTITY } from '../crypto/keyslot-file.ts';
import { derivePayloadKey, openMasterKey, type UnlockSecret } from '../crypto/keyslots.ts';
import { wipe } from '../crypto/sodium.ts';
import { isCorruptionError, openDatabase, openVaultDatabase } from '../db/open-database.ts';
import { fromFsError, isVaultError, VaultError } from '../errors.ts';
import { tableCounts } from '../db/table-counts.ts';
import { startBackgroundRead, type BackgroundRead } from './background-read.ts';
import { buildVaultFolder, type OpenMaterial } from './build-vault.ts';
import { copyDatabaseInto } from './image-to-vault.ts';
import { nodeFs, type FsPort } from './fs-port.ts';
import { DEFAULT_GENERATIONS, existingGenerations, generationPath } from './generations.ts';
import { buildingPath, keptV1Path, parentOf } from './layout.ts';
import { acquireLock, type LockOptions } from './lock-file.ts';
import { randomFillSync } from 'node:crypto';

export interface V1Options {
  fs?: FsPort;
  lock?: LockOptions;
  /** Read FILE.1, FILE.2 … instead of FILE (FILE is damaged); FILE is then kept aside too. */
  generation?: number;
}

/** A format-1 vault decrypted into an in-memory database. The caller closes and wipes. */
export interface OpenedV1 {
  db: Database;
  masterKey: Buffer;
  slots: Keyslot[];
  kdfMs: number;
}

/** Reads and decrypts a format-1 vault file (or its newest previous copy if FILE is gone). */
export async function openV1Image(
  path: string,
  secret: UnlockSecret,
  options: V1Options = {},
): Promise<OpenedV1> {
  const fs = options.fs ?? nodeFs;
  const source = await chooseSource(fs, path, options.generation ?? 0);
  let masterKey: Buffer | null = null;
  let payloadKey: Buffer | undefined;
  let reading: BackgroundRead | undefined;
  try {
    reading = await startBackgroundRead(fs, source);
    const file = reading.bytes;
    await reading.until(Math.min(file.length, 14));
    await reading.until(headerLengthOf(file) ?? 0);
    const parsed = parseContainer(file, { file: source }, await headerChecksum());
    const kdfStarted = performance.now();
    masterKey = await openMasterKey(parsed.header.slots, secret, KEYSLOT_IDENTITY, {
      file: source,
    });
    const kdfMs = performance.now() - kdfStarted;
    payloadKey = await derivePayloadKey(masterKey);
    const image = await openPayload(
      parsed,
      payloadKey,
      { file: source },
      reading.until.bind(reading),
    );
    await reading.stop();
    const db = openDecryptedImage(image, source);
    wipe(file);
    return { db, masterKey, slots: parsed.header.slots, kdfMs };
  } catch (error) {
    await reading?.stop();
    wipe(masterKey, reading?.bytes);
    throw await withPreviousCopy(fs, path, source, error);
  } finally {
    wipe(payloadKey);
  }
}

export interface UpgradedV1 {
  material: OpenMaterial;
  kdfMs: number;
  upgradeMs: number;
  /** Where the format-1 file now lies. */
  keptAt: string;
}

export async function upgradeV1Vault(
  path: string,
  secret: UnlockSecret,
  options: V1Options = {},
): Promise<UpgradedV1> {
  const fs = options.fs ?? nodeFs;
  const building = buildingPath(path, 'upgrading');
  await resumeInterruptedUpgrade(fs, path, building);
  const lock = await acquireLock(fs, path, options.lock);
  let opened: OpenedV1 | undefined;
  try {
    opened = await openV1Image(path, secret, options);
    const started = performance.now();
    await fs.removeFolder(building).catch(() => undefined);
    const dbSalt = new Uint8Array(DB_SALT_BYTES);
    randomFillSync(dbSalt);
    const material: OpenMaterial = {
      masterKey: Buffer.from(opened.masterKey),
      keys: { dbSalt, slots: opened.slots },
    };
    const source = opened.db;
    await buildVaultFolder(
      building,
      material,
      (file, dbKey) => {
        copyDatabaseInto(source, file, dbKey, dbSalt);
        verifyCopy(source, file, dbKey, dbSalt);
      },
      { fs },
    );
    // FILE may be missing (only FILE.1 was left by an interrupted format-1 save): then the
    // format-1 data stays where it is, in FILE.1.
    const hadFile = await fs.exists(path);
    const keptAt = hadFile ? await freeName(fs, keptV1Path(path)) : generationPath(path, 1);
    try {
      if (hadFile) await fs.rename(path, keptAt);
    } catch (error) {
      throw fromFsError(error, { file: path });
    }
    try {
      await fs.rename(building, path);
    } catch (error) {
      // Put the format-1 file back where the user knows it; the next unlock tries again.
      if (hadFile) await fs.rename(keptAt, path).catch(() => undefined);
      throw fromFsError(error, { file: path });
    }
    await fs.syncFolder(parentOf(path)).catch(() => undefined);
    return { material, kdfMs: opened.kdfMs, upgradeMs: performance.now() - started, keptAt };
  } catch (error) {
    await fs.removeFolder(building).catch(() => undefined);
    throw error;
  } finally {
    opened?.db.close();
    wipe(opened?.masterKey);
    await lock.release();
  }
}

/** The copy must hold what the image held, row for row, and pass SQLite's own check. */
function verifyCopy(source: Database, file: string, dbKey: Buffer, dbSalt: Uint8Array): void {
  const copy = openVaultDatabase(file, dbKey, dbSalt, { readOnly: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    const same = JSON.stringify(tableCounts(copy)) === JSON.stringify(tableCounts(source));
    if (check !== 'ok' || !same)
      throw new VaultError('CORRUPT_VAULT', { file, reason: 'upgrade-copy' });
  } finally {
    copy.close();
  }
}

/** FILE gone, FILE.v1 there: the last upgrade stopped between its two renames. */
async function resumeInterruptedUpgrade(fs: FsPort, path: string, building: string) {
  if ((await fs.kindOf(path).catch(() => null)) !== null) return;
  const kept = keptV1Path(path);
  if ((await fs.kindOf(kept).catch(() => null)) === 'file') {
    await fs.rename(kept, path).catch((error: unknown) => {
      throw fromFsError(error, { file: path });
    });
    await fs.removeFolder(building).catch(() => undefined);
  }
}

async function freeName(fs: FsPort, wanted: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? wanted : `${wanted}-${String(n)}`;
    if ((await fs.kindOf(candidate).catch(() => null)) === null) return candidate;
  }
}

/** The file to read; a missing FILE with FILE.1 beside it: FILE.1 is the last saved state. */
async function chooseSource(fs: FsPort, path: string, generation: number): Promise<string> {
  const wanted = generationPath(path, generation);
  if (await fs.exists(wanted)) return wanted;
  if (generation === 0 && (await fs.exists(generationPath(path, 1))))
    return generationPath(path, 1);
  throw new VaultError('FILE_NOT_FOUND', { file: wanted });
}

/** A damaged format-1 file names its previous copy, which the user can open instead. */
async function withPreviousCopy(
  fs: FsPort,
  path: string,
  source: string,
  error: unknown,
): Promise<unknown> {
  const damaged =
    isVaultError(error, 'CORRUPT_VAULT') ||
    isVaultError(error, 'TRUNCATED_VAULT') ||
    (isVaultError(error, 'NOT_A_VAULT') && error.details.reason === 'empty');
  if (!damaged) return error;
  const copies = await existingGenerations(fs, path, DEFAULT_GENERATIONS + 1).catch(() => []);
  const previous = copies.find((candidate) => candidate !== source);
  if (previous === undefined) return error;
  return new VaultError(error.code, { ...error.details, previous }, { cause: error });
}

function openDecryptedImage(image: Buffer, file: string): Database {
  let db: Database | undefined;
  try {
    db = openDatabase(image);
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return db;
  } catch (error) {
    db?.close();
    if (isCorruptionError(error))
      throw new VaultError('CORRUPT_VAULT', { file, reason: 'database' }, { cause: error });
    throw error;
  }
}
