/**
 * Reads a vault file into one buffer in the background, piece by piece, so that the slow
 * steps of an unlock do not wait for the last byte: Argon2id starts as soon as the header is
 * in, and each chunk is decrypted as soon as its bytes have arrived.
 */
import { fromFsError, fromReadError, VaultError } from '../errors.ts';
import type { FsPort } from './fs-port.ts';

/** The first read: enough for any header Confidant writes (a v1 header is under 1 KiB). */
const FIRST_PIECE = 64 * 1024;
const PIECE = 8 * 1024 * 1024;

export interface BackgroundRead {
  /** The whole file's size; valid bytes so far are [0, loaded). */
  readonly bytes: Buffer;
  /** Resolves once bytes [0, end) have been read; rejects if reading failed. */
  until(end: number): Promise<void>;
  /** Milliseconds from the start until the last byte was in (NaN while still reading). */
  readonly elapsedMs: number;
  /** Stops reading (if still going) and waits until the file is closed. */
  stop(): Promise<void>;
}

export async function startBackgroundRead(fs: FsPort, path: string): Promise<BackgroundRead> {
  const started = performance.now();
  let file;
  try {
    file = await fs.openForReading(path);
  } catch (error) {
    throw fromReadError(error, path);
  }
  // Every byte is read into it before anyone looks at it, so uninitialised memory is fine.
  const bytes = Buffer.allocUnsafe(file.size);
  let loaded = 0;
  let failure: Error | undefined;
  // An object, not a boolean: it changes while the read loop awaits.
  const control = { stopped: false };
  let elapsedMs = NaN;
  const waiters: { end: number; resolve: () => void; reject: (error: Error) => void }[] = [];

  const wake = () => {
    for (let i = waiters.length - 1; i >= 0; i--) {
      const waiter = waiters[i];
      if (!waiter) continue;
      if (failure !== undefined) waiter.reject(failure);
      else if (loaded >= waiter.end) waiter.resolve();
      else continue;
      waiters.splice(i, 1);
    }
  };

  const done = (async () => {
    try {
      while (loaded < bytes.length && !control.stopped) {
        const length = Math.min(loaded === 0 ? FIRST_PIECE : PIECE, bytes.length - loaded);
        const count = await file.read(bytes, loaded, length, loaded);
        // The file shrank under us: what is missing was cut off.
        if (count === 0) throw new VaultError('TRUNCATED_VAULT', { file: path });
        loaded += count;
        wake();
      }
      elapsedMs = performance.now() - started;
    } catch (error) {
      failure = error instanceof VaultError ? error : fromFsError(error, { file: path });
      wake();
    } finally {
      if (failure === undefined && loaded < bytes.length) {
        failure = new Error('reading was stopped');
        wake();
      }
      await file.close().catch(() => undefined);
    }
  })();

  return {
    bytes,
    get elapsedMs() {
      return elapsedMs;
    },
    until(end) {
      if (failure !== undefined) return Promise.reject(failure);
      if (loaded >= Math.min(end, bytes.length)) return Promise.resolve();
      return new Promise((resolve, reject) =>
        waiters.push({ end: Math.min(end, bytes.length), resolve, reject }),
      );
    },
    async stop() {
      control.stopped = true;
      await done;
    },
  };
}
