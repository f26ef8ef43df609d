import { Vault } from '../../core/vault/vault.ts';
import { announceKeyDerivation, print, type CommandContext } from './context.ts';
import { readNewPassphrase } from './new-passphrase.ts';
import { readUnlockSecret } from './read-secret.ts';

export async function passwd(context: CommandContext): Promise<number> {
  const { t, file } = context;
  const secret = await readUnlockSecret(context, 'currentPassphrase');
  // The new passphrase is checked before the slow unlock, and before anything is opened.
  const newPassphrase = await readNewPassphrase(context);
  announceKeyDerivation(context);
  const vault = await Vault.unlock(file, secret, context.vaultOptions);
  try {
    if (context.rekey) {
      // A new master key: the database is re-encrypted, the recovery key replaced.
      const { recoveryKey } = await vault.rekey(newPassphrase);
      print(context, t('cli.passwd.rekeyed', { file }));
      print(context, t('cli.init.recoveryLine', { key: recoveryKey }));
      return 0;
    }
    await vault.changePassphrase(newPassphrase);
  } finally {
    await vault.lock({ discardUnsaved: true });
  }
  print(context, t('cli.passwd.changed', { file }));
  return 0;
}
