/**
 * "Nothing readable ever touches the disk." A format-2 working session — create, persons and
 * notes holding known marker strings, search, a backup (whose verification decrypts a copy of
 * the database into TMPDIR), a passphrase change, lock, unlock, more notes, a re-key, another
 * backup, lock — and no byte written may hold a marker or SQLite's plaintext header:
 * 1. In-process: the vault folder is scanned while open (vault.db, vault.db-wal, keys) and
 *    after lock, with the backups and a sandboxed TMPDIR; the backup verification's temporary
 *    copy is scanned just before it is removed.
 * 2. Under strace (Linux; CI installs it): a real process runs the session; every path it
 *    opened for writing, created, renamed or linked must be one the format allows, and every
 *    byte it wrote into any file — SQLite's own I/O and files removed before the end included —
 *    is scanned.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { listFiles } from '../helpers/dir-snapshot.ts';
import { openTestVault, PASSPHRASE } from '../helpers/domain.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { containsForbidden, MARKERS } from './scenarios/markers.ts';

/** Files under `watched.prefix` that the code removes with rmSync, read just before removal. */
const watched = vi.hoisted(() => ({
  prefix: '',
  removed: [] as { path: string; bytes: Buffer }[],
}));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const collect = (path: string) => {
    const stat = fs.lstatSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const name of fs.readdirSync(path)) collect(`${path}/${name}`);
    else if (stat.isFile()) watched.removed.push({ path, bytes: fs.readFileSync(path) });
  };
  const rmSync: typeof fs.rmSync = (path, options) => {
    if (watched.prefix && String(path).startsWith(watched.prefix)) collect(String(path));
    fs.rmSync(path, options);
  };
  return { ...fs, default: { ...fs, rmSync }, rmSync };
});

const tempDir = useTempDir();
const NODE = process.execPath;
const ROOT = resolve(import.meta.dirname, '../..');
const hasStrace = spawnSync('strace', ['-V']).status === 0;
const [MARKER_NAME = '', MARKER_CYRILLIC = '', MARKER_QUOTE = ''] = MARKERS;

function scanAll(files: string[]): void {
  for (const file of files) expect(containsForbidden(readFileSync(file)), file).toBeUndefined();
}

