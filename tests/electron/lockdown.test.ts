/**
 * Each item of the lockdown list (ARCHITECTURE.md; docs/security-checklist.md points here),
 * asserted on the glue functions with stand-in Electron objects.
 */
import { describe, expect, it } from 'vitest';
import type { App, Session, WebContents } from 'electron';
import {
  APP_ENTRY,
  appResponseHeaders,
  CONTENT_SECURITY_POLICY,
  resolveAppFile,
} from '../../electron/main/app-protocol.ts';
import {
  applyProcessSwitches,
  hardenSession,
  hardenWebContents,
  isAllowedRequest,
  lockDownApp,
  secureWebPreferences,
  SESSION_PARTITION,
} from '../../electron/main/lockdown.ts';
import { applicationMenuTemplate } from '../../electron/main/menu.ts';
import { mainWindowOptions, openMainWindow } from '../../electron/main/window.ts';
import {
  createFakeElectron,
  FakeBrowserWindow,
  FakeSession,
  FakeWebContents,
} from './fake-electron.ts';

const asSession = (session: FakeSession) => session as unknown as Session;
const asContents = (contents: FakeWebContents) => contents as unknown as WebContents;

describe('web preferences of the window', () => {
  const prefs = secureWebPreferences('/app/preload.cjs', { devTools: false });

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['spellcheck', false],
    ['navigateOnDragDrop', false],
  ] as const)('%s is %s', (key, value) => {
    expect(prefs[key]).toBe(value);
  });

  it('uses an in-memory session (no "persist:" partition), so Chromium writes no storage or cache to disk', () => {
    expect(prefs.partition).toBe(SESSION_PARTITION);
    expect(SESSION_PARTITION.startsWith('persist:')).toBe(false);
  });

  it('has DevTools only when not packaged', () => {
    expect(secureWebPreferences('/p', { devTools: false }).devTools).toBe(false);
    expect(secureWebPreferences('/p', { devTools: true }).devTools).toBe(true);
  });

  it('is what the main window is made with', () => {
    expect(mainWindowOptions('/app/preload.cjs', { devTools: false }).webPreferences).toEqual(
      prefs,
    );
  });
});

describe('process switches (before ready)', () => {
  it('enables the sandbox for every renderer and keeps caches off disk', () => {
    const fake = createFakeElectron();
    applyProcessSwitches(fake.app as unknown as App);
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    expect(fake.switches).toEqual(
      expect.arrayContaining([
        ['disable-http-cache', undefined],
        ['disk-cache-size', '0'],
        ['disable-gpu-shader-disk-cache', undefined],
        ['disable-features', 'SpellcheckService'],
      ]),
    );
  });
});

describe('the session', () => {
  function hardened() {
    const session = new FakeSession(SESSION_PARTITION);
    hardenSession(asSession(session));
    return session;
  }

  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'fullscreen',
    'openExternal',
    'hid',
    'serial',
    'usb',
  ])('denies the %s permission', (permission) => {
    const session = hardened();
    let granted: boolean | undefined;
    session.permissionRequestHandler?.({}, permission, (answer) => {
      granted = answer;
    });
    expect(granted).toBe(false);
  });

  it('answers every permission check and device request with no, and shares no screen', () => {
    const session = hardened();
    expect(session.permissionCheckHandler?.()).toBe(false);
    expect(session.devicePermissionHandler?.()).toBe(false);
    let streams: object | undefined;
    session.displayMediaHandler?.({}, (answer) => {
      streams = answer;
    });
    expect(streams).toEqual({});
  });

  it('turns the spell checker off (its dictionaries come from the internet)', () => {
    expect(hardened().spellChecker).toBe(false);
  });

  it.each([
    ['app://confidant/index.html', false],
    ['app://confidant/assets/index.js', false],
    ['https://example.org/', true],
    ['http://localhost:3000/', true],
    ['file:///etc/passwd', true],
    ['ws://example.org/', true],
    ['app://other-host/index.html', true],
    ['data:text/html,hi', true],
  ])('request to %s: cancelled = %s', (url, cancelled) => {
    const session = hardened();
    let answer: { cancel: boolean } | undefined;
    session.beforeRequest?.({ url }, (response) => {
      answer = response;
    });
    expect(answer).toEqual({ cancel: cancelled });
    expect(isAllowedRequest(url)).toBe(!cancelled);
  });

  it('refuses every download', () => {
    const session = hardened();
    let prevented = false;
    session.emit('will-download', {
      preventDefault: () => {
        prevented = true;
      },
    });
    expect(prevented).toBe(true);
  });
});

