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
 * The vault column calls the handlers as IPC does (dispatch: input and output validated by
 * the contract); the "handler" column calls them without that validation, like the plain
 * database's column. Results: Markdown on stdout and artifacts/bench/domain.{json,md}.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { createCoreApi } from '../../electron/core/api.ts';
import { fileConfigStore } from '../../electron/core/app-config.ts';
import type { DomainContext } from '../../electron/core/handlers/context.ts';
import { exploreHandlers } from '../../electron/core/handlers/explore.ts';
import { peopleHandlers } from '../../electron/core/handlers/people.ts';
import { riskHandlers } from '../../electron/core/handlers/risk.ts';
import { shareHandlers } from '../../electron/core/handlers/share.ts';
import { withStatementCache } from '../../electron/core/db/statement-cache.ts';
import { dispatch } from '../../electron/core/ipc/dispatch.ts';
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
