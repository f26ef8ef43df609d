/**
 * `npm run bench`, first part: the format-2 vault's storage (an SQLCipher 4 database in WAL
 * mode, every change one durable transaction) against a plain on-disk SQLite database with the
 * same pragmas (bench-lib.ts), on the same disk, in one run, vault and plain interleaved so
 * machine load falls on both alike (note saves and unlocks in rounds over every size at once). For demo vaults (`confidant demo`'s generator, built once
 * into each) of 300, 1,000, 3,000 and 10,000 persons (BENCH_SIZES; BENCH_PEOPLE=100000 adds
 * that size, by hand only):
 *
 * 1./7. Saving a case note through the real handler (`notes:create` of createCoreApi), p50/p95,
 *    against the same handler committing to the plain database — at every size (the chart).
 * 2. Unlock without the KDF (fast Argon2id; vault.unlockStats.openMs and totalMs − kdfMs)
 *    against opening the plain database and reading a row count — at every size.
 * At the smallest size, at 10,000 and at the largest, also:
 * 3. Lock to lock screen: `core.lock('manual')` with automatic backups off and on
 *    (backup:updateSettings { folder, onLock: true }), and the background backup after it
 *    (core.settleBackgroundBackups()).
 * 4. Backups: `backup:create` (write + verify) against plain `VACUUM INTO` + fsync +
 *    integrity_check of the copy; verify alone (`backup:verify`); restore (`backup:openForRestore`
 *    + `backup:restore` in a second session) against plain check + copy + fsync + open.
 * 6. The journal choice: the note-save loop on copies of vault.db opened with
 *    openVaultDatabase in WAL (as the vault) and switched to DELETE; plain likewise.
 *    Peak RSS (process.resourceUsage().maxRSS) after every phase.
 *
 * Markdown on stdout (progress on stderr); artifacts/bench/vault.{json,md} and
 * artifacts/bench/save-latency.svg. `node tests/bench/report.ts` turns the artifacts of both
 * benchmarks into docs/bench/.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { openVaultDatabase } from '../../electron/core/db/open-database.ts';
import { appendAuditEvent } from '../../electron/core/repos/audit-events.ts';
import type { CoreApi } from '../../electron/core/api.ts';
import type { DemoCounts } from '../../electron/core/services/demo/generate.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import type { BackupWritten } from '../../shared/backup.ts';
import { localDate } from '../../shared/domain.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import {
  alternate,
  ARTIFACTS,
  benchCoreApi,
  benchNote,
  benchSizes,
  buildDemoPair,
  connectionHandlers,
  countEntries,
  envNumber,
  fileBytes,
  fsyncPath,
  handlerCaller,
  loadText,
  machine,
  medianMax,
  memoryMark,
  mib,
  ms,
  openPlainDatabase,
  p50p95,
  percentile,
  PLAIN_PRAGMAS,
  plainIntegrityCheck,
  privateTmpdir,
  ratio,
  Report,
  samplePersonIds,
  SECRET,
  SEED,
  summarize,
  timed,
  writeArtifacts,
  type Call,
  type DemoPair,
  type MemoryMark,
} from './bench-lib.ts';
import { saveLatencySvg } from './save-chart.ts';

const SIZES = benchSizes('BENCH_SIZES', [300, 1000, 3000, 10_000]);
const FULL_SIZES = new Set([SIZES[0]!, 10_000, SIZES.at(-1)!].filter((n) => SIZES.includes(n)));
const SAVES = envNumber('BENCH_SAVES', 200);
const WARMUP = 3;
const UNLOCKS = envNumber('BENCH_UNLOCKS', 10);
const LOCKS = envNumber('BENCH_LOCKS', 3);
/** Locks with a backup each: every one waits for its backup (≈ a `backup:create`). */
const BACKUP_LOCKS = envNumber('BENCH_BACKUP_LOCKS', 2);
const BACKUPS = envNumber('BENCH_BACKUPS', 3);
/** Goals of the storage-engine issue. */
const SAVE_RATIO_GOAL = 1.5;
const UNLOCK_GOAL_MS = 50;
const BACKUP_RATIO_GOAL = 1.5;
/** "The same at 10,000 as at 300": p50 within this factor (machine noise is larger than 0). */
const FLAT_TOLERANCE = 1.25;

interface VsPlain {
  vault: number[];
  plain: number[];
}

