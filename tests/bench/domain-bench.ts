/**
 * `npm run bench` (second part): the daily working surface at scale — 10,000 persons and
 * 100,000 case notes made by `confidant demo`'s generator — in the vault against the same
 * schema and data in a plain on-disk SQLite database.
 *
 * Measured in the core, through the same handlers the app calls:
 * - search (`search:query`, ~50 realistic queries: Russian and English words, 3–5 letter
 *   prefixes, two-word queries) — target p95 ≤ 30 ms;
 * - opening a person page (`persons:get`) — target ≤ 50 ms;
 * - the filtered people list (`persons:list` with text, stage, tag, follow-up filters and
 *   sorts) — target ≤ 50 ms;
 * - saving a case note (`notes:create`): the vault's transaction plus its durable save (the
 *   whole file re-encrypted and rewritten); the plain database's insert and commit with
 *   synchronous=FULL.
 * - the risk dashboard (`risk:dashboard`), the reminders (`risk:reminders`), a person's risk
 *   and plan (`risk:person`) — target ≤ 50 ms — and saving a reassessment (`risk:assess`).
 * - the share review of 50 persons (`share:review`) — target ≤ 50 ms — and writing their list
 *   through the gate (`share:writeList`: rules re-run, CSV written durably, disclosure logged
 *   and saved).
 * - backups (issue 7), after the rest, on the vault as the saves left it: writing a backup
 *   (`backupVault`: seal, write, read back, verify, rename), verifying it (`verifyBackupFile`)
 *   and restoring it into a new vault (`openBackupFile` + `restoreBackup`), against the plain
 *   database's copy (SQLite's backup API), its integrity_check and row counts, and copying it
 *   into place — BENCH_BACKUPS times each, median and max.
 * The vault column calls the handlers as IPC does (dispatch: input and output validated by
 * the contract); the "handler" column calls them without that validation, like the plain
 * database's column. Results: Markdown on stdout and artifacts/bench/domain.{json,md}.
 */
