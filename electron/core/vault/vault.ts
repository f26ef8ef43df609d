/**
 * The vault's lifecycle: create, unlock (passphrase or recovery key), change passphrase,
 * re-key, lock. Format 2 (docs/vault-format.md §15–§19): a folder holding a small keyslot file
 * and an SQLCipher 4 database keyed with a subkey of the master key. Every change is one
 * SQLite transaction, durable when it commits (WAL, synchronous=FULL): nothing is "saved"
 * afterwards. A format-1 vault (one whole-image file) is upgraded on unlock (upgrade-v1.ts).
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { randomFillSync, timingSafeEqual } from 'node:crypto';
import { chmodSync, constants, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { APP_VERSION } from '../../../shared/app-info.ts';
import { checkNewPassphrase } from '../../../shared/passphrase-policy.ts';
import { DEFAULT_CHUNK_SIZE, headerChecksum, type Keyslot } from '../crypto/container.ts';
import { DEFAULT_ARGON2, type Argon2Params } from '../crypto/kdf.ts';
import {
  DB_SALT_BYTES,
  encodeKeyslotFile,
  KEYSLOT_IDENTITY,
  parseKeyslotFile,
  type KeyslotFile,
} from '../crypto/keyslot-file.ts';
import {
  BACKUP_PAYLOAD_CONTEXT,
  createPassphraseSlot,
  createRecoverySlot,
  deriveBackupMacKey,
  deriveDatabaseKey,
  derivePayloadKey,
  generateMasterKey,
  openMasterKey,
  openWithPassphrase,
  type UnlockSecret,
} from '../crypto/keyslots.ts';
import { formatRecoveryKey, generateRecoverySecret } from '../crypto/recovery-key.ts';
import { wipe } from '../crypto/sodium.ts';
import { latestSchemaVersion, migrate, schemaVersion } from '../db/migrate.ts';
import { openVaultDatabase, rawSqlcipherKey } from '../db/open-database.ts';
import { fromFsError, fromReadError, isVaultError, VaultError } from '../errors.ts';
import { appendAuditEvent } from '../repos/audit-events.ts';
import { SETTING_CREATED_AT, SETTING_CREATED_BY_VERSION, setSetting } from '../repos/settings.ts';
import { removeStaleTemporaries, replaceFileAtomically } from './atomic-file.ts';
import { nodeFs, type FsPort } from './fs-port.ts';
import { DATABASE_FILE, databasePath, keysPath, lockBase, nextKeysPath } from './layout.ts';
import { readKeyslotFile } from './keys-file.ts';
import { acquireLock, removeStaleLock, type LockOptions, type VaultLock } from './lock-file.ts';
import { buildVaultFolder, type OpenMaterial } from './build-vault.ts';
import { openV1Image, upgradeV1Vault } from './upgrade-v1.ts';

/** The vault format this code writes: a folder with a keyslot file and an SQLCipher database. */
export const VAULT_FORMAT_VERSION = 2;

export interface VaultOptions {
  /** File operations; tests inject faults here. */
  fs?: FsPort;
  /** Argon2id parameters for passphrase slots this vault writes (create, change passphrase). */
  kdf?: Argon2Params;
  /** Open for reading only: nothing is ever written, and a read-only folder is fine. */
  readOnly?: boolean;
  /** A format-1 vault only: read its previous copy FILE.1, FILE.2 … (FILE is damaged). */
  generation?: number;
  lock?: LockOptions;
  now?: () => Date;
}

export type { UnlockSecret } from '../crypto/keyslots.ts';

/** Where an unlock's time went. */
export interface UnlockStats {
  /** Deriving the key from the secret and opening a keyslot (Argon2id for a passphrase). */
  kdfMs: number;
  /** Opening the database with its key, checking it and migrating it. */
  openMs: number;
  /** A format-1 vault converted to format 2 during this unlock (0 otherwise). */
  upgradeMs: number;
  /** The whole unlock, lock file and clean-up included. */
  totalMs: number;
}

