/**
 * The file operations the vault performs, behind one small interface so tests can fail any of
 * them (disk full after N bytes, a crash before a rename, a read-only folder) and check that
 * nothing is lost. Production uses `nodeFs`.
 */
import { constants, promises as fs } from 'node:fs';

export interface WritableFile {
  /** Writes all of `data` (looping over short writes). */
  write(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface ReadableFile {
  readonly size: number;
  /** Reads up to `length` bytes at `position` into `into` at `offset`; returns the count (0 at the end). */
  read(into: Buffer, offset: number, length: number, position: number): Promise<number>;
  close(): Promise<void>;
}

export interface FsPort {
  readFile(path: string): Promise<Buffer>;
  openForReading(path: string): Promise<ReadableFile>;
  /** Creates a new file (fails with EEXIST if there is one), readable by the owner only. */
  createExclusive(path: string): Promise<WritableFile>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readdir(folder: string): Promise<string[]>;
  exists(path: string): Promise<boolean>;
  /** Makes a folder's entries (renames, new files) durable. */
  syncFolder(folder: string): Promise<void>;
  /** Creates a folder readable by the owner only; fails with EEXIST if anything is there. */
  makeFolder(path: string): Promise<void>;
  /** Removes a folder this code made and everything in it (a failed create, upgrade or restore). */
  removeFolder(path: string): Promise<void>;
  /** 'file', 'folder', 'other' (a FIFO, a device …) or null when nothing is there (links followed). */
  kindOf(path: string): Promise<'file' | 'folder' | 'other' | null>;
}

export const nodeFs: FsPort = {
  readFile: (path) => fs.readFile(path),
  async openForReading(path) {
    const handle = await fs.open(path, constants.O_RDONLY);
    try {
      const stat = await handle.stat();
      if (stat.isDirectory()) throw Object.assign(new Error(`EISDIR: ${path}`), { code: 'EISDIR' });
      return {
        size: stat.size,
        read: async (into, offset, length, position) =>
          (await handle.read(into, offset, length, position)).bytesRead,
        close: () => handle.close(),
      };
    } catch (error) {
      await handle.close();
      throw error;
    }
  },
  async createExclusive(path) {
    const handle = await fs.open(
      path,
      constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY,
      0o600,
    );
    return {
      async write(data) {
        let offset = 0;
        while (offset < data.length) {
          const { bytesWritten } = await handle.write(data, offset, data.length - offset);
          offset += bytesWritten;
        }
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  rename: (from, to) => fs.rename(from, to),
  unlink: (path) => fs.unlink(path),
  readdir: (folder) => fs.readdir(folder),
  async exists(path) {
    try {
      await fs.lstat(path);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  },
  makeFolder: async (path) => {
    await fs.mkdir(path, { mode: 0o700 });
  },
  removeFolder: (path) => fs.rm(path, { recursive: true, force: true }),
  async kindOf(path) {
    try {
      const stat = await fs.stat(path);
      return stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : 'other';
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },
  async syncFolder(folder) {
    // Windows cannot open a folder for fsync; NTFS journals the rename itself.
    if (process.platform === 'win32') return;
    const handle = await fs.open(folder, constants.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};
