/**
 * The built app (out/): what cannot run here without Electron's binary is still checked as
 * far as Node can — the bundled Argon2id worker runs for real, the bundles import only what
 * they may, the renderer's page has no inline script or style for the CSP to forbid, and the
 * unlock screen loads a small part of the renderer, without the areas behind it.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import sodium from 'libsodium-wrappers-sumo';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAll } from '../../electron/build/build.ts';
import {
  setCheckWorkerUrl,
  startCopyCheck,
} from '../../electron/core/services/backup/check-copy.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import {
  deriveArgon2idKey,
  passphraseBytes,
  setKdfWorkerUrl,
} from '../../electron/core/crypto/kdf.ts';

const OUT = resolve(import.meta.dirname, '../../out');

beforeAll(async () => {
  // `npm test` builds first; a lone run of this file builds if needed.
  if (!existsSync(join(OUT, 'main/index.js')) || !existsSync(join(OUT, 'renderer/index.html')))
    await buildAll();
  await sodium.ready;
}, 120_000);

/** Packages a bundle imports, Node's built-ins (with or without `node:`) aside. */
function bareImports(code: string): string[] {
  const names = [
    // `from` as a keyword, not inside a word or an SQL parameter such as "@from".
    ...code.matchAll(/(?:(?<![\w@$.])from\s*|import\s*\(\s*|require\(\s*)["']([^"'./][^"']*)["']/g),
  ].map((m) => m[1] ?? '');
  return [
    ...new Set(names.filter((name) => !name.startsWith('node:') && !builtinModules.includes(name))),
  ].sort();
}

describe('the build', () => {
  it('has a self-contained Argon2id worker that computes what libsodium computes', async () => {
    const worker = join(OUT, 'main/kdf-worker.mjs');
    expect(bareImports(readFileSync(worker, 'utf8'))).toEqual([]);
    setKdfWorkerUrl(pathToFileURL(worker));
    try {
      const salt = new Uint8Array(16).fill(7);
      const key = await deriveArgon2idKey(passphraseBytes('bundled worker'), salt, {
        opslimit: 1,
        memlimit: 65536,
      });
      const expected = sodium.crypto_pwhash(
        32,
        'bundled worker',
        salt,
        1,
        65536,
        sodium.crypto_pwhash_ALG_ARGON2ID13,
      );
      expect(key.equals(Buffer.from(expected))).toBe(true);
    } finally {
      setKdfWorkerUrl(new URL('../../electron/core/crypto/kdf-worker.ts', import.meta.url));
    }
  });

  it('has a backup-check worker that needs only the native SQLite module, and checks a copy', async () => {
    const worker = join(OUT, 'main/check-worker.mjs');
    expect(bareImports(readFileSync(worker, 'utf8'))).toEqual(['better-sqlite3-multiple-ciphers']);
    const dir = mkdtempSync(join(tmpdir(), 'confidant-build-check-'));
    setCheckWorkerUrl(pathToFileURL(worker));
    try {
      const { vault } = await Vault.create(join(dir, 'v.confidant'), 'bundled worker check', {
        kdf: { opslimit: 1, memlimit: 65536 },
      });
      const key = await vault.deriveDatabaseKey();
      const copy = join(dir, 'copy.db');
      vault.copyDatabaseFile(copy);
      const check = startCopyCheck(copy, key, Uint8Array.from(vault.dbSalt), {
        workerFromBytes: 0,
      });
      expect((await check.counts).tables.map((t) => t.name)).toContain('persons');
      expect(await check.integrity).toEqual(['ok']);
      expect(check.ranOnMainThread).toBe(false);
      await vault.lock();
    } finally {
      setCheckWorkerUrl(
        new URL('../../electron/core/services/backup/check-worker.ts', import.meta.url),
      );
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps main’s imports to Electron and the native SQLite module', () => {
    expect(bareImports(readFileSync(join(OUT, 'main/index.js'), 'utf8'))).toEqual([
      'better-sqlite3-multiple-ciphers',
      'electron',
    ]);
  });

  it('ships the migrations next to main', () => {
    expect(readdirSync(join(OUT, 'main/migrations'))).toEqual(
      readdirSync(resolve(import.meta.dirname, '../../electron/core/db/migrations')),
    );
  });

  it('has a small preload that needs nothing but electron (no zod, no Node)', () => {
    const preload = readFileSync(join(OUT, 'preload/index.cjs'), 'utf8');
    expect(bareImports(preload)).toEqual(['electron']);
    expect(preload.length).toBeLessThan(10_000);
    expect(preload).toContain('exposeInMainWorld');
  });

  it('serves a page with no inline script or style', () => {
    const html = readFileSync(join(OUT, 'renderer/index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|style="/);
    const assets = readdirSync(join(OUT, 'renderer/assets'));
    expect(assets.some((name) => name.endsWith('.css'))).toBe(true);
    for (const name of assets.filter((file) => file.endsWith('.js'))) {
      expect(readFileSync(join(OUT, 'renderer/assets', name), 'utf8'), name).not.toMatch(
        /data:image|sourceMappingURL=data:/,
      );
    }
  });
});

/** The renderer's files that index.html names (its script and stylesheet, the modulepreloads). */
function startupFiles(): string[] {
  const html = readFileSync(join(OUT, 'renderer/index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1] ?? '');
}

/** The chunks a chunk imports statically (`import … from "./x.js"`), not its lazy `import()`s. */
function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']\.\/([^"']+\.js)["']/g)].map(
    (m) => m[1] ?? '',
  );
}

const kB = (file: string) => readFileSync(join(OUT, 'renderer/assets', file)).length / 1000;

describe('the renderer’s chunks', () => {
  // A string each library's code carries and ours does not.
  const HEAVY = {
    cytoscape: 'cytoscape.use()',
    visx: 'visx-axis',
    markdown: 'micromark',
    zxcvbn: 'zxcvbn',
  };

  it('start the unlock screen with a small entry and none of the areas', () => {
    const html = readFileSync(join(OUT, 'renderer/index.html'), 'utf8');
    const entry = /<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    // Everything the page loads before the unlock screen shows: the entry and all it imports.
    const loaded = new Set<string>();
    const pending = [entry ?? ''];
    for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
      if (loaded.has(file)) continue;
      loaded.add(file);
      pending.push(...staticImports(readFileSync(join(OUT, 'renderer/assets', file), 'utf8')));
    }
    // …which index.html asks for at once (modulepreload), so there is no waterfall.
    expect(startupFiles().filter((file) => file.endsWith('.js'))).toEqual(
      expect.arrayContaining([...loaded]),
    );
    expect(kB(entry ?? '')).toBeLessThanOrEqual(500);
    const total = [...loaded].reduce((sum, file) => sum + kB(file), 0);
    // 2.4 MB in one chunk before the areas were split; about 860 kB since.
    expect(total).toBeLessThanOrEqual(1000);
    const assets = readdirSync(join(OUT, 'renderer/assets'));
    for (const [library, marker] of Object.entries(HEAVY)) {
      const holders = assets.filter(
        (file) =>
          file.endsWith('.js') &&
          readFileSync(join(OUT, 'renderer/assets', file), 'utf8').includes(marker),
      );
      // In the build (so the search would find it), in one chunk, loaded later.
      expect(holders, library).toHaveLength(1);
      expect(loaded.has(holders[0] ?? ''), `${library} in ${holders[0]}`).toBe(false);
    }
    // The shell and each area are chunks of their own (features/shell/AreaView.tsx).
    for (const area of ['Shell', 'PeopleArea', 'RelationshipMap', 'RiskDashboard', 'AuditArea'])
      expect(assets.some((file) => file.startsWith(`${area}-`) && !loaded.has(file))).toBe(true);
  });

  it('orders every feature’s styles before the global ones, as one stylesheet', () => {
    // Left to the lazily loaded areas, a feature's CSS would follow the global CSS and win its
    // ties: renderer/src/app/stylesheet.ts imports each one ahead of them.
    const src = resolve(import.meta.dirname, '../../renderer/src');
    const listed = [
      ...readFileSync(join(src, 'app/stylesheet.ts'), 'utf8').matchAll(/^import '\.\.\/(.+)';$/gm),
    ].map((m) => m[1]);
    const sheets = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .map((file) => file.split('\\').join('/'))
      .filter((file) => file.endsWith('.css') && !file.startsWith('styles/'));
    expect(listed.toSorted()).toEqual(sheets.toSorted());
    const assets = readdirSync(join(OUT, 'renderer/assets'));
    expect(assets.filter((file) => file.endsWith('.css'))).toHaveLength(1);
  });

  it('keeps every chunk under 500 kB, but for the passphrase-strength dictionaries', () => {
    const assets = readdirSync(join(OUT, 'renderer/assets')).filter((file) => file.endsWith('.js'));
    const over = assets.filter((file) => kB(file) > 500);
    expect(over).toHaveLength(1);
    expect(over[0]).toMatch(/^passphrase-strength-/);
    expect(kB(over[0] ?? '')).toBeLessThanOrEqual(2000);
  });
});
