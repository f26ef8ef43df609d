/**
 * Runs one Argon2id derivation off the main thread, then exits, so the 256 MiB of WASM memory
 * it used (and any copy of the passphrase in it) go away with the worker.
 * Message in: { passphrase: Uint8Array, salt: Uint8Array, opslimit, memlimit } (workerData).
 * Message out: { key: Uint8Array } or { error: string }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadSodium, wipe } from './sodium.ts';

interface KdfRequest {
  passphrase: Uint8Array;
  salt: Uint8Array;
  opslimit: number;
  memlimit: number;
}

const request = workerData as KdfRequest;
const sodium = await loadSodium();
try {
  const key = sodium.crypto_pwhash(
    32,
    request.passphrase,
    request.salt,
    request.opslimit,
    request.memlimit,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  );
  parentPort?.postMessage({ key }, [key.buffer as ArrayBuffer]);
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
} finally {
  wipe(request.passphrase);
}