describe('web contents', () => {
  function contents(devTools = false) {
    const wc = new FakeWebContents();
    hardenWebContents(asContents(wc), { devTools });
    return wc;
  }
  function prevented(wc: FakeWebContents, event: string, ...args: unknown[]): boolean {
    let result = false;
    wc.emit(
      event,
      {
        preventDefault: () => {
          result = true;
        },
        isMainFrame: args[1] ?? true,
      },
      ...args,
    );
    return result;
  }

  it('denies window.open', () => {
    expect(contents().windowOpenHandler?.({ url: 'https://example.org' })).toEqual({
      action: 'deny',
    });
    expect(contents().windowOpenHandler?.({ url: APP_ENTRY })).toEqual({ action: 'deny' });
  });

  it('blocks navigation and redirects away from the page', () => {
    const wc = contents();
    expect(prevented(wc, 'will-navigate', 'https://example.org/')).toBe(true);
    expect(prevented(wc, 'will-navigate', 'app://confidant/other.html')).toBe(true);
    expect(prevented(wc, 'will-redirect', 'https://example.org/')).toBe(true);
    expect(prevented(wc, 'will-navigate', wc.getURL())).toBe(false); // a reload after lock
  });

  it('blocks sub-frame navigation and webviews', () => {
    const wc = contents();
    let subframe = false;
    wc.emit('will-frame-navigate', {
      isMainFrame: false,
      preventDefault: () => {
        subframe = true;
      },
    });
    expect(subframe).toBe(true);
    expect(prevented(wc, 'will-attach-webview')).toBe(true);
  });

  it('closes DevTools at once in a packaged app', () => {
    const packaged = contents(false);
    packaged.emit('devtools-opened');
    expect(packaged.devToolsClosed).toBe(1);
    const development = contents(true);
    development.emit('devtools-opened');
    expect(development.devToolsClosed).toBe(0);
  });

  it('applies to every web contents the app ever creates', () => {
    const fake = createFakeElectron();
    lockDownApp(fake.app as unknown as App, { devTools: false });
    const wc = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, wc);
    expect(wc.windowOpenHandler?.({ url: 'x' })).toEqual({ action: 'deny' });
  });
});

describe('the window', () => {
  it('is hidden from screenshots and screen sharing, and shows the app:// page', async () => {
    const window = new FakeBrowserWindow({});
    await openMainWindow(window as never);
    expect(window.contentProtection).toBe(true);
    expect(window.loaded).toBe('app://confidant/index.html');
  });

  it('has no menu with reload or developer tools', () => {
    const roles = JSON.stringify([
      applicationMenuTemplate('linux'),
      applicationMenuTemplate('darwin'),
    ]);
    expect(roles).not.toMatch(/viewMenu|toggleDevTools|reload|forceReload/);
    expect(roles).toContain('editMenu');
  });
});

describe('the app:// protocol', () => {
  const root = '/srv/renderer';

  it.each([
    ['app://confidant/', '/srv/renderer/index.html'],
    ['app://confidant/index.html', '/srv/renderer/index.html'],
    ['app://confidant/assets/index-abc.js', '/srv/renderer/assets/index-abc.js'],
    ['app://confidant/assets/a%20b.css', '/srv/renderer/assets/a b.css'],
  ])('serves %s from %s', (url, file) => {
    expect(resolveAppFile(root, url)).toBe(file);
  });

  it.each([
    'app://confidant/../../etc/passwd.html',
    'app://confidant/%2e%2e/%2e%2e/etc/passwd.html',
    'app://confidant/..%2f..%2fetc%2fpasswd.html',
    'app://confidant/assets/..%2F..%2F..%2Fetc%2Fshadow.js',
    'app://confidant/%5c..%5c..%5cwindows%5cwin.ini.html',
    'app://confidant/C:%5cWindows%5cwin.ini.html',
    'app://confidant/index.html%00.js',
    'app://confidant/%E0%A4%A.js',
    'app://evil/index.html',
    'https://confidant/index.html',
    'file:///etc/passwd',
    'app://confidant/package.json.bak',
    'app://confidant/secret.sqlite',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  it('sends a strict Content-Security-Policy with every file', () => {
    expect(appResponseHeaders('/srv/renderer/index.html')['Content-Security-Policy']).toBe(
      CONTENT_SECURITY_POLICY,
    );
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:|data:/);
  });

  it('labels files so the browser never guesses their type', () => {
    const headers = appResponseHeaders('/srv/renderer/assets/index.js');
    expect(headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Cache-Control']).toBe('no-store');
  });
});
