/**
 * A reader for Confidant vaults written from docs/vault-format.md alone, with stock libsodium
 * (libsodium.js) and SQLite: format 1 (one encrypted image file, `readVault`) and format 2 (a
 * folder holding a `keys` file and an SQLCipher 4 database, `readVaultFolder`), the latter with
 * better-sqlite3-multiple-ciphers, an SQLCipher 4 implementation. It deliberately imports
 * nothing from electron/ or shared/: if the document and the code ever disagree, the tests
 * using this reader fail. It returns every intermediate value so the document can be checked.
 *
 * Format 2, `keys` (§16; all integers little-endian):
 *
 *   [0, 8)    magic 89 43 4F 4E 46 49 44 0A
 *   [8, 10)   u16 format version = 2
 *   [10, 14)  u32 total length H (= the file's length)
 *   14        u8 kind = 3 (keyslot file)
 *   15        u8 flags = 0
 *   [16, 32)  dbSalt: the first 16 bytes of vault.db (SQLCipher's page-1 salt)
 *   32        u8 slot count n (1 … 16)
 *   [33, H−32) n keyslots, back to back, encoded as in format 1 (§5)
 *   [H−32, H) BLAKE2b-256 (unkeyed) of [0, H−32)
 *
 * Slot AD = magic ‖ u16 1 ‖ u8 1 ‖ slot type ‖ slot body without its 48-byte wrapped key:
 * slots keep format 1's identity (version 1, kind 1) in every file that carries them.
 * Database key = crypto_kdf_derive_from_key(32, 1, "CfdSqlDb", master key); vault.db (§17) is
 * SQLCipher 4 (`PRAGMA cipher = 'sqlcipher'; PRAGMA legacy = 4`) opened with that raw key.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import sodium from 'libsodium-wrappers-sumo';

export type Secret = { passphrase: string } | { recoveryKey: string };

export interface ReadSteps {
  formatVersion: number;
  headerLength: number;
  kind: number;
  chunkSize: number;
  slots: { type: number; bodyLength: number; offset: number }[];
  streamHeader: string;
  checksum: string;
  salt: string;
  opslimit?: number;
  memlimit?: number;
  kek: string;
  masterKey: string;
  payloadKey: string;
  chunkCount: number;
  imageLength: number;
  imageStart: string;
}

const MAGIC = '89434f4e4649440a';
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

function fail(message: string): never {
  throw new Error(`independent reader: ${message}`);
}

/** Recovery key → 20-byte secret: drop separators, upper-case, O→0, I/L→1, decode 32 symbols. */
function recoverySecret(text: string): Uint8Array {
  const symbols = text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replaceAll('O', '0')
    .replace(/[IL]/g, '1')
    .slice(0, 32);
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const symbol of symbols) {
    const index = CROCKFORD.indexOf(symbol);
    if (index < 0) fail('bad recovery key symbol');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
      value &= (1 << bits) - 1;
    }
  }
  return Uint8Array.from(out);
}

/** The keyslots in `[start, end)`, each `type (1) ‖ body length L (u16) ‖ body (L)`; they must fill it. */
function parseSlots(bytes: Buffer, start: number, end: number, count: number): SlotEntry[] {
  const slots: SlotEntry[] = [];
  let offset = start;
  for (let i = 0; i < count; i++) {
    if (offset + 3 > end) fail('slot bounds');
    const type = bytes.readUInt8(offset);
    const bodyLength = bytes.readUInt16LE(offset + 1);
    if (offset + 3 + bodyLength > end) fail('slot bounds');
    slots.push({ type, bodyLength, offset });
    offset += 3 + bodyLength;
  }
  if (offset !== end) fail('slots do not fill their space');
  return slots;
}

interface SlotEntry {
  type: number;
  bodyLength: number;
  offset: number;
}

interface OpenedSlot {
  salt: string;
  opslimit?: number;
  memlimit?: number;
  kek: string;
  masterKey: Uint8Array;
}

/**
 * The master key from the first slot of the secret's type that opens (§5). `adPrefix` is
 * magic ‖ version (2 bytes) ‖ kind (1 byte) of the identity the slots are bound to.
 */
