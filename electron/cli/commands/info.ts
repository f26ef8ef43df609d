import { basename } from 'node:path';
import { inspectVaultFile } from '../../core/vault/inspect.ts';
import { formatBytes, labelled } from '../format.ts';
import { print, type CommandContext } from './context.ts';

export async function info(context: CommandContext): Promise<number> {
  const { t, file, language } = context;
  const details = await inspectVaultFile(file, context.vaultOptions.fs);
  const slots = details.slots.map((slot, index) => {
    const text =
      slot.type === 'passphrase'
        ? t('cli.info.slotPassphrase', {
            opslimit: slot.opslimit,
            memory: formatBytes(slot.memlimit, t, language),
          })
        : t('cli.info.slotRecovery');
    return `  ${index + 1}. ${text}`;
  });
  const size = formatBytes(details.fileBytes, t, language);
  // Format 1 is one file with chunks and previous copies; format 2 a folder whose size that
  // matters is its database's.
  const layout: [string, string][] =
    details.formatVersion === 1
      ? [
          [t('cli.info.size'), size],
          [t('cli.info.chunkSize'), formatBytes(details.chunkSize, t, language)],
          [
            t('cli.info.previous'),
            details.previousCopies.length
              ? details.previousCopies.map((path) => basename(path)).join(', ')
              : t('cli.info.none'),
          ],
        ]
      : [[t('cli.info.databaseSize'), size]];
  print(
    context,
    labelled([
      [t('cli.info.file'), file],
      [t('cli.info.format'), t('cli.info.formatValue', { version: details.formatVersion })],
      ...layout,
      [t('cli.info.slots'), String(details.slots.length)],
    ]),
  );
  print(context, slots.join('\n'));
  return 0;
}