import {
  closeSync,
  copyFileSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { createCoreApi } from '../../electron/core/api.ts';
import { fileConfigStore } from '../../electron/core/app-config.ts';
import type { DomainContext } from '../../electron/core/handlers/context.ts';
import { exploreHandlers } from '../../electron/core/handlers/explore.ts';
import { peopleHandlers } from '../../electron/core/handlers/people.ts';
import { riskHandlers } from '../../electron/core/handlers/risk.ts';
import { shareHandlers } from '../../electron/core/handlers/share.ts';
import { withStatementCache } from '../../electron/core/db/statement-cache.ts';
import { dispatch } from '../../electron/core/ipc/dispatch.ts';
import {
  openBackupFile,
  verifyBackupFile,
} from '../../electron/core/services/backup/backup-file.ts';
import { backupVault } from '../../electron/core/services/backup/backup-vault.ts';
import { restoreBackup } from '../../electron/core/services/backup/restore-backup.ts';
import { checkDatabase, isSound } from '../../electron/core/services/database-check.ts';
import { generateDemoData } from '../../electron/core/services/demo/generate.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import { contract, type Channel, type Handlers } from '../../shared/contract.ts';
import { localDate, type NoteFields } from '../../shared/domain.ts';
import type { PersonQueryInput } from '../../shared/records.ts';
import type { AssessmentFieldsInput, PersonRisk } from '../../shared/risk.ts';
import type { ShareReview } from '../../shared/share.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10_000);
const SEED = 2026;
const SAVES = Number(process.env.BENCH_NOTE_SAVES ?? 30);
const ASSESSMENT_SAVES = Number(process.env.BENCH_ASSESSMENT_SAVES ?? 10);
const SHARE_WRITES = Number(process.env.BENCH_SHARE_WRITES ?? 10);
const SHARE_PERSONS = 50;
const BACKUPS = Number(process.env.BENCH_BACKUPS ?? 5);
let exportsWritten = 0;
const WARMUP = 3;
const PASSPHRASE = 'benchmark passphrase';

const SEARCHES = [
  // Russian words and prefixes
  'семинар',
  'адвокат',
  'задержан',
  'жалоб',
  'прокуратура',
  'миграц',
  'убежищ',
  'пыток',
  'суд',
  'управлен',
  'закон',
  'перевод',
  'иван',
  'петр',
  'сергеевич',
  'алекс',
  'север',
  'южн',
  'колледж',
  'реформ',
  // English words and prefixes
  'seminar',
  'lawyer',
  'detention',
  'complaint',
  'asylum',
  'training',
  'court',
  'prosecutor',
  'migration',
  'john',
  'smith',
  'northern',
  'province',
  'transl',
  'inter',
  'polic',
  'juven',
  'amber',
  'heron',
  'reform',
  // Two-word queries
  'доступ адвокат',
  'круглый стол',
  'условия содержания',
  'северной области',
  'study trip',
  'access lawyers',
  'regional court',
  'amber heron',
  'training materials',
  'видеозапись допросов',
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const ms = (value: number) => value.toFixed(1);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

const root = mkdtempSync(join(tmpdir(), 'confidant-domain-bench-'));
const lines: string[] = [];
const print = (line = '') => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};

type Call = (channel: Channel, input: unknown) => Promise<unknown>;

/** Calls a handler with its input parsed (defaults filled) but no other validation. */
function handlerCaller(handlers: Partial<Handlers>): Call {
  return (channel, input) => {
    const handler = handlers[channel] as ((value: unknown) => Promise<unknown>) | undefined;
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(contract[channel].in.parse(input));
  };
}

function dispatchCaller(handlers: Handlers): Call {
  return async (channel, input) => {
    const result = await dispatch(handlers, channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
    return result.value;
  };
}

interface Workload {
  personIds: number[];
  /** Persons in an assessed stage, reassessed in turn. */
  assessedIds: number[];
  queries: PersonQueryInput[];
  note: (i: number) => NoteFields;
}

async function measure(call: Call, work: Workload, saves: boolean) {
  // Warm up: statements, JIT, caches.
  for (const text of SEARCHES.slice(0, 5)) await call('search:query', { text, limit: 20 });
  await call('persons:get', { id: work.personIds[0] });
  await call('persons:list', work.queries[0]);
  const search: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const text of SEARCHES)
      search.push(await time(() => call('search:query', { text, limit: 20 })));
  }
  const get: number[] = [];
  for (const id of work.personIds) get.push(await time(() => call('persons:get', { id })));
  const list: number[] = [];
  const listByQuery: number[][] = work.queries.map(() => []);
  for (let round = 0; round < 3; round++) {
    for (const [index, query] of work.queries.entries()) {
      const elapsed = await time(() => call('persons:list', query));
      list.push(elapsed);
      listByQuery[index]?.push(elapsed);
    }
  }
  const save: number[] = [];
  if (saves) {
    for (let i = 0; i < WARMUP + SAVES; i++)
      save.push(await time(() => call('notes:create', work.note(i))));
    save.splice(0, WARMUP);
  }
  const dashboard: number[] = [];
  const reminders: number[] = [];
  for (let round = 0; round < 10; round++) {
    dashboard.push(await time(() => call('risk:dashboard', {})));
    reminders.push(await time(() => call('risk:reminders', {})));
  }
  const risk: number[] = [];
  for (const personId of work.personIds)
    risk.push(await time(() => call('risk:person', { personId })));
  const assess: number[] = [];
  if (saves) {
    for (let i = 0; i < ASSESSMENT_SAVES; i++) {
      const personId = work.assessedIds[i % work.assessedIds.length]!;
      const current = (await call('risk:person', { personId })) as PersonRisk;
      assess.push(await time(() => call('risk:assess', reassessment(personId, current, i))));
    }
  }
  const sharePersons = work.personIds.slice(0, SHARE_PERSONS);
  const recipient = { kind: 'internal' as const };
  const shareReview: number[] = [];
  for (let round = 0; round < 10; round++) {
    shareReview.push(
      await time(() => call('share:review', { recipient, personIds: sharePersons })),
    );
  }
  const shareWrite: number[] = [];
  if (saves) {
    const { candidates } = (await call('share:review', {
      recipient,
      personIds: sharePersons,
    })) as ShareReview;
    const choices = candidates.map(({ personId, decision }) => ({ personId, decision }));
    for (let i = 0; i < SHARE_WRITES; i++) {
      const path = join(root, `list-${String(exportsWritten++)}.csv`);
      shareWrite.push(
        await time(() =>
          call('share:writeList', {
            review: {
              recipient,
              purpose: 'Benchmark',
              reviewedBy: 'Benchmark',
              fields: ['sphere', 'region', 'position', 'agency', 'notes'],
              choices,
            },
            destination: { path },
          }),
        ),
      );
    }
  }
  return {
    search,
    get,
    list,
    save,
    listByQuery,
    dashboard,
    reminders,
    risk,
    assess,
    shareReview,
    shareWrite,
  };
}