interface SizeResult {
  people: number;
  counts: DemoCounts;
  vaultBytes: number;
  plainBytes: number;
  vaultBuildMs: number;
  plainBuildMs: number;
  save: VsPlain;
  unlock: {
    openMs: number[];
    withoutKdfMs: number[];
    kdfMs: number[];
    totalMs: number[];
    plainOpenMs: number[];
  };
  journal?: {
    vaultWal: number[];
    vaultDelete: number[];
    plainWal: number[];
    plainDelete: number[];
  };
  lock?: {
    unlockHandler: number[];
    backupsOff: number[];
    backupsOn: number[];
    background: number[];
    plainClose: number[];
  };
  backup?: {
    write: VsPlain;
    verify: VsPlain;
    restore: VsPlain;
    vaultFileBytes: number;
    plainFileBytes: number;
    /** Backup verification folders (confidant-backup-*) left in the temporary folder. */
    leftInTmp: number;
  };
}

const root = mkdtempSync(join(tmpdir(), 'confidant-vault-bench-'));
/** The core's temporary files (backup verification copies) go under `root` too. */
const privateTmp = privateTmpdir(root);
const memory: MemoryMark[] = [memoryMark('start')];
const started = performance.now();
const progress = (text: string) => {
  process.stderr.write(
    `[vault-bench ${((performance.now() - started) / 1000).toFixed(0)} s] ${text}\n`,
  );
};

/** One size: its demo pair, the app session on the vault and the plain connection. */
interface Subject {
  people: number;
  dir: string;
  pair: DemoPair;
  api: CoreApi;
  vaultCall: Call;
  plainCall: Call;
  plain: Database.Database | undefined;
  personIds: number[];
  dbKey?: Buffer;
  dbSalt?: Buffer;
  result: SizeResult;
}

const unlockThroughApi = (subject: Subject) =>
  subject.vaultCall('vault:unlock', { path: subject.pair.vaultPath, secret: SECRET });

function plainOf(subject: Subject): Database.Database {
  if (!subject.plain) throw new Error('the plain database is closed');
  return subject.plain;
}

async function prepare(people: number, now: Date): Promise<Subject> {
  const dir = join(root, `n${String(people)}`);
  progress(`${String(people)} persons: building the demo data into a vault and a plain database`);
  const pair = await buildDemoPair(dir, people, now);
  memory.push(memoryMark(`${people.toLocaleString('en-US')} persons: demo data built`));
  const api = benchCoreApi(join(dir, 'app'));
  const subject: Subject = {
    people,
    dir,
    pair,
    api,
    vaultCall: handlerCaller(api.handlers),
    plainCall: handlerCaller(connectionHandlers(() => plainOf(subject))),
    plain: undefined,
    personIds: [],
    result: {
      people,
      counts: pair.counts,
      vaultBytes: pair.vaultBytes,
      plainBytes: pair.plainBytes,
      vaultBuildMs: pair.vaultBuildMs,
      plainBuildMs: pair.plainBuildMs,
      save: { vault: [], plain: [] },
      unlock: { openMs: [], withoutKdfMs: [], kdfMs: [], totalMs: [], plainOpenMs: [] },
    },
  };
  return subject;
}

/**
 * Rounds over every size, sizes rotating and vault/plain flipping from round to round, so a
 * busy minute on the shared machine (or the disk writing back) falls on all of them alike.
 */
async function acrossSizes(
  rounds: number,
  subjects: readonly Subject[],
  vault: (subject: Subject, round: number) => Promise<unknown>,
  plain: (subject: Subject, round: number) => Promise<unknown>,
): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < subjects.length; k++) {
      const subject = subjects[(round + k) % subjects.length]!;
      const sides = round % 2 === 0 ? [vault, plain] : [plain, vault];
      for (const side of sides) await side(subject, round);
    }
  }
}

/** 1./7. Note saves through the real handler at every size, interleaved. */
async function benchSaves(subjects: readonly Subject[], today: string): Promise<void> {
  for (const subject of subjects) {
    await unlockThroughApi(subject);
    subject.plain = openPlainDatabase(subject.pair.plainPath);
    subject.personIds = samplePersonIds(subject.plain, 200);
    for (let i = 0; i < WARMUP; i++) {
      await subject.vaultCall('notes:create', benchNote(subject.personIds, today, i));
      await subject.plainCall('notes:create', benchNote(subject.personIds, today, i));
    }
  }
  await acrossSizes(
    SAVES,
    subjects,
    (s, round) =>
      timed(s.result.save.vault, () =>
        s.vaultCall('notes:create', benchNote(s.personIds, today, round)),
      ),
    (s, round) =>
      timed(s.result.save.plain, () =>
        s.plainCall('notes:create', benchNote(s.personIds, today, round)),
      ),
  );
  for (const subject of subjects) {
    await subject.api.lock('manual');
    plainOf(subject).close();
    subject.plain = undefined;
  }
}