export class Vault {
  /** The vault folder. */
  readonly path: string;
  readonly readOnly: boolean;
  readonly unlockStats: UnlockStats;
  /** Where a format-1 vault was kept when this unlock upgraded it (the user removes it). */
  readonly upgradedFrom: string | null;
  /** 2; 1 only for a format-1 vault opened read-only (shown, never converted). */
  readonly formatVersion: number;

  #db: Database | undefined;
  #masterKey: Buffer;
  #keys: KeyslotFile;
  #fileLock: VaultLock | undefined;
  /** A read-only open's private copy of the database folder, removed at lock. */
  #privateCopy: string | undefined;
  readonly #options: VaultOptions;
  readonly #fs: FsPort;

  private constructor(init: {
    path: string;
    db: Database;
    material: OpenMaterial;
    fileLock: VaultLock | undefined;
    options: VaultOptions;
    stats: UnlockStats;
    upgradedFrom?: string | null;
    formatVersion?: number;
    privateCopy?: string | undefined;
  }) {
    this.path = init.path;
    this.readOnly = init.options.readOnly ?? false;
    this.unlockStats = init.stats;
    this.upgradedFrom = init.upgradedFrom ?? null;
    this.formatVersion = init.formatVersion ?? VAULT_FORMAT_VERSION;
    this.#db = init.db;
    this.#masterKey = init.material.masterKey;
    this.#keys = init.material.keys;
    this.#fileLock = init.fileLock;
    this.#privateCopy = init.privateCopy;
    this.#options = init.options;
    this.#fs = init.options.fs ?? nodeFs;
  }

  // -------------------------------------------------------------------------------------------
  // Create and unlock

  /**
   * Creates a new vault at `path` (which must not exist) and returns it unlocked, with the
   * recovery key to show the user once. Everything is on disk before this returns.
   */
  static async create(
    path: string,
    passphrase: string,
    options: VaultOptions = {},
  ): Promise<{ vault: Vault; recoveryKey: string }> {
    const pending = await Vault.prepare(path, passphrase, options);
    return {
      vault: await pending.commit(options.now?.() ?? new Date()),
      recoveryKey: pending.recoveryKey,
    };
  }

  /**
   * Everything `create` does except writing: keys and keyslots. The app shows the recovery key,
   * has the user type part of it back, and only then commits, so no vault exists whose
   * recovery key nobody saw.
   */
  static async prepare(
    path: string,
    passphrase: string,
    options: VaultOptions = {},
  ): Promise<PendingVault> {
    const problem = checkNewPassphrase(passphrase);
    if (problem) throw new VaultError(problem, { file: path });
    const fs = options.fs ?? nodeFs;
    if ((await fs.kindOf(path).catch(() => null)) !== null)
      throw new VaultError('FILE_EXISTS', { file: path });
    // Nothing is written before commit, but a folder that is not there is said now.
    if ((await fs.kindOf(dirname(path)).catch(() => null)) !== 'folder')
      throw new VaultError('FOLDER_NOT_FOUND', { file: path });
    const masterKey = generateMasterKey();
    const recoverySecret = generateRecoverySecret();
    try {
      const slots: Keyslot[] = [
        await createPassphraseSlot(
          passphrase,
          masterKey,
          options.kdf ?? DEFAULT_ARGON2,
          KEYSLOT_IDENTITY,
        ),
        await createRecoverySlot(recoverySecret, masterKey, KEYSLOT_IDENTITY),
      ];
      return new PendingVault(
        path,
        { masterKey, keys: { dbSalt: randomSalt(), slots } },
        formatRecoveryKey(recoverySecret),
        options,
      );
    } catch (error) {
      wipe(masterKey);
      throw error;
    } finally {
      wipe(recoverySecret);
    }
  }

