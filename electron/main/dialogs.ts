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
  return {
    'dialog:chooseFolder': () => open({ properties: ['openDirectory', 'createDirectory'] }),
    'dialog:chooseBackupFile': () => open({ filters: BACKUP_FILTER, properties: ['openFile'] }),
    'dialog:chooseRestorePath': async ({ suggestedName }) => {
      const window = getWindow();
      const name = suggestedName.split(/[\\/]/u).pop() ?? suggestedName;
      const options = {
        defaultPath: documentsFolder ? join(documentsFolder, name) : name,
        filters: VAULT_FILTER,
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return { path: result.canceled || !result.filePath ? null : result.filePath };
    },
    'dialog:chooseNewVaultPath': async ({ suggested }) => {
      const window = getWindow();
      const options = {
        defaultPath: suggested,
        filters: VAULT_FILTER,
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return { path: result.canceled || !result.filePath ? null : result.filePath };
    },
    'dialog:chooseExistingVault': async () => {
      const window = getWindow();
      const options = { filters: VAULT_FILTER, properties: ['openFile' as const] };
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return { path: result.canceled ? null : (result.filePaths[0] ?? null) };
    },
    'dialog:chooseExportPath': async ({ suggestedName, kind }) => {
      const window = getWindow();
      // The caller passes a bare file name; any folder in it is dropped.
      const name = suggestedName.split(/[\\/]/u).pop() ?? suggestedName;
      const options = {
        defaultPath: documentsFolder ? join(documentsFolder, name) : name,
        filters: EXPORT_FILTERS[kind],
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return { path: result.canceled || !result.filePath ? null : result.filePath };
    },
  };
}
