import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { TFunction } from 'i18next';
import { read } from 'read';
import { CliError } from './cli-error.ts';
import { EXIT } from './exit-codes.ts';

/** What the CLI touches of its process; tests pass their own. */
export interface CliIo {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
  /** Prompts and progress go here, so stdout carries only results. */
  stderr: Writable;
  env: Readonly<Record<string, string | undefined>>;
}

export type SecretKind = 'passphrase' | 'newPassphrase' | 'recoveryKey';

/**
 * Reads passphrases and recovery keys: from the terminal without echo, or, when standard
 * input is not a terminal, one per line from it (a trailing CR from Windows is dropped).
 */
export interface SecretReader {
  read(kind: SecretKind, prompt: string): Promise<string>;
  readonly interactive: boolean;
  close(): void;
}

export function createSecretReader(io: CliIo, t: TFunction): SecretReader {
  if (io.stdin.isTTY) {
    return {
      interactive: true,
      async read(_kind, prompt) {
        try {
          return await read({
            prompt,
            silent: true,
            replace: '',
            input: io.stdin,
            output: io.stderr,
            terminal: true,
          });
        } catch {
          throw new CliError(EXIT.error, t('cli.inputCancelled'));
        }
      },
      close() {},
    };
  }
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity, terminal: false })[
    Symbol.asyncIterator
  ]();
  let closed = false;
  return {
    interactive: false,
    async read(kind) {
      const next = closed ? { done: true as const, value: undefined } : await lines.next();
      if (next.done) {
        closed = true;
        throw new CliError(EXIT.error, t('cli.inputEnded', { what: t(`cli.what.${kind}`) }));
      }
      return next.value.replace(/\r$/, '');
    },
    close() {
      if (!closed) void lines.return?.();
      closed = true;
    },
  };
}

export function detectLanguage(env: CliIo['env']): 'en' | 'ru' {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    if (value) return value.toLowerCase().startsWith('ru') ? 'ru' : 'en';
  }
  return 'en';
}
