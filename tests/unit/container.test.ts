import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  containerSize,
  DEFAULT_CHUNK_SIZE,
  FILE_KIND_VAULT,
  FORMAT_VERSION,
  headerChecksum,
  openPayload,
  parseContainer,
  sealContainer,
  type Keyslot,
} from '../../electron/core/crypto/container.ts';
import { isVaultError } from '../../electron/core/errors.ts';
import { editHeader, headerLengthOf } from '../helpers/container-bytes.ts';

const WHERE = { file: 'test.confidant' };
const CHUNK = 4096;
let checksum: (data: Uint8Array) => Uint8Array;

const slots: Keyslot[] = [
  {
    type: 'passphrase',
    kdf: { opslimit: 3, memlimit: 256 * 1024 * 1024 },
    salt: randomBytes(16),
    nonce: randomBytes(24),
    wrappedKey: randomBytes(48),
  },
  { type: 'recovery', salt: randomBytes(16), nonce: randomBytes(24), wrappedKey: randomBytes(48) },
];

function header(chunkSize = CHUNK) {
  return { version: FORMAT_VERSION, kind: FILE_KIND_VAULT, chunkSize, slots };
}

async function seal(image: Uint8Array, key = randomBytes(32)) {
  return { file: await sealContainer(header(), key, image), key };
}

function parse(file: Uint8Array) {
  return parseContainer(file, WHERE, checksum);
}

/** openPayload decrypts in place (it consumes its input), so each read gets its own copy. */
async function open(file: Uint8Array, key: Uint8Array) {
  return openPayload(parse(Buffer.from(file)), key, WHERE);
}

/** The VaultError `fn` throws (fails the test if it throws nothing or something else). */
function thrown(fn: () => unknown): { code: string; details: Record<string, unknown> } {
  try {
    fn();
  } catch (error) {
    if (isVaultError(error)) return error;
    throw error;
  }
  throw new Error('expected a VaultError');
}

/** The error code (and reason) a read fails with, or 'ok'. */
async function outcome(file: Uint8Array, key: Uint8Array): Promise<string> {
  try {
    await open(file, key);
    return 'ok';
  } catch (error) {
    if (!isVaultError(error)) throw error;
    return error.code;
  }
}

beforeAll(async () => {
  checksum = await headerChecksum();
});