describe('no plaintext on disk', () => {
  it('in-process: vault.db, vault.db-wal, keys, the backups and anything in TMPDIR hold no marker and no SQLite header', async () => {
    const dir = tempDir();
    const sandboxTmp = join(dir, 'tmp');
    const backups = join(dir, 'backups');
    mkdirSync(sandboxTmp);
    mkdirSync(backups);
    const savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = sandboxTmp;
    watched.prefix = sandboxTmp;
    watched.removed.length = 0;
    let vaultPath = '';
    try {
      const api = await openTestVault(dir);
      vaultPath = api.path;
      const { id: agencyId } = await api.call('agencies:create', {
        name: MARKER_CYRILLIC,
        admittedProblems: MARKER_QUOTE,
      });
      const { id: personId } = await api.call('persons:create', {
        fullName: MARKER_NAME,
        position: MARKER_CYRILLIC,
        agencyId,
        about: MARKER_QUOTE,
      });
      for (let i = 0; i < 20; i++) {
        await api.call('notes:create', {
          occurredOn: '2026-11-02',
          kind: 'meeting',
          personIds: [personId],
          title: `${MARKER_CYRILLIC} ${String(i)}`,
          body: `${MARKER_QUOTE} — ${MARKER_NAME}`,
        });
      }
      const { hits } = await api.call('search:query', { text: 'Petrov', limit: 50 });
      expect(hits.length).toBeGreaterThan(0);
      // While open: the last commits are in the write-ahead log.
      const wal = join(vaultPath, 'vault.db-wal');
      expect(statSync(wal).size).toBeGreaterThan(0);
      scanAll(['keys', 'vault.db', 'vault.db-wal'].map((name) => join(vaultPath, name)));

      const first = await api.call('backup:create', { folder: backups });
      // Verifying it writes its database pages into a private temporary copy.
      await api.call('backup:verify', { path: first.file, secret: { passphrase: PASSPHRASE } });
      await api.call('vault:changePassphrase', { current: PASSPHRASE, next: 'second passphrase' });
      await api.call('vault:lock', {});
      await api.call('vault:unlock', {
        path: vaultPath,
        secret: { passphrase: 'second passphrase' },
      });
      await api.call('notes:create', {
        occurredOn: '2026-11-03',
        kind: 'call',
        personIds: [personId],
        body: MARKERS.join(' / '),
      });
      expect(
        (await api.call('search:query', { text: MARKER_CYRILLIC, limit: 50 })).hits.length,
      ).toBeGreaterThan(0);
      scanAll(readdirSync(vaultPath).map((name) => join(vaultPath, name)));
      await api.call('vault:rekey', { current: 'second passphrase', next: 'third passphrase' });
      await api.call('backup:create', { folder: backups });
      await api.call('vault:lock', {});
    } finally {
      watched.prefix = '';
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
    }
    // Each backup copied the database into TMPDIR (the capture), and verifying the first one
    // wrote its database pages into another copy there: all still encrypted pages.
    const copies = watched.removed.filter((file) => file.path.endsWith('/vault.db'));
    expect(copies).toHaveLength(3);
    for (const { path, bytes } of watched.removed) {
      expect(
        path.startsWith(`${sandboxTmp}/confidant-backup-`) ||
          path.startsWith(`${sandboxTmp}/confidant-capture-`),
        path,
      ).toBe(true);
      expect(containsForbidden(bytes), path).toBeUndefined();
    }
    expect(readdirSync(sandboxTmp)).toEqual([]);
    const files = listFiles(dir).map((file) => relative(dir, file));
    expect(files.filter((file) => file.startsWith('vault.confidant/')).sort()).toEqual([
      'vault.confidant/keys',
      'vault.confidant/vault.db',
    ]);
    expect(files.filter((file) => file.startsWith('backups/'))).toHaveLength(2);
    scanAll(listFiles(dir));
  });

  it.skipIf(!hasStrace && !process.env.CI)(
    'under strace: the process writes only the files the format allows, and no byte it writes holds a marker or a SQLite header',
    () => {
      expect(hasStrace, 'strace is needed for this test (.ci/run installs it)').toBe(true);
      const dir = tempDir();
      const trace = join(dir, 'strace.txt');
      const scenario = join(dir, 'session.mjs');
      const work = join(dir, 'work');
      mkdirSync(join(work, 'tmp'), { recursive: true });
      writeFileSync(scenario, SESSION);
      const run = spawnSync(
        'strace',
        [
          '-f',
          '-qq',
          '-yy', // file descriptors shown with their paths
          '-xx', // every string byte as \xHH
          '-s',
          String(1 << 26), // whole buffers (64 MiB; every write here is smaller)
          '-o',
          trace,
          '-e',
          `trace=${TRACED.join(',')}`,
          NODE,
          '--disable-warning=ExperimentalWarning', // type stripping, said once per process
          scenario,
          work,
        ],
        { encoding: 'utf8', env: { ...process.env, TMPDIR: join(work, 'tmp') } },
      );
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe('done\n');
      const { written, data } = readTrace(readFileSync(trace, 'latin1'));

      for (const path of written) {
        expect(path.startsWith(`${work}/`), `${path} is outside the session's folder`).toBe(true);
        const name = path.slice(work.length + 1);
        expect(
          ALLOWED.some((pattern) => pattern.test(name)),
          `${name} is not a file the format allows`,
        ).toBe(true);
      }
      // Every byte written into a file, including files gone by the end.
      const kinds = new Set<string>();
      for (const { path, bytes } of data) {
        expect(containsForbidden(bytes), `written to ${path}`).toBeUndefined();
        if (path.startsWith(`${work}/`)) kinds.add(kindOf(path.slice(work.length + 1)));
      }
      // The scan saw the files that matter, so it could have failed.
      for (const kind of ['vault.db', 'vault.db-wal', 'keys', 'backup', 'tmp copy'])
        expect(kinds, kind).toContain(kind);
      scanAll(listFiles(work));
      expect(readdirSync(join(work, 'session.confidant')).sort()).toEqual(['keys', 'vault.db']);
      expect(readdirSync(join(work, 'tmp'))).toEqual([]);
      expect(existsSync(join(work, 'backups'))).toBe(true);
    },
  );
});

/** What the traced process may create or write, relative to its folder (TMPDIR is tmp/). */
const HEX = '[0-9a-f]{12}';
const ALLOWED = [
  /^session\.confidant$/,
  /^session\.confidant\/(keys|keys\.next|vault\.db|vault\.db-wal|vault\.db-journal|vault\.lock)$/,
  new RegExp(`^session\\.confidant/\\.keys(\\.next)?\\.tmp-${HEX}$`),
  /^backups$/,
  /^backups\/confidant-[0-9a-f]{8}-\d{8}T\d{6}Z(-\d+)?\.confidant-backup$/,
  new RegExp(
    `^backups/\\.confidant-[0-9a-f]{8}-\\d{8}T\\d{6}Z(-\\d+)?\\.confidant-backup\\.${HEX}\\.tmp$`,
  ),
  /^tmp\/confidant-backup-[A-Za-z0-9]{6}(\/vault\.db(-wal|-journal)?)?$/,
  /^tmp\/confidant-capture-[A-Za-z0-9]{6}(\/vault\.db(-wal|-journal)?)?$/,
  new RegExp(`^(config\\.json|\\.config-${HEX}\\.tmp)$`),
];

