import { checkNewPassphrase, MIN_PASSPHRASE_LENGTH } from '../../../shared/passphrase-policy.ts';
import { VaultError } from '../../core/errors.ts';
import { CliError } from '../cli-error.ts';
import { EXIT } from '../exit-codes.ts';
import type { CommandContext } from './context.ts';

/** Reads a new passphrase (twice at a terminal) and applies the shared passphrase rule. */
export async function readNewPassphrase(context: CommandContext): Promise<string> {
  const { t, secrets, file } = context;
  const passphrase = await secrets.read(
    'newPassphrase',
    t('cli.prompt.newPassphrase', { min: MIN_PASSPHRASE_LENGTH }),
  );
  const problem = checkNewPassphrase(passphrase);
  if (problem) throw new VaultError(problem, { file });
  if (secrets.interactive) {
    const again = await secrets.read('newPassphrase', t('cli.prompt.repeatPassphrase'));
    if (again !== passphrase) throw new CliError(EXIT.error, t('cli.passphrasesDiffer'));
  }
  return passphrase;
}
