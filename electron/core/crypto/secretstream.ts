/**
 * crypto_secretstream_xchacha20poly1305, with two interchangeable backends that produce and
 * accept exactly the same bytes:
 *
 * - `libsodium`: libsodium.js (WASM) itself. Always available; ~430 MB/s here.
 * - `native`: the same construction computed with OpenSSL's ChaCha20 and ChaCha20-Poly1305
 *   through node:crypto (~4x faster). Electron's BoringSSL has neither cipher, so the app's
 *   main process falls back to `libsodium`; Node (CLI, tests) gets `native`.
 *
 * Why `native` is the same stream: for each message libsodium computes
 *   block = ChaCha20(k, nonce, counter 1) XOR [tag, 0 × 63]
 *   c     = ChaCha20(k, nonce, counter 2..) XOR m
 *   mac   = Poly1305(key = ChaCha20(k, nonce, counter 0)[0..32],
 *                    ad ‖ pad(ad) ‖ block ‖ c ‖ zeros((16 − 64 + |m|) mod 16) ‖ le64(|ad|) ‖ le64(64 + |m|))
 * and emits block[0] ‖ c ‖ mac. RFC 8439's AEAD over the plaintext [tag, 0 × 63] ‖ m computes
 * the same, except that it pads c with zeros((−(64 + |m|)) mod 16). The two paddings are equal
 * exactly when |m| is a multiple of 8, so the native backend accepts only such messages and
 * throws RangeError otherwise. Vault payloads are SQLite images (a multiple of the page size,
 * ≥ 512 bytes), so every chunk qualifies; `backendFor` picks libsodium for anything else.
 * After each message: inonce ^= mac[0..8]; counter += 1; rekey on TAG_REKEY or counter wrap.
 * Tests run both backends against libsodium's own push/pull in both directions.
 */
import { createCipheriv, createDecipheriv, getCiphers, randomFillSync } from 'node:crypto';
import { freeSecretstreamState, loadSodium, wipe, type Sodium } from './sodium.ts';

export const STREAM_KEY_BYTES = 32;
export const STREAM_HEADER_BYTES = 24;
/** Bytes added to every message: the encrypted tag byte and the 16-byte MAC. */
export const STREAM_ABYTES = 17;

export const TAG_MESSAGE = 0;
export const TAG_PUSH = 1;
export const TAG_REKEY = 2;
export const TAG_FINAL = 3;

export type StreamBackend = 'native' | 'libsodium';

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

export function nativeStreamAvailable(): boolean {
  const ciphers = getCiphers();
  return ciphers.includes('chacha20') && ciphers.includes('chacha20-poly1305');
}

export function defaultStreamBackend(): StreamBackend {
  return nativeStreamAvailable() ? 'native' : 'libsodium';
}

/** The native backend only takes messages whose length is a multiple of 8 (see above). */
export const NATIVE_MESSAGE_ALIGNMENT = 8;

/** The backend to use for a stream whose messages have these lengths. */
export function backendFor(
  messageLengths: readonly number[],
  preferred: StreamBackend = defaultStreamBackend(),
): StreamBackend {
  return preferred === 'native' &&
    messageLengths.every((length) => length % NATIVE_MESSAGE_ALIGNMENT === 0)
    ? 'native'
    : 'libsodium';
}

export async function createStreamEncryptor(
  key: Uint8Array,
  backend: StreamBackend = defaultStreamBackend(),
): Promise<StreamEncryptor> {
  const sodium = await loadSodium();
  if (backend === 'native') {
    const header = new Uint8Array(STREAM_HEADER_BYTES);
    randomFillSync(header);
    return new NativeStream(sodium, key, header);
  }
  return new SodiumEncryptor(sodium, key);
}

export async function createStreamDecryptor(
  key: Uint8Array,
  header: Uint8Array,
  backend: StreamBackend = defaultStreamBackend(),
): Promise<StreamDecryptor> {
  const sodium = await loadSodium();
  if (header.length !== STREAM_HEADER_BYTES) throw new RangeError('bad secretstream header size');
  return backend === 'native'
    ? new NativeStream(sodium, key, header)
    : new SodiumDecryptor(sodium, key, header);
}

/** Both directions share the state machine, so one class serves push and pull. */
class NativeStream implements StreamEncryptor, StreamDecryptor {
  readonly header: Uint8Array;
  /** Subkey k = HChaCha20(key, header[0..16]). */
  readonly #key = Buffer.alloc(32);
  /** The 12-byte ChaCha20-IETF nonce: le32 counter ‖ 8-byte inonce. */
  readonly #nonce = Buffer.alloc(12);