/** 2. Unlock without the KDF at every size, interleaved with opening the plain database. */
async function benchUnlocks(subjects: readonly Subject[]): Promise<void> {
  await acrossSizes(
    UNLOCKS,
    subjects,
    async (s) => {
      const vault = await Vault.unlock(s.pair.vaultPath, SECRET, { kdf: FAST_KDF });
      const stats = vault.unlockStats;
      s.result.unlock.openMs.push(stats.openMs);
      s.result.unlock.withoutKdfMs.push(stats.totalMs - stats.kdfMs);
      s.result.unlock.kdfMs.push(stats.kdfMs);
      s.result.unlock.totalMs.push(stats.totalMs);
      if (!s.dbKey) {
        s.dbKey = await vault.deriveDatabaseKey();
        s.dbSalt = Buffer.from(vault.dbSalt);
      }
      await vault.lock();
    },
    (s) => {
      const opening = performance.now();
      const db = openPlainDatabase(s.pair.plainPath);
      db.prepare('SELECT count(*) FROM persons').pluck().get();
      s.result.unlock.plainOpenMs.push(performance.now() - opening);
      db.close();
      return Promise.resolve();
    },
  );
}

/** 6., 3. and 4. at one size: journal modes, locks, backups. Everything is locked/closed. */
async function benchFull(subject: Subject, today: string): Promise<void> {
  const { people, dir, pair, result } = subject;
  const mark = (phase: string) =>
    memory.push(memoryMark(`${people.toLocaleString('en-US')} persons: ${phase}`));

  progress(`${String(people)} persons: journal modes`);
  result.journal = await benchJournals(
    dir,
    pair.vaultPath,
    pair.plainPath,
    subject.dbKey!,
    subject.dbSalt!,
    subject.personIds,
    today,
  );
  mark('journal modes');

  progress(`${String(people)} persons: locks`);
  result.lock = await benchLocks(
    dir,
    subject.api,
    () => unlockThroughApi(subject),
    pair.plainPath,
    subject.vaultCall,
  );
  mark('locks');

  progress(`${String(people)} persons: backups`);
  await unlockThroughApi(subject);
  subject.plain = openPlainDatabase(pair.plainPath);
  try {
    result.backup = await benchBackups(dir, subject.vaultCall, subject.plain);
  } finally {
    await subject.api.lock('manual');
    subject.plain.close();
    subject.plain = undefined;
  }
  mark('backups');
}

async function benchJournals(
  dir: string,
  vaultPath: string,
  plainPath: string,
  dbKey: Buffer,
  dbSalt: Buffer,
  personIds: number[],
  today: string,
): Promise<NonNullable<SizeResult['journal']>> {
  const folder = join(dir, 'journal');
  mkdirSync(folder);
  const paths = {
    vaultWal: join(folder, 'vault-wal.db'),
    vaultDelete: join(folder, 'vault-delete.db'),
    plainWal: join(folder, 'plain-wal.db'),
    plainDelete: join(folder, 'plain-delete.db'),
  };
  copyFileSync(join(vaultPath, 'vault.db'), paths.vaultWal);
  copyFileSync(join(vaultPath, 'vault.db'), paths.vaultDelete);
  copyFileSync(plainPath, paths.plainWal);
  copyFileSync(plainPath, paths.plainDelete);
  const vaultWal = openVaultDatabase(paths.vaultWal, dbKey, dbSalt);
  const vaultDelete = openVaultDatabase(paths.vaultDelete, dbKey, dbSalt);
  const plainWal = openPlainDatabase(paths.plainWal);
  const plainDelete = openPlainDatabase(paths.plainDelete, { journal: 'DELETE' });
  const journals = [
    vaultWal.pragma('journal_mode', { simple: true }),
    vaultDelete.pragma('journal_mode = DELETE', { simple: true }),
    plainWal.pragma('journal_mode', { simple: true }),
    plainDelete.pragma('journal_mode', { simple: true }),
  ];
  if (journals.join() !== 'wal,delete,wal,delete')
    throw new Error(`journal modes are ${journals.join()}, not wal,delete,wal,delete`);
  const calls: [number[], Call][] = [];
  const times = { vaultWal: [], vaultDelete: [], plainWal: [], plainDelete: [] } as Record<
    keyof typeof paths,
    number[]
  >;
  for (const [name, db] of [
    ['vaultWal', vaultWal],
    ['vaultDelete', vaultDelete],
    ['plainWal', plainWal],
    ['plainDelete', plainDelete],
  ] as const) {
    calls.push([times[name], handlerCaller(connectionHandlers(() => db))]);
  }
  try {
    for (let i = 0; i < WARMUP; i++)
      for (const [, call] of calls) await call('notes:create', benchNote(personIds, today, i));
    await alternate(
      SAVES,
      calls.map(
        ([into, call]) =>
          (round: number) =>
            timed(into, () => call('notes:create', benchNote(personIds, today, round))),
      ),
    );
  } finally {
    for (const db of [vaultWal, vaultDelete, plainWal, plainDelete]) db.close();
    rmSync(folder, { recursive: true, force: true });
  }
  return times;
}

