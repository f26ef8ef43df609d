/**
 * Builds `window.confidant` from the contract's channel list: `confidant.vault.unlock(input)`
 * calls channel `vault:unlock`. The preload builds it over ipcRenderer; the browser test bench
 * builds the very same object over a Playwright binding. Results are plain ApiResult objects
 * (errors as codes), because Error objects do not cross the context bridge intact.
 */
import { CHANNEL_NAMES, VAULT_LOCKED_EVENT } from './channels.ts';
import type { ApiResult, Bridge, Channel, VaultLockedEvent } from './contract.ts';

export type Invoke = (channel: Channel, input: unknown) => Promise<ApiResult<unknown>>;
export type Subscribe = (event: string, listener: (payload: unknown) => void) => () => void;

export function buildBridge(invoke: Invoke, subscribe: Subscribe): Bridge {
  const bridge: Record<string, Record<string, unknown>> = {};
  for (const channel of CHANNEL_NAMES) {
    const [domain = '', verb = ''] = channel.split(':');
    bridge[domain] ??= {};
    bridge[domain][verb] = (input: unknown) => invoke(channel, input);
  }
  bridge.events = {
    onVaultLocked: (listener: (event: VaultLockedEvent) => void) =>
      subscribe(VAULT_LOCKED_EVENT, (payload) => {
        listener(payload as VaultLockedEvent);
      }),
  };
  return bridge as unknown as Bridge;
}
