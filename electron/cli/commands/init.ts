import { Vault } from '../../core/vault/vault.ts';
import { announceKeyDerivation, print, type CommandContext } from './context.ts';
import { readNewPassphrase } from './new-passphrase.ts';

export async function init(context: CommandContext): Promise<number> {
  const { t, file } = context;
  const passphrase = await readNewPassphrase(context);
  announceKeyDerivation(context);
  const { vault, recoveryKey } = await Vault.create(file, passphrase, context.vaultOptions);
  await vault.lock();
  print(context, t('cli.init.created', { file }));
  print(context, '');
  print(context, t('cli.init.recoveryExplained'));
  print(context, '');
  print(context, t('cli.init.recoveryLine', { key: recoveryKey }));
  return 0;
}
