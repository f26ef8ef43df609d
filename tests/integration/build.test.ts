/**
 * The built app (out/): what cannot run here without Electron's binary is still checked as
 * far as Node can — the bundled Argon2id worker runs for real, the bundles import only what
 * they may, and the renderer's page has no inline script or style for the CSP to forbid.
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