describe('container header', () => {
  it('round-trips every field', async () => {
    const { file } = await seal(randomBytes(CHUNK));
    const parsed = parse(file);
    expect(parsed.header.version).toBe(1);
    expect(parsed.header.kind).toBe(FILE_KIND_VAULT);
    expect(parsed.header.chunkSize).toBe(CHUNK);
    expect(parsed.header.slots).toEqual(
      slots.map((slot) => ({
        ...slot,
        salt: Uint8Array.from(slot.salt),
        nonce: Uint8Array.from(slot.nonce),
        wrappedKey: Uint8Array.from(slot.wrappedKey),
      })),
    );
    expect(parsed.headerBytes.length).toBe(headerLengthOf(file));
  });

  it('has the documented layout: magic, version, length, kind, flags, chunk size, slot count', async () => {
    const { file } = await seal(randomBytes(CHUNK));
    expect(file.subarray(0, 8).toString('hex')).toBe('89434f4e4649440a');
    expect(file.readUInt16LE(8)).toBe(1);
    expect(file.readUInt32LE(10)).toBe(21 + (3 + 101) + (3 + 88) + 24 + 32);
    expect(file[14]).toBe(1);
    expect(file[15]).toBe(0);
    expect(file.readUInt32LE(16)).toBe(CHUNK);
    expect(file[20]).toBe(2);
  });

  it('names what is wrong with files that are not vaults', () => {
    const cases: [string, Uint8Array, string, string?][] = [
      ['empty file', new Uint8Array(0), 'NOT_A_VAULT', 'empty'],
      ['random bytes', randomBytes(5000), 'NOT_A_VAULT', 'magic'],
      [
        'plain SQLite',
        Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), randomBytes(4080)]),
        'NOT_A_VAULT',
        'plain-sqlite',
      ],
      ['text file', Buffer.from('hello, world\n'), 'NOT_A_VAULT', 'magic'],
      ['first 5 magic bytes only', Buffer.from([0x89, 0x43, 0x4f, 0x4e, 0x46]), 'TRUNCATED_VAULT'],
    ];
    for (const [name, bytes, code, reason] of cases) {
      const error = (() => {
        try {
          parse(bytes);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(isVaultError(error, code as never), name).toBe(true);
      if (reason && isVaultError(error)) expect(error.details.reason, name).toBe(reason);
    }
  });

  it('calls any flipped header byte damage, before any key is tried', async () => {
    const { file } = await seal(randomBytes(CHUNK));
    const length = headerLengthOf(file);
    for (let i = 8; i < length; i++) {
      const tampered = Buffer.from(file);
      tampered[i]! ^= 0x01;
      expect(thrown(() => parse(tampered)).code, `byte ${i}`).toMatch(
        /^(CORRUPT_VAULT|TRUNCATED_VAULT)$/,
      );
    }
  });

  it('refuses a newer format version (with a valid checksum) as NEWER_VERSION', async () => {
    const { file } = await seal(randomBytes(CHUNK));
    const newer = await editHeader(file, (bytes) => bytes.writeUInt16LE(2, 8));
    expect(thrown(() => parse(newer))).toMatchObject({
      code: 'NEWER_VERSION',
      details: { version: 2 },
    });
    const flagged = await editHeader(file, (bytes) => bytes.writeUInt8(1, 15));
    expect(thrown(() => parse(flagged)).code).toBe('NEWER_VERSION');
    const newSlotType = await editHeader(file, (bytes) => bytes.writeUInt8(9, 21));
    expect(thrown(() => parse(newSlotType)).code).toBe('NEWER_VERSION');
  });

  it('refuses implausible fields even behind a valid checksum', async () => {
    const { file } = await seal(randomBytes(CHUNK));
    const cases: [string, (bytes: Buffer) => void, string][] = [
      ['version 0', (b) => b.writeUInt16LE(0, 8), 'CORRUPT_VAULT'],
      ['another kind of file', (b) => b.writeUInt8(7, 14), 'NOT_A_VAULT'],
      ['chunk size too small', (b) => b.writeUInt32LE(16, 16), 'CORRUPT_VAULT'],
      ['chunk size too large', (b) => b.writeUInt32LE(0xffffffff, 16), 'CORRUPT_VAULT'],
      ['no keyslots', (b) => b.writeUInt8(0, 20), 'CORRUPT_VAULT'],
      ['more slots than there are', (b) => b.writeUInt8(3, 20), 'CORRUPT_VAULT'],
      ['slot body overruns', (b) => b.writeUInt16LE(60000, 22), 'CORRUPT_VAULT'],
      ['slot body wrong size', (b) => b.writeUInt16LE(100, 22), 'CORRUPT_VAULT'],
      ['Argon2 opslimit 0', (b) => b.writeUInt32LE(0, 21 + 3 + 1), 'CORRUPT_VAULT'],
      ['Argon2 memlimit 1 TiB', (b) => b.writeBigUInt64LE(1n << 40n, 21 + 3 + 5), 'CORRUPT_VAULT'],
      ['unknown KDF', (b) => b.writeUInt8(1, 21 + 3), 'NEWER_VERSION'],
    ];
    for (const [name, edit, code] of cases) {
      const edited = await editHeader(file, edit);
      expect(thrown(() => parse(edited)).code, name).toBe(code);
    }
  });
});

