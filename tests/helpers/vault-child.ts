/**
 * Runs tests/helpers/crash-child.ts as a separate Node process (Node 22 strips its types) and
 * talks to it line by line: tests wait on what the child prints, never on a clock.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '../..');
const CHILD_SCRIPT = resolve(import.meta.dirname, 'crash-child.ts');
/** Makes the child's start-up fast (see that file). */
const RESOLVE_HOOK = pathToFileURL(resolve(import.meta.dirname, 'child-resolve-hook.ts')).href;

export interface VaultChild {
  readonly process: ChildProcessWithoutNullStreams;
  readonly pid: number;
  /** The next line the child prints; rejects, with what it wrote to stderr, if it ends first. */
  nextLine(): Promise<string>;
  /** Waits until the child has loaded ("ready"), then sends it its first line. */
  begin(firstLine?: string): Promise<void>;
  /** Writes one line to the child's standard input. */
  send(line: string): void;
  /** Settles once the process has ended and been reaped (its pid is then free). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL, then waits until the process is gone. */
  kill(): Promise<void>;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
}

/** Starts `crash-child.ts MODE ARGS…`. */
export function startVaultChild(args: string[]): VaultChild {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
  for (const name of ['HOME', 'TMPDIR'] as const) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  const child = spawn(process.execPath, ['--import', RESOLVE_HOOK, CHILD_SCRIPT, ...args], {
    cwd: ROOT,
    env,
    stdio: 'pipe',
  });
  const errors: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
  const stderr = () => Buffer.concat(errors).toString('utf8');

  const lines: string[] = [];
  const waiting: { resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  let ended = false;
  const reader = createInterface({ input: child.stdout });
  reader.on('line', (line) => {
    const waiter = waiting.shift();
    if (waiter) waiter.resolve(line);
    else lines.push(line);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
    (resolveExit) => {
      child.on('close', (code, signal) => {
        resolveExit({ code, signal });
      });
    },
  );
  reader.on('close', () => {
    ended = true;
    // Wait for the exit status too, so the message says how the child ended.
    void exited.then(({ code, signal }) => {
      for (const waiter of waiting.splice(0)) {
        waiter.reject(
          new Error(
            `the child ended (code ${String(code)}, signal ${String(signal)}) before printing a line; stderr:\n${stderr()}`,
          ),
        );
      }
    });
  });
  // The child's stdin may already be closed when it is killed: ignore EPIPE there.
  child.stdin.on('error', () => undefined);

  return {
    process: child,
    pid: child.pid ?? -1,
    nextLine() {
      const line = lines.shift();
      if (line !== undefined) return Promise.resolve(line);
      if (ended) {
        return exited.then(({ code, signal }) => {
          throw new Error(
            `the child ended (code ${String(code)}, signal ${String(signal)}) before printing a line; stderr:\n${stderr()}`,
          );
        });
      }
      return new Promise((resolveLine, reject) => waiting.push({ resolve: resolveLine, reject }));
    },
    async begin(firstLine = 'go') {
      const line = await this.nextLine();
      if (line !== 'ready') throw new Error(`expected "ready" from the child, got "${line}"`);
      this.send(firstLine);
    },
    send(line) {
      child.stdin.write(`${line}\n`);
    },
    exited,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    stderr,
  };
}