async function benchLocks(
  dir: string,
  api: CoreApi,
  unlockThroughApi: () => Promise<unknown>,
  plainPath: string,
  vaultCall: Call,
): Promise<NonNullable<SizeResult['lock']>> {
  const times: NonNullable<SizeResult['lock']> = {
    unlockHandler: [],
    backupsOff: [],
    backupsOn: [],
    background: [],
    plainClose: [],
  };
  // Backups off: unlock (timed apart), lock. Plain: the vault's lock writes one audit row and
  // checkpoints; the plain database writes the same row, checkpoints and closes.
  await alternate(LOCKS, [
    async () => {
      await timed(times.unlockHandler, unlockThroughApi);
      await timed(times.backupsOff, () => api.lock('manual'));
    },
    async () => {
      const db = openPlainDatabase(plainPath);
      appendAuditEvent(db, { action: 'vault.locked', detail: { reason: 'manual' } }, new Date());
      await timed(times.plainClose, () => {
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      });
    },
  ]);

  // Backups on: every lock takes a rolling backup into `folder` after the lock screen.
  const folder = join(dir, 'lock-backups');
  mkdirSync(folder);
  await unlockThroughApi();
  await vaultCall('backup:updateSettings', { folder, onLock: true });
  for (let round = 0; round < BACKUP_LOCKS; round++) {
    if (round > 0) await timed(times.unlockHandler, unlockThroughApi);
    await timed(times.backupsOn, () => api.lock('manual'));
    await timed(times.background, () => api.settleBackgroundBackups());
    const reminder = api.status().backup;
    if (reminder.lastFailure !== null || reminder.lastAt === null)
      throw new Error(`the backup at lock failed: ${JSON.stringify(reminder)}`);
  }
  await unlockThroughApi();
  await vaultCall('backup:updateSettings', { onLock: false });
  await api.lock('manual');
  rmSync(folder, { recursive: true, force: true });
  return times;
}

