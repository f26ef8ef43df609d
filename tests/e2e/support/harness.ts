/**
 * The end-to-end bench. Debian's Chromium (or CHROMIUM_PATH) shows the built renderer; its
 * window.confidant is built by shared/bridge.ts over a Playwright binding straight into the
 * real core API (electron/core/api.ts) and the same dispatch that validates every IPC call.
 * Only the Electron pieces are stood in for: contextBridge (the binding), main's events
 * (emit), the native file dialogs (answered with paths from the test), and window.print.
 *
 * Pages are served from http://confidant.test/ by the same resolver and with the same
 * headers (CSP included) as the app:// protocol; every other request is recorded and aborted.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build as esbuild } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Handlers, Language } from '../../../shared/contract.ts';
import { createCoreApi, type CoreApi } from '../../../electron/core/api.ts';
import { fileConfigStore } from '../../../electron/core/app-config.ts';
import type { Argon2Params } from '../../../electron/core/crypto/kdf.ts';
import { dispatch } from '../../../electron/core/ipc/dispatch.ts';
import {
  APP_ORIGIN,
  appResponseHeaders,
  resolveAppFile,
} from '../../../electron/main/app-protocol.ts';
import { buildAll } from '../../../electron/build/build.ts';
import { FAST_KDF } from '../../helpers/fast-kdf.ts';
import { testDialogs } from '../../helpers/api.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const RENDERER = join(ROOT, 'out/renderer');
export const ORIGIN = 'http://confidant.test';
const ARTIFACTS = join(ROOT, 'artifacts/screenshots');

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is ${fromEnv}, but there is no file there.`);
  }
  const found = CHROMIUM_CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium for the end-to-end tests: install it (Debian: sudo apt-get install chromium) or set CHROMIUM_PATH.',
    );
  }
  return found;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--font-render-hinting=none',
    ],
  });
}

let renderer: Promise<void> | undefined;
/** `npm test` builds first; running one e2e file alone builds the renderer if it is missing. */
function ensureRendererBuilt(): Promise<void> {
  renderer ??= existsSync(join(RENDERER, 'index.html')) ? Promise.resolve() : buildAll();
  return renderer;
}

