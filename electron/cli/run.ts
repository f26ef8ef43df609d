/**
 * `confidant`: parses arguments, reads secrets, prints results. All the logic is in the
 * core the app uses; this file only maps words to calls and errors to exit codes.
 */
import { parseArgs } from 'node:util';
import type { TFunction } from 'i18next';
import { APP_VERSION } from '../../shared/app-info.ts';
import { createTranslator } from '../../shared/i18n/index.ts';
import { errorMessage } from '../../shared/i18n/error-message.ts';
import { isVaultError } from '../core/errors.ts';
import type { VaultOptions } from '../core/vault/vault.ts';
import { CliError } from './cli-error.ts';
import { backup, backupOperands } from './commands/backup.ts';
import type { CommandContext, Operands } from './commands/context.ts';
import { demo } from './commands/demo.ts';
import { info } from './commands/info.ts';
import { init } from './commands/init.ts';
import { passwd } from './commands/passwd.ts';
import { verify } from './commands/verify.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import { createSecretReader, detectLanguage, type CliIo } from './io.ts';

const COMMANDS = {
  init: { run: init, options: [], operands: oneFile },
  info: { run: info, options: [], operands: oneFile },
  verify: { run: verify, options: ['recovery'], operands: oneFile },
  passwd: { run: passwd, options: ['recovery', 'rekey'], operands: oneFile },
  demo: { run: demo, options: ['people', 'seed'], operands: oneFile },
  backup: { run: backup, options: ['recovery'], operands: backupOperands },
} as const satisfies Record<
  string,
  {
    run: (context: CommandContext) => Promise<number>;
    options: readonly string[];
    /** Checks the words after the command's name (usage errors, exit 2). */
    operands: (positionals: string[], command: string, t: TFunction) => Operands;
  }
>;

type CommandName = keyof typeof COMMANDS;

/** Options that would put a secret on the command line, refused with their own explanation. */
const SECRET_OPTION =
  /^(--?(p|pw|pass|password|passphrase|new-passphrase|secret|key|recovery-key)(=.*)?|-p.+)$/i;

export interface CliHooks {
  /** Test-only: options passed to the core (fast Argon2id, fault-injecting file system). */
  vaultOptions?: VaultOptions;
}

export async function runCli(
  argv: readonly string[],
  io: CliIo,
  hooks: CliHooks = {},
): Promise<number> {
  const language = detectLanguage(io.env);
  const t = createTranslator(language);
  const called = { file: '' };
  try {
    return await dispatch(argv, io, t, language, hooks, called);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`confidant: ${error.message}\n`);
      return error.exitCode;
    }
    if (isVaultError(error)) {
      io.stderr.write(`confidant: ${errorMessage(t, error)}\n`);
      return exitCodeFor(error.code);
    }
    io.stderr.write(
      `confidant: ${errorMessage(t, { code: 'INTERNAL', details: { file: called.file } })}\n`,
    );
    io.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.error;
  }
}

async function dispatch(
  argv: readonly string[],
  io: CliIo,
  t: TFunction,
  language: string,
  hooks: CliHooks,
  called: { file: string },
): Promise<number> {
  const secretOption = argv.find((arg) => SECRET_OPTION.test(arg));
  if (secretOption) throw new CliError(EXIT.usage, t('cli.usageSecretArgument'));
  const [commandName, ...rest] = argv;
  if (commandName === undefined)
    throw new CliError(EXIT.usage, `${t('cli.usageNoCommand')}\n\n${t('cli.usage')}`);
  if (commandName === '-h' || commandName === '--help' || commandName === 'help') {
    io.stdout.write(`${t('cli.usage')}\n`);
    return EXIT.ok;
  }
  if (commandName === '--version') {
    io.stdout.write(`confidant ${APP_VERSION}\n`);
    return EXIT.ok;
  }
  if (!Object.hasOwn(COMMANDS, commandName))
    throw new CliError(EXIT.usage, t('cli.usageUnknownCommand', { command: commandName }));
  const name = commandName as CommandName;
  const command = COMMANDS[name];
  const parsed = parseCommandArguments(name, rest, t);
  if (parsed.help) {
    io.stdout.write(`${t('cli.usage')}\n`);
    return EXIT.ok;
  }
  const operands = command.operands(parsed.positionals, name, t);
  if (parsed.recovery && !(command.options as readonly string[]).includes('recovery')) {
    throw new CliError(
      EXIT.usage,
      t('cli.usageBadOption', { option: '--recovery', command: name }),
    );
  }
  if (parsed.rekey && !(command.options as readonly string[]).includes('rekey')) {
    throw new CliError(EXIT.usage, t('cli.usageBadOption', { option: '--rekey', command: name }));
  }
  for (const option of ['people', 'seed'] as const) {
    if (parsed[option] !== undefined && !(command.options as readonly string[]).includes(option)) {
      throw new CliError(
        EXIT.usage,
        t('cli.usageBadOption', { option: `--${option}`, command: name }),
      );
    }
  }
  called.file = operands.file;
  const secrets = createSecretReader(io, t);
  try {
    return await command.run({
      ...operands,
      recovery: parsed.recovery,
      rekey: parsed.rekey,
      people: parsed.people,
      seed: parsed.seed,
      io,
      t,
      language,
      secrets,
      vaultOptions: hooks.vaultOptions ?? {},
    });
  } finally {
    secrets.close();
  }
}

function parseCommandArguments(
  command: CommandName,
  args: string[],
  t: TFunction,
): {
  positionals: string[];
  recovery: boolean;
  rekey: boolean;
  help: boolean;
  people?: string;
  seed?: string;
} {
  let values: {
    recovery?: boolean;
    rekey?: boolean;
    help?: boolean;
    people?: string;
    seed?: string;
  };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        recovery: { type: 'boolean' },
        rekey: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        people: { type: 'string' },
        seed: { type: 'string' },
      },
    }));
  } catch (error) {
    const option =
      /'([^']+)'/.exec((error as Error).message)?.[1] ??
      args.find((arg) => arg.startsWith('-')) ??
      '';
    throw new CliError(EXIT.usage, t('cli.usageBadOption', { option, command }));
  }
  if (values.help) return { positionals: [], recovery: false, rekey: false, help: true };
  return {
    positionals,
    recovery: values.recovery ?? false,
    rekey: values.rekey ?? false,
    help: false,
    people: values.people,
    seed: values.seed,
  };
}

/** Most commands take exactly one FILE. */
function oneFile(positionals: string[], command: string, t: TFunction): Operands {
  const [file, ...extra] = positionals;
  if (file === undefined) throw new CliError(EXIT.usage, t('cli.usageMissingFile', { command }));
  if (extra.length > 0) throw new CliError(EXIT.usage, t('cli.usageTooManyArguments', { command }));
  return { file };
}
