/**
 * Writing an output file outside the vault, all or nothing: a temporary file in the same
 * folder, flushed to disk, then renamed over the destination, so a full disk or a pulled
 * drive leaves either the whole file or none (never half a dossier). Synchronous on purpose:
 * it runs inside the transaction that records the disclosure, so a failed write rolls the
 * record back and nothing is logged as shared that was not.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fromFsError, VaultError } from '../../errors.ts';

export function writeExportFile(path: string, bytes: Uint8Array, replaceExisting: boolean): void {
  const folder = dirname(path);
  try {
    if (!statSync(folder).isDirectory()) throw new VaultError('FOLDER_NOT_FOUND', { file: path });
  } catch (error) {
    throw fromFsError(error, { file: path });
  }
  if (existsSync(path)) {
    if (!replaceExisting) throw new VaultError('FILE_EXISTS', { file: path });
    if (statSync(path).isDirectory()) throw new VaultError('NOT_WRITABLE', { file: path });
  }
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(temp, 'wx', 0o600);
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, path);
    syncFolder(folder);
  } catch (error) {
    if (fd !== null) closeSync(fd);
    rmSync(temp, { force: true });
    throw fromFsError(error, { file: path });
  }
}

/** The rename is durable once the folder is flushed (not possible on Windows: skipped). */
function syncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for flushing; the rename is still atomic there.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
