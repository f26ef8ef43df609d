import { randomBytes } from 'node:crypto';
import sodium from 'libsodium-wrappers-sumo';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createStreamDecryptor,
  createStreamEncryptor,
  STREAM_ABYTES,
  StreamAuthError,
  TAG_FINAL,
  TAG_MESSAGE,
  TAG_PUSH,
  TAG_REKEY,
} from '../../electron/core/crypto/secretstream.ts';

/** One implementation (libsodium.js), checked against libsodium's own functions. */
const BACKENDS = ['libsodium'] as const;
type StreamBackend = (typeof BACKENDS)[number];

interface Message {
  data: Uint8Array;
  ad: Uint8Array;
  tag: number;
}

/**
 * Message lengths around ChaCha20's 64-byte block and Poly1305's 16-byte padding, plus large
 * ones. The native backend takes only multiples of 8 (see secretstream.ts), libsodium any.
 */
const ANY_SIZES = [0, 1, 7, 8, 15, 16, 17, 63, 64, 65, 127, 128, 1001, 4096, 65_537, 1_048_576];
const SIZES_FOR: Record<StreamBackend, number[]> = { libsodium: ANY_SIZES };

function messages(sizes: number[], tags: number[] = []): Message[] {
  return sizes.map((size, i) => ({
    data: randomBytes(size),
    ad: randomBytes(i % 3 === 0 ? 0 : (i * 7) % 50),
    tag: i === sizes.length - 1 ? TAG_FINAL : (tags[i] ?? TAG_MESSAGE),
  }));
}

/** libsodium's own implementation, as the reference. */
function libsodiumPush(
  key: Uint8Array,
  list: Message[],
): { header: Uint8Array; chunks: Uint8Array[] } {
  const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
  const chunks = list.map((m) =>
    sodium.crypto_secretstream_xchacha20poly1305_push(state, m.data, m.ad, m.tag),
  );
  return { header, chunks };
}

function libsodiumPull(key: Uint8Array, header: Uint8Array, chunks: Uint8Array[], list: Message[]) {
  const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
  return chunks.map((chunk, i) =>
    sodium.crypto_secretstream_xchacha20poly1305_pull(state, chunk, list[i]!.ad),
  );
}

async function ourPush(_backend: StreamBackend, key: Uint8Array, list: Message[]) {
  const encryptor = await createStreamEncryptor(key);
  const chunks = list.map((m) => {
    const out = new Uint8Array(m.data.length + STREAM_ABYTES);
    encryptor.push(m.data, m.ad, m.tag, out, 0);
    return out;
  });
  encryptor.dispose();
  return { header: encryptor.header, chunks };
}

async function ourPull(
  _backend: StreamBackend,
  key: Uint8Array,
  header: Uint8Array,
  chunks: Uint8Array[],
  list: Message[],
) {
  const decryptor = await createStreamDecryptor(key, header);
  try {
    return chunks.map((chunk, i) => {
      const out = new Uint8Array(chunk.length - STREAM_ABYTES);
      const tag = decryptor.pull(chunk, list[i]!.ad, out, 0);
      return { message: out, tag };
    });
  } finally {
    decryptor.dispose();
  }
}

beforeAll(async () => {
  await sodium.ready;
});

