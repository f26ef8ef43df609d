/**
 * electron/main/print-pdf.ts against the mocked Electron: the hidden print window and its
 * locked-down in-memory session, A4 printing, the window always destroyed, one print at a time.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createPdfPrinter,
  MAX_PRINT_URL_CHARS,
  PRINT_PARTITION,
  type PrintElectron,
} from '../../electron/main/print-pdf.ts';
import { createFakeElectron, FakeBrowserWindow, FakeWebContents } from './fake-electron.ts';

const HTML = '<!DOCTYPE html><html lang="ru"><title>Конфиденциально</title><p>Иван Петров</p>';

function setUp() {
  const fake = createFakeElectron();
  const print = createPdfPrinter(fake.module as unknown as PrintElectron);
  return { fake, print };
}

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('printing HTML to PDF', () => {
  it('prints in a hidden, sandboxed window without JavaScript, on the in-memory print session', async () => {
    const { fake, print } = setUp();
    const bytes = await print(HTML);

    expect(new TextDecoder().decode(bytes)).toBe('%PDF-1.7 fake');
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(FakeBrowserWindow.created).toHaveLength(1);
    const window = FakeBrowserWindow.created[0]!;
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(window.options.show).toBe(false);
    expect(prefs).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: false,
    });
    expect(prefs.preload).toBeUndefined();
    expect(PRINT_PARTITION.startsWith('persist:')).toBe(false);
    expect(prefs.session).toBe(fake.sessions.get(PRINT_PARTITION));
    expect([...fake.sessions.keys()]).toEqual([PRINT_PARTITION]);
  });

  it('loads the HTML as a base64 data: URL, whole and in UTF-8', async () => {
    const { print } = setUp();
    await print(HTML);
    const loaded = FakeBrowserWindow.created[0]!.loaded!;
    const prefix = 'data:text/html;charset=utf-8;base64,';
    expect(loaded.startsWith(prefix)).toBe(true);
    expect(Buffer.from(loaded.slice(prefix.length), 'base64').toString('utf8')).toBe(HTML);
  });

  it('prints A4 with backgrounds and the page’s own @page size', async () => {
    const { print } = setUp();
    await print(HTML);
    expect(FakeBrowserWindow.created[0]!.webContents.printed).toEqual([
      { pageSize: 'A4', printBackground: true, preferCSSPageSize: true },
    ]);
  });

  it('cancels every request but data: URLs on the print session', async () => {
    const { fake, print } = setUp();
    await print(HTML);
    const session = fake.sessions.get(PRINT_PARTITION)!;
    const cancelled = (url: string) => {
      let answer: boolean | undefined;
      session.beforeRequest?.({ url }, (response) => {
        answer = response.cancel;
      });
      return answer;
    };
    expect(cancelled('data:text/html;charset=utf-8;base64,PHA+')).toBe(false);
    for (const url of [
      'https://example.invalid/pixel.png',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'app://confidant/index.html',
      'ws://example.invalid/',
      'blob:null/1234',
    ])
      expect(cancelled(url), url).toBe(true);
  });

  it('denies every permission request and check, and every download', async () => {
    const { fake, print } = setUp();
    await print(HTML);
    const session = fake.sessions.get(PRINT_PARTITION)!;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      let granted: boolean | undefined;
      session.permissionRequestHandler?.({}, permission, (answer) => {
        granted = answer;
      });
      expect(granted, permission).toBe(false);
    }
    expect(session.permissionCheckHandler?.()).toBe(false);
    expect(session.devicePermissionHandler?.()).toBe(false);
    const download = { preventDefault: vi.fn() };
    session.emit('will-download', download);
    expect(download.preventDefault).toHaveBeenCalled();
  });

  it('sets up the session once, however many prints', async () => {
    const { fake, print } = setUp();
    const fromPartition = vi.spyOn(fake.module.session, 'fromPartition');
    await print(HTML);
    await print(HTML);
    expect(fromPartition).toHaveBeenCalledTimes(1);
    expect(FakeBrowserWindow.created).toHaveLength(2);
    expect(FakeBrowserWindow.created[0]!.options.webPreferences).toMatchObject({
      session: fake.sessions.get(PRINT_PARTITION),
    });
    expect(FakeBrowserWindow.created[1]!.options.webPreferences).toMatchObject({
      session: fake.sessions.get(PRINT_PARTITION),
    });
  });

  it('denies new windows and blocks navigation away from the document', async () => {
    const { print } = setUp();
    await print(HTML);
    const contents = FakeBrowserWindow.created[0]!.webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://example.invalid/' })).toEqual({
      action: 'deny',
    });
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const navigation = { preventDefault: vi.fn() };
      contents.emit(event, navigation, 'https://example.invalid/');
      expect(navigation.preventDefault, event).toHaveBeenCalled();
    }
  });

  it('destroys the window after printing', async () => {
    const { print } = setUp();
    await print(HTML);
    expect(FakeBrowserWindow.created[0]!.destroyed).toBe(true);
  });

  it('destroys the window even when printing fails, and reports the failure', async () => {
    const { print } = setUp();
    vi.spyOn(FakeWebContents.prototype, 'printToPDF').mockRejectedValueOnce(
      new Error('printing failed'),
    );
    await expect(print(HTML)).rejects.toThrow('printing failed');
    expect(FakeBrowserWindow.created[0]!.destroyed).toBe(true);
    // The next print is not held up by the failed one.
    await expect(print(HTML)).resolves.toBeInstanceOf(Uint8Array);
    expect(FakeBrowserWindow.created[1]!.destroyed).toBe(true);
  });

  it('destroys the window when the page fails to load', async () => {
    const { print } = setUp();
    vi.spyOn(FakeBrowserWindow.prototype, 'loadURL').mockRejectedValueOnce(
      new Error('ERR_INVALID_URL'),
    );
    await expect(print(HTML)).rejects.toThrow('ERR_INVALID_URL');
    expect(FakeBrowserWindow.created[0]!.destroyed).toBe(true);
    expect(FakeBrowserWindow.created[0]!.webContents.printed).toEqual([]);
  });

  it('refuses a document too large for a data: URL before opening a window', async () => {
    const { print } = setUp();
    await expect(print('x'.repeat(MAX_PRINT_URL_CHARS))).rejects.toMatchObject({
      code: 'PDF_TOO_LARGE',
    });
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it('runs two concurrent prints one after the other, each in its own window', async () => {
    const { print } = setUp();
    const first = deferred<Buffer>();
    const second = deferred<Buffer>();
    vi.spyOn(FakeWebContents.prototype, 'printToPDF')
      .mockImplementationOnce(() => first.promise)
      .mockImplementationOnce(() => second.promise);

    const a = print('<p>first</p>');
    const b = print('<p>second</p>');
    await vi.waitFor(() => {
      expect(FakeBrowserWindow.created).toHaveLength(1);
    });
    // The second print has not started while the first is still printing.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(FakeBrowserWindow.created).toHaveLength(1);

    first.resolve(Buffer.from('first pdf'));
    expect(new TextDecoder().decode(await a)).toBe('first pdf');
    expect(FakeBrowserWindow.created[0]!.destroyed).toBe(true);
    await vi.waitFor(() => {
      expect(FakeBrowserWindow.created).toHaveLength(2);
    });
    const decode = (url: string) =>
      Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8');
    expect(decode(FakeBrowserWindow.created[0]!.loaded!)).toBe('<p>first</p>');
    expect(decode(FakeBrowserWindow.created[1]!.loaded!)).toBe('<p>second</p>');

    second.resolve(Buffer.from('second pdf'));
    expect(new TextDecoder().decode(await b)).toBe('second pdf');
    expect(FakeBrowserWindow.created[1]!.destroyed).toBe(true);
  });

  it('keeps the queue going after a failed print that others were waiting on', async () => {
    const { print } = setUp();
    const first = deferred<Buffer>();
    vi.spyOn(FakeWebContents.prototype, 'printToPDF').mockImplementationOnce(() => first.promise);
    const a = print('<p>first</p>');
    const b = print('<p>second</p>');
    first.reject(new Error('printer gone'));
    await expect(a).rejects.toThrow('printer gone');
    expect(new TextDecoder().decode(await b)).toBe('%PDF-1.7 fake');
    expect(FakeBrowserWindow.created.map((window) => window.destroyed)).toEqual([true, true]);
  });
});