/** A reassessment of the person's current version with one factor moved. */
function reassessment(personId: number, current: PersonRisk, i: number): AssessmentFieldsInput {
  const latest = current.history[0];
  const factors = latest?.factors ?? {
    visibility: 2,
    superiorHostility: 2,
    politicalClimate: 3,
    priorRetaliation: 1,
    surveillance: 2,
    postDependence: 3,
    leakHarm: 4,
  };
  return {
    personId,
    basedOnVersion: latest?.version ?? null,
    factors: { ...factors, visibility: (i % 5) + 1 },
    consent: latest?.consent ?? 'internal',
    mitigations: ['codename_only', 'meet_privately'],
    narrative: 'Reviewed after the regional meeting; no new signs of pressure.',
    assessor: 'Benchmark',
  };
}

/** fsync a file or (on POSIX) a folder. */
function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** integrity_check and every table's row count, as a backup's verification does. */
function checkPlainCopy(path: string): void {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const report = checkDatabase(db);
    if (!isSound(report)) throw new Error(`plain copy ${path} fails integrity_check`);
  } finally {
    db.close();
  }
}

interface BackupTimes {
  write: number[];
  verify: number[];
  /** Restore in full, and its two steps: open + verify the backup, write the new vault. */
  restore: number[];
  restoreOpen: number[];
  restoreWrite: number[];
  fileBytes: number;
}

/**
 * Backups of the vault at `vaultPath` (unlocked here, as the app would) and of the plain
 * database, BACKUPS times each. Every backup but the last is removed when the next is made;
 * every restored copy right after it was timed.
 */
async function benchBackups(vaultPath: string, plain: Database.Database) {
  const dir = join(root, 'backups');
  mkdirSync(dir);
  const times = (): BackupTimes => ({
    write: [],
    verify: [],
    restore: [],
    restoreOpen: [],
    restoreWrite: [],
    fileBytes: 0,
  });
  const vaultTimes = times();
  const plainTimes = times();
  const secret = { passphrase: PASSPHRASE };

  // The vault: each backup into a folder of its own; the audit event it leaves is saved after
  // the timing.
  const vault = await Vault.unlock(vaultPath, secret, { kdf: FAST_KDF });
  let vaultBackup = '';
  let tables: { name: string; rows: number }[] = [];
  try {
    for (let i = 0; i < BACKUPS; i++) {
      const folder = join(dir, `vault-${String(i)}`);
      mkdirSync(folder);
      let file = '';
      vaultTimes.write.push(
        await time(async () => {
          ({
            file,
            tables,
            fileBytes: vaultTimes.fileBytes,
          } = await backupVault(vault, {
            folder,
            trigger: 'manual',
            now: new Date(),
          }));
        }),
      );
      await vault.save();
      if (vaultBackup) rmSync(dirname(vaultBackup), { recursive: true, force: true });
      vaultBackup = file;
    }
  } finally {
    await vault.lock();
  }
  for (let i = 0; i < BACKUPS; i++)
    vaultTimes.verify.push(await time(() => verifyBackupFile(vaultBackup, secret)));
  for (let i = 0; i < BACKUPS; i++) {
    const folder = join(dir, `vault-restored-${String(i)}`);
    mkdirSync(folder);
    const started = performance.now();
    const opened = await openBackupFile(vaultBackup, secret);
    const openedAt = performance.now();
    const restored = await restoreBackup(
      opened,
      {
        destination: join(folder, 'restored.confidant'),
        replaceExisting: false,

        now: new Date(),
      },
      { kdf: FAST_KDF },
    );
    const ended = performance.now();
    vaultTimes.restoreOpen.push(openedAt - started);
    vaultTimes.restoreWrite.push(ended - openedAt);
    vaultTimes.restore.push(ended - started);
    await restored.lock();
    rmSync(folder, { recursive: true, force: true });
  }

  // The plain database: a page-by-page copy through SQLite's backup API (as the vault copies
  // its image) under a temporary name, flushed, opened and checked, renamed, folder flushed.
  let plainBackup = '';
  for (let i = 0; i < BACKUPS; i++) {
    const folder = join(dir, `plain-${String(i)}`);
    mkdirSync(folder);
    const file = join(folder, 'plain-backup.db');
    plainTimes.write.push(
      await time(async () => {
        const temp = `${file}.tmp`;
        await plain.backup(temp, { progress: () => 0x7fffffff });
        fsyncPath(temp);
        checkPlainCopy(temp);
        renameSync(temp, file);
        fsyncPath(folder);
      }),
    );
    plainTimes.fileBytes = statSync(file).size;
    if (plainBackup) rmSync(dirname(plainBackup), { recursive: true, force: true });
    plainBackup = file;
  }
  for (let i = 0; i < BACKUPS; i++)
    plainTimes.verify.push(
      await time(() => {
        checkPlainCopy(plainBackup);
        return Promise.resolve();
      }),
    );
  for (let i = 0; i < BACKUPS; i++) {
    const folder = join(dir, `plain-restored-${String(i)}`);
    mkdirSync(folder);
    const destination = join(folder, 'restored.db');
    plainTimes.restore.push(
      await time(() => {
        copyFileSync(plainBackup, destination);
        fsyncPath(destination);
        fsyncPath(folder);
        const db = new Database(destination, { fileMustExist: true });
        db.prepare('SELECT count(*) FROM persons').pluck().get();
        db.close();
        return Promise.resolve();
      }),
    );
    rmSync(folder, { recursive: true, force: true });
  }
  rmSync(dir, { recursive: true, force: true });
  return { vault: vaultTimes, plain: plainTimes, tables };
}

