/**
 * Streaming a large file through one reused buffer: a backup never holds a database file, or
 * itself, whole in memory.
 */
import { VaultError } from '../../errors.ts';
import type { ReadableFile } from '../../vault/fs-port.ts';

/** Bytes moved per read and write while streaming a database file. */
export const BACKUP_IO_BYTES = 1024 * 1024;

export interface ChunkRange {
  /** For the error if the file ends before `to`. */
  file: string;
  from?: number;
  /** Exclusive end; the file's size when left out. */
  to?: number;
  /** Leave the file open afterwards (the caller reads more of it). */
  keepOpen?: boolean;
}

/**
 * Calls `each` with consecutive chunks of `file` over the range, in one buffer that is reused
 * (so `each` must be done with a chunk when its promise settles). A file that ends early was
 * cut short (the caller knew its size): TRUNCATED_VAULT.
 */
export async function forEachChunk(
  file: ReadableFile,
  range: ChunkRange,
  each: (chunk: Buffer) => Promise<void>,
): Promise<void> {
  const from = range.from ?? 0;
  const end = range.to ?? file.size;
  const buffer = Buffer.alloc(Math.min(BACKUP_IO_BYTES, Math.max(1, end - from)));
  try {
    for (let at = from; at < end;) {
      const read = await file.read(buffer, 0, Math.min(buffer.length, end - at), at);
      if (read === 0) throw new VaultError('TRUNCATED_VAULT', { file: range.file });
      await each(buffer.subarray(0, read));
      at += read;
    }
  } finally {
    if (!range.keepOpen) await file.close();
  }
}
