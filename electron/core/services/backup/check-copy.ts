/**
 * The check of a backup's private copy, in a worker thread (check-worker.ts): the counts come
 * first — the backup's file can then be written while integrity_check still runs — and the
 * main thread keeps answering meanwhile. Where no worker can be started (a packaging problem),
 * the same check runs on this thread: slower to answer, never less checked.
 */
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { checkCacheKiB, openVaultDatabase } from '../../db/open-database.ts';
import { VaultError } from '../../errors.ts';
import { countsOf, type CheckMessage, type CopyCounts } from './check-protocol.ts';

let workerUrl: URL = new URL(
  import.meta.url.endsWith('.ts') ? './check-worker.ts' : './check-worker.js',
  import.meta.url,
);

/**
 * Smaller copies are checked on this thread: starting a worker (and SQLite in it) costs more
 * than their check (~50 ms at 300 persons), and the stall is as short.
 */
export const WORKER_FROM_BYTES = 32 * 1024 * 1024;

/** The Electron build points this at its bundled copy. */
export function setCheckWorkerUrl(url: URL): void {
  workerUrl = url;
}

export interface CopyCheck {
  /** The row counts and schema version; rejects if the copy cannot be read at all. */
  counts: Promise<CopyCounts>;
  /** integrity_check's lines (['ok'] when sound); settles after `counts`. */
  integrity: Promise<string[]>;
  /** Stops a check whose result is no longer wanted (the backup failed otherwise). */
  cancel(): void;
  /** True once the check had to run on this thread (no worker could start). */
  readonly ranOnMainThread: boolean;
}

/** Starts checking the SQLCipher file at `file`; `key` is copied, the caller still wipes it. */
export function startCopyCheck(
  file: string,
  key: Uint8Array,
  salt: Uint8Array,
  { workerFromBytes = WORKER_FROM_BYTES } = {},
): CopyCheck {
  const cacheKiB = checkCacheKiB(statSync(file).size);
  const counts = deferred<CopyCounts>();
  const integrity = deferred<string[]>();
  // Neither is awaited before the other settles: keep an early failure from going unhandled.
  counts.promise.catch(() => undefined);
  integrity.promise.catch(() => undefined);
  const receive = (message: CheckMessage) => {
    if ('counts' in message) counts.resolve(message.counts);
    else if ('integrity' in message) {
      // A copy too damaged to count is told by its integrity check.
      counts.reject(new VaultError('CORRUPT_VAULT', { file, reason: 'integrity' }));
      integrity.resolve(message.integrity);
    } else {
      const { code, details, message: text } = message.error;
      const error = code ? new VaultError(code, details ?? {}) : new Error(text);
      counts.reject(error);
      integrity.reject(error);
    }
  };
  let worker: Worker | null = null;
  let ranOnMainThread = false;
  const onThisThread = () => {
    ranOnMainThread = true;
    try {
      const db = openVaultDatabase(file, key, salt, { cacheKiB });
      try {
        for (const message of countsOf(db)) receive(message);
      } finally {
        db.close();
      }
    } catch (error) {
      counts.reject(error);
      integrity.reject(error);
    }
  };
  if (statSync(file).size < workerFromBytes) {
    onThisThread();
    return result();
  }
  const owned = Uint8Array.from(key);
  try {
    worker = new Worker(workerUrl, {
      workerData: { file, key: owned, salt: Uint8Array.from(salt), cacheKiB },
      transferList: [owned.buffer],
    });
  } catch {
    owned.fill(0);
    onThisThread();
  }
  if (worker) {
    let heard = false;
    worker.on('message', (message: CheckMessage) => {
      heard = true;
      receive(message);
    });
    // A worker that could not even start (its file missing from a package): check here.
    worker.once('error', () => {
      if (!heard) onThisThread();
    });
    worker.once('exit', () => {
      counts.reject(new Error('the check stopped'));
      integrity.reject(new Error('the check stopped'));
    });
  }
  return result();

  function result(): CopyCheck {
    return {
      counts: counts.promise,
      integrity: integrity.promise,
      cancel: () => void worker?.terminate(),
      get ranOnMainThread() {
        return ranOnMainThread;
      },
    };
  }
}

function deferred<T>() {
  let settled = false;
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = (value) => {
      if (!settled) yes(value);
      settled = true;
    };
    reject = (error) => {
      if (!settled) no(error instanceof Error ? error : new Error(String(error)));
      settled = true;
    };
  });
  return { promise, resolve, reject };
}
