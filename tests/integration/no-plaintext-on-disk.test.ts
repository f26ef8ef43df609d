/**
 * "Nothing readable ever touches the disk." After a working session with known marker strings,
 * no file the process wrote may contain a marker or SQLite's plaintext header.
 * 1. In-process: every file in the vault's folder and in a sandboxed TMPDIR is scanned.
 * 2. Under strace (Linux; CI installs it): a real process runs the session and every path it
 *    opened for writing, renamed or linked is listed — SQLite's own I/O included — and must be
 *    one of the vault's own files, which are then scanned.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAuditEvent } from '../../electron/core/repos/audit-events.ts';
import { setSetting } from '../../electron/core/repos/settings.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import { listFiles } from '../helpers/dir-snapshot.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { containsForbidden, MARKERS } from './scenarios/markers.ts';

const tempDir = useTempDir();
const NODE = process.execPath;
const SCENARIO = resolve(import.meta.dirname, 'scenarios/write-markers.ts');
const hasStrace = spawnSync('strace', ['-V']).status === 0;

describe('no plaintext on disk', () => {
  it('in-process: no file in the vault folder or TMPDIR holds a marker or a SQLite header', async () => {
    const dir = tempDir();
    const sandboxTmp = join(dir, 'tmp');
    mkdirSync(sandboxTmp);
    const savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = sandboxTmp;
    try {
      const path = join(dir, 'vault.confidant');
      const { vault } = await Vault.create(path, 'first passphrase here', { kdf: FAST_KDF });
      MARKERS.forEach((marker, i) => {
        setSetting(vault.db, `note.${i}`, marker);
        appendAuditEvent(vault.db, { action: 'test.marker', subject: marker });
      });
      await vault.save();
      await vault.changePassphrase('second passphrase here');
      await vault.lock();
      const reopened = await Vault.unlock(path, { passphrase: 'second passphrase here' });
      setSetting(reopened.db, 'note.more', MARKERS.join(' / '));
      await reopened.lock();
    } finally {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
    }
    const files = listFiles(dir);
    expect(files.length).toBeGreaterThanOrEqual(3); // the vault and two previous copies
    for (const file of files) expect(containsForbidden(readFileSync(file)), file).toBeUndefined();
  });

  it.skipIf(!hasStrace && !process.env.CI)(
    'under strace: the process writes only its vault files, and none holds a marker or a SQLite header',
    () => {
      expect(hasStrace, 'strace is needed for this test (.ci/run installs it)').toBe(true);
      const dir = tempDir();
      const trace = join(dir, 'strace.txt');
      const work = join(dir, 'work');
      mkdirSync(work);
      const run = spawnSync(
        'strace',
        [
          '-f',
          '-qq',
          '-o',
          trace,
          '-e',
          'trace=open,openat,openat2,creat,rename,renameat,renameat2,link,linkat,truncate',
          NODE,
          SCENARIO,
          work,
        ],
        { encoding: 'utf8', env: { ...process.env, TMPDIR: work } },
      );
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe('done\n');
      const written = writtenPaths(readFileSync(trace, 'utf8'));
      expect(written.size).toBeGreaterThan(0);
      for (const path of written) {
        expect(path.startsWith(`${work}/`), `${path} is outside the vault folder`).toBe(true);
        expect(basename(path), path).toMatch(
          /^session\.confidant(\.\d|\.tmp-[0-9a-f]{12}|\.lock)?$/,
        );
      }
      for (const file of listFiles(work))
        expect(containsForbidden(readFileSync(file)), file).toBeUndefined();
      expect(existsSync(join(work, 'session.confidant'))).toBe(true);
    },
  );
});

/** Paths a traced process opened for writing, created, or made by rename or link. */
function writtenPaths(trace: string): Set<string> {
  const paths = new Set<string>();
  for (const line of trace.split('\n')) {
    if (/ = -1 /.test(line)) continue; // failed calls wrote nothing
    const open = /\b(?:open|openat|openat2)\((?:[^,]+, )?"([^"]+)", ([A-Z_|]+)/.exec(line);
    if (open?.[1] && open[2] && /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC/.test(open[2])) paths.add(open[1]);
    const creat = /\bcreat\("([^"]+)"/.exec(line);
    if (creat?.[1]) paths.add(creat[1]);
    const moved = /\b(?:rename|renameat2?|link|linkat|truncate)\(.*"([^"]+)"/.exec(line);
    if (moved?.[1]) paths.add(moved[1]);
  }
  return paths;
}