describe('container payload', () => {
  it('round-trips images of every shape (empty, partial, exact chunks)', async () => {
    for (const size of [0, 512, CHUNK - 512, CHUNK, CHUNK + 512, 3 * CHUNK, 5 * CHUNK + 1024]) {
      const image = randomBytes(size);
      const { file, key } = await seal(image, randomBytes(32));
      expect((await open(file, key)).equals(image), `size ${size}`).toBe(true);
    }
  });

  it('writes images of any length', async () => {
    const image = randomBytes(CHUNK + 13);
    const { file, key } = await seal(image);
    expect((await open(file, key)).equals(image)).toBe(true);
  });

  it('knows its size in advance (containerSize), so a save can reuse one buffer', async () => {
    for (const size of [0, 512, CHUNK, 3 * CHUNK + 512]) {
      const { file } = await seal(randomBytes(size));
      expect(containerSize(header(), size)).toBe(file.length);
    }
    const big = Buffer.alloc(100_000, 0xee);
    const image = randomBytes(2 * CHUNK);
    const key = randomBytes(32);
    const sealed = await sealContainer(header(), key, image, big);
    expect(sealed.buffer).toBe(big.buffer);
    expect((await open(sealed, key)).equals(image)).toBe(true);
  });

  it('decrypts in place: the image is a view into the file buffer, which is zeroed on failure', async () => {
    const image = randomBytes(3 * CHUNK);
    const { file, key } = await seal(image);
    const opened = await openPayload(parse(file), key, WHERE);
    expect(opened.buffer).toBe(file.buffer);
    expect(opened.equals(image)).toBe(true);
    const other = await seal(image);
    const damaged = Buffer.from(other.file);
    damaged[damaged.length - 1]! ^= 1; // the last chunk fails after two were decrypted
    await expect(openPayload(parse(damaged), other.key, WHERE)).rejects.toMatchObject({
      code: 'CORRUPT_VAULT',
    });
    expect(damaged.subarray(headerLengthOf(damaged)).every((byte) => byte === 0)).toBe(true);
  });

  it('uses 1 MiB chunks by default', () => {
    expect(DEFAULT_CHUNK_SIZE).toBe(1024 * 1024);
  });

  it('calls every flipped payload byte damage', async () => {
    const { file, key } = await seal(randomBytes(2 * CHUNK + 512));
    const start = headerLengthOf(file);
    for (let i = start; i < file.length; i++) {
      const tampered = Buffer.from(file);
      tampered[i]! ^= 0x80;
      expect(await outcome(tampered, key), `byte ${i}`).toBe('CORRUPT_VAULT');
    }
  });

  it('never opens a file cut short at any length', async () => {
    const { file, key } = await seal(randomBytes(2 * CHUNK + 512));
    const chunkBoundaries = new Set([0, 1, 2].map((n) => headerLengthOf(file) + n * (CHUNK + 17)));
    for (let length = 0; length < file.length; length++) {
      const result = await outcome(file.subarray(0, length), key);
      expect(['NOT_A_VAULT', 'TRUNCATED_VAULT', 'CORRUPT_VAULT'], `length ${length}`).toContain(
        result,
      );
      if (chunkBoundaries.has(length))
        expect(result, `cut at a chunk boundary (${length})`).toBe('TRUNCATED_VAULT');
    }
  });

  it('refuses any bytes appended after the final chunk', async () => {
    const { file, key } = await seal(randomBytes(2 * CHUNK));
    for (const extra of [1, 16, 17, 100, CHUNK, CHUNK + 17, CHUNK + 18]) {
      expect(await outcome(Buffer.concat([file, randomBytes(extra)]), key), `${extra} bytes`).toBe(
        'CORRUPT_VAULT',
      );
    }
  });

  it('refuses the payload under another key, or under another header', async () => {
    const { file, key } = await seal(randomBytes(CHUNK));
    expect(await outcome(file, randomBytes(32))).toBe('CORRUPT_VAULT');
    const other = await seal(randomBytes(CHUNK), key);
    const spliced = Buffer.concat([
      other.file.subarray(0, headerLengthOf(other.file)),
      file.subarray(headerLengthOf(file)),
    ]);
    expect(await outcome(spliced, key)).toBe('CORRUPT_VAULT');
  });

  it('binds the header: a re-sealed header change (e.g. a weaker KDF) breaks the payload', async () => {
    const { file, key } = await seal(randomBytes(CHUNK));
    const weaker = await editHeader(file, (bytes) => bytes.writeUInt32LE(1, 21 + 3 + 1));
    expect(parse(weaker).header.slots[0]).toMatchObject({ kdf: { opslimit: 1 } });
    expect(await outcome(weaker, key)).toBe('CORRUPT_VAULT');
  });
});