function openSlot(bytes: Buffer, slots: SlotEntry[], secret: Secret, adPrefix: Buffer): OpenedSlot {
  const wantedType = 'passphrase' in secret ? 1 : 2;
  const candidates = slots.filter((s) => s.type === wantedType);
  if (candidates.length === 0) fail('no slot of that type');
  for (const slot of candidates) {
    const body = bytes.subarray(slot.offset + 3, slot.offset + 3 + slot.bodyLength);
    const opened: Partial<OpenedSlot> = {};
    let kek: Uint8Array;
    let secretsAt: number;
    if ('passphrase' in secret) {
      if (slot.bodyLength !== 101) fail('passphrase slot length');
      if (body.readUInt8(0) !== 2) fail('kdf algorithm');
      opened.opslimit = body.readUInt32LE(1);
      opened.memlimit = Number(body.readBigUInt64LE(5));
      secretsAt = 13;
      const password = Buffer.from(secret.passphrase.normalize('NFC'), 'utf8');
      kek = sodium.crypto_pwhash(
        32,
        password,
        body.subarray(secretsAt, secretsAt + 16),
        opened.opslimit,
        opened.memlimit,
        sodium.crypto_pwhash_ALG_ARGON2ID13,
      );
    } else {
      if (slot.bodyLength !== 88) fail('recovery slot length');
      secretsAt = 0;
      kek = sodium.crypto_generichash(32, body.subarray(0, 16), recoverySecret(secret.recoveryKey));
    }
    const nonce = body.subarray(secretsAt + 16, secretsAt + 40);
    const wrapped = body.subarray(secretsAt + 40, secretsAt + 88);
    const slotAd = Buffer.concat([
      adPrefix,
      Buffer.from([slot.type]),
      body.subarray(0, body.length - 48),
    ]);
    let masterKey: Uint8Array;
    try {
      masterKey = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
        null,
        wrapped,
        slotAd,
        nonce,
        kek,
      );
    } catch {
      continue; // a wrong secret and a tampered slot look the same: try the next slot
    }
    return {
      ...opened,
      salt: hex(body.subarray(secretsAt, secretsAt + 16)),
      kek: hex(kek),
      masterKey,
    };
  }
  return fail('the secret opens no slot');
}

/** §3: the magic, then the checksum over [0, H−32) — only then is the version trusted. */
function checkEnvelope(bytes: Buffer): { formatVersion: number; headerLength: number } {
  if (bytes.length < 14 || bytes.subarray(0, 8).toString('hex') !== MAGIC) fail('magic');
  const formatVersion = bytes.readUInt16LE(8);
  const headerLength = bytes.readUInt32LE(10);
  if (headerLength < 14 + 32 || headerLength > bytes.length) fail('header length');
  const expected = sodium.crypto_generichash(32, bytes.subarray(0, headerLength - 32), null);
  if (hex(expected) !== hex(bytes.subarray(headerLength - 32, headerLength))) fail('checksum');
  return { formatVersion, headerLength };
}

export async function readVault(
  file: Buffer,
  secret: Secret,
): Promise<{ steps: ReadSteps; db: Database.Database }> {
  await sodium.ready;
  // 1. Fixed envelope.
  const { formatVersion, headerLength } = checkEnvelope(file);
  if (formatVersion !== 1) fail('version');
  const header = file.subarray(0, headerLength);
  const checksum = header.subarray(headerLength - 32);
  // 2. Version-1 header fields.
  const kind = header.readUInt8(14);
  if (header.readUInt8(15) !== 0) fail('flags');
  const chunkSize = header.readUInt32LE(16);
  const slotCount = header.readUInt8(20);
  const slots = parseSlots(header, 21, headerLength - 56, slotCount);
  const streamHeader = header.subarray(headerLength - 56, headerLength - 32);
  // 3. Key-encryption key from the secret, then unwrap the master key.
  const { masterKey, ...opened } = openSlot(
    header,
    slots,
    secret,
    Buffer.concat([header.subarray(0, 10), header.subarray(14, 15)]),
  );
  // 4. Payload key and the secretstream.
  const payloadKey = sodium.crypto_kdf_derive_from_key(32, 1, 'CfdVault', masterKey);
  const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(streamHeader, payloadKey);
  const payload = file.subarray(headerLength);
  const parts: Uint8Array[] = [];
  const full = chunkSize + 17;
  const chunkCount = Math.ceil(payload.length / full);
  for (let i = 0; i < chunkCount; i++) {
    const result = sodium.crypto_secretstream_xchacha20poly1305_pull(
      state,
      payload.subarray(i * full, (i + 1) * full),
      header,
    );
    if (result === false) fail(`chunk ${i} does not authenticate`);
    const last = i === chunkCount - 1;
    const expectedTag = last
      ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
      : sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    if (result.tag !== expectedTag) fail(`chunk ${i} has tag ${result.tag}`);
    parts.push(result.message);
  }
  const image = Buffer.concat(parts);
  // 5. The SQLite image.
  const db = new Database(image);
  return {
    db,
    steps: {
      ...opened,
      formatVersion,
      headerLength,
      kind,
      chunkSize,
      slots,
      streamHeader: hex(streamHeader),
      checksum: hex(checksum),
      masterKey: hex(masterKey),
      payloadKey: hex(payloadKey),
      chunkCount,
      imageLength: image.length,
      imageStart: image.subarray(0, 16).toString('latin1'),
    },
  };
}

