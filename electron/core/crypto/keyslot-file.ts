/**
 * The keyslot file of a format-2 vault (docs/vault-format.md §15): the envelope every Confidant
 * file starts with, the database's salt, and the keyslots that wrap the master key. No payload:
 * the data is the SQLCipher database beside it. Only bytes are laid out and checked here.
 *
 *   magic(8) version(2)=2 length(4) kind(1)=3 flags(1)=0 dbSalt(16) slotCount(1) slots… checksum(32)
 */
import { VaultError } from '../errors.ts';
import {
  CHECKSUM_BYTES,
  decodeKeyslot,
  encodeKeyslot,
  FILE_KIND_VAULT,
  MAGIC,
  MAX_KEYSLOTS,
  type Keyslot,
} from './container.ts';

/** The vault format this file belongs to (the container of format 1 is the whole-image vault). */
export const KEYSLOT_FILE_VERSION = 2;
export const FILE_KIND_KEYSLOTS = 3;
export const DB_SALT_BYTES = 16;
const SALT_OFFSET = 16;
const COUNT_OFFSET = SALT_OFFSET + DB_SALT_BYTES;
const SLOTS_OFFSET = COUNT_OFFSET + 1;
/** Far more than 16 slots could need; anything larger is not a keyslot file. */
export const MAX_KEYSLOT_FILE_BYTES = 64 * 1024;

/**
 * Keyslots are bound (slot AD, §5.3) to format 1, kind 1 in every file that carries them — a
 * format-1 vault, a backup, a format-2 keyslot file — so the very same slots move between them
 * unchanged: a vault upgraded from format 1 keeps its recovery key without anyone typing it.
 */
export const KEYSLOT_IDENTITY = { version: 1, kind: FILE_KIND_VAULT } as const;

export interface KeyslotFile {
  /** The first 16 bytes of the database file: which database these keys belong to. */
  dbSalt: Uint8Array;
  slots: Keyslot[];
}

export function encodeKeyslotFile(
  file: KeyslotFile,
  checksum: (data: Uint8Array) => Uint8Array,
): Buffer {
  if (file.slots.length < 1 || file.slots.length > MAX_KEYSLOTS)
    throw new RangeError('a keyslot file holds 1 to 16 slots');
  const slots = file.slots.map(encodeKeyslot);
  const length = SLOTS_OFFSET + slots.reduce((sum, s) => sum + s.length, 0) + CHECKSUM_BYTES;
  const out = Buffer.alloc(length);
  out.set(MAGIC, 0);
  out.writeUInt16LE(KEYSLOT_FILE_VERSION, 8);
  out.writeUInt32LE(length, 10);
  out.writeUInt8(FILE_KIND_KEYSLOTS, 14);
  out.writeUInt8(0, 15);
  out.set(file.dbSalt, SALT_OFFSET);
  out.writeUInt8(file.slots.length, COUNT_OFFSET);
  let offset = SLOTS_OFFSET;
  for (const slot of slots) {
    out.set(slot, offset);
    offset += slot.length;
  }
  out.set(checksum(out.subarray(0, length - CHECKSUM_BYTES)), length - CHECKSUM_BYTES);
  return out;
}

/**
 * Reads a keyslot file, telling damage from a newer version as a format-1 reader does: the
 * checksum first, and only then the version. Damage is VAULT_KEYS_DAMAGED, with a reason.
 */
export function parseKeyslotFile(
  bytes: Buffer,
  file: string,
  checksum: (data: Uint8Array) => Uint8Array,
): KeyslotFile {
  const where = { file };
  if (bytes.length === 0) throw new VaultError('VAULT_KEYS_DAMAGED', { ...where, reason: 'empty' });
  const magicLength = Math.min(bytes.length, MAGIC.length);
  if (!bytes.subarray(0, magicLength).equals(Buffer.from(MAGIC.subarray(0, magicLength))))
    throw new VaultError('VAULT_KEYS_DAMAGED', { ...where, reason: 'magic' });
  if (bytes.length < 14) throw new VaultError('VAULT_KEYS_DAMAGED', { ...where, reason: 'short' });
  const version = bytes.readUInt16LE(8);
  const length = bytes.readUInt32LE(10);
  if (length < SLOTS_OFFSET + CHECKSUM_BYTES)
    throw new VaultError('VAULT_KEYS_DAMAGED', { ...where, reason: 'header-length' });
  if (length > bytes.length)
    throw new VaultError('VAULT_KEYS_DAMAGED', { ...where, reason: 'short' });
  const expected = checksum(bytes.subarray(0, length - CHECKSUM_BYTES));
  if (!Buffer.from(expected).equals(bytes.subarray(length - CHECKSUM_BYTES, length)))
    throw new VaultError('VAULT_KEYS_DAMAGED', { ...where, reason: 'header-checksum' });
  if (version > KEYSLOT_FILE_VERSION) throw new VaultError('NEWER_VERSION', { file, version });
  if (length !== bytes.length)
    throw new VaultError('VAULT_KEYS_DAMAGED', { ...where, reason: 'trailing-bytes' });
  if (version !== KEYSLOT_FILE_VERSION || bytes.readUInt8(14) !== FILE_KIND_KEYSLOTS)
    throw new VaultError('VAULT_KEYS_DAMAGED', { ...where, reason: 'kind' });
  if (bytes.readUInt8(15) !== 0)
    throw new VaultError('NEWER_VERSION', { file, version, reason: 'flags' });
  const count = bytes.readUInt8(COUNT_OFFSET);
  if (count < 1 || count > MAX_KEYSLOTS)
    throw new VaultError('VAULT_KEYS_DAMAGED', { ...where, reason: 'slot-count' });
  const slotsEnd = length - CHECKSUM_BYTES;
  const slots: Keyslot[] = [];
  let offset = SLOTS_OFFSET;
  for (let i = 0; i < count; i++) {
    if (offset + 3 > slotsEnd)
      throw new VaultError('VAULT_KEYS_DAMAGED', { ...where, reason: 'slot-bounds' });
    const end = offset + 3 + bytes.readUInt16LE(offset + 1);
    if (end > slotsEnd)
      throw new VaultError('VAULT_KEYS_DAMAGED', { ...where, reason: 'slot-bounds' });
    slots.push(decodeKeyslot(bytes.subarray(offset, end), where));
    offset = end;
  }
  if (offset !== slotsEnd)
    throw new VaultError('VAULT_KEYS_DAMAGED', { ...where, reason: 'slot-bounds' });
  return { dbSalt: Uint8Array.from(bytes.subarray(SALT_OFFSET, COUNT_OFFSET)), slots };
}
