import sodiumModule, * as sodiumNamespace from 'libsodium-wrappers-sumo';

export type Sodium = typeof sodiumModule;

let ready: Promise<Sodium> | undefined;

/** libsodium (WASM) is usable only after its async initialisation; every caller awaits this. */
export function loadSodium(): Promise<Sodium> {
  ready ??= sodiumModule.ready.then(() => sodiumModule);
  return ready;
}

/** Overwrites a buffer that held key material or plaintext. Safe to call on undefined. */
export function wipe(...buffers: (Uint8Array | undefined | null)[]): void {
  for (const buffer of buffers) buffer?.fill(0);
}

/** The raw Emscripten module, for wiping state that libsodium.js keeps inside the WASM heap. */
interface RawLibsodium {
  HEAPU8: Uint8Array;
  _free(address: number): void;
}

/** crypto_secretstream_xchacha20poly1305_statebytes() in libsodium 1.0.x. */
const SECRETSTREAM_STATE_BYTES = 52;

/**
 * libsodium.js allocates secretstream state (which holds the stream key) on the WASM heap and
 * never frees it. We zero and free it ourselves once a stream is finished.
 */
export function freeSecretstreamState(state: unknown): void {
  const raw =
    (sodiumNamespace as unknown as { libsodium?: RawLibsodium }).libsodium ??
    (sodiumModule as unknown as { libsodium?: RawLibsodium }).libsodium;
  const address =
    typeof state === 'number'
      ? state
      : typeof (state as { address?: unknown } | null)?.address === 'number'
        ? (state as { address: number }).address
        : undefined;
  if (!raw || address === undefined) return;
  raw.HEAPU8.fill(0, address, address + SECRETSTREAM_STATE_BYTES);
  raw._free(address);
}
