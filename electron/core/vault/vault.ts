/**
 * The vault's lifecycle: create, unlock (passphrase or recovery key), save, change passphrase,
 * lock. While unlocked, the database lives only in memory and the master key only in this
 * object; every save writes a whole new encrypted container (see generations.ts).
 */
import type { Database } from 'better-sqlite3';
import { timingSafeEqual } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { APP_VERSION } from '../../../shared/app-info.ts';
import { checkNewPassphrase } from '../../../shared/passphrase-policy.ts';
import {
  containerSize,
  DEFAULT_CHUNK_SIZE,
  FILE_KIND_VAULT,
  FORMAT_VERSION,
  headerChecksum,
  headerLengthOf,
  openPayload,
  parseContainer,
  sealContainer,
  type ContainerHeader,
  type Keyslot,
} from '../crypto/container.ts';
import { DEFAULT_ARGON2, type Argon2Params } from '../crypto/kdf.ts';
import {
  BACKUP_PAYLOAD_CONTEXT,
  createPassphraseSlot,
  createRecoverySlot,
  derivePayloadKey,
  generateMasterKey,
  openMasterKey,
  openWithPassphrase,
  type UnlockSecret,
} from '../crypto/keyslots.ts';
import { formatRecoveryKey, generateRecoverySecret } from '../crypto/recovery-key.ts';
import { defaultStreamBackend, type StreamBackend } from '../crypto/secretstream.ts';
import { wipe } from '../crypto/sodium.ts';
import { migrate } from '../db/migrate.ts';
import { isCorruptionError, openDatabase, totalChanges } from '../db/open-database.ts';
import { VaultError, isVaultError } from '../errors.ts';
import { appendAuditEvent } from '../repos/audit-events.ts';
import { SETTING_CREATED_AT, SETTING_CREATED_BY_VERSION, setSetting } from '../repos/settings.ts';
import { nodeFs, type FsPort } from './fs-port.ts';
import {
  DEFAULT_GENERATIONS,
  existingGenerations,
  generationPath,
  removeStaleTempFiles,
  writeFileWithGenerations,
} from './generations.ts';
import { startBackgroundRead, type BackgroundRead } from './background-read.ts';
import { acquireLock, type LockOptions, type VaultLock } from './lock-file.ts';

export interface VaultOptions {
  /** File operations; tests inject faults here. */
  fs?: FsPort;
  /** Previous generations kept next to the vault (at least 2). */
  generations?: number;
  /** Argon2id parameters for passphrase slots this vault writes (create, change passphrase). */
  kdf?: Argon2Params;
  chunkSize?: number;
  streamBackend?: StreamBackend;
  /** Open for reading only: nothing is ever written, and a read-only folder is fine. */
  readOnly?: boolean;
  /** Open a previous generation (FILE.1, FILE.2 …) instead of FILE, e.g. when FILE is damaged. */
  generation?: number;
  lock?: LockOptions;
  now?: () => Date;
}

export type { UnlockSecret } from '../crypto/keyslots.ts';

/** Where an unlock's time went. Reading runs in the background, overlapping the others. */
export interface UnlockStats {
  fileBytes: number;
  imageBytes: number;
  /** From opening the file until its last byte was in memory. */
  readMs: number;
  /** Deriving the key from the secret and opening a keyslot (Argon2id for a passphrase). */
  kdfMs: number;
  /** From the key until the last chunk was decrypted (includes waiting for the read). */
  decryptMs: number;
  /** Loading the image into SQLite and checking its schema. */
  loadMs: number;
  /** The whole unlock, lock file and clean-up included. */
  totalMs: number;
}

type Header = Omit<ContainerHeader, 'streamHeader'>;

export class Vault {
  readonly path: string;
  /** The file actually read at unlock: `path`, or a previous generation. */
  readonly openedFrom: string;
  readonly readOnly: boolean;
  readonly unlockStats: UnlockStats;