function kindOf(name: string): string {
  if (name.startsWith('tmp/')) return 'tmp copy';
  if (name.startsWith('backups/')) return 'backup';
  if (/^session\.confidant\/\.keys(\.next)?\.tmp-/.test(name)) return 'keys';
  return name.replace(/^session\.confidant\//, '');
}

const TRACED = [
  'open',
  'openat',
  'openat2',
  'creat',
  'mkdir',
  'mkdirat',
  'rename',
  'renameat',
  'renameat2',
  'link',
  'linkat',
  'symlink',
  'symlinkat',
  'truncate',
  'ftruncate',
  'write',
  'pwrite64',
  'writev',
  'pwritev',
  'pwritev2',
];

/** strace's \xHH string (with -xx every byte is escaped) as bytes. */
function unescape(text: string): Buffer {
  return Buffer.from(
    text.replace(/\\x([0-9a-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );
}

/**
 * Paths the traced process opened for writing, created, truncated or made by rename or link,
 * and the bytes of every write into a file (by the path strace shows for the descriptor).
 */
function readTrace(trace: string): {
  written: Set<string>;
  data: { path: string; bytes: Buffer }[];
} {
  const written = new Set<string>();
  const data: { path: string; bytes: Buffer }[] = [];
  const pending = new Map<string, string>();
  for (const line of trace.split('\n')) {
    const match = /^(\d+) +(.*)$/.exec(line);
    if (!match) continue;
    const [, pid = '', text = ''] = match;
    // A call interrupted by another thread's is printed in two parts: join them.
    if (text.endsWith(' <unfinished ...>')) {
      pending.set(pid, text.slice(0, -' <unfinished ...>'.length));
      continue;
    }
    const resumed = /^<\.\.\. \w+ resumed>(.*)$/.exec(text);
    const full = resumed ? `${pending.get(pid) ?? ''}${resumed[1] ?? ''}` : text;
    if (resumed) pending.delete(pid);
    if (/"\.\.\./.test(full)) throw new Error(`strace cut a buffer short: ${full.slice(0, 80)}`);
    const call = /^(\w+)\((.*)\) += (-?\d+)/.exec(full);
    if (!call) continue;
    const [, name = '', args = '', result = ''] = call;
    if (result.startsWith('-')) continue; // a failed call wrote nothing
    const strings = [...args.matchAll(/"((?:\\x[0-9a-f]{2})*)"/g)].map((m) => m[1] ?? '');
    const fdPath = /^\d+<((?:\\x[0-9a-f]{2})*)>/.exec(args)?.[1];
    if (/^open/.test(name)) {
      if (/O_WRONLY|O_RDWR|O_CREAT|O_TRUNC/.test(args) && strings[0] !== undefined)
        written.add(unescape(strings[0]).toString('utf8'));
    } else if (/^(creat|mkdir|truncate)/.test(name)) {
      if (strings[0] !== undefined) written.add(unescape(strings[0]).toString('utf8'));
    } else if (/^(rename|link|symlink)/.test(name)) {
      const target = strings.at(-1);
      if (target !== undefined) written.add(unescape(target).toString('utf8'));
    } else if (fdPath !== undefined) {
      const path = unescape(fdPath).toString('utf8');
      if (!path.startsWith('/')) continue; // pipes, eventfds: not files
      written.add(path);
      if (name !== 'ftruncate')
        for (const text of strings) data.push({ path, bytes: unescape(text) });
    }
  }
  return { written, data };
}

const moduleUrl = (path: string) => JSON.stringify(pathToFileURL(join(ROOT, path)).href);

/** The session the traced process runs (node SESSION FOLDER), through the app's own API. */
const SESSION = `
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
const { makeTestApi } = await import(${moduleUrl('tests/helpers/api.ts')});
const { MARKERS } = await import(${moduleUrl('tests/integration/scenarios/markers.ts')});
const [name, cyrillic, quote] = MARKERS;
const work = process.argv[2];
const api = makeTestApi(work);
const path = join(work, 'session.confidant');
const created = await api.call('vault:prepareCreate', { path, passphrase: 'first passphrase here' });
const groups = created.recoveryKey.split('-');
await api.call('vault:finishCreate', {
  groups: created.groupsToConfirm.map((index) => ({ index, value: groups[index - 1] })),
});
const { id: agencyId } = await api.call('agencies:create', { name: cyrillic, admittedProblems: quote });
const { id: personId } = await api.call('persons:create', { fullName: name, position: cyrillic, agencyId, about: quote });
for (let i = 0; i < 50; i++)
  await api.call('notes:create', { occurredOn: '2026-11-02', kind: 'meeting', personIds: [personId], title: cyrillic + ' ' + i, body: quote + ' ' + name });
if ((await api.call('search:query', { text: 'Petrov', limit: 10 })).hits.length === 0) throw new Error('search found nothing');
mkdirSync(join(work, 'backups'));
const first = await api.call('backup:create', { folder: join(work, 'backups') });
await api.call('backup:verify', { path: first.file, secret: { passphrase: 'first passphrase here' } });
await api.call('vault:changePassphrase', { current: 'first passphrase here', next: 'second passphrase here' });
await api.call('vault:lock', {});
await api.call('vault:unlock', { path, secret: { passphrase: 'second passphrase here' } });
await api.call('notes:create', { occurredOn: '2026-11-03', kind: 'call', personIds: [personId], body: MARKERS.join(' / ') });
await api.call('vault:rekey', { current: 'second passphrase here', next: 'third passphrase here' });
await api.call('backup:create', { folder: join(work, 'backups') });
await api.call('vault:lock', {});
process.stdout.write('done\\n');
`;
