/**
 * `npm run bench`, second part: the daily working surface — search, a person's page, the
 * filtered people list, the risk screens and the share review — in the format-2 vault against
 * the same handlers over a plain on-disk SQLite database holding the same demo data, with the
 * same pragmas (bench-lib.ts), on the same disk, in one run. Demo vaults of 300 and 10,000
 * persons (BENCH_DOMAIN_SIZES; BENCH_PEOPLE=100000 adds that size, by hand only).
 *
 * Three columns, every call interleaved (vault handler and plain in alternating order, then dispatch):
 * the vault through `dispatch` (input and output validated, as IPC), the vault's handler
 * (createCoreApi's table, input parsed only), and the plain database's handler (input parsed
 * only). The goal compares the vault's handler with the plain one: ≤ 1.2× for search, person
 * page and people list. Saves of a reassessment and of a shared list are timed too (vault
 * handler against plain); note saves, unlock, lock and backups are vault-bench.ts's.
 *
 * Markdown on stdout (progress on stderr); artifacts/bench/domain.{json,md}.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { DemoCounts } from '../../electron/core/services/demo/generate.ts';
import type { Handlers } from '../../shared/contract.ts';
import type { PersonQueryInput } from '../../shared/records.ts';
import type { AssessmentFieldsInput, PersonRisk } from '../../shared/risk.ts';
import type { ShareReview } from '../../shared/share.ts';
import {
  benchCoreApi,
  benchSizes,
  buildDemoPair,
  connectionHandlers,
  dispatchCaller,
  envNumber,
  handlerCaller,
  loadText,
  machine,
  memoryMark,
  mib,
  ms,
  openPlainDatabase,
  p50p95,
  percentile,
  PLAIN_PRAGMAS,
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
  type MemoryMark,
} from './bench-lib.ts';

const SIZES = benchSizes('BENCH_DOMAIN_SIZES', [300, 10_000]);
const ROUNDS = envNumber('BENCH_ROUNDS', 5);
const PERSONS = envNumber('BENCH_PERSON_PAGES', 500);
const ASSESSMENT_SAVES = envNumber('BENCH_ASSESSMENT_SAVES', 10);
const SHARE_WRITES = envNumber('BENCH_SHARE_WRITES', 10);
const SHARE_PERSONS = 50;
/** The goal for reads: the vault's handler ≤ 1.2× the plain database's. */
const READ_RATIO_GOAL = 1.2;

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

type Column = 'dispatch' | 'vault' | 'plain';
type Series = Record<Column, number[]>;
const series = (): Series => ({ dispatch: [], vault: [], plain: [] });

const OPERATIONS = [
  'search',
  'get',
  'list',
  'dashboard',
  'reminders',
  'risk',
  'shareReview',
  'assess',
  'shareWrite',
] as const;
type Operation = (typeof OPERATIONS)[number];

interface SizeResult {
  people: number;
  counts: DemoCounts;
  vaultBytes: number;
  plainBytes: number;
  times: Record<Operation, Series>;
  /** The people list query by query: vault handler and plain, and the rows each returned. */
  listByQuery: { query: PersonQueryInput; vault: number[]; plain: number[]; rows: number }[];
  memory: MemoryMark[];
}

const root = mkdtempSync(join(tmpdir(), 'confidant-domain-bench-'));
privateTmpdir(root);
const started = performance.now();
const progress = (text: string) => {
  process.stderr.write(
    `[domain-bench ${((performance.now() - started) / 1000).toFixed(0)} s] ${text}\n`,
  );
};

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

