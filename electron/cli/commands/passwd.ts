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
  // A format-1 vault (one file) is converted to a folder here; its old file is kept aside.
  const vault = await Vault.unlock(file, secret, context.vaultOptions);
  // Said first: it is true even if the change below fails.
  if (vault.upgradedFrom) print(context, t('cli.upgraded', { file, kept: vault.upgradedFrom }));
  let recoveryKey: string | undefined;
  try {
    if (context.rekey) {
      // A new master key: the database is re-encrypted, the recovery key replaced.
      ({ recoveryKey } = await vault.rekey(newPassphrase));
    } else {
      await vault.changePassphrase(newPassphrase);
    }
  } finally {
    await vault.lock();
  }
  if (recoveryKey === undefined) {
    print(context, t('cli.passwd.changed', { file }));
    return 0;
  }
  print(context, t('cli.passwd.rekeyed', { file }));
  print(context, t('cli.init.recoveryLine', { key: recoveryKey }));
  return 0;
}
