/**
 * HTML to PDF with Electron's own printing (the dossier, electron/core/services/share/): a
 * hidden window without JavaScript, in a session of its own kept in memory only, that may load
 * nothing but the data: URL it is given, asks for no permission, and is destroyed after each
 * print. One print at a time, so two exports never share a window.
 */
import { VaultError } from '../core/errors.ts';
import type { BrowserWindow, session as electronSession, Session } from 'electron';

/** No "persist:" prefix: Chromium keeps this session's storage and caches in memory only. */
export const PRINT_PARTITION = 'confidant-print';

/**
 * Chromium refuses to load a URL longer than 2 MiB characters (url::kMaxURLChars), so a larger
 * document cannot be printed this way: it is refused before a window opens.
 */
export const MAX_PRINT_URL_CHARS = 2 * 1024 * 1024;

const DATA_URL_PREFIX = 'data:text/html;charset=utf-8;base64,';

export interface PrintElectron {
  BrowserWindow: typeof BrowserWindow;
  session: Pick<typeof electronSession, 'fromPartition'>;
}

/** The print session, locked down: only data: URLs load, every permission is refused. */
function hardenPrintSession(printSession: Session): void {
  printSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !details.url.startsWith('data:') });
  });
  printSession.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  printSession.setPermissionCheckHandler(() => false);
  printSession.setDevicePermissionHandler(() => false);
  printSession.setSpellCheckerEnabled(false);
  printSession.on('will-download', (event) => {
    event.preventDefault();
  });
}

/** Returns `print(html)`, resolving to the PDF's bytes (A4, the page's own @page size). */
export function createPdfPrinter(electron: PrintElectron): (html: string) => Promise<Uint8Array> {
  let printSession: Session | null = null;
  // Sessions exist only once the app is ready: made on the first print, and only once.
  const getSession = (): Session => {
    if (!printSession) {
      printSession = electron.session.fromPartition(PRINT_PARTITION);
      hardenPrintSession(printSession);
    }
    return printSession;
  };

  const printOne = async (html: string): Promise<Uint8Array> => {
    const url = DATA_URL_PREFIX + Buffer.from(html, 'utf8').toString('base64');
    if (url.length > MAX_PRINT_URL_CHARS) throw new VaultError('PDF_TOO_LARGE', { maxMiB: 1.5 });
    const window = new electron.BrowserWindow({
      show: false,
      webPreferences: {
        session: getSession(),
        javascript: false,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        devTools: false,
      },
    });
    try {
      const contents = window.webContents;
      contents.setWindowOpenHandler(() => ({ action: 'deny' }));
      const stay = (event: { preventDefault(): void }) => {
        event.preventDefault();
      };
      contents.on('will-navigate', stay);
      contents.on('will-redirect', stay);
      contents.on('will-attach-webview', stay);
      await window.loadURL(url);
      const pdf = await contents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      if (!window.isDestroyed()) window.destroy();
    }
  };

  let queue: Promise<unknown> = Promise.resolve();
  return (html) => {
    const job = queue.then(() => printOne(html));
    queue = job.catch(() => undefined);
    return job;
  };
}
