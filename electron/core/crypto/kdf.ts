import { Worker } from 'node:worker_threads';
import { VaultError } from '../errors.ts';
import { wipe } from './sodium.ts';

export interface Argon2Params {
  /** Argon2id passes (libsodium opslimit). */
  opslimit: number;
  /** Memory in bytes (libsodium memlimit). */
  memlimit: number;
}

/** libsodium's MODERATE: ~1 s and 256 MiB on the development machines. */
export const DEFAULT_ARGON2: Argon2Params = { opslimit: 3, memlimit: 256 * 1024 * 1024 };

/**
 * Bounds a reader accepts before spending time and memory on a header's parameters: a
 * crafted file must not make us allocate 1 TiB. Writers use at least the minimums here.
 */
export const ARGON2_LIMITS = {
  minOpslimit: 1,
  maxOpslimit: 64,
  minMemlimit: 8 * 1024,
  maxMemlimit: 4 * 1024 * 1024 * 1024,
} as const;

export function argon2ParamsInRange(params: Argon2Params): boolean {
  return (
    Number.isInteger(params.opslimit) &&
    Number.isInteger(params.memlimit) &&
    params.opslimit >= ARGON2_LIMITS.minOpslimit &&
    params.opslimit <= ARGON2_LIMITS.maxOpslimit &&
    params.memlimit >= ARGON2_LIMITS.minMemlimit &&
    params.memlimit <= ARGON2_LIMITS.maxMemlimit
  );
}

/** Where the worker's code lives; the Electron build points this at its bundled copy. */
let workerUrl: URL = new URL(
  import.meta.url.endsWith('.ts') ? './kdf-worker.ts' : './kdf-worker.js',
  import.meta.url,
);

export function setKdfWorkerUrl(url: URL): void {
  workerUrl = url;
}

/** The text a user types, as the bytes the KDF sees: Unicode NFC, then UTF-8. */
export function passphraseBytes(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

/**
 * Derives the 32-byte key-encryption key from a passphrase with Argon2id in a worker thread.
 * `passphrase` is consumed: it is moved into the worker and is empty afterwards.
 */
export function deriveArgon2idKey(
  passphrase: Uint8Array,
  salt: Uint8Array,
  params: Argon2Params,
): Promise<Buffer> {
  // A private copy in its own ArrayBuffer, so moving it to the worker leaves nothing behind.
  const owned = new Uint8Array(passphrase.length);
  owned.set(passphrase);
  wipe(passphrase);
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, {
      workerData: { passphrase: owned, salt: Uint8Array.from(salt), ...params },
      transferList: [owned.buffer],
    });
    let settled = false;
    const succeed = (key: Uint8Array) => {
      if (!settled) resolve(Buffer.from(key));
      wipe(key);
      settled = true;
      void worker.terminate();
    };
    const fail = (reason: string) => {
      if (!settled) reject(new VaultError('INTERNAL', { reason: `kdf: ${reason}` }));
      settled = true;
      void worker.terminate();
    };
    worker.once('message', (message: { key?: Uint8Array; error?: string }) => {
      if (message.key) succeed(message.key);
      else fail(message.error ?? 'unknown');
    });
    worker.once('error', (error) => {
      fail(error.message);
    });
    worker.once('exit', (code) => {
      fail(`worker exited with ${code}`);
    });
  });
}
