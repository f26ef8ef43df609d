/**
 * electron/main/index.ts itself, started against the mocked `electron`: what it registers
 * before and after `ready`, the single-instance rule, the IPC sender check on every channel,
 * the lock shortcut, and the lock before quitting.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract.ts';
import {
  createFakeElectron,
  FakeBrowserWindow,
  FakeFrame,
  type FakeElectron,
} from './fake-electron.ts';

const holder: { fake: unknown } = vi.hoisted(() => ({ fake: null }));
// Vitest keeps a mocked module across vi.resetModules(), so the mock hands out whichever fake
// the current test made.
vi.mock('electron', () => {
  const names = [
    'app',
    'BrowserWindow',
    'crashReporter',
    'dialog',
    'ipcMain',
    'Menu',
    'powerMonitor',
    'protocol',
    'session',
  ];
  const current = () => (holder.fake as FakeElectron).module as Record<string, unknown>;
  return Object.defineProperties(
    {},
    Object.fromEntries(
      names.map((name) => [name, { enumerable: true, get: () => current()[name] }]),
    ),
  );
});

let dataDir: string;

async function startMain(
  options: Parameters<typeof createFakeElectron>[0] = {},
): Promise<FakeElectron> {
  const fake = createFakeElectron({ dataDir, ...options });
  holder.fake = fake;
  vi.resetModules();
  await import('../../electron/main/index.ts');
  fake.ready();
  // Let start() run to its end (it awaits the window's first load).
  await vi.waitFor(() => {
    expect(
      FakeBrowserWindow.created[0]?.loaded ??
        (options.singleInstance === false ? 'none' : undefined),
    ).toBeDefined();
  });
  return fake;
}

function window(): FakeBrowserWindow {
  const created = FakeBrowserWindow.created[0];
  if (!created) throw new Error('no window');
  return created;
}

function trustedEvent() {
  const wc = window().webContents;
  return { sender: wc, senderFrame: wc.mainFrame };
}

async function invoke(
  fake: FakeElectron,
  channel: string,
  input: unknown,
  event: unknown = trustedEvent(),
) {
  const handler = fake.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return (await handler(event, input)) as {
    ok: boolean;
    value?: unknown;
    error?: { code: string };
  };
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'confidant-main-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('main process start-up', () => {
  it('registers app:// as a secure standard scheme and applies the switches before ready', async () => {
    const fake = await startMain();
    expect(fake.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true } },
    ]);
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    expect(fake.switches).toContainEqual(['disable-http-cache', undefined]);
  });

  it('never starts the crash reporter (no minidumps of a process holding the vault)', async () => {
    const fake = await startMain();
    expect(fake.module.crashReporter.start).not.toHaveBeenCalled();
  });

  it('hardens the in-memory session and serves the renderer from it', async () => {
    const fake = await startMain();
    const session = fake.sessions.get('confidant');
    expect(session?.permissionRequestHandler).toBeDefined();
    expect(session?.spellChecker).toBe(false);
    expect(session?.protocolHandlers.has('app')).toBe(true);
    const missing = await session?.protocolHandlers.get('app')?.(
      new Request('app://confidant/../../etc/passwd'),
    );
    expect(missing?.status).toBe(404);
  });

  it('opens one window, locked down, with content protection, on the app:// page', async () => {
    await startMain();
    expect(FakeBrowserWindow.created).toHaveLength(1);
    const prefs = window().options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      partition: 'confidant',
    });
    expect(String(prefs.preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(window().contentProtection).toBe(true);
    expect(window().loaded).toBe('app://confidant/index.html');
  });

  it('sets a menu without developer tools', async () => {
    const fake = await startMain();
    expect(fake.module.Menu.setApplicationMenu).toHaveBeenCalled();
    expect(JSON.stringify(fake.module.Menu.buildFromTemplate.mock.calls)).not.toMatch(
      /toggleDevTools|viewMenu/,
    );
  });

  it('quits at once if another instance runs (single instance)', async () => {
    const fake = await startMain({ singleInstance: false });
    expect(fake.app.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.created).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
  });
});

describe('IPC', () => {
  it('registers every channel of the contract, and only those', async () => {
    const fake = await startMain();
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('answers the app’s own top-level frame', async () => {
    const fake = await startMain();
    expect(await invoke(fake, 'app:info', {})).toMatchObject({
      ok: true,
      value: { fileDialogs: true },
    });
  });

  it.each([
    [
      'a sub-frame of the window',
      () => ({
        sender: window().webContents,
        senderFrame: new FakeFrame('app://confidant/index.html', window().webContents.mainFrame),
      }),
    ],
    [
      'a frame showing another origin',
      () => ({ sender: window().webContents, senderFrame: new FakeFrame('https://evil.example/') }),
    ],
    [
      'a frame with a file:// page',
      () => ({ sender: window().webContents, senderFrame: new FakeFrame('file:///tmp/x.html') }),
    ],
    [
      'another web contents',
      () => ({ sender: { id: 9999 }, senderFrame: new FakeFrame('app://confidant/index.html') }),
    ],
    ['no frame at all', () => ({ sender: window().webContents, senderFrame: null })],
  ])('refuses %s with FORBIDDEN, running nothing', async (_name, event) => {
    const fake = await startMain();
    expect(await invoke(fake, 'app:setLanguage', { language: 'ru' }, event())).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', details: {} },
    });
    expect(await invoke(fake, 'app:info', {})).toMatchObject({ value: { language: 'en' } });
  });

  it('refuses a destroyed window’s calls', async () => {
    const fake = await startMain();
    const event = trustedEvent();
    window().destroyed = true;
    expect(await invoke(fake, 'app:info', {}, event)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('validates input: malformed payloads get VALIDATION', async () => {
    const fake = await startMain();
    expect(await invoke(fake, 'vault:unlock', { path: 42 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(
      await invoke(fake, 'app:setLanguage', { language: 'ru', extra: 'x'.repeat(100_000) }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('answers vault calls with VAULT_LOCKED while locked', async () => {
    const fake = await startMain();
    expect(await invoke(fake, 'settings:get', {})).toMatchObject({
      ok: false,
      error: { code: 'VAULT_LOCKED' },
    });
  });
});

describe('locking from main', () => {
  async function unlockedVault(fake: FakeElectron) {
    // Main points the KDF at its bundled worker; the source tree has the .ts one.
    const { setKdfWorkerUrl } = await import('../../electron/core/crypto/kdf.ts');
    setKdfWorkerUrl(new URL('../../electron/core/crypto/kdf-worker.ts', import.meta.url));
    const { setMigrationsFolder } = await import('../../electron/core/db/migrate.ts');
    setMigrationsFolder(new URL('../../electron/core/db/migrations/', import.meta.url));
    const path = join(dataDir, 'v.confidant');
    const prepared = await invoke(fake, 'vault:prepareCreate', {
      path,
      passphrase: 'a long and fine passphrase',
    });
    const { recoveryKey, groupsToConfirm } = prepared.value as {
      recoveryKey: string;
      groupsToConfirm: number[];
    };
    const groups = recoveryKey.split('-');
    const finished = await invoke(fake, 'vault:finishCreate', {
      groups: groupsToConfirm.map((index) => ({ index, value: groups[index - 1] })),
    });
    expect(finished).toMatchObject({ ok: true, value: { state: 'unlocked' } });
  }

  it('locks on Ctrl+Shift+L (Cmd+Shift+L) even when a text field has focus, and tells the page', async () => {
    const fake = await startMain();
    await unlockedVault(fake);
    let prevented = false;
    window().webContents.emit(
      'before-input-event',
      {
        preventDefault: () => {
          prevented = true;
        },
      },
      { type: 'keyDown', key: 'L', shift: true, control: true, meta: false },
    );
    expect(prevented).toBe(true);
    await vi.waitFor(async () => {
      expect(await invoke(fake, 'vault:status', {})).toMatchObject({
        value: { state: 'locked', lockedBecause: 'shortcut' },
      });
    });
    expect(window().webContents.sent).toContainEqual([
      'event:vault-locked',
      { reason: 'shortcut' },
    ]);
  });

  it('locks when the machine suspends or the screen locks', async () => {
    for (const [event, reason] of [
      ['suspend', 'suspend'],
      ['lock-screen', 'screen-lock'],
    ] as const) {
      const fake = await startMain();
      await unlockedVault(fake);
      fake.powerMonitor.emit(event);
      await vi.waitFor(async () => {
        expect(await invoke(fake, 'vault:status', {})).toMatchObject({
          value: { state: 'locked', lockedBecause: reason },
        });
      });
      rmSync(join(dataDir, 'v.confidant'), { recursive: true, force: true });
    }
  });

  it('locks (and saves) the vault before quitting', async () => {
    const fake = await startMain();
    await unlockedVault(fake);
    let prevented = false;
    fake.app.emit('before-quit', {
      preventDefault: () => {
        prevented = true;
      },
    });
    expect(prevented).toBe(true);
    await vi.waitFor(() => {
      expect(fake.app.quit).toHaveBeenCalled();
    });
    expect(await invoke(fake, 'vault:status', {})).toMatchObject({
      value: { state: 'locked', lockedBecause: 'quit' },
    });
  });
});