async function benchBackups(
  dir: string,
  vaultCall: Call,
  plain: Database.Database,
): Promise<NonNullable<SizeResult['backup']>> {
  const folder = join(dir, 'backups');
  mkdirSync(folder);
  const result: NonNullable<SizeResult['backup']> = {
    write: { vault: [], plain: [] },
    verify: { vault: [], plain: [] },
    restore: { vault: [], plain: [] },
    vaultFileBytes: 0,
    plainFileBytes: 0,
    leftInTmp: 0,
  };
  const tmpBefore = countEntries(privateTmp, 'confidant-backup-');
  let vaultBackup = '';
  let plainBackup = '';
  // Write + verify. Every backup goes into a folder of its own; the previous one is removed.
  await alternate(BACKUPS, [
    async (round) => {
      const into = join(folder, `vault-${String(round)}`);
      mkdirSync(into);
      const written = (await timed(result.write.vault, () =>
        vaultCall('backup:create', { folder: into }),
      )) as BackupWritten;
      if (vaultBackup) rmSync(dirname(vaultBackup), { recursive: true, force: true });
      vaultBackup = written.file;
      result.vaultFileBytes = written.fileBytes;
    },
    async (round) => {
      const into = join(folder, `plain-${String(round)}`);
      mkdirSync(into);
      const file = join(into, 'plain-backup.db');
      await timed(result.write.plain, () => {
        plain.prepare('VACUUM INTO ?').run(file);
        fsyncPath(file);
        fsyncPath(into);
        plainIntegrityCheck(file);
      });
      if (plainBackup) rmSync(dirname(plainBackup), { recursive: true, force: true });
      plainBackup = file;
      result.plainFileBytes = fileBytes(file);
    },
  ]);
  // Verify alone.
  await alternate(BACKUPS, [
    () =>
      timed(result.verify.vault, () =>
        vaultCall('backup:verify', { path: vaultBackup, secret: SECRET }),
      ),
    () =>
      timed(result.verify.plain, () => {
        plainIntegrityCheck(plainBackup);
      }),
  ]);
  // Restore: the vault's through a second session (as on a new laptop), which opens the
  // restored vault; the plain copy checked, copied into place, flushed and opened.
  const restoring = benchCoreApi(join(dir, 'restore-app'));
  const restoreCall = handlerCaller(restoring.handlers);
  await alternate(BACKUPS, [
    async (round) => {
      const destination = join(folder, `restored-${String(round)}.confidant`);
      await timed(result.restore.vault, async () => {
        await restoreCall('backup:openForRestore', { path: vaultBackup, secret: SECRET });
        await restoreCall('backup:restore', { destination, replaceExisting: false });
      });
      await restoring.lock('manual');
      rmSync(destination, { recursive: true, force: true });
    },
    async (round) => {
      const destination = join(folder, `restored-${String(round)}.db`);
      let db: Database.Database | undefined;
      await timed(result.restore.plain, () => {
        plainIntegrityCheck(plainBackup);
        copyFileSync(plainBackup, destination);
        fsyncPath(destination);
        fsyncPath(folder);
        db = openPlainDatabase(destination);
        db.prepare('SELECT count(*) FROM persons').pluck().get();
      });
      db?.close();
      rmSync(destination, { force: true });
    },
  ]);
  rmSync(folder, { recursive: true, force: true });
  result.leftInTmp = countEntries(privateTmp, 'confidant-backup-') - tmpBefore;
  return result;
}

// ---------------------------------------------------------------------------------------------

const report = new Report();
const host = machine();
const now = new Date();
const today = localDate(now);
const subjects: Subject[] = [];
const results: SizeResult[] = [];
try {
  for (const people of SIZES) subjects.push(await prepare(people, now));
  progress(`note saves at ${SIZES.join(', ')} persons, interleaved`);
  await benchSaves(subjects, today);
  memory.push(memoryMark('note saves (every size open at once)'));
  progress(`unlocks at ${SIZES.join(', ')} persons, interleaved`);
  await benchUnlocks(subjects);
  memory.push(memoryMark('unlocks'));
  for (const subject of subjects) {
    if (FULL_SIZES.has(subject.people)) await benchFull(subject, today);
    subject.dbKey?.fill(0);
    rmSync(subject.dir, { recursive: true, force: true });
    results.push(subject.result);
  }
  host.loadAtEnd = loadavg();
  printReport();
} finally {
  for (const subject of subjects) {
    subject.plain?.close();
    await subject.api.lock('manual');
  }
  rmSync(root, { recursive: true, force: true });
}

