/**
 * `npm start`: builds everything, then launches Electron on it. Electron downloads its binary
 * on first use; where that cannot happen (no internet, as on the development machines), this
 * says so in one sentence instead of a stack trace, and points to what can be run instead.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { buildAll } from './build.ts';

const root = resolve(import.meta.dirname, '../..');
const electronPackage = dirname(createRequire(import.meta.url).resolve('electron/package.json'));

/** The Electron binary, downloading it first if needed; null if it cannot be had. */
function electronBinary(): string | null {
  const pathFile = join(electronPackage, 'path.txt');
  const installed = () =>
    existsSync(pathFile) &&
    existsSync(join(electronPackage, 'dist', readFileSync(pathFile, 'utf8')));
  if (!installed()) {
    process.stdout.write('Downloading Electron (first start only)…\n');
    const download = spawnSync(process.execPath, [join(electronPackage, 'install.js')], {
      stdio: ['ignore', 'inherit', 'pipe'],
      encoding: 'utf8',
    });
    if (!installed()) {
      const reason = download.stderr.trim().split('\n')[0] ?? '';
      if (reason) process.stderr.write(`Electron's installer said: ${reason}\n`);
      return null;
    }
  }
  return join(electronPackage, 'dist', readFileSync(pathFile, 'utf8'));
}

await buildAll();
const binary = electronBinary();
if (!binary) {
  process.stderr.write(
    'Confidant is built (out/), but Electron’s binary could not be downloaded (is there an internet connection?), so the window cannot open on this machine; `npm test` runs everything behind it, including the screens in Chromium.\n',
  );
  process.exit(1);
}
const child = spawn(binary, [root], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