  constructor(sodium: Sodium, key: Uint8Array, header: Uint8Array) {
    if (key.length !== STREAM_KEY_BYTES) throw new RangeError('bad secretstream key size');
    this.header = Uint8Array.from(header);
    const subkey = sodium.crypto_core_hchacha20(header.subarray(0, 16), key, null);
    this.#key.set(subkey);
    wipe(subkey);
    this.#nonce.writeUInt32LE(1, 0);
    this.#nonce.set(header.subarray(16, 24), 4);
  }

  push(message: Uint8Array, ad: Uint8Array, tag: number, out: Uint8Array, offset: number): void {
    assertAligned(message.length);
    const cipher = createCipheriv('chacha20-poly1305', this.#key, this.#nonce, {
      authTagLength: 16,
    });
    cipher.setAAD(ad, { plaintextLength: 64 + message.length });
    const block = Buffer.alloc(64);
    block[0] = tag;
    const encryptedBlock = cipher.update(block);
    const encryptedMessage = cipher.update(message);
    cipher.final();
    const mac = cipher.getAuthTag();
    out.set(encryptedBlock.subarray(0, 1), offset);
    out.set(encryptedMessage, offset + 1);
    out.set(mac, offset + 1 + message.length);
    this.#advance(mac, tag);
  }

  pull(chunk: Uint8Array, ad: Uint8Array, out: Uint8Array, offset: number): number {
    if (chunk.length < STREAM_ABYTES) throw new StreamAuthError();
    const messageLength = chunk.length - STREAM_ABYTES;
    assertAligned(messageLength);
    // A copy: the caller may decrypt in place, writing over the chunk it gave us.
    const mac = Buffer.from(chunk.subarray(1 + messageLength));
    // The 63 bytes after the tag byte were encrypted zeros, i.e. keystream at counter 1.
    const block = this.#keystreamBlock(1);
    block.set(chunk.subarray(0, 1), 0);
    const decipher = createDecipheriv('chacha20-poly1305', this.#key, this.#nonce, {
      authTagLength: 16,
    });
    decipher.setAAD(ad, { plaintextLength: 64 + messageLength });
    decipher.setAuthTag(mac);
    const tag = decipher.update(block).readUInt8(0);
    const message = decipher.update(chunk.subarray(1, 1 + messageLength));
    try {
      decipher.final();
    } catch {
      wipe(message);
      throw new StreamAuthError();
    }
    out.set(message, offset);
    wipe(message);
    this.#advance(mac, tag);
    return tag;
  }

  dispose(): void {
    wipe(this.#key, this.#nonce);
  }

  #keystreamBlock(counter: number): Buffer {
    const iv = Buffer.alloc(16);
    iv.writeUInt32LE(counter, 0);
    this.#nonce.copy(iv, 4);
    return createCipheriv('chacha20', this.#key, iv).update(Buffer.alloc(64));
  }

  #advance(mac: Uint8Array, tag: number): void {
    const macBytes = Buffer.from(mac.buffer, mac.byteOffset, 8);
    for (let i = 0; i < 8; i++)
      this.#nonce.writeUInt8(this.#nonce.readUInt8(4 + i) ^ macBytes.readUInt8(i), 4 + i);
    const counter = (this.#nonce.readUInt32LE(0) + 1) >>> 0;
    this.#nonce.writeUInt32LE(counter, 0);
    if ((tag & TAG_REKEY) !== 0 || counter === 0) this.#rekey();
  }

  /** libsodium's rekey: (k ‖ inonce) ^= ChaCha20(k, nonce, counter 0); counter = 1. */
  #rekey(): void {
    const keyAndInonce = Buffer.concat([this.#key, this.#nonce.subarray(4, 12)]);
    const iv = Buffer.alloc(16);
    this.#nonce.copy(iv, 4);
    const next = createCipheriv('chacha20', this.#key, iv).update(keyAndInonce);
    next.copy(this.#key, 0, 0, 32);
    next.copy(this.#nonce, 4, 32, 40);
    this.#nonce.writeUInt32LE(1, 0);
    wipe(keyAndInonce, next);
  }
}

function assertAligned(messageLength: number): void {
  if (messageLength % NATIVE_MESSAGE_ALIGNMENT !== 0) {
    throw new RangeError(
      `native secretstream needs message lengths that are multiples of ${NATIVE_MESSAGE_ALIGNMENT}`,
    );
  }
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