export interface FolderSteps {
  formatVersion: number;
  headerLength: number;
  kind: number;
  flags: number;
  /** The database's salt as the keys file records it (hex). */
  dbSalt: string;
  slots: SlotEntry[];
  checksum: string;
  /** The opened slot's salt, its Argon2id parameters (passphrase slot) and its KEK (hex). */
  salt: string;
  opslimit?: number;
  memlimit?: number;
  kek: string;
  masterKey: string;
  databaseKey: string;
  /** The first 16 bytes of vault.db (hex): must equal dbSalt. */
  databaseHead: string;
  databaseBytes: number;
  pageSize: number;
  pageCount: number;
  /** PRAGMA integrity_check's first line. */
  integrity: string;
}

/** A format-2 vault folder read with the reader: its steps, and its database, open read-only. */
export interface ReadFolder {
  steps: FolderSteps;
  db: Database.Database;
  /** Closes the database and removes the reader's private copy of it. */
  close(): void;
}

/**
 * Reads a locked format-2 vault folder (`keys` and `vault.db`, no `vault.db-wal`). The
 * database is opened from a private copy, so the folder is never written to.
 */
export async function readVaultFolder(folder: string, secret: Secret): Promise<ReadFolder> {
  await sodium.ready;
  const names = readdirSync(folder);
  if (names.includes('vault.db-wal')) fail('the vault is open (vault.db-wal): lock it first');
  const keys = readFileSync(join(folder, 'keys'));
  // 1. The envelope, as in every Confidant file; the file is exactly H bytes.
  const { formatVersion, headerLength } = checkEnvelope(keys);
  if (formatVersion !== 2) fail('version');
  if (headerLength !== keys.length) fail('trailing bytes');
  // 2. The keys file's own fields.
  const kind = keys.readUInt8(14);
  if (kind !== 3) fail('kind');
  const flags = keys.readUInt8(15);
  if (flags !== 0) fail('flags');
  const dbSalt = keys.subarray(16, 32);
  const slotCount = keys.readUInt8(32);
  if (slotCount < 1 || slotCount > 16) fail('slot count');
  const slots = parseSlots(keys, 33, headerLength - 32, slotCount);
  // 3. The master key; slots are bound to version 1, kind 1 whichever file carries them.
  const adPrefix = Buffer.concat([keys.subarray(0, 8), Buffer.from([1, 0, 1])]);
  const { masterKey, ...opened } = openSlot(keys, slots, secret, adPrefix);
  // 4. The database key, and the database it belongs to.
  const databaseKey = sodium.crypto_kdf_derive_from_key(32, 1, 'CfdSqlDb', masterKey);
  const image = readFileSync(join(folder, 'vault.db'));
  if (image.subarray(0, 16).toString('hex') !== hex(dbSalt)) fail('database of another vault');
  // 5. SQLCipher 4 with the raw key, on a private copy (opening writes -wal and -shm files).
  const copyDir = mkdtempSync(join(tmpdir(), 'independent-reader-'));
  const copy = join(copyDir, 'vault.db');
  writeFileSync(copy, image, { mode: 0o600 });
  let db: Database.Database | undefined;
  try {
    db = new Database(copy, { readonly: true, fileMustExist: true });
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.key(Buffer.concat([Buffer.from('raw:'), databaseKey]));
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const pageCount = db.pragma('page_count', { simple: true }) as number;
    if (pageSize * pageCount !== image.length) fail('database length');
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const database = db;
    return {
      db,
      close() {
        database.close();
        rmSync(copyDir, { recursive: true, force: true });
      },
      steps: {
        ...opened,
        formatVersion,
        headerLength,
        kind,
        flags,
        dbSalt: hex(dbSalt),
        slots,
        checksum: hex(keys.subarray(headerLength - 32)),
        masterKey: hex(masterKey),
        databaseKey: hex(databaseKey),
        databaseHead: image.subarray(0, 16).toString('hex'),
        databaseBytes: image.length,
        pageSize,
        pageCount,
        integrity,
      },
    };
  } catch (error) {
    db?.close();
    rmSync(copyDir, { recursive: true, force: true });
    throw error;
  }
}
