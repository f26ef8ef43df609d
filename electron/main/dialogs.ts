import type { BrowserWindow, Dialog } from 'electron';
import type { Handlers } from '../../shared/contract.ts';

const VAULT_FILTER = [{ name: 'Confidant vault', extensions: ['confidant'] }];

/** The native file dialogs, parented to the app window. */
export function dialogHandlers(
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>,
  getWindow: () => BrowserWindow | null,
): Pick<Handlers, 'dialog:chooseNewVaultPath' | 'dialog:chooseExistingVault'> {
  return {
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
  };
}