  #db: Database | undefined;
  #masterKey: Buffer;
  #payloadKey: Buffer;
  #header: Header;
  #fileLock: VaultLock | undefined;
  readonly #options: VaultOptions;
  readonly #fs: FsPort;
  #savedChanges: number;
  /** The last sealed file, reused by the next save (ciphertext only; nothing to wipe). */
  #sealBuffer: Buffer | undefined;
  #queued: Promise<void> | undefined;
  #inFlight: Promise<void> = Promise.resolve();

  private constructor(init: {
    path: string;
    openedFrom: string;
    db: Database;
    masterKey: Buffer;
    payloadKey: Buffer;
    header: Header;
    fileLock: VaultLock | undefined;
    options: VaultOptions;
    stats: UnlockStats;
    saved: boolean;
  }) {
    this.path = init.path;
    this.openedFrom = init.openedFrom;
    this.readOnly = init.options.readOnly ?? false;
    this.unlockStats = init.stats;
    this.#db = init.db;
    this.#masterKey = init.masterKey;
    this.#payloadKey = init.payloadKey;
    this.#header = init.header;
    this.#fileLock = init.fileLock;
    this.#options = init.options;
    this.#fs = init.options.fs ?? nodeFs;
    this.#savedChanges = init.saved ? totalChanges(init.db) : -1;
  }

  // -------------------------------------------------------------------------------------------
  // Create and unlock

  /**
   * Creates a new vault at `path` (which must not exist) and returns it unlocked, with the
   * recovery key to show the user once. The file is written before this returns.
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
   * Everything `create` does except writing the file: keys, keyslots, the empty database, and
   * the lock file that reserves `path`. The app shows the recovery key, has the user type part
   * of it back, and only then commits, so no vault exists whose recovery key nobody saw.
   */
  static async prepare(
    path: string,
    passphrase: string,
    options: VaultOptions = {},
  ): Promise<PendingVault> {
    const problem = checkNewPassphrase(passphrase);
    if (problem) throw new VaultError(problem, { file: path });
    const fs = options.fs ?? nodeFs;
    if (await fs.exists(path)) throw new VaultError('FILE_EXISTS', { file: path });
    const fileLock = await acquireLock(fs, path, options.lock);
    const masterKey = generateMasterKey();
    const recoverySecret = generateRecoverySecret();
    let payloadKey: Buffer | undefined;
    let db: Database | undefined;
    try {
      const identity = { version: FORMAT_VERSION, kind: FILE_KIND_VAULT };
      const slots: Keyslot[] = [
        await createPassphraseSlot(passphrase, masterKey, options.kdf ?? DEFAULT_ARGON2, identity),
        await createRecoverySlot(recoverySecret, masterKey, identity),
      ];
      payloadKey = await derivePayloadKey(masterKey);
      db = openDatabase();
      migrate(db, path);
      const vault = new Vault({
        path,
        openedFrom: path,
        db,
        masterKey,
        payloadKey,
        header: { ...identity, chunkSize: options.chunkSize ?? DEFAULT_CHUNK_SIZE, slots },
        fileLock,
        options: { ...options, readOnly: false },
        stats: notRead(),
        saved: false,
      });
      return new PendingVault(vault, formatRecoveryKey(recoverySecret));
    } catch (error) {
      db?.close();
      wipe(masterKey, payloadKey);
      await fileLock.release();
      throw error;
    } finally {
      wipe(recoverySecret);
    }
  }

