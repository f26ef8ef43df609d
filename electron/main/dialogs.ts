import { join } from 'node:path';
import type { BrowserWindow, Dialog, FileFilter } from 'electron';
import type { Handlers } from '../../shared/contract.ts';
import { BACKUP_EXTENSION } from '../../shared/backup.ts';
import type { MainOnlyChannel } from '../../shared/contract.ts';
import type { OutputKind } from '../../shared/share.ts';

const VAULT_FILTER = [{ name: 'Confidant vault', extensions: ['confidant'] }];
const BACKUP_FILTER = [{ name: 'Confidant backup', extensions: [BACKUP_EXTENSION] }];

/** What each output of a share is saved as. */
const EXPORT_FILTERS: Record<OutputKind, FileFilter[]> = {
  html: [{ name: 'HTML document', extensions: ['html'] }],
  pdf: [{ name: 'PDF document', extensions: ['pdf'] }],
  csv: [{ name: 'Spreadsheet (CSV)', extensions: ['csv'] }],
  package: [{ name: 'Confidant share package', extensions: ['confidant-share'] }],
};

/**
 * The native file dialogs, parented to the app window. `documentsFolder` (the user's
 * Documents) is where a share's output is first suggested; without it, the bare name is.
 */
export function dialogHandlers(
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>,
  getWindow: () => BrowserWindow | null,
  documentsFolder = '',
): Pick<Handlers, MainOnlyChannel> {
  const open = async (options: Electron.OpenDialogOptions) => {
    const window = getWindow();
    const result = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options);
    return { path: result.canceled ? null : (result.filePaths[0] ?? null) };
  };
  /** A save dialog that asks before replacing a file, for `defaultPath` with `filters`. */
  const save = async (defaultPath: string, filters: FileFilter[]) => {
    const window = getWindow();
    const options = {
      defaultPath,
      filters,
      properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
    };
    const result = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    return { path: result.canceled || !result.filePath ? null : result.filePath };
  };
  /** The caller passes a bare file name, suggested in Documents; any folder in it is dropped. */
  const inDocuments = (suggestedName: string) => {
    const name = suggestedName.split(/[\\/]/u).pop() ?? suggestedName;
    return documentsFolder ? join(documentsFolder, name) : name;
  };
  return {
    'dialog:chooseFolder': () => open({ properties: ['openDirectory', 'createDirectory'] }),
    'dialog:chooseBackupFile': () => open({ filters: BACKUP_FILTER, properties: ['openFile'] }),
    'dialog:chooseRestorePath': ({ suggestedName }) =>
      save(inDocuments(suggestedName), VAULT_FILTER),
    'dialog:chooseNewVaultPath': ({ suggested }) => save(suggested, VAULT_FILTER),
    'dialog:chooseExistingVault': () => open({ filters: VAULT_FILTER, properties: ['openFile'] }),
    'dialog:chooseExportPath': ({ suggestedName, kind }) =>
      save(inDocuments(suggestedName), EXPORT_FILTERS[kind]),
  };
}
