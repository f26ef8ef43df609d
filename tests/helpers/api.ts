import { join } from 'node:path';
import type {
  ApiResult,
  Channel,
  Handlers,
  Input,
  MainOnlyChannel,
  Output,
  VaultStatus,
} from '../../shared/contract.ts';
import { createCoreApi, type CoreApi, type CoreApiOptions } from '../../electron/core/api.ts';
import { fileConfigStore } from '../../electron/core/app-config.ts';
import { dispatch } from '../../electron/core/ipc/dispatch.ts';
import { FAST_KDF } from './fast-kdf.ts';

/**
 * The native dialogs exist only in Electron. The test bench answers them with these doubles:
 * "choose a new vault" picks `newVaultPath`, "choose an existing vault" picks `existingVault`,
 * "save an export as" picks `exportFolder`/the suggested name.
 */
export function testDialogs(
  paths: {
    newVaultPath?: string | null;
    existingVault?: string | null;
    exportFolder?: string | null;
    folder?: string | null;
    backupFile?: string | null;
    restoreFolder?: string | null;
  } = {},
) {
  return {
    'dialog:chooseNewVaultPath': () => Promise.resolve({ path: paths.newVaultPath ?? null }),
    'dialog:chooseExistingVault': () => Promise.resolve({ path: paths.existingVault ?? null }),
    'dialog:chooseExportPath': ({ suggestedName }) =>
      Promise.resolve({
        path: paths.exportFolder ? join(paths.exportFolder, suggestedName) : null,
      }),
    'dialog:chooseFolder': () => Promise.resolve({ path: paths.folder ?? null }),
    'dialog:chooseBackupFile': () => Promise.resolve({ path: paths.backupFile ?? null }),
    'dialog:chooseRestorePath': ({ suggestedName }) =>
      Promise.resolve({
        path: paths.restoreFolder ? join(paths.restoreFolder, suggestedName) : null,
      }),
  } satisfies Pick<Handlers, MainOnlyChannel>;
}

export interface TestApi {
  core: CoreApi;
  handlers: Handlers;
  statuses: VaultStatus[];
  /** Calls a channel the way IPC does: validation, handler, validation, error envelope. */
  raw(channel: string, input: unknown): Promise<ApiResult<unknown>>;
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
}

/** A core API over a temp folder: config in `dir/config.json`, vaults suggested in `dir`. */
export function makeTestApi(dir: string, overrides: Partial<CoreApiOptions> = {}): TestApi {
  const statuses: VaultStatus[] = [];
  const core = createCoreApi({
    config: fileConfigStore(join(dir, 'config.json')),
    defaultVaultPath: join(dir, 'Confidant.confidant'),
    fileDialogs: false,
    vaultOptions: { kdf: FAST_KDF },
    onStatusChange: (status) => statuses.push(status),
    ...overrides,
  });
  const handlers: Handlers = { ...core.handlers, ...testDialogs() };
  const raw = (channel: string, input: unknown) => dispatch(handlers, channel, input);
  return {
    core,
    handlers,
    statuses,
    raw,
    async call(channel, input) {
      const result = await raw(channel, input);
      if (!result.ok) throw Object.assign(new Error(result.error.code), result.error);
      return result.value as never;
    },
  };
}
