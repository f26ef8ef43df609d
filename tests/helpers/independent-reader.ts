/**
 * A reader for Confidant vault format v1 written from docs/vault-format.md alone, with stock
 * libsodium (libsodium.js) and SQLite (better-sqlite3). It deliberately imports nothing from
 * electron/: if the document and the code ever disagree, the tests using this reader fail.
 * It returns every intermediate value so the document's worked example can be checked.
 */
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

export async function readVault(
  file: Buffer,
  secret: Secret,
): Promise<{ steps: ReadSteps; db: Database.Database }> {
  await sodium.ready;
  // 1. Fixed envelope.
  if (file.subarray(0, 8).toString('hex') !== MAGIC) fail('magic');
  const formatVersion = file.readUInt16LE(8);
  const headerLength = file.readUInt32LE(10);
  const header = file.subarray(0, headerLength);
  const checksum = header.subarray(headerLength - 32);
  if (
    hex(sodium.crypto_generichash(32, header.subarray(0, headerLength - 32), null)) !==
    hex(checksum)
  )
    fail('checksum');
  if (formatVersion !== 1) fail('version');
  // 2. Version-1 header fields.
  const kind = header.readUInt8(14);
  if (header.readUInt8(15) !== 0) fail('flags');
  const chunkSize = header.readUInt32LE(16);
  const slotCount = header.readUInt8(20);
  const slots: ReadSteps['slots'] = [];
  let offset = 21;
  for (let i = 0; i < slotCount; i++) {
    const type = header.readUInt8(offset);
    const bodyLength = header.readUInt16LE(offset + 1);
    slots.push({ type, bodyLength, offset });
    offset += 3 + bodyLength;
  }
  const streamHeader = header.subarray(offset, offset + 24);
  if (offset + 24 + 32 !== headerLength) fail('header layout');
  // 3. Key-encryption key from the secret, then unwrap the master key.
  const wantedType = 'passphrase' in secret ? 1 : 2;
  const slot = slots.find((s) => s.type === wantedType) ?? fail('no slot of that type');
  const body = header.subarray(slot.offset + 3, slot.offset + 3 + slot.bodyLength);
  const steps: Partial<ReadSteps> = {};
  let kek: Uint8Array;
  let secretsAt: number;
  if ('passphrase' in secret) {
    if (body.readUInt8(0) !== 2) fail('kdf algorithm');
    steps.opslimit = body.readUInt32LE(1);
    steps.memlimit = Number(body.readBigUInt64LE(5));
    secretsAt = 13;
    const salt = body.subarray(secretsAt, secretsAt + 16);
    const password = Buffer.from(secret.passphrase.normalize('NFC'), 'utf8');
    kek = sodium.crypto_pwhash(
      32,
      password,
      salt,
      steps.opslimit,
      steps.memlimit,
      sodium.crypto_pwhash_ALG_ARGON2ID13,
    );
  } else {
    secretsAt = 0;
    kek = sodium.crypto_generichash(32, body.subarray(0, 16), recoverySecret(secret.recoveryKey));
  }
  const salt = body.subarray(secretsAt, secretsAt + 16);
  const nonce = body.subarray(secretsAt + 16, secretsAt + 40);
  const wrapped = body.subarray(secretsAt + 40, secretsAt + 88);
  const slotAd = Buffer.concat([
    header.subarray(0, 10),
    header.subarray(14, 15),
    Buffer.from([slot.type]),
    body.subarray(0, body.length - 48),
  ]);
  const masterKey = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
    null,
    wrapped,
    slotAd,
    nonce,
    kek,
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
      ...steps,
      formatVersion,
      headerLength,
      kind,
      chunkSize,
      slots,
      streamHeader: hex(streamHeader),
      checksum: hex(checksum),
      salt: hex(salt),
      kek: hex(kek),
      masterKey: hex(masterKey),
      payloadKey: hex(payloadKey),
      chunkCount,
      imageLength: image.length,
      imageStart: image.subarray(0, 16).toString('latin1'),
    },
  };
}
