/**
 * A file system that fails on cue, for proving that no fault loses saved data:
 * - `crashAtOperation: k` — operation number k throws, and so does every later one, as if the
 *   process had died there (nothing after it runs, not even cleanup);
 * - `failAfterBytes: n` — file writes succeed for the first n bytes in total, the rest fails
 *   (with `errorCode`, ENOSPC by default), writing the allowed prefix for real;
 * - `failOperations` — given operations always fail with the given code (EROFS, EPERM …).
 */
import { nodeFs, type FsPort, type WritableFile } from '../../electron/core/vault/fs-port.ts';

export interface FaultPlan {
  crashAtOperation?: number;
  failAfterBytes?: number;
  errorCode?: string;
  /** With failAfterBytes: after the failure, behave as crashed (every later operation throws). */
  crashAfterByteFault?: boolean;
  failOperations?: Partial<Record<keyof FsPort | 'read', string>>;
  /** Reads behave as if the file had been cut to this many bytes after it was opened. */
  shrinkTo?: number;
}

export interface FaultyFs extends FsPort {
  /** Every operation attempted, in order, e.g. "rename v.confidant.tmp-ab → v.confidant". */
  readonly log: string[];
  readonly crashed: boolean;
  /** Operations counted since the last arm(). */
  readonly operations: number;
  /** Replaces the plan and restarts the operation and byte counts (e.g. just before a save). */
  arm(plan: FaultPlan): void;
}

function fault(code: string, operation: string): NodeJS.ErrnoException {
  const error = new Error(`${code}: injected fault in ${operation}`) as NodeJS.ErrnoException;
  error.code = code;
  return error;
}

export function faultyFs(initialPlan: FaultPlan, base: FsPort = nodeFs): FaultyFs {
  let plan = initialPlan;
  let operations = 0;
  let bytesWritten = 0;
  let crashed = false;
  const log: string[] = [];

  function step(name: keyof FsPort | 'write' | 'sync' | 'close' | 'read', detail: string): void {
    log.push(`${name} ${detail}`);
    if (crashed) throw fault('EIO', `${name} after crash`);
    const index = operations++;
    if (plan.crashAtOperation === index) {
      crashed = true;
      throw fault(plan.errorCode ?? 'EIO', name);
    }
    const code = plan.failOperations?.[name as keyof FsPort | 'read'];
    if (code) throw fault(code, name);
  }

  function wrapFile(file: WritableFile, path: string): WritableFile {
    return {
      async write(data) {
        step('write', `${path} ${data.length}`);
        const allowed =
          plan.failAfterBytes === undefined
            ? data.length
            : Math.max(0, plan.failAfterBytes - bytesWritten);
        if (allowed >= data.length) {
          bytesWritten += data.length;
          return file.write(data);
        }
        if (allowed > 0) await file.write(data.subarray(0, allowed));
        bytesWritten += allowed;
        if (plan.crashAfterByteFault) crashed = true;
        throw fault(plan.errorCode ?? 'ENOSPC', 'write');
      },
      async sync() {
        step('sync', path);
        return file.sync();
      },
      async close() {
        // Closing happens even in a dying process (the kernel closes descriptors), so a crash
        // does not leak the real handle; it still counts as an operation that can fail.
        try {
          step('close', path);
        } finally {
          await file.close();
        }
      },
    };
  }

  return {
    log,
    get crashed() {
      return crashed;
    },
    get operations() {
      return operations;
    },
    arm(next) {
      plan = next;
      operations = 0;
      bytesWritten = 0;
      crashed = false;
    },
    async readFile(path) {
      step('readFile', path);
      return base.readFile(path);
    },
    async openForReading(path) {
      step('openForReading', path);
      const file = await base.openForReading(path);
      return {
        size: file.size,
        async read(into, offset, length, position) {
          step('read', `${path} ${position} ${length}`);
          // A file that shrinks while it is read (someone truncating it) reads as ended.
          if (plan.shrinkTo !== undefined && position >= plan.shrinkTo) return 0;
          const allowed =
            plan.shrinkTo === undefined ? length : Math.min(length, plan.shrinkTo - position);
          return file.read(into, offset, allowed, position);
        },
        close: () => file.close(),
      };
    },
    async createExclusive(path) {
      step('createExclusive', path);
      return wrapFile(await base.createExclusive(path), path);
    },
    async rename(from, to) {
      step('rename', `${from} → ${to}`);
      return base.rename(from, to);
    },
    async unlink(path) {
      step('unlink', path);
      return base.unlink(path);
    },
    async readdir(folder) {
      step('readdir', folder);
      return base.readdir(folder);
    },
    async exists(path) {
      step('exists', path);
      return base.exists(path);
    },
    async syncFolder(folder) {
      step('syncFolder', folder);
      return base.syncFolder(folder);
    },
    async makeFolder(path) {
      step('makeFolder', path);
      return base.makeFolder(path);
    },
    async removeFolder(path) {
      // Cleaning up after a failure: a dying process would not get here, so it never fails.
      return base.removeFolder(path);
    },
    async kindOf(path) {
      return base.kindOf(path);
    },
  };
}
