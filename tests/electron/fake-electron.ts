/**
 * A stand-in for the `electron` module, recording what main does with it. Electron's binary
 * cannot be downloaded on the development machines, so main is kept thin and its glue is
 * tested against this: every lockdown item, the IPC sender check, the auto-lock triggers.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

class Emitter {
  readonly #emitter = new EventEmitter();
  on(event: string, listener: Listener): this {
    this.#emitter.on(event, listener as (...args: unknown[]) => void);
    return this;
  }
  once(event: string, listener: Listener): this {
    this.#emitter.once(event, listener as (...args: unknown[]) => void);
    return this;
  }
  emit(event: string, ...args: unknown[]): boolean {
    return this.#emitter.emit(event, ...args);
  }
  listeners(event: string): Listener[] {
    return this.#emitter.listeners(event) as Listener[];
  }
}

export class FakeFrame {
  url: string;
  parent: FakeFrame | null;
  constructor(url: string, parent: FakeFrame | null = null) {
    this.url = url;
    this.parent = parent;
  }
}

let nextId = 1;

export class FakeWebContents extends Emitter {
  readonly id = nextId++;
  readonly mainFrame = new FakeFrame('app://confidant/index.html');
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  readonly sent: [string, unknown][] = [];
  devToolsClosed = 0;
  url = 'app://confidant/index.html';
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  getURL() {
    return this.url;
  }
  closeDevTools() {
    this.devToolsClosed++;
  }
  /** The options of every print; spy on the prototype to make a print wait or fail. */
  readonly printed: unknown[] = [];
  printToPDF(options: unknown): Promise<Buffer> {
    this.printed.push(options);
    return Promise.resolve(Buffer.from('%PDF-1.7 fake'));
  }
}

export class FakeBrowserWindow extends Emitter {
  static created: FakeBrowserWindow[] = [];
  readonly options: Record<string, unknown>;
  readonly webContents = new FakeWebContents();
  contentProtection = false;
  loaded: string | undefined;
  destroyed = false;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    FakeBrowserWindow.created.push(this);
  }
  setContentProtection(value: boolean) {
    this.contentProtection = value;
  }
  loadURL(url: string) {
    this.loaded = url;
    return Promise.resolve();
  }
  show() {}
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
}

export class FakeSession extends Emitter {
  readonly partition: string;
  permissionRequestHandler:
    | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void)
    | undefined;
  permissionCheckHandler: (() => boolean) | undefined;
  devicePermissionHandler: (() => boolean) | undefined;
  displayMediaHandler:
    ((request: unknown, callback: (streams: object) => void) => void) | undefined;
  spellChecker = true;
  beforeRequest:
    | ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void)
    | undefined;
  protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  readonly webRequest = {
    onBeforeRequest: (listener: FakeSession['beforeRequest']) => {
      this.beforeRequest = listener;
    },
  };
  readonly protocol = {
    handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
      this.protocolHandlers.set(scheme, handler);
    },
  };
  constructor(partition: string) {
    super();
    this.partition = partition;
  }
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']) {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['devicePermissionHandler']) {
    this.devicePermissionHandler = handler;
  }
  setDisplayMediaRequestHandler(handler: FakeSession['displayMediaHandler']) {
    this.displayMediaHandler = handler;
  }
  setSpellCheckerEnabled(enabled: boolean) {
    this.spellChecker = enabled;
  }
}

export function createFakeElectron(
  options: {
    singleInstance?: boolean;
    isPackaged?: boolean;
    idleSeconds?: number;
    dataDir?: string;
  } = {},
) {
  const switches: [string, string | undefined][] = [];
  const sessions = new Map<string, FakeSession>();
  const ipcHandlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  const privilegedSchemes: unknown[] = [];
  let ready: () => void = () => undefined;
  const whenReady = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const appEmitter = new Emitter();
  const powerMonitor = Object.assign(new Emitter(), { idleSeconds: options.idleSeconds ?? 0 });
  FakeBrowserWindow.created = [];

  const app = Object.assign(appEmitter, {
    isPackaged: options.isPackaged ?? false,
    requestSingleInstanceLock: vi.fn(() => options.singleInstance ?? true),
    quit: vi.fn(),
    enableSandbox: vi.fn(),
    whenReady: () => whenReady,
    getPath: (name: string) => `${options.dataDir ?? '/nonexistent'}/${name}`,
    commandLine: {
      appendSwitch: (name: string, value?: string) => {
        switches.push([name, value]);
      },
    },
  });

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    crashReporter: { start: vi.fn() },
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) => {
        ipcHandlers.set(channel, handler);
      },
    },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    powerMonitor: Object.assign(powerMonitor, {
      getSystemIdleTime: () => powerMonitor.idleSeconds,
    }),
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        privilegedSchemes.push(...schemes);
      },
    },
    session: {
      fromPartition: (partition: string) => {
        const existing = sessions.get(partition) ?? new FakeSession(partition);
        sessions.set(partition, existing);
        return existing;
      },
    },
  };

  return {
    module,
    app,
    switches,
    sessions,
    ipcHandlers,
    privilegedSchemes,
    powerMonitor,
    ready: () => {
      ready();
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