function printReport(): void {
  const print = (line?: string) => {
    report.print(line);
  };
  const persons = (n: number) => n.toLocaleString('en-US');
  const at = (people: number) => results.find((result) => result.people === people);
  const full = results.filter((result) => FULL_SIZES.has(result.people));

  print(`# Vault storage benchmark — ${now.toISOString()}`);
  print();
  print(
    `Node ${host.node} on ${host.platform}, ${String(host.cpus)} CPUs (${host.cpuModel}), ${mib(host.totalMemBytes)} RAM; load average (1 / 5 / 15 min) ${loadText(host.loadAtStart)} at the start, ${loadText(host.loadAtEnd)} at the end. Vault and plain database side by side in ${tmpdir()} (same disk).`,
  );
  print();
  print(
    `Demo data: \`confidant demo\`'s generator (seed ${String(SEED)}), built once into a new vault (fast Argon2id) and once into a plain SQLite database. Plain: better-sqlite3-multiple-ciphers without a key, ${PLAIN_PRAGMAS}; the same handlers, statement cache and schema. Note saves and unlocks run in rounds over every size at once (the sizes rotating, vault and plain flipping order every round), so a busy moment on the machine falls on every size and both sides alike; the other phases alternate vault and plain the same way. Per size and side: ${String(SAVES)} note saves after ${String(WARMUP)} warm-up saves, ${String(UNLOCKS)} unlocks; at ${[...FULL_SIZES].map(persons).join(', ')} persons also ${String(LOCKS)} locks with automatic backups off and ${String(BACKUP_LOCKS)} with them on, and ${String(BACKUPS)} backups, verifications and restores.`,
  );
  print();

  print('## The vaults');
  print();
  report.table(
    ['persons', 'case notes', 'vault.db', 'plain file', 'demo data into vault / plain'],
    ['r', 'r', 'r', 'r', 'r'],
    results.map((r) => [
      persons(r.people),
      persons(r.counts.notes),
      mib(r.vaultBytes),
      mib(r.plainBytes),
      `${ms(r.vaultBuildMs)} / ${ms(r.plainBuildMs)}`,
    ]),
  );

  print('## 1 and 7. Saving a case note (`notes:create` through createCoreApi)');
  print();
  print(
    "One note (~500 characters, two persons) per save: the handler's transaction, durable at commit (WAL, synchronous=FULL). Plain: the same handler, committing to the plain database.",
  );
  print();
  report.table(
    ['persons', 'vault p50 / p95', 'plain p50 / p95', 'vault ÷ plain p50', 'vault ÷ plain p95'],
    ['r', 'r', 'r', 'r', 'r'],
    results.map((r) => [
      persons(r.people),
      p50p95(r.save.vault),
      p50p95(r.save.plain),
      ratio(percentile(r.save.vault, 50), percentile(r.save.plain, 50)),
      ratio(percentile(r.save.vault, 95), percentile(r.save.plain, 95)),
    ]),
  );
  const first = results[0]!;
  const last = results.at(-1)!;
  print(
    `From ${persons(first.people)} to ${persons(last.people)} persons the vault's p50 changes ${ratio(percentile(last.save.vault, 50), percentile(first.save.vault, 50))} (p95 ${ratio(percentile(last.save.vault, 95), percentile(first.save.vault, 95))}); plain SQLite's ${ratio(percentile(last.save.plain, 50), percentile(first.save.plain, 50))} (p95 ${ratio(percentile(last.save.plain, 95), percentile(first.save.plain, 95))}).`,
  );
  print();
  print('![Note save latency against vault size](save-latency.svg)');
  print();

  print('## 2. Unlock without the KDF');
  print();
  print(
    '`Vault.unlock` with the passphrase of a vault made with the fast Argon2id (1 pass, 64 KiB): `openMs` (open the database with its key, check it, migrate) and `totalMs − kdfMs` (everything but deriving the key: lock file, keys file, database). Plain: open the file with the same pragmas and read `count(*)` of persons.',
  );
  print();
  report.table(
    [
      'persons',
      'vault openMs p50 / max',
      'vault total − kdf p50 / max',
      'fast Argon2id (kdfMs) p50',
      'plain open + count p50 / max',
      'vault (total − kdf) ÷ plain, p50',
    ],
    ['r', 'r', 'r', 'r', 'r', 'r'],
    results.map((r) => [
      persons(r.people),
      medianMax(r.unlock.openMs),
      medianMax(r.unlock.withoutKdfMs),
      ms(percentile(r.unlock.kdfMs, 50)),
      medianMax(r.unlock.plainOpenMs),
      ratio(percentile(r.unlock.withoutKdfMs, 50), percentile(r.unlock.plainOpenMs, 50)),
    ]),
  );

  print('## 3. Lock to lock screen');
  print();
  print(
    "`core.lock('manual')` until it returns (the lock screen shows then). With automatic backups on (`backup:updateSettings { folder, onLock: true }`) the lock first captures the backup (row counts, a copy of the checkpointed database file, the keys) and the backup is sealed, written and verified after the lock, in the background: timed apart, until `core.settleBackgroundBackups()` resolves. Plain, for scale: write the same audit row, checkpoint (TRUNCATE) and close.",
  );
  print();
  report.table(
    [
      'persons',
      'lock, backups off',
      'lock, backups on',
      'background backup after it',
      'plain: row + checkpoint + close',
      '`vault:unlock` handler (whole)',
    ],
    ['r', 'r', 'r', 'r', 'r', 'r'],
    full.map((r) => [
      persons(r.people),
      medianMax(r.lock!.backupsOff),
      medianMax(r.lock!.backupsOn),
      medianMax(r.lock!.background),
      medianMax(r.lock!.plainClose),
      medianMax(r.lock!.unlockHandler),
    ]),
  );
  print('Median / max of each.');
  print();

  print('## 4. Backups');
  print();
  print(
    '- Write + verify: `backup:create` (copy the checkpointed database file into a private temporary folder, integrity_check of the copy (SQLCipher checks the HMAC of every page it reads) and row counts, stream header, sealed metadata, the file and the whole-file MAC into a temporary file, flush, read it back and recompute the MAC, rename, flush the folder, audit row) against plain `VACUUM INTO` a new file + fsync of the file and its folder + `PRAGMA integrity_check` of the copy.',
  );
  print(
    '- Verify: `backup:verify` (passphrase with the fast Argon2id, decrypt the metadata, stream the database into a private temporary file while computing the MAC, compare it, integrity_check, counts) against `PRAGMA integrity_check` of the plain copy.',
  );
  print(
    "- Restore: `backup:openForRestore` + `backup:restore` into a new folder in a second session (verify as above, record the restore in the copy, copy the file into the new folder page for page, flush, write the keys, open it) against the plain copy's integrity_check, a copy into place, fsync of the file and folder, and an open + count.",
  );
  print();
  report.table(
    ['persons', 'operation', 'vault median / max', 'plain median / max', 'vault ÷ plain (median)'],
    ['r', 'l', 'r', 'r', 'r'],
    full.flatMap((r) => {
      const b = r.backup!;
      const row = (name: string, pair: VsPlain) => [
        persons(r.people),
        name,
        medianMax(pair.vault),
        medianMax(pair.plain),
        ratio(percentile(pair.vault, 50), percentile(pair.plain, 50)),
      ];
      return [
        row('write + verify', b.write),
        row('verify alone', b.verify),
        row('restore', b.restore),
      ];
    }),
  );
  print(
    `Backup files: ${full.map((r) => `${persons(r.people)} persons — vault ${mib(r.backup!.vaultFileBytes)}, plain copy ${mib(r.backup!.plainFileBytes)}`).join('; ')}.`,
  );
  print();
  const left = full.filter((r) => r.backup!.leftInTmp > 0);
  if (left.length > 0) {
    print(
      `Left behind in the temporary folder after the backup phase: ${left.map((r) => `${String(r.backup!.leftInTmp)} verification folders at ${persons(r.people)} persons`).join(', ')} (\`confidant-backup-*\`, each holding an encrypted copy of the whole database; this benchmark points TMPDIR into its own folder and removes them).`,
    );
    print();
  }

  print('## 6. The journal mode');
  print();
  print(
    'The note-save loop on copies of the files at rest: vault.db opened with `openVaultDatabase` (WAL, as the vault) and a second copy switched to `journal_mode = DELETE` (rollback journal); the plain file likewise. Everything else as the vault: synchronous=FULL, secure_delete=ON, exclusive locking. p50 / p95.',
  );
  print();
  report.table(
    [
      'persons',
      'vault WAL',
      'vault DELETE',
      'plain WAL',
      'plain DELETE',
      'vault DELETE ÷ WAL (p50)',
    ],
    ['r', 'r', 'r', 'r', 'r', 'r'],
    full.map((r) => {
      const j = r.journal!;
      return [
        persons(r.people),
        p50p95(j.vaultWal),
        p50p95(j.vaultDelete),
        p50p95(j.plainWal),
        p50p95(j.plainDelete),
        ratio(percentile(j.vaultDelete, 50), percentile(j.vaultWal, 50)),
      ];
    }),
  );

  print('## 6. Memory');
  print();
  print(
    'Peak resident set size of this process after each phase (`process.resourceUsage().maxRSS`: it never goes down, so each row is the peak so far), the RSS at that moment and the JS heap in use.',
  );
  print();
  report.table(
    ['after', 'peak RSS', 'RSS now', 'JS heap used'],
    ['l', 'r', 'r', 'r'],
    memory.map((m) => [m.phase, mib(m.maxRssBytes), mib(m.rssBytes), mib(m.heapUsedBytes)]),
  );

  print('## Goals');
  print();
  const verdict = (met: boolean) => (met ? 'met' : '**not met**');
  const goals: string[][] = [];
  for (const people of [first.people, 10_000]) {
    const r = at(people);
    if (!r) continue;
    const p50 = percentile(r.save.vault, 50) / percentile(r.save.plain, 50);
    const p95 = percentile(r.save.vault, 95) / percentile(r.save.plain, 95);
    goals.push([
      `note save ≤ ${String(SAVE_RATIO_GOAL)}× plain at ${persons(people)} persons`,
      `p50 ${ratio(percentile(r.save.vault, 50), percentile(r.save.plain, 50))} (${ms(percentile(r.save.vault, 50))} vs ${ms(percentile(r.save.plain, 50))}), p95 ${ratio(percentile(r.save.vault, 95), percentile(r.save.plain, 95))}`,
      p50 <= SAVE_RATIO_GOAL && p95 <= SAVE_RATIO_GOAL
        ? 'met'
        : p50 <= SAVE_RATIO_GOAL
          ? '**p50 met, p95 not**'
          : '**not met**',
    ]);
  }
  const small = at(first.people);
  const big = at(10_000);
  if (small && big && small !== big) {
    const change = percentile(big.save.vault, 50) / percentile(small.save.vault, 50);
    goals.push([
      `note save the same at 10,000 as at ${persons(small.people)} persons (vault p50 within ${String(FLAT_TOLERANCE)}×)`,
      `vault p50 ${ms(percentile(small.save.vault, 50))} → ${ms(percentile(big.save.vault, 50))} (${change.toFixed(2)}×), p95 ${ms(percentile(small.save.vault, 95))} → ${ms(percentile(big.save.vault, 95))}`,
      verdict(change <= FLAT_TOLERANCE),
    ]);
  }
  const unlockAt = big ?? last;
  goals.push([
    `unlock without the KDF ≤ ${String(UNLOCK_GOAL_MS)} ms at ${persons(unlockAt.people)} persons (totalMs − kdfMs, p50)`,
    `p50 ${ms(percentile(unlockAt.unlock.withoutKdfMs, 50))}, max ${ms(Math.max(...unlockAt.unlock.withoutKdfMs))}; openMs p50 ${ms(percentile(unlockAt.unlock.openMs, 50))}`,
    verdict(percentile(unlockAt.unlock.withoutKdfMs, 50) <= UNLOCK_GOAL_MS),
  ]);
  for (const r of full) {
    const b = r.backup!;
    const value = percentile(b.write.vault, 50) / percentile(b.write.plain, 50);
    goals.push([
      `backup write + verify ≤ ${String(BACKUP_RATIO_GOAL)}× plain at ${persons(r.people)} persons (median)`,
      `${ratio(percentile(b.write.vault, 50), percentile(b.write.plain, 50))} (${ms(percentile(b.write.vault, 50))} vs ${ms(percentile(b.write.plain, 50))})`,
      verdict(value <= BACKUP_RATIO_GOAL),
    ]);
  }
  report.table(['goal', 'measured', 'verdict'], ['l', 'l', 'l'], goals);

  const points = results.map((r) => ({
    people: r.people,
    vault: { p50: percentile(r.save.vault, 50), p95: percentile(r.save.vault, 95) },
    plain: { p50: percentile(r.save.plain, 50), p95: percentile(r.save.plain, 95) },
  }));
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(
    join(ARTIFACTS, 'save-latency.svg'),
    saveLatencySvg(
      points,
      `${String(SAVES)} saves per point, vault and plain interleaved; ${String(host.cpus)} CPUs, ${now.toISOString().slice(0, 10)}`,
    ),
  );
  writeArtifacts(
    'vault',
    {
      date: now.toISOString(),
      machine: host,
      settings: {
        sizes: SIZES,
        fullSizes: [...FULL_SIZES],
        saves: SAVES,
        warmup: WARMUP,
        unlocks: UNLOCKS,
        locks: LOCKS,
        backupLocks: BACKUP_LOCKS,
        backups: BACKUPS,
        seed: SEED,
      },
      summary: results.map((r) => ({
        people: r.people,
        saveVault: summarize(r.save.vault),
        savePlain: summarize(r.save.plain),
        unlockWithoutKdf: summarize(r.unlock.withoutKdfMs),
        unlockOpen: summarize(r.unlock.openMs),
        plainOpen: summarize(r.unlock.plainOpenMs),
      })),
      goals,
      results,
      memory,
    },
    report.text(),
  );
}