  /**
   * Makes a vault at `path` from a database and key material that came out of a backup: the
   * backup's keyslots are the vault's, so the same secrets open it. Refuses an existing file
   * unless `replaceExisting` (a replaced file is kept as its previous copy, FILE.1). Written
   * before this returns. On failure the caller still owns `material` (it may try elsewhere).
   */
  static async adopt(
    path: string,
    material: { db: Database; masterKey: Buffer; slots: Keyslot[]; chunkSize: number },
    options: VaultOptions = {},
    replaceExisting = false,
  ): Promise<Vault> {
    const fs = options.fs ?? nodeFs;
    if (!replaceExisting && (await fs.exists(path)))
      throw new VaultError('FILE_EXISTS', { file: path });
    const fileLock = await acquireLock(fs, path, options.lock);
    const payloadKey = await derivePayloadKey(material.masterKey);
    const vault = new Vault({
      path,
      openedFrom: path,
      db: material.db,
      masterKey: material.masterKey,
      payloadKey,
      header: {
        version: FORMAT_VERSION,
        kind: FILE_KIND_VAULT,
        chunkSize: material.chunkSize,
        slots: material.slots,
      },
      fileLock,
      options: { ...options, readOnly: false },
      stats: notRead(),
      saved: false,
    });
    try {
      await vault.save();
    } catch (error) {
      wipe(payloadKey);
      await fileLock.release();
      throw error;
    }
    return vault;
  }

  /** Opens the vault at `path` with its passphrase or recovery key. */
  static async unlock(
    path: string,
    secret: UnlockSecret,
    options: VaultOptions = {},
  ): Promise<Vault> {
    const fs = options.fs ?? nodeFs;
    const readOnly = options.readOnly ?? false;
    const source = await chooseSource(fs, path, options.generation ?? 0);
    const fileLock = await lockForOpening(fs, path, readOnly, options.lock);
    let masterKey: Buffer | null = null;
    let payloadKey: Buffer | undefined;
    // The file as read; it holds the decrypted image once decryption starts (in place).
    let reading: BackgroundRead | undefined;
    let db: Database | undefined;
    try {
      const started = performance.now();
      const lap = stopwatch();
      reading = await startBackgroundRead(fs, source);
      const file = reading.bytes;
      // The header first; the rest keeps arriving while the key is derived.
      await reading.until(Math.min(file.length, 14));
      await reading.until(headerLengthOf(file) ?? 0);
      const parsed = parseContainer(file, { file: source }, await headerChecksum());
      const identity = { version: parsed.header.version, kind: parsed.header.kind };
      lap();
      masterKey = await openMasterKey(parsed.header.slots, secret, identity, { file: source });
      const kdfMs = lap();
      payloadKey = await derivePayloadKey(masterKey);
      const readyUpTo = reading.until.bind(reading);
      const image = await openPayload(
        parsed,
        payloadKey,
        { file: source },
        options.streamBackend,
        readyUpTo,
      );
      const decryptMs = lap();
      // Every byte is in; let the reader close the file before anything else touches it.
      await reading.stop();
      db = openDecryptedImage(image, source);
      wipe(file);
      const migration = migrate(db, source);
      const stats: UnlockStats = {
        fileBytes: file.length,
        imageBytes: image.length,
        readMs: reading.elapsedMs,
        kdfMs,
        decryptMs,
        loadMs: lap(),
        totalMs: 0,
      };
      const vault = new Vault({
        path,
        openedFrom: source,
        db,
        masterKey,
        payloadKey,
        header: {
          version: FORMAT_VERSION,
          kind: FILE_KIND_VAULT,
          chunkSize: parsed.header.chunkSize,
          slots: parsed.header.slots,
        },
        fileLock,
        options,
        stats,
        saved: true,
      });
      if (!readOnly) {
        await removeStaleTempFiles(fs, path).catch(() => undefined);
        // A newer schema, or a vault brought back from a previous generation, is made durable now.
        if (migration.from !== migration.to || source !== path) await vault.save();
      }
      stats.totalMs = performance.now() - started;
      return vault;
    } catch (error) {
      db?.close();
      // Stop the reader before wiping, so it cannot write into the buffer afterwards.
      await reading?.stop();
      wipe(masterKey, payloadKey, reading?.bytes);
      await fileLock?.release();
      throw await withPreviousCopy(fs, path, source, error);
    }
  }

  // -------------------------------------------------------------------------------------------
  // While unlocked

  get isLocked(): boolean {
    return this.#db === undefined;
  }

