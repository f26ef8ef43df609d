/**
 * crypto_secretstream_xchacha20poly1305 from libsodium.js, behind a push/pull interface that
 * writes into caller-owned buffers. (A second, node:crypto implementation of the same stream
 * sped up whole-image vaults; with the database encrypted by SQLCipher it had no job left, and
 * one implementation means the app and the tests run the same code.)
 */
import { freeSecretstreamState, loadSodium, wipe, type Sodium } from './sodium.ts';

export const STREAM_KEY_BYTES = 32;
export const STREAM_HEADER_BYTES = 24;
/** Bytes added to every message: the encrypted tag byte and the 16-byte MAC. */
export const STREAM_ABYTES = 17;

export const TAG_MESSAGE = 0;
export const TAG_PUSH = 1;
export const TAG_REKEY = 2;
export const TAG_FINAL = 3;

/** Thrown by `pull` when a message fails authentication. The caller decides what it means. */
export class StreamAuthError extends Error {
  constructor() {
    super('secretstream message failed authentication');
    this.name = 'StreamAuthError';
  }
}

export interface StreamEncryptor {
  readonly header: Uint8Array;
  /** Encrypts `message` into `out` at `offset`; writes `message.length + STREAM_ABYTES` bytes. */
  push(message: Uint8Array, ad: Uint8Array, tag: number, out: Uint8Array, offset: number): void;
  dispose(): void;
}

export interface StreamDecryptor {
  /** Decrypts `chunk` into `out` at `offset` and returns its tag; throws StreamAuthError. */
  pull(chunk: Uint8Array, ad: Uint8Array, out: Uint8Array, offset: number): number;
  dispose(): void;
}

export async function createStreamEncryptor(key: Uint8Array): Promise<StreamEncryptor> {
  return new SodiumEncryptor(await loadSodium(), key);
}

export async function createStreamDecryptor(
  key: Uint8Array,
  header: Uint8Array,
): Promise<StreamDecryptor> {
  const sodium = await loadSodium();
  if (header.length !== STREAM_HEADER_BYTES) throw new RangeError('bad secretstream header size');
  return new SodiumDecryptor(sodium, key, header);
}

class SodiumEncryptor implements StreamEncryptor {
  readonly header: Uint8Array;
  readonly #sodium: Sodium;
  #state: unknown;

  constructor(sodium: Sodium, key: Uint8Array) {
    this.#sodium = sodium;
    const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
    this.#state = state;
    this.header = header;
  }

  push(message: Uint8Array, ad: Uint8Array, tag: number, out: Uint8Array, offset: number): void {
    const chunk = this.#sodium.crypto_secretstream_xchacha20poly1305_push(
      this.#state as Parameters<Sodium['crypto_secretstream_xchacha20poly1305_push']>[0],
      message,
      ad,
      tag,
    );
    out.set(chunk, offset);
  }

  dispose(): void {
    freeSecretstreamState(this.#state);
    this.#state = undefined;
  }
}

class SodiumDecryptor implements StreamDecryptor {
  readonly #sodium: Sodium;
  #state: unknown;

  constructor(sodium: Sodium, key: Uint8Array, header: Uint8Array) {
    this.#sodium = sodium;
    this.#state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
  }

  pull(chunk: Uint8Array, ad: Uint8Array, out: Uint8Array, offset: number): number {
    if (chunk.length < STREAM_ABYTES) throw new StreamAuthError();
    // libsodium.js returns false (it does not throw) when authentication fails.
    const result = this.#sodium.crypto_secretstream_xchacha20poly1305_pull(
      this.#state as Parameters<Sodium['crypto_secretstream_xchacha20poly1305_pull']>[0],
      chunk,
      ad,
    );
    if (result === false) throw new StreamAuthError();
    out.set(result.message, offset);
    wipe(result.message);
    return result.tag;
  }

  dispose(): void {
    freeSecretstreamState(this.#state);
    this.#state = undefined;
  }
}
