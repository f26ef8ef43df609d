/**
 * The preload, sandboxed: exposes named functions only (window.confidant.vault.unlock …),
 * never ipcRenderer itself, so the page can reach exactly the channels of the contract.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiResult } from '../../shared/contract.ts';
import { buildBridge } from '../../shared/bridge.ts';

contextBridge.exposeInMainWorld(
  'confidant',
  buildBridge(
    (channel, input) => ipcRenderer.invoke(channel, input) as Promise<ApiResult<unknown>>,
    (event, listener) => {
      const forward = (_event: IpcRendererEvent, payload: unknown) => {
        listener(payload);
      };
      ipcRenderer.on(event, forward);
      return () => {
        ipcRenderer.removeListener(event, forward);
      };
    },
  ),
);
