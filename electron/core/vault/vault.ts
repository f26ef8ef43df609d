/**
 * The vault's lifecycle: create, unlock (passphrase or recovery key), change passphrase,
 * re-key, lock. Format 2 (docs/vault-format.md §15–§19): a folder holding a small keyslot file
 * and an SQLCipher 4 database keyed with a subkey of the master key. Every change is one
 * SQLite transaction, durable when it commits (WAL, synchronous=FULL): nothing is "saved"
 * afterwards. A format-1 vault (one whole-image file) is upgraded on unlock (upgrade-v1.ts).
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { randomFillSync, timingSafeEqual } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { APP_VERSION } from '../../../shared/app-info.ts';
import { checkNewPassphrase } from '../../../shared/passphrase-policy.ts';
import { DEFAULT_CHUNK_SIZE, headerChecksum, type Keyslot } from '../crypto/container.ts';
import { DEFAULT_ARGON2, type Argon2Params } from '../crypto/kdf.ts';
import {
  DB_SALT_BYTES,
  encodeKeyslotFile,
  KEYSLOT_IDENTITY,
  MAX_KEYSLOT_FILE_BYTES,
  parseKeyslotFile,
  type KeyslotFile,
} from '../crypto/keyslot-file.ts';
import {
  BACKUP_PAYLOAD_CONTEXT,
  createPassphraseSlot,
  createRecoverySlot,
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
import { databasePath, keysPath, lockBase, nextKeysPath } from './layout.ts';
import { acquireLock, type LockOptions, type VaultLock } from './lock-file.ts';
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
        // Read, checked and shown without converting anything: the image stays in memory.
        const opened = await openV1Image(path, secret, options);
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
    const masterKey = await openMasterKey(keys.slots, secret, KEYSLOT_IDENTITY, { file: path });
    const kdfMs = performance.now() - kdfStarted;
    return Vault.#open(path, { masterKey, keys }, options, {
      started,
      kdfMs,
      upgradeMs: 0,
      upgradedFrom: null,
      secret,
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
      secret?: UnlockSecret;
    },
  ): Promise<Vault> {
    const fs = options.fs ?? nodeFs;
    const readOnly = options.readOnly ?? false;
    let fileLock: VaultLock | undefined;
    let db: Database | undefined;
    try {
      fileLock = await lockForOpening(fs, path, readOnly, options.lock);
      const opening = performance.now();
      db = await openDatabaseFinishingRekey(fs, path, material, readOnly, context.secret);
      checkNotTruncated(db, path);
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

  /** The database's SQLCipher key (the caller wipes it after use): to verify a backup of it. */
  deriveDatabaseKey(): Promise<Buffer> {
    return deriveDatabaseKey(this.#requireKey());
  }

  /**
   * The database file as it is on disk, all of it in the database file (the WAL checkpointed
   * first): SQLCipher pages, readable by nobody without the key. Read synchronously so no
   * commit can land in the middle of the copy.
   */
  snapshotDatabaseFile(): Buffer {
    const db = this.db;
    db.pragma('wal_checkpoint(TRUNCATE)');
    return readFileSync(databasePath(this.path));
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
    appendAuditEvent(this.db, { action: 'vault.passphrase_changed' }, this.#now());
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
      await this.#fs
        .rename(nextKeysPath(this.path), keysPath(this.path))
        .catch((error: unknown) => {
          throw fromFsError(error, { file: keysPath(this.path) });
        });
      await this.#fs.syncFolder(this.path).catch(() => undefined);
      wipe(this.#masterKey);
      this.#masterKey = Buffer.from(newMaster);
      this.#keys = keys;
      appendAuditEvent(this.db, { action: 'vault.rekeyed' }, this.#now());
      return { recoveryKey: formatRecoveryKey(recoverySecret) };
    } catch (error) {
      // Until the rename the old keys stand; a leftover keys.next is resolved at unlock.
      throw error;
    } finally {
      wipe(newMaster, recoverySecret, newDbKey);
    }
  }

  /** Closes the database (WAL folded back into the file) and wipes the keys. */
  async lock(
    options: { discardUnsaved?: boolean; save?: boolean } = {},
  ): Promise<{ discardedChanges: boolean }> {
    void options;
    if (this.isLocked) return { discardedChanges: false };
    const db = this.#db;
    this.#db = undefined;
    try {
      if (!this.readOnly) db?.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // A failed checkpoint loses nothing: the WAL stays and is replayed at the next unlock.
    }
    db?.close();
    wipe(this.#masterKey);
    await this.#fileLock?.release();
    this.#fileLock = undefined;
    return { discardedChanges: false };
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
    return Vault.unlockWithMaterial(this.path, material, this.#options);
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

async function readKeyslotFile(fs: FsPort, path: string): Promise<KeyslotFile> {
  const file = keysPath(path);
  const kind = await fs.kindOf(file).catch(() => null);
  if (kind === null) throw new VaultError('VAULT_KEYS_MISSING', { file: path });
  if (kind !== 'file') throw new VaultError('VAULT_KEYS_DAMAGED', { file, reason: 'kind' });
  let bytes: Buffer;
  try {
    const handle = await fs.openForReading(file);
    try {
      if (handle.size > MAX_KEYSLOT_FILE_BYTES)
        throw new VaultError('VAULT_KEYS_DAMAGED', { file, reason: 'size' });
      bytes = Buffer.alloc(handle.size);
      let read = 0;
      while (read < bytes.length) {
        const n = await handle.read(bytes, read, bytes.length - read, read);
        if (n === 0) break;
        read += n;
      }
      bytes = bytes.subarray(0, read);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (isVaultError(error)) throw error;
    throw fromReadError(error, file);
  }
  return parseKeyslotFile(bytes, file, await headerChecksum());
}

/**
 * Opens the database with the master key's subkey. If that fails and a `keys.next` lies beside
 * it, a re-key was interrupted after the database took the new key: the same secret opens
 * `keys.next` (the user typed the new passphrase or recovery key), and the re-key is finished.
 * A `keys.next` the database does not match is a re-key that never reached the database: dropped.
 */
async function openDatabaseFinishingRekey(
  fs: FsPort,
  path: string,
  material: OpenMaterial,
  readOnly: boolean,
  secret: UnlockSecret | undefined,
): Promise<Database> {
  const next = nextKeysPath(path);
  const hasNext = (await fs.kindOf(next).catch(() => null)) === 'file';
  const dbKey = await deriveDatabaseKey(material.masterKey);
  try {
    const db = openVaultDatabase(databasePath(path), dbKey, material.keys.dbSalt, { readOnly });
    if (hasNext && !readOnly) await fs.unlink(next).catch(() => undefined);
    return db;
  } catch (error) {
    if (
      !hasNext ||
      (!isVaultError(error, 'FOREIGN_DATABASE') && !isVaultError(error, 'CORRUPT_VAULT'))
    )
      throw error;
    if (!secret) throw error;
    const nextKeys = parseKeyslotFile(await fs.readFile(next), next, await headerChecksum());
    let nextMaster: Buffer;
    try {
      nextMaster = await openMasterKey(nextKeys.slots, secret, KEYSLOT_IDENTITY, { file: path });
    } catch {
      throw new VaultError('REKEY_INTERRUPTED', { file: path }, { cause: error });
    }
    const nextDbKey = await deriveDatabaseKey(nextMaster);
    try {
      const db = openVaultDatabase(databasePath(path), nextDbKey, nextKeys.dbSalt, { readOnly });
      if (!readOnly) {
        await fs.rename(next, keysPath(path));
        await fs.syncFolder(path);
      }
      wipe(material.masterKey);
      material.masterKey = nextMaster;
      material.keys = nextKeys;
      return db;
    } catch (nextError) {
      wipe(nextMaster);
      throw nextError;
    } finally {
      wipe(nextDbKey);
    }
  } finally {
    wipe(dbKey);
  }
}

/**
 * A database file shorter than its own page count says was cut (a partial copy): told apart
 * from damage. Only at rest — with a WAL holding newer pages the file may legitimately be shorter.
 */
function checkNotTruncated(db: Database, path: string): void {
  const file = databasePath(path);
  let size: number;
  try {
    size = statSync(file).size;
    if (statSync(`${file}-wal`, { throwIfNoEntry: false })) return;
  } catch {
    return;
  }
  const pages = db.pragma('page_count', { simple: true }) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  if (size < pages * pageSize) throw new VaultError('TRUNCATED_VAULT', { file });
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
    return await acquireLock(fs, lockBase(path), options);
  } catch (error) {
    // Reading from a write-protected stick or a read-only share is fine without a lock file.
    if (readOnly && isVaultError(error, 'NOT_WRITABLE')) return undefined;
    if (isVaultError(error, 'VAULT_IN_USE'))
      throw new VaultError('VAULT_IN_USE', { ...error.details, file: path }, { cause: error });
    throw error;
  }
}
