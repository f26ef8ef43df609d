import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, PowerMonitor } from 'electron';
import { isLockShortcut, startAutoLock } from '../../electron/main/auto-lock.ts';
import { dialogHandlers } from '../../electron/main/dialogs.ts';
import { createFakeElectron } from './fake-electron.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function watch(minutes: number | null) {
  const fake = createFakeElectron();
  const lock = vi.fn();
  const stop = startAutoLock({
    powerMonitor: fake.module.powerMonitor as unknown as PowerMonitor,
    lock,
    idleMinutes: () => minutes,
    pollMs: 10_000,
  });
  return { fake, lock, stop };
}

describe('auto-lock', () => {
  it('locks after the configured minutes without input anywhere on the system', () => {
    const { fake, lock } = watch(5);
    fake.powerMonitor.idleSeconds = 4 * 60 + 59;
    vi.advanceTimersByTime(10_000);
    expect(lock).not.toHaveBeenCalled();
    fake.powerMonitor.idleSeconds = 5 * 60;
    vi.advanceTimersByTime(10_000);
    expect(lock).toHaveBeenCalledWith('idle');
  });

  it('watches nothing while no vault is open', () => {
    const { fake, lock } = watch(null);
    fake.powerMonitor.idleSeconds = 24 * 60 * 60;
    vi.advanceTimersByTime(60_000);
    expect(lock).not.toHaveBeenCalled();
  });

  it('locks when the machine suspends and when the screen locks', () => {
    const { fake, lock } = watch(5);
    fake.powerMonitor.emit('suspend');
    fake.powerMonitor.emit('lock-screen');
    expect(lock.mock.calls).toEqual([['suspend'], ['screen-lock']]);
  });

  it('stops polling when stopped', () => {
    const { fake, lock, stop } = watch(1);
    stop();
    fake.powerMonitor.idleSeconds = 600;
    vi.advanceTimersByTime(60_000);
    expect(lock).not.toHaveBeenCalled();
  });
});

describe('the lock shortcut', () => {
  it.each([
    [{ type: 'keyDown', key: 'L', shift: true, control: true, meta: false }, true],
    [{ type: 'keyDown', key: 'l', shift: true, control: false, meta: true }, true],
    [{ type: 'keyDown', key: 'L', shift: false, control: true, meta: false }, false],
    [{ type: 'keyDown', key: 'L', shift: true, control: false, meta: false }, false],
    [{ type: 'keyUp', key: 'L', shift: true, control: true, meta: false }, false],
    [{ type: 'keyDown', key: 'K', shift: true, control: true, meta: false }, false],
  ])('%o → %s', (input, expected) => {
    expect(isLockShortcut(input)).toBe(expected);
  });
});