  /** The in-memory database. Throws VAULT_LOCKED once the vault is locked. */
  get db(): Database {
    if (!this.#db) throw new VaultError('VAULT_LOCKED', { file: this.path });
    return this.#db;
  }

  get formatVersion(): number {
    return this.#header.version;
  }

  get streamBackend(): StreamBackend {
    return this.#options.streamBackend ?? defaultStreamBackend();
  }

  /** The keyslots as they are on disk: a backup carries them so the same secrets open it. */
  get keyslots(): readonly Keyslot[] {
    return this.#header.slots;
  }

  get chunkSize(): number {
    return this.#header.chunkSize;
  }

  /** The key a backup of this vault is encrypted with (the caller wipes it after use). */
  deriveBackupKey(): Promise<Buffer> {
    return derivePayloadKey(this.#requireKey(), BACKUP_PAYLOAD_CONTEXT);
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
      this.#header,
    );
  }

  hasUnsavedChanges(): boolean {
    return totalChanges(this.db) !== this.#savedChanges;
  }

  /**
   * Writes the current state durably. Resolves only once the new file and its folder entry are
   * on disk. Calls made while a write is running share the next write (group commit).
   */
  save(): Promise<void> {
    if (this.readOnly)
      return Promise.reject(new VaultError('VAULT_READ_ONLY', { file: this.path }));
    if (this.isLocked) return Promise.reject(new VaultError('VAULT_LOCKED', { file: this.path }));
    if (this.#queued) return this.#queued;
    const next = this.#inFlight
      .catch(() => undefined)
      .then(() => {
        this.#queued = undefined;
        return this.#writeNow();
      });
    this.#queued = next;
    this.#inFlight = next;
    return next;
  }

  /** Whether `passphrase` opens this vault's passphrase slot (runs Argon2id, ~1 s). */
  async checkPassphrase(passphrase: string): Promise<boolean> {
    const master = await openWithPassphrase(this.#header.slots, passphrase, this.#header);
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
      this.#header,
    );
    const previous = this.#header.slots;
    this.#header = {
      ...this.#header,
      slots: [slot, ...previous.filter((s) => s.type !== 'passphrase')],
    };
    try {
      await this.save();
    } catch (error) {
      this.#header = { ...this.#header, slots: previous };
      throw error;
    }
    appendAuditEvent(this.db, { action: 'vault.passphrase_changed' }, this.#now());
    // The passphrase has changed on disk; if recording that fails, the entry stays unsaved
    // (hasUnsavedChanges) and goes out with the next save.
    await this.save().catch(() => undefined);
  }

  /**
   * Closes the database and wipes the keys. Unsaved changes are saved first; if that fails the
   * vault stays unlocked (UNSAVED_CHANGES) unless `discardUnsaved` is set.
   */
  async lock(
    options: { discardUnsaved?: boolean; save?: boolean } = {},
  ): Promise<{ discardedChanges: boolean }> {
    if (this.isLocked) return { discardedChanges: false };
    await this.#inFlight.catch(() => undefined);
    let discardedChanges = false;
    if (!this.readOnly && options.save !== false && this.hasUnsavedChanges()) {
      try {
        await this.save();
      } catch (error) {
        if (!options.discardUnsaved)
          throw new VaultError('UNSAVED_CHANGES', { file: this.path }, { cause: error });
        discardedChanges = true;
      }
    }
    this.#db?.close();
    this.#db = undefined;
    wipe(this.#masterKey, this.#payloadKey);
    this.#sealBuffer = undefined;
    await this.#fileLock?.release();
    this.#fileLock = undefined;
    return { discardedChanges };
  }

  // -------------------------------------------------------------------------------------------

  async #writeNow(): Promise<void> {
    const db = this.db;
    const changes = totalChanges(db);
    const image = db.serialize();
    let file: Buffer;
    try {
      file = await sealContainer(
        this.#header,
        this.#payloadKey,
        image,
        this.#options.streamBackend,
        this.#sealBufferFor(image.length),
      );
    } finally {
      wipe(image);
    }
    await writeFileWithGenerations(
      this.#fs,
      this.path,
      file,
      Math.max(DEFAULT_GENERATIONS, this.#options.generations ?? 0),
    );
    this.#savedChanges = changes;
  }

  /** One buffer for every save, grown with headroom, instead of tens of megabytes per save. */
  #sealBufferFor(imageLength: number): Buffer {
    const needed = containerSize(this.#header, imageLength);
    if (!this.#sealBuffer || this.#sealBuffer.length < needed) {
      this.#sealBuffer = Buffer.allocUnsafe(Math.ceil(needed * 1.25));
    }
    return this.#sealBuffer;
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
  #vault: Vault | undefined;

  constructor(vault: Vault, recoveryKey: string) {
    this.#vault = vault;
    this.recoveryKey = recoveryKey;
    this.path = vault.path;
  }

  /** Writes the vault (durably) and returns it unlocked. */
  async commit(now: Date = new Date()): Promise<Vault> {
    const vault = this.#vault;
    if (!vault) throw new VaultError('VAULT_LOCKED', { file: this.path });
    setSetting(vault.db, SETTING_CREATED_AT, now.toISOString(), now);
    setSetting(vault.db, SETTING_CREATED_BY_VERSION, APP_VERSION, now);
    appendAuditEvent(vault.db, { action: 'vault.created' }, now);
    try {
      await vault.save();
    } catch (error) {
      await this.discard();
      throw error;
    }
    this.#vault = undefined;
    return vault;
  }

  /** Forgets the keys and releases the path; nothing was ever written. */
  async discard(): Promise<void> {
    const vault = this.#vault;
    this.#vault = undefined;
    await vault?.lock({ discardUnsaved: true, save: false });
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * The file to read. A missing FILE with a FILE.1 beside it means a save was interrupted on a
 * file system without hard links: FILE.1 is the last saved state.
 */
async function chooseSource(fs: FsPort, path: string, generation: number): Promise<string> {
  const wanted = generationPath(path, generation);
  if (await fs.exists(wanted)) return wanted;
  if (generation === 0 && (await fs.exists(generationPath(path, 1))))
    return generationPath(path, 1);
  throw new VaultError('FILE_NOT_FOUND', { file: wanted });
}

async function lockForOpening(
  fs: FsPort,
  path: string,
  readOnly: boolean,
  options: LockOptions | undefined,
): Promise<VaultLock | undefined> {
  try {
    return await acquireLock(fs, path, options);
  } catch (error) {
    // Reading from a write-protected stick or a read-only share is fine without a lock file.
    if (readOnly && isVaultError(error, 'NOT_WRITABLE')) return undefined;
    throw error;
  }
}

/**
 * When a file turns out damaged, says which previous generation the user can open instead
 * (the UI offers it; the CLI names it).
 */
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

/**
 * Opens the decrypted image. An image that authenticates but is not a sound database can only
 * come from a bug or from someone holding the key; either way the user is told it is damaged.
 */
function openDecryptedImage(image: Buffer, file: string): Database {
  let db: Database | undefined;
  try {
    db = openDatabase(image);
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return db;
  } catch (error) {
    db?.close();
    if (isCorruptionError(error)) {
      throw new VaultError('CORRUPT_VAULT', { file, reason: 'database' }, { cause: error });
    }
    throw error;
  }
}

/** The stats of a vault that was made, not read (created, or restored from a backup). */
function notRead(): UnlockStats {
  return { fileBytes: 0, imageBytes: 0, readMs: 0, kdfMs: 0, decryptMs: 0, loadMs: 0, totalMs: 0 };
}

/** Returns a function that gives the milliseconds since its previous call. */
function stopwatch(): () => number {
  let mark = performance.now();
  return () => {
    const now = performance.now();
    const elapsed = now - mark;
    mark = now;
    return elapsed;
  };
}
