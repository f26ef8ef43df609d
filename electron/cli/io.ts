import { createInterface } from 'node:readline';
import { Writable, type Readable } from 'node:stream';
import type { TFunction } from 'i18next';
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
      read: (_kind, prompt) => askWithoutEcho(prompt, io, t),
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

/** Swallows what readline would echo, so the terminal shows nothing of what is typed. */
const nowhere = new Writable({
  write(_chunk, _encoding, done) {
    done();
  },
});

/**
 * One line from the terminal without echo. Readline still gives line editing (backspace);
 * Ctrl-C and Ctrl-D cancel. The newline the user typed is not echoed, so we print one.
 */
function askWithoutEcho(prompt: string, io: CliIo, t: TFunction): Promise<string> {
  // Raw mode first, prompt second: text typed as soon as the prompt shows must not be echoed
  // by the terminal driver.
  const rl = createInterface({ input: io.stdin, output: nowhere, terminal: true });
  io.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let answer: string | undefined;
    rl.once('line', (line) => {
      answer = line;
      rl.close();
    });
    rl.once('SIGINT', () => {
      rl.close();
    });
    rl.once('close', () => {
      io.stderr.write('\n');
      if (answer === undefined) reject(new CliError(EXIT.error, t('cli.inputCancelled')));
      else resolve(answer);
    });
  });
}
