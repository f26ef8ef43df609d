import type { UnlockSecret } from '../../core/vault/vault.ts';
import type { CommandContext } from './context.ts';

/** The secret that opens an existing vault: its passphrase, or with --recovery its recovery key. */
export async function readUnlockSecret(
  context: CommandContext,
  promptKey: 'passphrase' | 'currentPassphrase',
): Promise<UnlockSecret> {
  const { t, secrets, file } = context;
  if (context.recovery) {
    return {
      recoveryKey: await secrets.read('recoveryKey', t('cli.prompt.recoveryKey', { file })),
    };
  }
  return { passphrase: await secrets.read('passphrase', t(`cli.prompt.${promptKey}`, { file })) };
}