  /** Opens the vault at `path` with its passphrase or recovery key. */
  static async unlock(
    path: string,
    secret: UnlockSecret,
    options: VaultOptions = {},
  ): Promise<Vault> {
    const started = performance.now();
    const fs = options.fs ?? nodeFs;
    const kind = await fs.kindOf(path).catch((error: unknown) => {
      throw fromReadError(error, path);
    });
    if (kind === 'file' || kind === null) {
      // A format-1 vault (or one whose upgrade was interrupted): upgraded, then opened.
      if (options.readOnly) {
        // Read, checked and shown without converting anything: the image stays in memory,
        // brought to the current schema there (in memory only) so every screen can read it.
        const opened = await openV1Image(path, secret, options);
        try {
          migrate(opened.db, path);
        } catch (error) {
          opened.db.close();
          wipe(opened.masterKey);
          throw error;
        }
        return new Vault({
          path,
          db: opened.db,
          material: {
            masterKey: opened.masterKey,
            keys: { dbSalt: new Uint8Array(16), slots: opened.slots },
          },
          fileLock: undefined,
          options,
          stats: {
            kdfMs: opened.kdfMs,
            openMs: 0,
            upgradeMs: 0,
            totalMs: performance.now() - started,
          },
          formatVersion: 1,
        });
      }
      const upgraded = await upgradeV1Vault(path, secret, options);
      return Vault.#open(path, upgraded.material, options, {
        started,
        kdfMs: upgraded.kdfMs,
        upgradeMs: upgraded.upgradeMs,
        upgradedFrom: upgraded.keptAt,
      });
    }
    if (kind !== 'folder') throw new VaultError('NOT_A_VAULT', { file: path, reason: 'kind' });
    const keys = await readKeyslotFile(fs, path);
    const kdfStarted = performance.now();
    const material = await openKeys(fs, path, keys, secret);
    const kdfMs = performance.now() - kdfStarted;
    return Vault.#open(path, material, options, {
      started,
      kdfMs,
      upgradeMs: 0,
      upgradedFrom: null,
    });
  }

  /** Opens a vault with key material already in hand (after create, upgrade or restore). */
  static unlockWithMaterial(
    path: string,
    material: OpenMaterial,
    options: VaultOptions = {},
  ): Promise<Vault> {
    return Vault.#open(path, material, options, {
      started: performance.now(),
      kdfMs: 0,
      upgradeMs: 0,
      upgradedFrom: null,
    });
  }

  static async #open(
    path: string,
    material: OpenMaterial,
    options: VaultOptions,
    context: {
      started: number;
      kdfMs: number;
      upgradeMs: number;
      upgradedFrom: string | null;
    },
  ): Promise<Vault> {
    const fs = options.fs ?? nodeFs;
    const readOnly = options.readOnly ?? false;
    let fileLock: VaultLock | undefined;
    let db: Database | undefined;
    let privateCopy: string | undefined;
    try {
      fileLock = await lockForOpening(fs, path, readOnly, options.lock);
      const opening = performance.now();
      // Read-only: SQLite would leave -shm and -wal files in the vault (a read-only WAL
      // connection cannot keep its index in memory), so it reads a private copy instead —
      // ciphertext pages, in a 0700 folder of the temporary directory, removed at lock.
      privateCopy = readOnly ? copyForReading(path) : undefined;
      db = await openDatabaseFinishingRekey(fs, path, material, readOnly, privateCopy);
      // The copy is writable for SQLite's sake; the vault opened read-only refuses every write.
      if (readOnly) db.pragma('query_only = ON');
      if (!readOnly) {
        migrate(db, path);
        await removeStaleTemporaries(fs, path);
      } else if (migrateNeeded(db)) {
        // A read-only open of an older schema would read columns that are not there yet.
        throw new VaultError('VAULT_READ_ONLY', { file: path, reason: 'migrate' });
      }
      const openMs = performance.now() - opening;
      return new Vault({
        path,
        db,
        material,
        fileLock,
        options,
        privateCopy,
        upgradedFrom: context.upgradedFrom,
        stats: {
          kdfMs: context.kdfMs,
          openMs,
          upgradeMs: context.upgradeMs,
          totalMs: performance.now() - context.started,
        },
      });
    } catch (error) {
      db?.close();
      if (privateCopy) rmSync(privateCopy, { recursive: true, force: true });
      wipe(material.masterKey);
      await fileLock?.release();
      throw error;
    }
  }

  // -------------------------------------------------------------------------------------------
  // While unlocked

  get isLocked(): boolean {
    return this.#db === undefined;
  }

  /** The database. Throws VAULT_LOCKED once the vault is locked. */
  get db(): Database {
    if (!this.#db) throw new VaultError('VAULT_LOCKED', { file: this.path });
    return this.#db;
  }

  /** The keyslots as they are on disk: a backup carries them so the same secrets open it. */
  get keyslots(): readonly Keyslot[] {
    return this.#keys.slots;
  }

  /** Payload chunk size for backups of this vault. */
  get chunkSize(): number {
    return DEFAULT_CHUNK_SIZE;
  }

  /** The first 16 bytes of the database file (recorded in the keyslot file). */
  get dbSalt(): Uint8Array {
    return this.#keys.dbSalt;
  }

  /** The key a backup of this vault is encrypted with (the caller wipes it after use). */
  deriveBackupKey(): Promise<Buffer> {
    return derivePayloadKey(this.#requireKey(), BACKUP_PAYLOAD_CONTEXT);
  }

  /** The key of a backup's whole-file MAC (the caller wipes it after use). */
  deriveBackupMacKey(): Promise<Buffer> {
    return deriveBackupMacKey(this.#requireKey());
  }

  /** The database's SQLCipher key (the caller wipes it after use): to verify a backup of it. */
  deriveDatabaseKey(): Promise<Buffer> {
    return deriveDatabaseKey(this.#requireKey());
  }

  /**
   * Copies the database file, all of it in the file (the WAL checkpointed first), to `to`:
   * SQLCipher pages, readable by nobody without the key. Synchronous, so no commit can land in
   * the middle of the copy; the kernel copies the bytes (copy_file_range where it can).
   */
  copyDatabaseFile(to: string): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(databasePath(this.path), to, constants.COPYFILE_EXCL);
    chmodSync(to, 0o600);
  }

  /**
   * A passphrase slot for this vault's master key that is never written into the vault itself:
   * backups carry it instead of the vault's passphrase slot (a separate backup passphrase).
   */
  async makeBackupPassphraseSlot(passphrase: string): Promise<Keyslot> {
    const problem = checkNewPassphrase(passphrase);
    if (problem) throw new VaultError(problem, { file: this.path });
    return createPassphraseSlot(
      passphrase,
      this.#requireKey(),
      this.#options.kdf ?? DEFAULT_ARGON2,
      KEYSLOT_IDENTITY,
    );
  }

  /** Whether a transaction is still open; otherwise every change is already on disk. */
  hasUnsavedChanges(): boolean {
    return !this.isLocked && this.db.inTransaction;
  }

  /**
   * Every change is durable when its transaction commits, so there is nothing left to write;
   * kept so callers can still say "make sure it is on disk" and learn of a locked vault.
   */
  save(): Promise<void> {
    if (this.isLocked) return Promise.reject(new VaultError('VAULT_LOCKED', { file: this.path }));
    if (this.readOnly)
      return Promise.reject(new VaultError('VAULT_READ_ONLY', { file: this.path }));
    return Promise.resolve();
  }

  /** Whether `passphrase` opens this vault's passphrase slot (runs Argon2id, ~1 s). */
  async checkPassphrase(passphrase: string): Promise<boolean> {
    const master = await openWithPassphrase(this.#keys.slots, passphrase, KEYSLOT_IDENTITY);
    if (!master) return false;
    const key = this.#requireKey();
    const same = master.length === key.length && timingSafeEqual(master, key);
    wipe(master);
    return same;
  }

  /** Replaces the passphrase slot; the master key, the recovery key and the data stay. */
  async changePassphrase(newPassphrase: string): Promise<void> {
    const problem = checkNewPassphrase(newPassphrase);
    if (problem) throw new VaultError(problem, { file: this.path });
    if (this.readOnly) throw new VaultError('VAULT_READ_ONLY', { file: this.path });
    const slot = await createPassphraseSlot(
      newPassphrase,
      this.#requireKey(),
      this.#options.kdf ?? DEFAULT_ARGON2,
      KEYSLOT_IDENTITY,
    );
    const keys = {
      ...this.#keys,
      slots: [slot, ...this.#keys.slots.filter((s) => s.type !== 'passphrase')],
    };
    await this.#writeKeys(keys);
    // The passphrase has changed on disk whatever happens next: a database that cannot take
    // the audit entry now (a damaged page) must not make the change look failed.
    try {
      appendAuditEvent(this.db, { action: 'vault.passphrase_changed' }, this.#now());
    } catch {
      // The damage surfaces, with its own message, at the next read.
    }
  }

  /**
   * "My passphrase may be known": a new master key (so the database is re-encrypted with a new
   * key, `PRAGMA rekey`), a new passphrase and a new recovery key, returned to be shown once.
   * Older copies of the vault and older backups keep opening with the old secrets (they hold
   * the old keys); this vault, from now on, opens only with the new ones.
   *
   * Crash-safe: the new keys are written as `keys.next` first; the database is re-keyed in one
   * SQLite transaction; only then does `keys.next` replace `keys`. An unlock that finds
   * `keys.next` finishes the job (or drops it, if the database still has the old key).
   */
  async rekey(newPassphrase: string): Promise<{ recoveryKey: string }> {
    const problem = checkNewPassphrase(newPassphrase);
    if (problem) throw new VaultError(problem, { file: this.path });
    if (this.readOnly) throw new VaultError('VAULT_READ_ONLY', { file: this.path });
    const db = this.db;
    const newMaster = generateMasterKey();
    const recoverySecret = generateRecoverySecret();
    let newDbKey: Buffer | undefined;
    try {
      const keys: KeyslotFile = {
        dbSalt: this.#keys.dbSalt,
        slots: [
          await createPassphraseSlot(
            newPassphrase,
            newMaster,
            this.#options.kdf ?? DEFAULT_ARGON2,
            KEYSLOT_IDENTITY,
          ),
          await createRecoverySlot(recoverySecret, newMaster, KEYSLOT_IDENTITY),
        ],
      };
      const checksum = await headerChecksum();
      await replaceFileAtomically(
        this.#fs,
        nextKeysPath(this.path),
        encodeKeyslotFile(keys, checksum),
      );
      newDbKey = await deriveDatabaseKey(newMaster);
      const raw = rawSqlcipherKey(newDbKey, this.#keys.dbSalt);
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.rekey(raw);
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        raw.fill(0);
      }
      // The database has the new key now, and so does this object whatever the rename does
      // (a keys.next left behind is finished at the next unlock with the new secrets).
      wipe(this.#masterKey);
      this.#masterKey = Buffer.from(newMaster);
      this.#keys = keys;
      await this.#fs
        .rename(nextKeysPath(this.path), keysPath(this.path))
        .catch((error: unknown) => {
          throw fromFsError(error, { file: keysPath(this.path) });
        });
      await this.#fs.syncFolder(this.path).catch(() => undefined);
      appendAuditEvent(this.db, { action: 'vault.rekeyed' }, this.#now());
      return { recoveryKey: formatRecoveryKey(recoverySecret) };
    } finally {
      // Until the database took the new key the old keys stand; a keys.next left behind is
      // settled at the next unlock.
      wipe(newMaster, recoverySecret, newDbKey);
    }
  }

  /** Closes the database (WAL folded back into the file) and wipes the keys. */
  async lock(): Promise<void> {
    if (this.isLocked) return;
    const db = this.#db;
    this.#db = undefined;
    try {
      if (!this.readOnly) db?.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // A failed checkpoint loses nothing: the WAL stays and is replayed at the next unlock.
    }
    db?.close();
    if (this.#privateCopy) rmSync(this.#privateCopy, { recursive: true, force: true });
    this.#privateCopy = undefined;
    wipe(this.#masterKey);
    await this.#fileLock?.release();
    this.#fileLock = undefined;
  }

  // -------------------------------------------------------------------------------------------

  async #writeKeys(keys: KeyslotFile): Promise<void> {
    const checksum = await headerChecksum();
    await replaceFileAtomically(this.#fs, keysPath(this.path), encodeKeyslotFile(keys, checksum));
    this.#keys = keys;
  }

  #requireKey(): Buffer {
    if (this.isLocked) throw new VaultError('VAULT_LOCKED', { file: this.path });
    return this.#masterKey;
  }

  #now(): Date {
    return this.#options.now?.() ?? new Date();
  }
}

/** A vault made in memory and not yet written: `commit` writes it, `discard` forgets it. */
export class PendingVault {
  readonly recoveryKey: string;
  readonly path: string;
  #material: OpenMaterial | undefined;
  readonly #options: VaultOptions;

  constructor(path: string, material: OpenMaterial, recoveryKey: string, options: VaultOptions) {
    this.path = path;
    this.#material = material;
    this.recoveryKey = recoveryKey;
    this.#options = options;
  }

  /** Writes the vault (durably) and returns it unlocked. */
  async commit(now: Date = new Date()): Promise<Vault> {
    const material = this.#material;
    if (!material) throw new VaultError('VAULT_LOCKED', { file: this.path });
    await buildVaultFolder(
      this.path,
      material,
      (file, dbKey) => {
        const db = openVaultDatabase(file, dbKey, material.keys.dbSalt, { create: true });
        try {
          migrate(db, this.path);
          db.transaction(() => {
            setSetting(db, SETTING_CREATED_AT, now.toISOString(), now);
            setSetting(db, SETTING_CREATED_BY_VERSION, APP_VERSION, now);
            appendAuditEvent(db, { action: 'vault.created' }, now);
          })();
          db.pragma('wal_checkpoint(TRUNCATE)');
        } finally {
          db.close();
        }
      },
      this.#options,
    );
    this.#material = undefined;
    try {
      return await Vault.unlockWithMaterial(this.path, material, this.#options);
    } catch (error) {
      // Nothing was acknowledged yet: a create that cannot open what it made leaves nothing.
      await (this.#options.fs ?? nodeFs).removeFolder(this.path).catch(() => undefined);
      throw error;
    }
  }

  /** Forgets the keys; nothing was ever written. */
  discard(): Promise<void> {
    wipe(this.#material?.masterKey);
    this.#material = undefined;
    return Promise.resolve();
  }
}

// ---------------------------------------------------------------------------------------------

function randomSalt(): Uint8Array {
  const salt = new Uint8Array(DB_SALT_BYTES);
  randomFillSync(salt);
  return salt;
}

/**
 * The master key the secret opens. Normally from `keys`; after a re-key interrupted between
 * its steps, the new passphrase or recovery key opens only `keys.next` — then that is used,
 * marked `fromNext`, and the database decides which one is current.
 */
async function openKeys(
  fs: FsPort,
  path: string,
  keys: KeyslotFile,
  secret: UnlockSecret,
): Promise<OpenMaterial & { fromNext?: boolean }> {
  try {
    return {
      masterKey: await openMasterKey(keys.slots, secret, KEYSLOT_IDENTITY, { file: path }),
      keys,
    };
  } catch (error) {
    const wrongSecret =
      isVaultError(error, 'WRONG_PASSPHRASE') || isVaultError(error, 'WRONG_RECOVERY_KEY');
    const next = nextKeysPath(path);
    if (!wrongSecret || (await fs.kindOf(next).catch(() => null)) !== 'file') throw error;
    const nextKeys = parseKeyslotFile(await fs.readFile(next), next, await headerChecksum());
    const masterKey = await openMasterKey(nextKeys.slots, secret, KEYSLOT_IDENTITY, {
      file: path,
    }).catch(() => null);
    if (!masterKey) throw error;
    return { masterKey, keys: nextKeys, fromNext: true };
  }
}

/**
 * Opens the database with the master key's subkey, and settles a re-key left half-done (a
 * `keys.next` beside `keys`): if the database opens with the key the secret gave, that key is
 * current — a `keys.next` it came from is renamed into place (the re-key finished), a
 * `keys.next` it did not come from is dropped (the re-key never reached the database). If it
 * does not, the user typed the secret of the other side and is told which one to use.
 */
async function openDatabaseFinishingRekey(
  fs: FsPort,
  path: string,
  material: OpenMaterial & { fromNext?: boolean },
  readOnly: boolean,
  privateCopy: string | undefined,
): Promise<Database> {
  const next = nextKeysPath(path);
  const hasNext = (await fs.kindOf(next).catch(() => null)) === 'file';
  const dbKey = await deriveDatabaseKey(material.masterKey);
  const file = privateCopy ? join(privateCopy, DATABASE_FILE) : databasePath(path);
  try {
    const db = openVaultDatabase(file, dbKey, material.keys.dbSalt);
    if (hasNext && !readOnly) {
      if (material.fromNext) {
        await fs.rename(next, keysPath(path));
        await fs.syncFolder(path);
      } else await fs.unlink(next).catch(() => undefined);
    }
    return db;
  } catch (caught) {
    // Errors about a read-only open's private copy name the vault's own file.
    const error =
      privateCopy && isVaultError(caught)
        ? new VaultError(
            caught.code,
            { ...caught.details, file: databasePath(path) },
            { cause: caught },
          )
        : caught;
    const otherKey =
      isVaultError(error, 'FOREIGN_DATABASE') || isVaultError(error, 'CORRUPT_VAULT');
    if (hasNext && otherKey)
      throw new VaultError(
        'REKEY_INTERRUPTED',
        { file: path, ...(material.fromNext ? { reason: 'old' } : {}) },
        { cause: error },
      );
    throw error;
  } finally {
    wipe(dbKey);
  }
}

/**
 * Copies the database (and a WAL left by a crash, so nothing committed is missed) into a
 * private temporary folder. The copy is ciphertext; the folder is owner-only.
 */
function copyForReading(path: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'confidant-read-'));
  try {
    for (const name of [DATABASE_FILE, `${DATABASE_FILE}-wal`]) {
      const from = join(path, name);
      if (name !== DATABASE_FILE && !existsSync(from)) continue;
      copyFileSync(from, join(folder, name));
      chmodSync(join(folder, name), 0o600);
    }
    return folder;
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new VaultError('DATABASE_MISSING', { file: databasePath(path) });
    throw fromFsError(error, { file: path });
  }
}

function migrateNeeded(db: Database): boolean {
  return schemaVersion(db) !== latestSchemaVersion();
}

async function lockForOpening(
  fs: FsPort,
  path: string,
  readOnly: boolean,
  options: LockOptions | undefined,
): Promise<VaultLock | undefined> {
  try {
    const lock = await acquireLock(fs, lockBase(path), options);
    await removeStaleLock(fs, path, options);
    return lock;
  } catch (error) {
    // Reading from a write-protected stick or a read-only share is fine without a lock file.
    if (readOnly && isVaultError(error, 'NOT_WRITABLE')) return undefined;
    if (isVaultError(error, 'VAULT_IN_USE'))
      throw new VaultError('VAULT_IN_USE', { ...error.details, file: path }, { cause: error });
    throw error;
  }
}
