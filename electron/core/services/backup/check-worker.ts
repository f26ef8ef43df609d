/**
 * Checks a backup's private copy off the main thread: opens the SQLCipher file, counts every
 * table's rows and says so at once (the backup's metadata needs them before its file can be
 * written), then runs integrity_check while the file is being written, and exits. At 10,000
 * persons the check takes seconds; on the main thread it would stall every IPC answer (the lock
 * screen, an unlock) for as long.
 * workerData: { file, key (transferred, wiped here), salt, cacheKiB }.
 * Messages out: { counts } then { integrity }, or { error }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openVaultDatabase } from '../../db/open-database.ts';
import { isVaultError } from '../../errors.ts';
import { countsOf, type CheckMessage } from './check-protocol.ts';

interface CheckRequest {
  file: string;
  key: Uint8Array;
  salt: Uint8Array;
  cacheKiB: number;
}

const request = workerData as CheckRequest;
const post = (message: CheckMessage) => parentPort?.postMessage(message);
try {
  const db = openVaultDatabase(request.file, request.key, request.salt, {
    cacheKiB: request.cacheKiB,
  });
  request.key.fill(0);
  try {
    for (const message of countsOf(db)) post(message);
  } finally {
    db.close();
  }
} catch (error) {
  post({
    error: isVaultError(error)
      ? { code: error.code, details: error.details, message: error.message }
      : { message: error instanceof Error ? error.message : String(error) },
  });
} finally {
  request.key.fill(0);
}
