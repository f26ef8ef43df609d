/**
 * `confidant backup create VAULT FOLDER`, `backup verify BACKUP` and
 * `backup restore BACKUP NEW_VAULT`. The core (core/services/backup/) writes, verifies and
 * restores; these read the secret, check what can be checked before asking for it, and print.
 */
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TFunction } from 'i18next';
import { HEADLINE_TABLES, type BackupReport } from '../../../shared/backup.ts';
import { fromFsError, VaultError } from '../../core/errors.ts';
import {
  openBackupFile,
  verifyBackupFile,
  type BackupReadOptions,
} from '../../core/services/backup/backup-file.ts';
import { backupVault } from '../../core/services/backup/backup-vault.ts';
import { restoreBackup } from '../../core/services/backup/restore-backup.ts';
import { nodeFs } from '../../core/vault/fs-port.ts';
import { Vault } from '../../core/vault/vault.ts';
import { CliError } from '../cli-error.ts';
import { EXIT } from '../exit-codes.ts';
import { formatBytes, labelled } from '../format.ts';
import { announceKeyDerivation, print, type CommandContext, type Operands } from './context.ts';
import { readUnlockSecret } from './read-secret.ts';

/** Each subcommand and how many files it takes after its name. */
const SUBCOMMANDS = {
  create: { run: create, files: 2 },
  verify: { run: verifyBackup, files: 1 },
  restore: { run: restore, files: 2 },
} as const;

type Subcommand = keyof typeof SUBCOMMANDS;

/** `backup SUBCOMMAND FILE [FILE]`: checked before anything is read or asked for. */
export function backupOperands(positionals: string[], _command: string, t: TFunction): Operands {
  const [subcommand, ...files] = positionals;
  if (subcommand === undefined) throw new CliError(EXIT.usage, t('cli.backup.usageNoSubcommand'));
  if (!Object.hasOwn(SUBCOMMANDS, subcommand))
    throw new CliError(EXIT.usage, t('cli.backup.usageUnknownSubcommand', { subcommand }));
  const name = subcommand as Subcommand;
  const [file, target] = files;
  if (file === undefined || files.length !== SUBCOMMANDS[name].files) {
    throw new CliError(
      EXIT.usage,
      t('cli.backup.usageArguments', { synopsis: t(`cli.backup.synopsis.${name}`) }),
    );
  }
  return { file, subcommand: name, target };
}

export function backup(context: CommandContext): Promise<number> {
  return SUBCOMMANDS[context.subcommand as Subcommand].run(context);
}

/** Unlocks VAULT, writes a verified backup into FOLDER, and records it in the audit trail. */
async function create(context: CommandContext): Promise<number> {
  const { t, file, language } = context;
  const folder = context.target ?? '';
  // Before the passphrase: nobody should type it (and wait for Argon2id) to learn this.
  const kind = kindOf(folder);
  if (kind === 'missing') throw new CliError(EXIT.error, t('cli.backup.folderMissing', { folder }));
  if (kind === 'file') throw new CliError(EXIT.error, t('cli.backup.notAFolder', { folder }));
  const secret = await readUnlockSecret(context, 'passphrase');
  announceKeyDerivation(context);
  // A format-1 vault (one file) is converted to a folder here; its old file is kept aside.
  const vault = await Vault.unlock(file, secret, context.vaultOptions);
  if (vault.upgradedFrom) print(context, t('cli.upgraded', { file, kept: vault.upgradedFrom }));
  let written;
  try {
    written = await backupVault(
      vault,
      { folder, trigger: 'cli', now: now(context) },
      readOptions(context),
    );
    await vault.save();
  } finally {
    // After a failure nothing is saved (not even the backup tag a first backup makes), so the
    // vault is as it was and the first error is the one reported.
    await vault.lock();
  }
  print(context, t('cli.backup.written', { file: written.file }));
  print(
    context,
    labelled([
      [t('cli.backup.size'), formatBytes(written.fileBytes, t, language)],
      [t('cli.backup.created'), when(written.createdAt, t)],
      [t('cli.backup.holds'), headline(written.tables, t)],
    ]),
  );
  return 0;
}

