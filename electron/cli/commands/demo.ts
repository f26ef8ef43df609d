/**
 * `confidant demo FILE --people N [--seed S]`: creates a new vault as `init` does (new
 * passphrase, recovery key shown once) and fills it with fictional data for trying the app
 * and for benchmarks (core/services/demo/). The app shows a banner on a demo vault.
 */
import {
  generateDemoData,
  MAX_DEMO_PEOPLE,
  MIN_DEMO_PEOPLE,
} from '../../core/services/demo/generate.ts';
import { Vault } from '../../core/vault/vault.ts';
import { CliError } from '../cli-error.ts';
import { EXIT } from '../exit-codes.ts';
import { announceKeyDerivation, print, type CommandContext } from './context.ts';
import { readNewPassphrase } from './new-passphrase.ts';

const MAX_SEED = 2 ** 31 - 1;
const WHOLE_NUMBER = /^\d{1,9}$/u;

function wholeNumber(text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined || !WHOLE_NUMBER.test(text.trim())) return undefined;
  const value = Number(text.trim());
  return value >= min && value <= max ? value : undefined;
}

export async function demo(context: CommandContext): Promise<number> {
  const { t, file, io } = context;
  const people = wholeNumber(context.people, MIN_DEMO_PEOPLE, MAX_DEMO_PEOPLE);
  if (people === undefined) {
    throw new CliError(
      EXIT.usage,
      t('cli.demo.usagePeople', { min: MIN_DEMO_PEOPLE, max: MAX_DEMO_PEOPLE }),
    );
  }
  const seed = context.seed === undefined ? 1 : wholeNumber(context.seed, 0, MAX_SEED);
  if (seed === undefined)
    throw new CliError(EXIT.usage, t('cli.demo.usageSeed', { max: MAX_SEED }));

  const passphrase = await readNewPassphrase(context);
  announceKeyDerivation(context);
  const { vault, recoveryKey } = await Vault.create(file, passphrase, context.vaultOptions);
  let counts;
  try {
    io.stderr.write(`${t('cli.demo.generating')}\n`);
    const now = context.vaultOptions.now?.() ?? new Date();
    counts = vault.db.transaction(() => generateDemoData(vault.db, { people, seed, now }))();
    await vault.save();
  } finally {
    await vault.lock();
  }
  print(context, t('cli.init.created', { file }));
  print(context, t('cli.demo.filled', { seed, ...counts }));
  print(context, '');
  print(context, t('cli.init.recoveryExplained'));
  print(context, '');
  print(context, t('cli.init.recoveryLine', { key: recoveryKey }));
  return 0;
}