function workloadQueries(plain: Database.Database): PersonQueryInput[] {
  const tags = plain
    .prepare('SELECT tag FROM person_tags GROUP BY tag ORDER BY count(*) DESC, tag LIMIT 3')
    .pluck()
    .all() as string[];
  const owners = plain
    .prepare('SELECT DISTINCT owner FROM persons ORDER BY owner LIMIT 2')
    .pluck()
    .all() as string[];
  return [
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
}

async function benchSize(people: number, now: Date): Promise<SizeResult> {
  const dir = join(root, `n${String(people)}`);
  const memory: MemoryMark[] = [];
  const mark = (phase: string) =>
    memory.push(memoryMark(`${people.toLocaleString('en-US')} persons: ${phase}`));
  progress(`${String(people)} persons: building the demo data into a vault and a plain database`);
  const pair = await buildDemoPair(dir, people, now);
  mark('demo data built');

  const api = benchCoreApi(join(dir, 'app'));
  const handlers = api.handlers as Handlers;
  await dispatchCaller(handlers)('vault:unlock', { path: pair.vaultPath, secret: SECRET });
  const plain = openPlainDatabase(pair.plainPath);
  const calls: Record<Column, Call> = {
    dispatch: dispatchCaller(handlers),
    vault: handlerCaller(handlers),
    plain: handlerCaller(connectionHandlers(() => plain)),
  };

  const personIds = samplePersonIds(plain, PERSONS);
  const assessedIds = plain
    .prepare(
      `SELECT id FROM persons WHERE archived_at IS NULL AND stage IN ('in_contact', 'collaborating', 'partner') ORDER BY id LIMIT 50`,
    )
    .pluck()
    .all() as number[];
  const queries = workloadQueries(plain);
  const times = Object.fromEntries(OPERATIONS.map((op) => [op, series()])) as Record<
    Operation,
    Series
  >;

  // Every call runs on the vault's handler and the plain one, which goes first alternating from
  // call to call, then through dispatch. Dispatch runs last because it shares the vault's
  // connection: run between the two, it would warm the vault's caches for its handler's turn.
  let turn = 0;
  const each = async (into: Series, run: (call: Call) => Promise<unknown>, viaDispatch = true) => {
    const order: Column[] = turn % 2 === 0 ? ['vault', 'plain'] : ['plain', 'vault'];
    if (viaDispatch) order.push('dispatch');
    for (const column of order) await timed(into[column], () => run(calls[column]));
    turn++;
  };

  try {
    // Warm-up: statements, JIT, caches — in every column.
    const warm = series();
    for (const text of SEARCHES.slice(0, 5))
      await each(warm, (call) => call('search:query', { text, limit: 20 }));
    await each(warm, (call) => call('persons:get', { id: personIds[0] }));
    for (const query of queries) await each(warm, (call) => call('persons:list', query));
    await each(warm, (call) => call('risk:dashboard', {}));

    progress(`${String(people)} persons: reads`);
    for (let round = 0; round < ROUNDS; round++) {
      for (const text of SEARCHES)
        await each(times.search, (call) => call('search:query', { text, limit: 20 }));
    }
    for (const id of personIds) await each(times.get, (call) => call('persons:get', { id }));
    const byQuery = queries.map(() => ({ vault: [] as number[], plain: [] as number[] }));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [index, query] of queries.entries()) {
        const before = { vault: times.list.vault.length, plain: times.list.plain.length };
        await each(times.list, (call) => call('persons:list', query));
        byQuery[index]!.vault.push(times.list.vault[before.vault]!);
        byQuery[index]!.plain.push(times.list.plain[before.plain]!);
      }
    }
    for (let round = 0; round < 10; round++) {
      await each(times.dashboard, (call) => call('risk:dashboard', {}));
      await each(times.reminders, (call) => call('risk:reminders', {}));
    }
    for (const personId of personIds)
      await each(times.risk, (call) => call('risk:person', { personId }));
    const sharePersons = personIds.slice(0, SHARE_PERSONS);
    const recipient = { kind: 'internal' as const };
    for (let round = 0; round < 10; round++) {
      await each(times.shareReview, (call) =>
        call('share:review', { recipient, personIds: sharePersons }),
      );
    }
    mark('reads');

    // Writes: the vault's handler against the plain one (each its own transaction).
    progress(`${String(people)} persons: writes`);
    for (let i = 0; i < ASSESSMENT_SAVES; i++) {
      const personId = assessedIds[i % assessedIds.length]!;
      await each(
        times.assess,
        async (call) => {
          const current = (await call('risk:person', { personId })) as PersonRisk;
          return call('risk:assess', reassessment(personId, current, i));
        },
        false,
      );
    }
    const { candidates } = (await calls.plain('share:review', {
      recipient,
      personIds: sharePersons,
    })) as ShareReview;
    const choices = candidates.map(({ personId, decision }) => ({ personId, decision }));
    let written = 0;
    for (let i = 0; i < SHARE_WRITES; i++) {
      await each(
        times.shareWrite,
        (call) =>
          call('share:writeList', {
            review: {
              recipient,
              purpose: 'Benchmark',
              reviewedBy: 'Benchmark',
              fields: ['sphere', 'region', 'position', 'agency', 'notes'],
              choices,
            },
            destination: { path: join(dir, `list-${String(written++)}.csv`) },
          }),
        false,
      );
    }
    mark('writes');

    // The same answers from both (the same data), and the rows each list query returned.
    const listByQuery: SizeResult['listByQuery'] = [];
    for (const [index, query] of queries.entries()) {
      // How many match (persons:list answers a page at a time; `total` counts them all).
      const count = async (call: Call) =>
        ((await call('persons:list', query)) as { total: number }).total;
      const rows = await count(calls.plain);
      const vaultRows = await count(calls.vault);
      if (rows !== vaultRows)
        throw new Error(`persons:list ${JSON.stringify(query)}: vault ${vaultRows}, plain ${rows}`);
      listByQuery.push({ query, ...byQuery[index]!, rows });
    }
    return {
      people,
      counts: pair.counts,
      vaultBytes: pair.vaultBytes,
      plainBytes: pair.plainBytes,
      times,
      listByQuery,
      memory,
    };
  } finally {
    await api.lock('manual');
    plain.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

const report = new Report();
const host = machine();
const now = new Date();
const results: SizeResult[] = [];
const memory: MemoryMark[] = [memoryMark('start')];
try {
  for (const people of SIZES) {
    const result = await benchSize(people, now);
    results.push(result);
    memory.push(...result.memory);
  }
  host.loadAtEnd = loadavg();
  printReport();
} finally {
  rmSync(root, { recursive: true, force: true });
}

function printReport(): void {
  const print = (line?: string) => {
    report.print(line);
  };
  const persons = (n: number) => n.toLocaleString('en-US');
  print(`# Domain benchmark — ${now.toISOString()}`);
  print();
  print(
    `Node ${host.node} on ${host.platform}, ${String(host.cpus)} CPUs (${host.cpuModel}); load average (1 / 5 / 15 min) ${loadText(host.loadAtStart)} at the start, ${loadText(host.loadAtEnd)} at the end.`,
  );
  print();
  print(
    `Demo data: \`confidant demo\`'s generator (seed ${String(SEED)}), built once into a new vault and once into a plain SQLite database (${PLAIN_PRAGMAS}). Columns: the vault through \`dispatch\` (as IPC: input and output validated), the vault's handler (createCoreApi, input parsed only) and the plain database's handler (the same handler code, input parsed only); each call runs on the vault's handler and the plain one (which goes first alternates call by call), then through dispatch (last, as it shares the vault's connection and would warm its caches for the handler's turn). Ratio = vault handler ÷ plain.`,
  );
  print();
  for (const r of results) {
    const t = r.times;
    print(
      `## ${persons(r.people)} persons (${persons(r.counts.notes)} case notes, ${persons(r.counts.assessments)} risk assessments; vault.db ${mib(r.vaultBytes)}, plain ${mib(r.plainBytes)})`,
    );
    print();
    const row = (name: string, target: string, values: Series) => [
      name,
      target,
      p50p95(values.dispatch),
      p50p95(values.vault),
      p50p95(values.plain),
      `${ratio(percentile(values.vault, 50), percentile(values.plain, 50))} / ${ratio(percentile(values.vault, 95), percentile(values.plain, 95))}`,
    ];
    report.table(
      [
        'operation',
        'goal',
        'vault via dispatch p50 / p95',
        'vault handler p50 / p95',
        'plain p50 / p95',
        'ratio p50 / p95',
      ],
      ['l', 'l', 'r', 'r', 'r', 'r'],
      [
        row(
          `search (${String(SEARCHES.length)} queries × ${String(ROUNDS)}, limit 20)`,
          `≤ ${String(READ_RATIO_GOAL)}× plain; p95 ≤ 30 ms`,
          t.search,
        ),
        row(
          `person page (${String(t.get.plain.length)} persons)`,
          `≤ ${String(READ_RATIO_GOAL)}× plain; ≤ 50 ms`,
          t.get,
        ),
        row(
          `people list (${String(r.listByQuery.length)} filters/sorts × ${String(ROUNDS)})`,
          `≤ ${String(READ_RATIO_GOAL)}× plain; ≤ 50 ms`,
          t.list,
        ),
        row('risk dashboard (10 ×)', '≤ 50 ms', t.dashboard),
        row('review reminders (10 ×)', '≤ 50 ms', t.reminders),
        row(`person's risk and plan (${String(t.risk.plain.length)} persons)`, '≤ 50 ms', t.risk),
        row(`share review (${String(SHARE_PERSONS)} persons, 10 ×)`, '≤ 50 ms', t.shareReview),
        row(
          `save a reassessment (${String(ASSESSMENT_SAVES)} ×; read + \`risk:assess\`)`,
          '—',
          t.assess,
        ),
        row(
          `write a shared list through the gate (${String(SHARE_WRITES)} ×; CSV + disclosure log)`,
          '—',
          t.shareWrite,
        ),
      ],
    );
    print('The people list query by query (median of the rounds; rows returned):');
    print();
    report.table(
      ['query', 'rows', 'vault handler', 'plain', 'ratio'],
      ['l', 'r', 'r', 'r', 'r'],
      r.listByQuery.map((q) => [
        `\`${JSON.stringify(q.query)}\``,
        String(q.rows),
        ms(percentile(q.vault, 50)),
        ms(percentile(q.plain, 50)),
        ratio(percentile(q.vault, 50), percentile(q.plain, 50)),
      ]),
    );
  }

  print('## Memory');
  print();
  print(
    'Peak resident set size of this process after each phase (`process.resourceUsage().maxRSS`, the peak so far), the RSS then and the JS heap in use.',
  );
  print();
  report.table(
    ['after', 'peak RSS', 'RSS now', 'JS heap used'],
    ['l', 'r', 'r', 'r'],
    memory.map((m) => [m.phase, mib(m.maxRssBytes), mib(m.rssBytes), mib(m.heapUsedBytes)]),
  );

  print('## Goals');
  print();
  const goals: string[][] = [];
  for (const r of results) {
    for (const [name, op] of [
      ['search', 'search'],
      ['person page', 'get'],
      ['people list', 'list'],
    ] as const) {
      const values = r.times[op];
      const p50 = percentile(values.vault, 50) / percentile(values.plain, 50);
      const p95 = percentile(values.vault, 95) / percentile(values.plain, 95);
      goals.push([
        `${name} ≤ ${String(READ_RATIO_GOAL)}× plain at ${persons(r.people)} persons`,
        `p50 ${ratio(percentile(values.vault, 50), percentile(values.plain, 50))} (${ms(percentile(values.vault, 50))} vs ${ms(percentile(values.plain, 50))}), p95 ${ratio(percentile(values.vault, 95), percentile(values.plain, 95))}`,
        p50 <= READ_RATIO_GOAL && p95 <= READ_RATIO_GOAL
          ? 'met'
          : p50 <= READ_RATIO_GOAL
            ? '**p50 met, p95 not**'
            : '**not met**',
      ]);
    }
  }
  report.table(['goal', 'measured', 'verdict'], ['l', 'l', 'l'], goals);

  writeArtifacts(
    'domain',
    {
      date: now.toISOString(),
      machine: host,
      settings: {
        sizes: SIZES,
        rounds: ROUNDS,
        personPages: PERSONS,
        assessmentSaves: ASSESSMENT_SAVES,
        shareWrites: SHARE_WRITES,
        seed: SEED,
      },
      summary: results.map((r) => ({
        people: r.people,
        ...Object.fromEntries(
          OPERATIONS.map((op) => [
            op,
            {
              dispatch: summarize(r.times[op].dispatch),
              vault: summarize(r.times[op].vault),
              plain: summarize(r.times[op].plain),
            },
          ]),
        ),
      })),
      goals,
      results,
      memory,
    },
    report.text(),
  );
}