/** Decrypts and checks BACKUP from end to end; writes nothing. */
async function verifyBackup(context: CommandContext): Promise<number> {
  const { t, file, language } = context;
  const secret = await readUnlockSecret(context, 'passphrase');
  announceKeyDerivation(context);
  const report = await verifyBackupFile(file, secret, readOptions(context));
  const width = Math.max(...report.tables.map((table) => table.name.length));
  print(context, t('cli.backup.verified', { file }));
  print(
    context,
    labelled([
      [t('cli.backup.file'), report.file],
      [t('cli.backup.vault'), report.vaultName],
      [t('cli.backup.created'), when(report.createdAt, t)],
      [t('cli.backup.appVersion'), report.appVersion],
      [t('cli.backup.schema'), String(report.schemaVersion)],
      [t('cli.backup.opensWith'), t(`cli.backup.opensWithValue.${report.opensWith}`)],
      [t('cli.backup.integrity'), t('cli.backup.integrityOk')],
      [t('cli.backup.size'), formatBytes(report.fileBytes, t, language)],
    ]),
  );
  print(context, `${t('cli.backup.tables')}:`);
  print(
    context,
    report.tables.map((table) => `  ${table.name.padEnd(width)}  ${table.rows}`).join('\n'),
  );
  return 0;
}

/** Restores BACKUP into NEW_VAULT, a file that must not exist yet (never replaced here). */
async function restore(context: CommandContext): Promise<number> {
  const { t, file } = context;
  const destination = context.target ?? '';
  // Before the secret, as the core would refuse them after it.
  const fs = context.vaultOptions.fs ?? nodeFs;
  if (kindOf(dirname(destination)) !== 'folder')
    throw new VaultError('FOLDER_NOT_FOUND', { file: destination });
  if (await fs.exists(destination)) throw new VaultError('FILE_EXISTS', { file: destination });
  const secret = await readUnlockSecret(context, 'passphrase');
  announceKeyDerivation(context);
  const opened = await openBackupFile(file, secret, readOptions(context));
  let vault: Vault;
  try {
    print(
      context,
      labelled([
        [t('cli.backup.file'), file],
        [t('cli.backup.created'), when(opened.report.createdAt, t)],
        [t('cli.backup.holds'), headline(opened.report.tables, t)],
      ]),
    );
    vault = await restoreBackup(
      opened,
      { destination, replaceExisting: false, now: now(context) },
      context.vaultOptions,
    );
  } catch (error) {
    opened.close();
    throw error;
  }
  await vault.lock();
  print(context, t('cli.backup.restored', { file: destination }));
  return 0;
}

// ---------------------------------------------------------------------------------------------

function kindOf(path: string): 'missing' | 'folder' | 'file' {
  try {
    const found = statSync(path, { throwIfNoEntry: false });
    if (!found) return 'missing';
    return found.isDirectory() ? 'folder' : 'file';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return 'missing';
    throw fromFsError(error, { file: path });
  }
}

function now(context: CommandContext): Date {
  return context.vaultOptions.now?.() ?? new Date();
}

/** The options the backup core takes from the vault's, only those that are set. */
function readOptions({ vaultOptions }: CommandContext): BackupReadOptions {
  return {
    ...(vaultOptions.fs && { fs: vaultOptions.fs }),
  };
}

/** A backup's time in the user's language and time zone, then exactly (UTC, ISO 8601). */
function when(iso: string, t: TFunction): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const local = new Intl.DateTimeFormat(t('dateLocale'), {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(date);
  return t('cli.backup.createdValue', { local, iso });
}

/** "persons: 2, case notes: 20, …": the tables a person reads, in a fixed order. */
function headline(tables: BackupReport['tables'], t: TFunction): string {
  const rows = new Map(tables.map((table) => [table.name, table.rows]));
  return HEADLINE_TABLES.filter((name) => rows.has(name))
    .map((name) =>
      t('cli.backup.count', { what: t(`cli.backup.table.${name}`), rows: rows.get(name) }),
    )
    .join(', ');
}
