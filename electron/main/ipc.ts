/**
 * Registers every channel of the contract through one handler that first checks who is
 * calling: only the top-level frame of the app's own window, showing an app:// page. Anything
 * else (a frame, another window, a page that somehow navigated away) is refused.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type ApiResult, type Handlers } from '../../shared/contract.ts';
import { dispatch } from '../core/ipc/dispatch.ts';
import { APP_ORIGIN } from './app-protocol.ts';

const FORBIDDEN: ApiResult<never> = { ok: false, error: { code: 'FORBIDDEN', details: {} } };

export function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  if (!window || window.isDestroyed() || !frame) return false;
  if (event.sender.id !== window.webContents.id) return false;
  if (frame.parent !== null) return false;
  return frame.url.startsWith(`${APP_ORIGIN}/`);
}

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: Handlers,
  getWindow: () => BrowserWindow | null,
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) =>
      isTrustedSender(event, getWindow())
        ? dispatch(handlers, channel, input)
        : Promise.resolve(FORBIDDEN),
    );
  }
}