try {
  print(`# Domain benchmark — ${new Date().toISOString()}`);
  print();

  // 1. Make the demo vault (as `confidant demo` does) and a plain SQLite copy of its database.
  const vaultPath = join(root, 'bench.confidant');
  const plainPath = join(root, 'plain.db');
  const now = new Date();
  const { vault } = await Vault.create(vaultPath, PASSPHRASE, { kdf: FAST_KDF });
  let started = performance.now();
  const counts = vault.db.transaction(() =>
    generateDemoData(vault.db, { people: PEOPLE, seed: SEED, now }),
  )();
  const generateMs = performance.now() - started;
  started = performance.now();
  await vault.save();
  const firstSaveMs = performance.now() - started;
  const imageBytes = vault.db.serialize().length;
  writeFileSync(plainPath, vault.db.serialize());
  await vault.lock();
  const vaultBytes = statSync(vaultPath).size;
  print(
    `Node ${process.version}. Demo data (seed ${String(SEED)}): ${String(counts.persons)} persons, ${String(counts.notes)} case notes, ${String(counts.relationships)} relationships, ${String(counts.agencies)} agencies, ${String(counts.offers)} offers, ${String(counts.assessments)} risk assessments, ${String(counts.plans)} engagement plans — generated and inserted in ${(generateMs / 1000).toFixed(1)} s (one transaction), first save ${ms(firstSaveMs)} ms.`,
  );
  print(
    `Database image ${mib(imageBytes)}; vault file ${mib(vaultBytes)}; plain SQLite file ${mib(statSync(plainPath).size)}.`,
  );
  print();

  // 2. The vault, unlocked through the core API.
  const api = createCoreApi({
    config: fileConfigStore(join(root, 'config.json')),
    defaultVaultPath: join(root, 'default.confidant'),
    fileDialogs: false,
    vaultOptions: { kdf: FAST_KDF },
  });
  const handlers = api.handlers as Handlers;
  await dispatchCaller(handlers)('vault:unlock', {
    path: vaultPath,
    secret: { passphrase: PASSPHRASE },
  });

  // 3. The plain database: same schema, same data, on disk, synchronous=FULL, the same
  //    handlers over a context whose commit is the database's own durable commit.
  // The same statement cache as the vault's connection, so the columns differ only in storage.
  const plain = withStatementCache(new Database(plainPath));
  plain.pragma('journal_mode = DELETE');
  plain.pragma('synchronous = FULL');
  plain.pragma('foreign_keys = ON');
  const plainContext: DomainContext = {
    db: () => plain,
    now: () => new Date(),
    commit: (change) => {
      const at = new Date();
      return Promise.resolve(plain.transaction(() => change(plain, at))());
    },
  };
  const plainHandlers = {
    ...peopleHandlers(plainContext),
    ...exploreHandlers(plainContext),
    ...riskHandlers(plainContext),
    ...shareHandlers(plainContext, { language: () => 'en', vaultPath: () => null }),
  };

  // The workload, the same for every column.
  const personIds = plain
    .prepare('SELECT id FROM persons ORDER BY random() LIMIT 200')
    .pluck()
    .all() as number[];
  const assessedIds = plain
    .prepare(
      `SELECT id FROM persons WHERE archived_at IS NULL AND stage IN ('in_contact', 'collaborating', 'partner') ORDER BY random() LIMIT 50`,
    )
    .pluck()
    .all() as number[];
  const tags = plain
    .prepare('SELECT tag FROM person_tags GROUP BY tag ORDER BY count(*) DESC LIMIT 3')
    .pluck()
    .all() as string[];
  const owners = plain
    .prepare('SELECT DISTINCT owner FROM persons LIMIT 2')
    .pluck()
    .all() as string[];
  const queries: PersonQueryInput[] = [
    {},
    { sort: 'updated', descending: true },
    { text: 'иван' },
    { text: 'smith' },
    { text: 'сер' },
    { stages: ['in_contact', 'collaborating'] },
    { stages: ['watching'], sort: 'followUp' },
    { tags: tags.slice(0, 1) },
    { tags: tags.slice(0, 2), sort: 'agency' },
    { followUpDue: true, sort: 'followUp' },
    { followUpDue: true, owners: owners.slice(0, 1) },
    {
      spheres: ['police', 'prosecution'],
      consents: ['internal', 'trusted_partners'],
      sort: 'stage',
    },
    { text: 'алекс', stages: ['vetting', 'in_contact'], sort: 'codename' },
    { regions: ['Северная область'], sort: 'name', descending: true },
  ];
  const today = localDate(now);
  const work: Workload = {
    personIds,
    assessedIds,
    queries,
    note: (i) => ({
      occurredOn: today,
      kind: 'meeting',
      personIds: [personIds[i % personIds.length]!, personIds[(i + 1) % personIds.length]!],
      title: `Benchmark meeting ${String(i)}`,
      body: 'Met at the regional directorate to discuss access to lawyers. '.repeat(8),
      askedFor: 'Examples of internal instructions',
      offered: 'Translated training materials',
      followUpOn: null,
      restricted: i % 10 === 0,
      source: '',
      stance: null,
    }),
  };

  const viaDispatch = await measure(dispatchCaller(handlers), work, true);
  const viaHandler = await measure(handlerCaller(handlers), work, false);
  const viaPlain = await measure(handlerCaller(plainHandlers), work, true);
  await api.lock('manual');
  const vaultAfter = statSync(vaultPath).size;
  const backups = await benchBackups(vaultPath, plain);

  print(
    '| operation | target | vault via dispatch p50 / p95 | vault handler p50 / p95 | plain SQLite p50 / p95 |',
  );
  print('|---|---|---:|---:|---:|');
  const row = (
    name: string,
    target: string,
    key:
      | 'search'
      | 'get'
      | 'list'
      | 'save'
      | 'dashboard'
      | 'reminders'
      | 'risk'
      | 'assess'
      | 'shareReview'
      | 'shareWrite',
  ) => {
    const cell = (values: number[]) =>
      values.length ? `${ms(percentile(values, 50))} / ${ms(percentile(values, 95))} ms` : '—';
    print(
      `| ${name} | ${target} | ${cell(viaDispatch[key])} | ${cell(viaHandler[key])} | ${cell(viaPlain[key])} |`,
    );
  };
  row(`search (${String(SEARCHES.length)} queries × 3, limit 20)`, 'p95 ≤ 30 ms', 'search');
  row(`person page (${String(personIds.length)} persons)`, '≤ 50 ms', 'get');
  row(`people list (${String(queries.length)} filters/sorts × 3)`, '≤ 50 ms', 'list');
  row(
    `save a case note (${String(SAVES)} saves; vault: transaction + encrypted durable save; plain: commit, synchronous=FULL)`,
    'vault save target',
    'save',
  );
  row(`risk dashboard (${String(counts.assessments)} assessments, 10 ×)`, '≤ 50 ms', 'dashboard');
  row('review reminders (10 ×)', '≤ 50 ms', 'reminders');
  row(`person's risk and plan (${String(personIds.length)} persons)`, '≤ 50 ms', 'risk');
  row(
    `save a reassessment (${String(ASSESSMENT_SAVES)} saves, as the note saves)`,
    'vault save target',
    'assess',
  );
  row(`share review (${String(SHARE_PERSONS)} persons, 10 ×)`, '≤ 50 ms', 'shareReview');
  row(
    `write their list through the gate (${String(SHARE_WRITES)} ×; CSV + disclosure log + save)`,
    'vault save target',
    'shareWrite',
  );
  print();
  print('The people list, query by query (median of 3; rows returned):');
  print();
  print('| query | rows | vault via dispatch | vault handler | plain SQLite |');
  print('|---|---:|---:|---:|---:|');
  for (const [index, query] of queries.entries()) {
    const median = (values: number[][]) => `${ms(percentile(values[index] ?? [], 50))} ms`;
    const rows = (
      (await plainHandlers['persons:list'](contract['persons:list'].in.parse(query))) as {
        rows: unknown[];
      }
    ).rows.length;
    print(
      `| \`${JSON.stringify(query)}\` | ${String(rows)} | ${median(viaDispatch.listByQuery)} | ${median(viaHandler.listByQuery)} | ${median(viaPlain.listByQuery)} |`,
    );
  }
  print();
  print(
    `Vault file after the saves: ${mib(vaultAfter)}. Every vault save re-encrypts and rewrites the whole file, so its cost grows with the vault; plain SQLite writes only changed pages.`,
  );
  print();
  const rowsOf = (name: string) =>
    String(backups.tables.find((table) => table.name === name)?.rows ?? NaN);
  print(
    `Backups (issue 7) of the vault as the saves left it (${rowsOf('persons')} persons, ${rowsOf('case_notes')} case notes), ${String(BACKUPS)} × each, median / max. Backup file ${mib(backups.vault.fileBytes)}; plain SQLite copy ${mib(backups.plain.fileBytes)}.`,
  );
  print();
  print('| operation | vault median / max | plain SQLite median / max |');
  print('|---|---:|---:|');
  const backupCell = (values: number[]) =>
    `${ms(percentile(values, 50))} / ${ms(Math.max(...values))} ms`;
  const backupRow = (name: string, vaultCell: string, plainCell: string) => {
    print(`| ${name} | ${vaultCell} | ${plainCell} |`);
  };
  backupRow(
    'backup: write + read back + verify (vault: audit event saved after the timing)',
    backupCell(backups.vault.write),
    backupCell(backups.plain.write),
  );
  backupRow(
    'backup: verify (decrypt, integrity_check, counts; vault: passphrase, fast Argon2id)',
    backupCell(backups.vault.verify),
    backupCell(backups.plain.verify),
  );
  backupRow(
    'restore into a new vault (vault: passphrase, fast Argon2id)',
    backupCell(backups.vault.restore),
    backupCell(backups.plain.restore),
  );
  backupRow('… of which: open + verify the backup', backupCell(backups.vault.restoreOpen), '—');
  backupRow('… of which: write the new vault', backupCell(backups.vault.restoreWrite), '—');
  print();
  print(
    '- Write: the vault runs `backupVault` (seal the image, write it under a temporary name, flush, read it back, decrypt, integrity_check, row counts against the recorded ones, rename, flush the folder); plain SQLite copies the database page by page through its backup API to a temporary file, fsyncs it, opens it, runs integrity_check and counts every table, renames it, fsyncs the folder.',
  );
  print(
    '- Verify: the vault runs `verifyBackupFile` (read, open the passphrase slot, decrypt, load, integrity_check, counts); plain SQLite opens the copy, runs integrity_check and counts every table.',
  );
  print(
    '- Restore: the vault runs `openBackupFile` (the whole verification) and `restoreBackup` (record the restore, write the new vault durably), its lock not timed; plain SQLite copies the file to a new path, fsyncs it and the folder, opens it and counts persons (no integrity_check).',
  );
  print(
    "- The vault's passphrase slot uses this bench's fast Argon2id (1 pass, 64 KiB), as its unlock does; with the default (3 passes, 256 MiB) verify and restore each take longer by the Argon2id time in the vault bench's unlock rows.",
  );

  const out = resolve(import.meta.dirname, '../../artifacts/bench');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'domain.json'),
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        counts,
        generateMs,
        imageBytes,
        vaultBytes,
        vaultAfter,
        viaDispatch,
        viaHandler,
        viaPlain,
        backups,
      },
      null,
      2,
    )}\n`,
  );
  writeFileSync(join(out, 'domain.md'), `${lines.join('\n')}\n`);
  plain.close();
} finally {
  rmSync(root, { recursive: true, force: true });
}
