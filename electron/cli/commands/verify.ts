import { checkDatabase, isSound } from '../../core/services/database-check.ts';
import { Vault } from '../../core/vault/vault.ts';
import { EXIT } from '../exit-codes.ts';
import { CliError } from '../cli-error.ts';
import { labelled } from '../format.ts';
import { announceKeyDerivation, print, type CommandContext } from './context.ts';
import { readUnlockSecret } from './read-secret.ts';

export async function verify(context: CommandContext): Promise<number> {
  const { t, file } = context;
  const secret = await readUnlockSecret(context, 'passphrase');
  announceKeyDerivation(context);
  const vault = await Vault.unlock(file, secret, { ...context.vaultOptions, readOnly: true });
  let report;
  try {
    report = checkDatabase(vault.db);
  } finally {
    await vault.lock();
  }
  if (!isSound(report)) {
    // SQLite's report spans lines; the user gets one sentence with its first findings.
    const problem = report.integrity.slice(0, 3).join('; ').replace(/\s+/g, ' ').slice(0, 300);
    throw new CliError(EXIT.damaged, t('cli.verify.integrityFailed', { file, problem }));
  }
  const width = Math.max(...report.tables.map((table) => table.name.length));
  print(context, t('cli.verify.ok', { file }));
  print(
    context,
    labelled([
      [t('cli.verify.schema'), String(report.schemaVersion)],
      [t('cli.verify.integrity'), report.integrity.join('; ')],
    ]),
  );
  print(context, `${t('cli.verify.tables')}:`);
  print(
    context,
    report.tables.map((table) => `  ${table.name.padEnd(width)}  ${table.rows}`).join('\n'),
  );
  return 0;
}
