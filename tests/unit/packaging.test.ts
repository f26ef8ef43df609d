/**
 * electron-builder cannot run offline (it downloads Electron), so its configuration is held
 * to the lockdown list here: fuses, asar, and the native module shipped as a prebuild.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const config = parse(
  readFileSync(resolve(import.meta.dirname, '../../electron-builder.yml'), 'utf8'),
) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('flips the fuses of the lockdown list', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('packs the app into asar, unpacking only the SQLite native module and the KDF worker', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['node_modules/better-sqlite3-multiple-ciphers/prebuilds/**']),
    );
  });

  it('never rebuilds native modules (better-sqlite3-multiple-ciphers 13 ships N-API prebuilds)', () => {
    expect(config).toMatchObject({
      npmRebuild: false,
      nodeGypRebuild: false,
      buildDependenciesFromSource: false,
    });
  });

  it('builds for Linux, Windows and macOS', () => {
    expect(Object.keys(config)).toEqual(expect.arrayContaining(['linux', 'win', 'mac']));
  });
});