let bridgeScript: Promise<string> | undefined;
function bridge(): Promise<string> {
  bridgeScript ??= esbuild({
    entryPoints: [join(import.meta.dirname, 'bridge-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome140',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return bridgeScript;
}

export interface AppOptions {
  language?: Language;
  /** Argon2id for vaults the app makes; the fast one unless a test wants the real cost. */
  kdf?: Argon2Params;
  /** Reuse a folder (and its config and vaults) from an earlier session. */
  dir?: string;
  /** What the native dialogs answer, when a test switches them on. */
  dialogs?: {
    newVaultPath?: string;
    existingVault?: string;
    exportFolder?: string;
    folder?: string;
    backupFile?: string;
    restoreFolder?: string;
  };
  /** Name of the folder the screenshots of this session go to. */
  name: string;
  /** The core's clock (a test moves it to make a risk review fall due); the real one if unset. */
  now?: () => Date;
  /**
   * The page's clock under Playwright's control (`page.clock`), so a test can jump past the
   * renderer's timers (cache lifetimes, countdowns) instead of waiting for them.
   */
  pageClock?: boolean;
}

export interface AppSession {
  page: Page;
  context: BrowserContext;
  dir: string;
  core: CoreApi;
  /** What the app put on the clipboard (main's clipboard, stood in for). */
  clipboard: { text: string };
  /** Requests that tried to leave the app's origin (always aborted). */
  strayRequests: string[];
  /** Calls to the core: how many are running, how many ended, the largest answer (JSON bytes). */
  calls: {
    inFlight: number;
    settled: number;
    largestAnswerBytes: number;
    largestAnswerChannel: string;
  };
  screenshot(name: string): Promise<string>;
  /** Asserts axe-core finds no violations on the page as it is now. */
  expectAccessible(what: string): Promise<void>;
  /** CSP violations the page reported so far. */
  cspViolations(): Promise<string[]>;
  /** Plays main's part after an automatic lock (idle, suspend, screen lock). */
  emitLocked(reason: 'idle' | 'suspend' | 'screen-lock'): Promise<void>;
  close(): Promise<void>;
}

/**
 * HTML → PDF as main does it (electron/main/print-pdf.ts): a page of its own with JavaScript
 * off and no network, printed on A4.
 */
async function printWithChromium(browser: Browser, html: string): Promise<Uint8Array> {
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await context.close();
  }
}

const axeSource = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export async function openApp(browser: Browser, options: AppOptions): Promise<AppSession> {
  await ensureRendererBuilt();
  const ownsDir = !options.dir;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'confidant-e2e-'));
  const config = fileConfigStore(join(dir, 'config.json'));
  if (options.language) await config.update({ language: options.language });
  const clipboard = { text: '' };
  const core = createCoreApi({
    config,
    defaultVaultPath: join(dir, 'Confidant.confidant'),
    fileDialogs: Boolean(options.dialogs),
    vaultOptions: { kdf: options.kdf ?? FAST_KDF },
    ...(options.now ? { now: options.now } : {}),
    // Main prints with Electron's Chromium; here the same engine prints through Playwright.
    printPdf: (html) => printWithChromium(browser, html),
    clipboard: {
      writeText: (text) => {
        clipboard.text = text;
        return Promise.resolve();
      },
      readText: () => Promise.resolve(clipboard.text),
    },
  });
  const handlers: Handlers = { ...core.handlers, ...testDialogs(options.dialogs) };

  const context = await browser.newContext({
    viewport: { width: 1200, height: 820 },
    deviceScaleFactor: 1,
  });
  const strayRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(`${ORIGIN}/`)) {
      strayRequests.push(url);
      await route.abort('blockedbyclient');
      return;
    }
    const file = resolveAppFile(RENDERER, `${APP_ORIGIN}${url.slice(ORIGIN.length)}`);
    if (!file || !existsSync(file)) {
      await route.fulfill({ status: 404, body: 'Not found' });
      return;
    }
    await route.fulfill({
      status: 200,
      headers: appResponseHeaders(file),
      body: readFileSync(file),
    });
  });
  const calls = { inFlight: 0, settled: 0, largestAnswerBytes: 0, largestAnswerChannel: '' };
  await context.exposeBinding(
    '__confidantInvoke',
    async (_source, channel: string, input: unknown) => {
      calls.inFlight++;
      try {
        const answer = await dispatch(handlers, channel, input);
        const bytes = Buffer.byteLength(JSON.stringify(answer));
        if (bytes > calls.largestAnswerBytes) {
          calls.largestAnswerBytes = bytes;
          calls.largestAnswerChannel = channel;
        }
        return answer;
      } finally {
        calls.inFlight--;
        calls.settled++;
      }
    },
  );
  await context.addInitScript({ content: await bridge() });

  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  if (options.pageClock) await page.clock.install();
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForSelector('h1');

  let shot = 0;
  const shotDir = join(ARTIFACTS, options.name);
  mkdirSync(shotDir, { recursive: true });

  return {
    page,
    context,
    dir,
    core,
    clipboard,
    strayRequests,
    calls,
    async screenshot(name) {
      shot++;
      const language = await page.evaluate(() => document.documentElement.lang);
      const path = join(shotDir, `${String(shot).padStart(2, '0')}-${language}-${name}.png`);
      // Let transitions and the strength meter settle.
      await page.waitForTimeout(150);
      await page.screenshot({ path, fullPage: true, animations: 'disabled' });
      return path;
    },
    async expectAccessible(what) {
      // Colour contrast measured halfway through a fade (a dialog opening, a button leaving
      // its pending state) is a false alarm: let finite transitions and animations finish
      // first (a spinner's endless one is left alone). Best effort: axe runs regardless.
      await page
        .waitForFunction(
          () =>
            document
              .getAnimations()
              .every(
                (animation) =>
                  animation.playState !== 'running' ||
                  animation.effect?.getTiming().iterations === Infinity,
              ) && !document.querySelector('[data-entering], [data-exiting]'),
          undefined,
          { timeout: 3000 },
        )
        .catch(() => undefined);
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run(
                context: Document,
                options: object,
              ): Promise<{
                violations: { id: string; help: string; nodes: { target: string[] }[] }[];
              }>;
            };
          }
        ).axe;
        const result = await axe.run(document, {
          runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
        });
        return result.violations.map(
          (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
      });
      if (violations.length > 0)
        throw new Error(`axe-core found violations on ${what}:\n${violations.join('\n')}`);
    },
    cspViolations: () => page.evaluate(() => window.__cspViolations),
    async emitLocked(reason) {
      await core.lock(reason);
      await page.evaluate(
        (payload) => {
          window.__confidantEmit('event:vault-locked', payload);
        },
        { reason },
      );
    },
    async close() {
      if (pageErrors.length > 0) throw new Error(`errors in the page: ${pageErrors.join('; ')}`);
      await core.lock('quit').catch(() => undefined);
      await context.close();
      if (ownsDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
