/**
 * The lockdown list of ARCHITECTURE.md, one function per place it applies. Every item is
 * asserted by tests/electron/lockdown.test.ts and listed in docs/security-checklist.md.
 */
import type { App, Session, WebContents, WebPreferences } from 'electron';
import { APP_ORIGIN } from './app-protocol.ts';

/** No "persist:" prefix: Chromium keeps this session's storage and caches in memory only. */
export const SESSION_PARTITION = 'confidant';

/** Before `ready`: switches that keep Chromium from writing caches to disk. */
export function applyProcessSwitches(app: Pick<App, 'commandLine' | 'enableSandbox'>): void {
  app.enableSandbox();
  app.commandLine.appendSwitch('disable-http-cache');
  app.commandLine.appendSwitch('disk-cache-size', '0');
  app.commandLine.appendSwitch('disable-gpu-shader-disk-cache');
  // Spell-check dictionaries download from the internet.
  app.commandLine.appendSwitch('disable-features', 'SpellcheckService');
}

export function secureWebPreferences(
  preload: string,
  options: { devTools: boolean },
): WebPreferences {
  return {
    preload,
    partition: SESSION_PARTITION,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    devTools: options.devTools,
    safeDialogs: true,
    disableDialogs: false,
    autoplayPolicy: 'user-gesture-required',
  };
}

/** Whether a request may go out: only the app's own files, never the network. */
export function isAllowedRequest(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => {
    callback({});
  });
  session.setSpellCheckerEnabled(false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url) });
  });
  // Nothing is ever downloaded to disk from the app window.
  session.on('will-download', (event) => {
    event.preventDefault();
  });
}

/** For every web contents the app creates: no new windows, no navigation, no webviews. */
export function hardenWebContents(contents: WebContents, options: { devTools: boolean }): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayPut = (event: { preventDefault(): void }, url: string) => {
    if (url !== contents.getURL()) event.preventDefault();
  };
  contents.on('will-navigate', stayPut);
  contents.on('will-redirect', stayPut);
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  if (!options.devTools) {
    contents.on('devtools-opened', () => {
      contents.closeDevTools();
    });
  }
}

export function lockDownApp(app: Pick<App, 'on'>, options: { devTools: boolean }): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, options);
  });
}