describe('secretstream backends', () => {
  for (const backend of BACKENDS) {
    describe(backend, () => {
      it('writes streams that libsodium reads back exactly, tags included', async () => {
        const key = randomBytes(32);
        const list = messages(SIZES_FOR[backend]);
        const { header, chunks } = await ourPush(backend, key, list);
        const pulled = libsodiumPull(key, header, chunks, list);
        pulled.forEach((result, i) => {
          expect(result).not.toBe(false);
          if (result === false) return;
          expect(Buffer.from(result.message).equals(Buffer.from(list[i]!.data))).toBe(true);
          expect(result.tag).toBe(list[i]!.tag);
        });
      });

      it('reads streams libsodium wrote, tags included', async () => {
        const key = randomBytes(32);
        const list = messages(SIZES_FOR[backend]);
        const { header, chunks } = libsodiumPush(key, list);
        const pulled = await ourPull(backend, key, header, chunks, list);
        pulled.forEach((result, i) => {
          expect(Buffer.from(result.message).equals(Buffer.from(list[i]!.data))).toBe(true);
          expect(result.tag).toBe(list[i]!.tag);
        });
      });

      it('follows libsodium through PUSH and REKEY tags (state changes after a rekey)', async () => {
        const key = randomBytes(32);
        const sizes = SIZES_FOR[backend];
        const tags = sizes.map((_, i) => [TAG_MESSAGE, TAG_REKEY, TAG_PUSH, TAG_REKEY][i % 4]!);
        const list = messages(sizes, tags);
        const ours = await ourPush(backend, key, list);
        expect(libsodiumPull(key, ours.header, ours.chunks, list).every((r) => r !== false)).toBe(
          true,
        );
        const theirs = libsodiumPush(key, list);
        const pulled = await ourPull(backend, key, theirs.header, theirs.chunks, list);
        expect(pulled.map((r) => r.tag)).toEqual(list.map((m) => m.tag));
      });

      it('rejects every single flipped bit of a chunk', async () => {
        const key = randomBytes(32);
        const list: Message[] = [{ data: randomBytes(80), ad: randomBytes(20), tag: TAG_FINAL }];
        const { header, chunks } = await ourPush(backend, key, list);
        const chunk = chunks[0]!;
        expect(chunk.length).toBe(80 + STREAM_ABYTES);
        for (let byte = 0; byte < chunk.length; byte++) {
          for (const bit of [0, 7]) {
            const tampered = Uint8Array.from(chunk);
            tampered[byte]! ^= 1 << bit;
            await expect(ourPull(backend, key, header, [tampered], list)).rejects.toBeInstanceOf(
              StreamAuthError,
            );
          }
        }
      });

      it('rejects a wrong key, wrong additional data, a wrong header, reordering and a short chunk', async () => {
        const key = randomBytes(32);
        const list: Message[] = [
          { data: randomBytes(96), ad: Buffer.from('header'), tag: TAG_MESSAGE },
          { data: randomBytes(96), ad: Buffer.from('header'), tag: TAG_FINAL },
        ];
        const { header, chunks } = await ourPush(backend, key, list);
        await expect(
          ourPull(backend, randomBytes(32), header, chunks, list),
        ).rejects.toBeInstanceOf(StreamAuthError);
        const otherAd = list.map((m) => ({ ...m, ad: Buffer.from('headeR') }));
        await expect(ourPull(backend, key, header, chunks, otherAd)).rejects.toBeInstanceOf(
          StreamAuthError,
        );
        const otherHeader = Uint8Array.from(header);
        otherHeader[23]! ^= 1;
        await expect(ourPull(backend, key, otherHeader, chunks, list)).rejects.toBeInstanceOf(
          StreamAuthError,
        );
        await expect(
          ourPull(backend, key, header, [chunks[1]!, chunks[0]!], list),
        ).rejects.toBeInstanceOf(StreamAuthError);
        const decryptor = await createStreamDecryptor(key, header);
        expect(() => decryptor.pull(new Uint8Array(16), list[0]!.ad, new Uint8Array(0), 0)).toThrow(
          StreamAuthError,
        );
        decryptor.dispose();
      });

      it('encrypts the same plaintext differently every time (fresh random header)', async () => {
        const key = randomBytes(32);
        const list: Message[] = [{ data: Buffer.alloc(64), ad: new Uint8Array(0), tag: TAG_FINAL }];
        const a = await ourPush(backend, key, list);
        const b = await ourPush(backend, key, list);
        expect(Buffer.from(a.header).equals(Buffer.from(b.header))).toBe(false);
        expect(Buffer.from(a.chunks[0]!).equals(Buffer.from(b.chunks[0]!))).toBe(false);
      });
    });
  }
});
