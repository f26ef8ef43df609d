/**
 * Writing an output file outside the vault, all or nothing, in two steps around the
 * transaction that records the disclosure:
 * - `stageExportFile` writes the bytes to a temporary file in the destination folder and
 *   flushes them (the slow part, before the transaction, through the vault's own FsPort);
 * - inside the transaction, `publish` renames it over the destination: if that fails, the
 *   record rolls back, so nothing is logged as shared that was not; after it, `durable`
 *   flushes the folder.
 * A full disk or a pulled drive leaves either the whole file or none, never half a dossier.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fromFsError, VaultError } from '../errors.ts';
import { nodeFs, type FsPort, type WritableFile } from '../vault/fs-port.ts';

export interface StagedExport {
  /** The flushed temporary file, until published (a backup is read back from it and verified). */
  readonly tempPath: string;
  /** Renames the staged file over the destination (synchronous: runs in the transaction). */
  publish(): void;
  /** Makes the rename durable (after the transaction). */
  durable(): Promise<void>;
  /** Removes the staged file if it was not published. */
  discard(): Promise<void>;
}

/**
 * Refuses a destination that cannot be written as asked: checked before any work (printing a
 * PDF, making a share key), and again as the file takes its place.
 */
export function checkExportDestination(path: string, replaceExisting: boolean): void {
  try {
    if (!statSync(dirname(path)).isDirectory())
      throw new VaultError('FOLDER_NOT_FOUND', { file: path });
  } catch (error) {
    throw fromFsError(error, { file: path });
  }
  checkDestination(path, replaceExisting);
}

function checkDestination(path: string, replaceExisting: boolean): void {
  if (!existsSync(path)) return;
  if (!replaceExisting) throw new VaultError('FILE_EXISTS', { file: path });
  if (statSync(path).isDirectory()) throw new VaultError('NOT_WRITABLE', { file: path });
}

/** What goes into a staged file: its bytes, or a writer that streams them (a backup). */
export type ExportContent = Uint8Array | ((file: WritableFile) => Promise<void>);

export async function stageExportFile(
  path: string,
  content: ExportContent,
  replaceExisting: boolean,
  fs: FsPort = nodeFs,
): Promise<StagedExport> {
  const folder = dirname(path);
  checkExportDestination(path, replaceExisting);
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let published = false;
  const discard = async () => {
    if (!published) await fs.unlink(temp).catch(() => undefined);
  };
  try {
    const file = await fs.createExclusive(temp);
    try {
      if (typeof content === 'function') await content(file);
      else await file.write(content);
      await file.sync();
    } finally {
      await file.close();
    }
  } catch (error) {
    await discard();
    throw fromFsError(error, { file: path });
  }
  return {
    tempPath: temp,
    publish() {
      try {
        checkDestination(path, replaceExisting);
        renameSync(temp, path);
        published = true;
      } catch (error) {
        throw fromFsError(error, { file: path });
      }
    },
    durable: () => fs.syncFolder(folder).catch(() => undefined),
    discard,
  };
}
