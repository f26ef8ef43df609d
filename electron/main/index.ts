/**
 * Electron main: glue only. Everything it calls is either the core (electron/core, tested in
 * plain Node) or a small module here tested with a mocked `electron` (tests/electron/).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  powerMonitor,
  protocol,
  session,
} from 'electron';
import { EVENTS, type LockReason, type VaultStatus } from '../../shared/contract.ts';
import { createCoreApi } from '../core/api.ts';
import { fileConfigStore } from '../core/app-config.ts';
import { setKdfWorkerUrl } from '../core/crypto/kdf.ts';
import { setCheckWorkerUrl } from '../core/services/backup/check-copy.ts';
import { setMigrationsFolder } from '../core/db/migrate.ts';
import { APP_SCHEME, appResponseHeaders, resolveAppFile } from './app-protocol.ts';
import { listenForLockShortcut, startAutoLock } from './auto-lock.ts';
import { dialogHandlers } from './dialogs.ts';
import { registerIpc } from './ipc.ts';
import { applyProcessSwitches, hardenSession, lockDownApp, SESSION_PARTITION } from './lockdown.ts';
import { applicationMenuTemplate } from './menu.ts';
import { bundlePaths } from './paths.ts';
import { createPdfPrinter } from './print-pdf.ts';
import { mainWindowOptions, openMainWindow } from './window.ts';

const paths = bundlePaths(import.meta.url);
const devTools = !app.isPackaged;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true } },
  ]);
  applyProcessSwitches(app);
  lockDownApp(app, { devTools });
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  setKdfWorkerUrl(paths.kdfWorker);
  setCheckWorkerUrl(paths.checkWorker);
  setMigrationsFolder(paths.migrations);
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(process.platform)));

  const appSession = session.fromPartition(SESSION_PARTITION);
  hardenSession(appSession);
  appSession.protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(paths.rendererRoot, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      return new Response(await readFile(file), { headers: appResponseHeaders(file) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });

  let window: BrowserWindow | null = null;
  const notifyLocked = (status: VaultStatus, reason: LockReason | undefined) => {
    if (status.state !== 'unlocked' && window && !window.isDestroyed()) {
      window.webContents.send(EVENTS.vaultLocked, { reason: reason ?? 'manual' });
    }
  };
  const api = createCoreApi({
    config: fileConfigStore(join(app.getPath('userData'), 'config.json')),
    defaultVaultPath: join(app.getPath('documents'), 'Confidant', 'Confidant.confidant'),
    fileDialogs: true,
    onStatusChange: notifyLocked,
    printPdf: createPdfPrinter({ BrowserWindow, session }),
    clipboard: {
      writeText: (text) => clipboard.writeText(text),
      readText: () => clipboard.readText(),
    },
  });
  const lock = (reason: LockReason) => {
    void api.lock(reason).catch(() => undefined);
  };

  window = new BrowserWindow(mainWindowOptions(paths.preload, { devTools }));
  registerIpc(
    ipcMain,
    { ...api.handlers, ...dialogHandlers(dialog, () => window, app.getPath('documents')) },
    () => window,
  );
  listenForLockShortcut(window.webContents, lock);
  startAutoLock({ powerMonitor, lock, idleMinutes: api.autoLockMinutes });

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  // The vault is locked (and saved) before the app goes: never left open in the background.
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || api.status().state !== 'unlocked') return;
    event.preventDefault();
    quitting = true;
    void api.lock('quit').finally(() => {
      app.quit();
    });
  });
  app.on('window-all-closed', () => {
    app.quit();
  });
  await openMainWindow(window);
}
