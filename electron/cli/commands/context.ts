import type { TFunction } from 'i18next';
import type { VaultOptions } from '../../core/vault/vault.ts';
import type { CliIo, SecretReader } from '../io.ts';

/** Everything a command needs; commands parse nothing and decide nothing the core decides. */
export interface CommandContext {
  /** The file the command works on (backup: VAULT for create, BACKUP for verify and restore). */
  file: string;
  recovery: boolean;
  /** passwd --rekey: a new master key and recovery key, not only a new passphrase. */
  rekey?: boolean;
  /** backup: create, verify or restore; checked by run.ts. */
  subcommand?: string | undefined;
  /** backup create: the folder the backup goes into; backup restore: the new vault file. */
  target?: string | undefined;
  /** demo: --people and --seed as typed; the command checks them. */
  people?: string | undefined;
  seed?: string | undefined;
  io: CliIo;
  t: TFunction;
  language: string;
  secrets: SecretReader;
  /** Passed through to the core; tests use it to speed up Argon2id or inject faults. */
  vaultOptions: VaultOptions;
}

/** The words after a command's name, as run.ts checked them. */
export type Operands = Pick<CommandContext, 'file' | 'subcommand' | 'target'>;

export function print(context: CommandContext, text: string): void {
  context.io.stdout.write(`${text}\n`);
}

/** Tells a person at a terminal that the pause is Argon2id at work, not a hang. */
export function announceKeyDerivation(context: CommandContext): void {
  if (context.secrets.interactive) context.io.stderr.write(`${context.t('cli.working')}\n`);
}
