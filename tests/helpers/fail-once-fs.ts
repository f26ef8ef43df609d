/**
 * A file system where exactly one operation fails — number `index`, counted from 0 over every
 * FsPort call and every write, sync and close of a new file — with the error code `code`, and
 * every other operation runs. Unlike faulty-fs.ts's crashAtOperation (a process dying there),
 * this is a single failure the code lives through: its clean-up runs as it would for real.
 */
import { nodeFs, type FsPort, type WritableFile } from '../../electron/core/vault/fs-port.ts';

export interface FailOnceFs extends FsPort {
  /** Every operation attempted, in order, e.g. "rename /a/.keys.tmp-ab → /a/keys". */
  readonly log: string[];
}

export function failOnceFs(index: number, code: string, base: FsPort = nodeFs): FailOnceFs {
  const log: string[] = [];
  function step(entry: string): void {
    log.push(entry);
    if (log.length - 1 === index) {
      throw Object.assign(new Error(`${code}: injected fault in ${entry}`), { code });
    }
  }
  const run = async <T>(entry: string, operation: () => Promise<T>): Promise<T> => {
    step(entry);
    return operation();
  };
  const wrapFile = (file: WritableFile, path: string): WritableFile => ({
    write: (data) => run(`write ${path} ${String(data.length)}`, () => file.write(data)),
    sync: () => run(`sync ${path}`, () => file.sync()),
    async close() {
      // The handle is closed even when the close is reported as failed (as the kernel does).
      try {
        step(`close ${path}`);
      } finally {
        await file.close();
      }
    },
  });
  return {
    log,
    readFile: (path) => run(`readFile ${path}`, () => base.readFile(path)),
    openForReading: (path) => run(`openForReading ${path}`, () => base.openForReading(path)),
    createExclusive: (path) =>
      run(`createExclusive ${path}`, async () => wrapFile(await base.createExclusive(path), path)),
    rename: (from, to) => run(`rename ${from} → ${to}`, () => base.rename(from, to)),
    unlink: (path) => run(`unlink ${path}`, () => base.unlink(path)),
    readdir: (folder) => run(`readdir ${folder}`, () => base.readdir(folder)),
    exists: (path) => run(`exists ${path}`, () => base.exists(path)),
    syncFolder: (folder) => run(`syncFolder ${folder}`, () => base.syncFolder(folder)),
    makeFolder: (path) => run(`makeFolder ${path}`, () => base.makeFolder(path)),
    // Clean-up and looking are never counted (as in faulty-fs.ts).
    removeFolder: (path) => base.removeFolder(path),
    kindOf: (path) => base.kindOf(path),
  };
}
