/**
 * One writer per vault: FILE.lock is created exclusively and holds who has the vault open.
 * A lock left by a process that no longer runs (a crash, a power cut) on this computer is
 * taken over; a live one, or one from another computer (a shared folder), is refused.
 */
import { statSync } from 'node:fs';
import { hostname } from 'node:os';
import { VaultError, fromFsError } from '../errors.ts';
import type { FsPort } from './fs-port.ts';

export interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

export interface VaultLock {
  readonly path: string;
  release(): Promise<void>;
}

export interface LockOptions {
  /** Tells whether a process runs; tests replace it. */
  isProcessAlive?: (pid: number) => boolean;
  now?: () => Date;
}

export function lockPath(file: string): string {
  return `${file}.lock`;
}

export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function acquireLock(
  fs: FsPort,
  file: string,
  options: LockOptions = {},
): Promise<VaultLock> {
  const path = lockPath(file);
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    since: (options.now?.() ?? new Date()).toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await fs.createExclusive(path);
      try {
        await handle.write(Buffer.from(JSON.stringify(owner)));
      } finally {
        await handle.close();
      }
      let released = false;
      return {
        path,
        async release() {
          if (released) return;
          released = true;
          await fs.unlink(path).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fromFsError(error, { file });
    }
    const existing = await readOwner(fs, path);
    if (!isStale(existing, path, options)) {
      throw new VaultError('VAULT_IN_USE', {
        file,
        lockFile: path,
        pid: existing?.pid ?? 0,
        host: existing?.host ?? '',
      });
    }
    await fs.unlink(path).catch(() => undefined);
  }
  throw new VaultError('VAULT_IN_USE', { file, lockFile: path, pid: 0, host: '' });
}

/**
 * Removes `FILE.lock` if it is stale, and only then. An upgrade from format 1 holds the lock of
 * the format-1 file (`FILE.lock`, beside it); killed after its renames, it leaves that file
 * behind, and the folder that is now the vault locks inside itself (`FILE/vault.lock`), so
 * nothing else would ever remove it. A live one is left alone.
 */
export async function removeStaleLock(
  fs: FsPort,
  file: string,
  options: LockOptions = {},
): Promise<void> {
  const path = lockPath(file);
  if ((await fs.kindOf(path).catch(() => null)) !== 'file') return;
  if (isStale(await readOwner(fs, path), path, options))
    await fs.unlink(path).catch(() => undefined);
}

/** Left by a process of this computer that no longer runs, or never written and old. */
function isStale(existing: LockOwner | null, path: string, options: LockOptions): boolean {
  if (existing === null) return leftHalfWritten(path, options.now?.() ?? new Date());
  const isAlive = options.isProcessAlive ?? processIsAlive;
  return existing.host === hostname() && !isAlive(existing.pid);
}

/**
 * A lock file nobody could read, older than a minute: a process died between creating it and
 * writing its owner (or a power cut lost the write). Its owner writes it at once, so it is stale.
 */
const HALF_WRITTEN_AFTER_MS = 60_000;
function leftHalfWritten(path: string, now: Date): boolean {
  try {
    return now.getTime() - statSync(path).mtimeMs > HALF_WRITTEN_AFTER_MS;
  } catch {
    return false;
  }
}

async function readOwner(fs: FsPort, path: string): Promise<LockOwner | null> {
  try {
    const parsed = JSON.parse((await fs.readFile(path)).toString('utf8')) as Partial<LockOwner>;
    if (
      typeof parsed.pid === 'number' &&
      typeof parsed.host === 'string' &&
      typeof parsed.since === 'string'
    ) {
      return parsed as LockOwner;
    }
  } catch {
    // Unreadable or half-written: another process may be writing it right now.
  }
  return null;
}