describe('native dialogs', () => {
  it('offer only .confidant files, parented to the window, and report a cancel as null', async () => {
    const dialog = {
      showSaveDialog: vi
        .fn()
        .mockResolvedValueOnce({ canceled: false, filePath: '/home/a/Office.confidant' })
        .mockResolvedValueOnce({ canceled: true, filePath: '' }),
      showOpenDialog: vi
        .fn()
        .mockResolvedValue({ canceled: false, filePaths: ['/media/usb/Office.confidant'] }),
    };
    const window = Object.create(null) as BrowserWindow;
    const handlers = dialogHandlers(dialog, () => window);
    expect(
      await handlers['dialog:chooseNewVaultPath']({ suggested: '/home/a/Confidant.confidant' }),
    ).toEqual({ path: '/home/a/Office.confidant' });
    expect(
      await handlers['dialog:chooseNewVaultPath']({ suggested: '/home/a/Confidant.confidant' }),
    ).toEqual({ path: null });
    expect(await handlers['dialog:chooseExistingVault']({})).toEqual({
      path: '/media/usb/Office.confidant',
    });
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({
        filters: [{ name: 'Confidant vault', extensions: ['confidant'] }],
      }),
    );
  });

  it.each([
    ['html', 'Dossier.html', { name: 'HTML document', extensions: ['html'] }],
    ['pdf', 'Dossier.pdf', { name: 'PDF document', extensions: ['pdf'] }],
    ['csv', 'List.csv', { name: 'Spreadsheet (CSV)', extensions: ['csv'] }],
    [
      'package',
      'Share.confidant-share',
      { name: 'Confidant share package', extensions: ['confidant-share'] },
    ],
  ] as const)(
    'save a %s export in Documents under the suggested name, asking before replacing a file',
    async (kind, suggestedName, filter) => {
      const dialog = {
        showSaveDialog: vi.fn().mockResolvedValue({
          canceled: false,
          filePath: `/home/a/Documents/${suggestedName}`,
        }),
        showOpenDialog: vi.fn(),
      };
      const window = Object.create(null) as BrowserWindow;
      const handlers = dialogHandlers(dialog, () => window, '/home/a/Documents');
      expect(await handlers['dialog:chooseExportPath']({ suggestedName, kind })).toEqual({
        path: `/home/a/Documents/${suggestedName}`,
      });
      expect(dialog.showSaveDialog).toHaveBeenCalledWith(window, {
        defaultPath: `/home/a/Documents/${suggestedName}`,
        filters: [filter],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
    },
  );

  it('choose a backup folder, a backup file (filtered) and where a restored vault goes', async () => {
    const dialog = {
      showSaveDialog: vi.fn().mockResolvedValue({
        canceled: false,
        filePath: '/home/a/Documents/Restored.confidant',
      }),
      showOpenDialog: vi
        .fn()
        .mockResolvedValueOnce({ canceled: false, filePaths: ['/media/usb'] })
        .mockResolvedValueOnce({ canceled: false, filePaths: ['/media/usb/b.confidant-backup'] })
        .mockResolvedValueOnce({ canceled: true, filePaths: [] }),
    };
    const window = Object.create(null) as BrowserWindow;
    const handlers = dialogHandlers(dialog, () => window, '/home/a/Documents');
    expect(await handlers['dialog:chooseFolder']({})).toEqual({ path: '/media/usb' });
    expect(dialog.showOpenDialog).toHaveBeenLastCalledWith(window, {
      properties: ['openDirectory', 'createDirectory'],
    });
    expect(await handlers['dialog:chooseBackupFile']({})).toEqual({
      path: '/media/usb/b.confidant-backup',
    });
    expect(dialog.showOpenDialog).toHaveBeenLastCalledWith(window, {
      filters: [{ name: 'Confidant backup', extensions: ['confidant-backup'] }],
      properties: ['openFile'],
    });
    expect(await handlers['dialog:chooseBackupFile']({})).toEqual({ path: null });
    expect(
      await handlers['dialog:chooseRestorePath']({ suggestedName: '../x/Restored.confidant' }),
    ).toEqual({ path: '/home/a/Documents/Restored.confidant' });
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ defaultPath: '/home/a/Documents/Restored.confidant' }),
    );
  });

  it('suggest the bare name without a Documents folder, drop any folder in it, and report a cancel as null', async () => {
    const dialog = {
      showSaveDialog: vi
        .fn()
        .mockResolvedValueOnce({ canceled: true, filePath: '' })
        .mockResolvedValueOnce({ canceled: false, filePath: '' }),
      showOpenDialog: vi.fn(),
    };
    const handlers = dialogHandlers(dialog, () => null);
    expect(
      await handlers['dialog:chooseExportPath']({
        suggestedName: '../../etc/Dossier.pdf',
        kind: 'pdf',
      }),
    ).toEqual({ path: null });
    expect(
      await handlers['dialog:chooseExportPath']({ suggestedName: 'List.csv', kind: 'csv' }),
    ).toEqual({ path: null });
    // No window: the dialog is not parented.
    expect(dialog.showSaveDialog).toHaveBeenNthCalledWith(
      1,
      expect.objectContaining({ defaultPath: 'Dossier.pdf' }),
    );
    expect(dialog.showSaveDialog).toHaveBeenNthCalledWith(
      2,
      expect.objectContaining({ defaultPath: 'List.csv' }),
    );
  });
});
