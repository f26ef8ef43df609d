/**
 * The people list a page at a time (issue 15), through the IPC contract, at 10,000 demo
 * persons: every sort, ascending and descending, pages through the whole list with no row
 * twice and none left out, in exactly the order one unpaged query written here gives; filters
 * keep `total` right on every page; no page weighs 256 KB, even of the longest names in a
 * three-byte script; each page is read from an index (no sort of the whole table); a cursor
 * from another sort or a forged one is refused. The risk level shown is the latest
 * assessment's, kept by the vault itself as assessments are added.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../electron/core/db/migrate.ts';
import { openDatabase } from '../../electron/core/db/open-database.ts';
import { listPersons } from '../../electron/core/repos/persons.ts';
import { matchQuery } from '../../electron/core/repos/search-index.ts';
import { generateDemoData } from '../../electron/core/services/demo/generate.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import { STAGES } from '../../shared/domain.ts';
import {
  MAX_PERSON_PAGE,
  PERSON_SORTS,
  personQuery,
  type PersonListPage,
  type PersonListRow,
  type PersonQueryInput,
  type PersonSort,
} from '../../shared/records.ts';
import { RISK_LEVELS, type FactorScores } from '../../shared/risk.ts';
import { openTestVault, PASSPHRASE } from '../helpers/domain.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

type Api = Awaited<ReturnType<typeof openTestVault>>;

const PEOPLE = 10_000;
const NOW = new Date('2026-03-10T12:00:00Z');
const TODAY = '2026-03-10';
/** The most one answer may weigh as it crosses IPC. */
const MAX_ANSWER_BYTES = 256 * 1024;
const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/**
 * The order each sort promises, written as one plain ORDER BY over the whole table: the
 * risk level straight from the assessments (not the column the list reads), persons
 * without an agency, an assessment or a follow-up last whichever the direction, then name,
 * then id.
 */
function oracleOrder(sort: PersonSort, descending: boolean): string {
  const dir = descending ? 'DESC' : 'ASC';
  const stage = `CASE p.stage ${STAGES.map((s, i) => `WHEN '${s}' THEN ${String(i)}`).join(' ')} END`;
  const risk = `(SELECT CASE r.level ${RISK_LEVELS.map((l, i) => `WHEN '${l}' THEN ${String(i)}`).join(' ')} END
     FROM risk_assessments r WHERE r.person_id = p.id ORDER BY r.version DESC LIMIT 1)`;
  const byName = `p.name_key ${dir}, p.id ${dir}`;
  switch (sort) {
    case 'name':
      return byName;
    case 'codename':
      return `p.codename_key ${dir}, p.id ${dir}`;
    case 'stage':
      return `${stage} ${dir}, ${byName}`;
    case 'agency':
      return `a.name_key IS NULL, a.name_key ${dir}, ${byName}`;
    case 'risk':
      return `${risk} IS NULL, ${risk} ${dir}, ${byName}`;
    case 'followUp':
      return `p.next_follow_up IS NULL, p.next_follow_up ${dir}, ${byName}`;
    case 'updated':
      return `p.updated_at ${dir}, ${byName}`;
  }
}

function oracleIds(db: Database, sort: PersonSort, descending: boolean, where = '1'): number[] {
  return db
    .prepare(
      `SELECT p.id FROM persons p LEFT JOIN agencies a ON a.id = p.agency_id
       WHERE ${where} ORDER BY ${oracleOrder(sort, descending)}`,
    )
    .pluck()
    .all() as number[];
}

/** Every page of one query, in order, checked on the way. */
async function pageThrough(api: Api, input: PersonQueryInput) {
  const ids: number[] = [];
  const rows: PersonListRow[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  let pages = 0;
  let heaviest = 0;
  do {
    const page: PersonListPage = await api.call('persons:list', { ...input, after });
    pages++;
    heaviest = Math.max(heaviest, bytesOf(page));
    expect(page.rows.length).toBeLessThanOrEqual(input.limit ?? 100);
    // Only the last page may be short, and no page after it is empty.
    if (page.nextCursor !== null) expect(page.rows.length).toBeGreaterThan(0);
    totals.add(page.total);
    ids.push(...page.rows.map((row) => row.id));
    rows.push(...page.rows);
    after = page.nextCursor;
    expect(pages).toBeLessThanOrEqual(PEOPLE + 1);
  } while (after !== null);
  return { ids, rows, pages, heaviest, totals: [...totals] };
}

/** Unlocks the test vault's file directly (the API locked first), runs `use`, locks it. */
async function withVault<T>(api: Api, use: (db: Database) => T): Promise<T> {
  await api.core.lock('manual');
  const vault = await Vault.unlock(api.path, { passphrase: PASSPHRASE }, { kdf: FAST_KDF });
  try {
    return use(vault.db);
  } finally {
    await vault.lock();
  }
}

async function unlock(api: Api) {
  await api.call('vault:unlock', { path: api.path, secret: { passphrase: PASSPHRASE } });
}

/** The SQL one call of listPersons runs, with its parameters (to ask SQLite for its plan). */
function recording(db: Database) {
  const statements: { sql: string; params: unknown[] }[] = [];
  const proxy = new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') {
        return (sql: string) => {
          const statement = target.prepare(sql);
          return new Proxy(statement, {
            get(inner, name) {
              const value: unknown = Reflect.get(inner, name);
              if (name === 'all')
                return (...params: unknown[]): unknown[] => {
                  statements.push({ sql, params });
                  return inner.all(...params);
                };
              return typeof value === 'function' ? (value.bind(inner) as unknown) : value;
            },
          });
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? (value.bind(target) as unknown) : value;
    },
  });
  return { db: proxy, statements };
}

const ARCHIVED = [17, 4242, 9999];
const ORDERS = PERSON_SORTS.flatMap((sort) =>
  [false, true].map((descending) => ({ sort, descending })),
);

describe('the people list at 10,000 persons, a page at a time', () => {
  let dir: string;
  let api: Api;
  /** What one unpaged query says, computed once from the vault file. */
  let oracle: {
    orders: Record<string, number[]>;
    filtered: Record<string, number[]>;
    risk: Map<number, string | null>;
    plans: { label: string; plan: string }[];
    inVault: number;
  };

  const FILTERS: { label: string; input: PersonQueryInput; where: (text: string) => string }[] = [
    {
      label: 'two stages, by risk, highest first',
      input: { stages: ['in_contact', 'collaborating'], sort: 'risk', descending: true },
      where: () => `p.archived_at IS NULL AND p.stage IN ('in_contact', 'collaborating')`,
    },
    {
      label: 'high and critical risk, by name',
      input: { riskLevels: ['high', 'critical'], sort: 'name' },
      where: () => `p.archived_at IS NULL AND p.id IN (SELECT person_id FROM risk_assessments r
        WHERE r.level IN ('high', 'critical') AND r.version =
          (SELECT max(version) FROM risk_assessments WHERE person_id = r.person_id))`,
    },
    {
      label: 'never assessed or low, by agency descending',
      input: { riskLevels: ['unassessed', 'low'], sort: 'agency', descending: true },
      where: () => `p.archived_at IS NULL AND (NOT EXISTS (SELECT 1 FROM risk_assessments
        WHERE person_id = p.id) OR p.id IN (SELECT person_id FROM risk_assessments r
        WHERE r.level = 'low' AND r.version =
          (SELECT max(version) FROM risk_assessments WHERE person_id = r.person_id)))`,
    },
    {
      label: 'follow-up due, by follow-up',
      input: { followUpDue: true, sort: 'followUp' },
      where: () => `p.archived_at IS NULL AND p.next_follow_up <= '${TODAY}'`,
    },
    {
      label: 'a search, by stage',
      input: { text: 'иван', sort: 'stage' },
      where: (match) => `p.archived_at IS NULL AND p.id IN (SELECT (rowid - 1) / 4
        FROM search_index WHERE search_index MATCH '${match}' AND rowid % 4 = 1)`,
    },
    {
      label: 'archived only',
      input: { archived: 'archived', sort: 'updated', descending: true },
      where: () => 'p.archived_at IS NOT NULL',
    },
    {
      label: 'active and archived, by codename',
      input: { archived: 'all', sort: 'codename' },
      where: () => '1',
    },
  ];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'confidant-paging-'));
    // The core's clock on the demo's day, so that "follow-up due" means the same to both.
    api = await openTestVault(dir, { now: () => NOW });
    oracle = await withVault(api, (db) => {
      db.transaction(() => {
        generateDemoData(db, { people: PEOPLE, seed: 7, now: NOW });
        db.prepare(
          `UPDATE persons SET archived_at = ? WHERE id IN (${ARCHIVED.map(String).join(', ')})`,
        ).run(NOW.toISOString());
      })();
      const orders: Record<string, number[]> = {};
      for (const { sort, descending } of ORDERS)
        orders[`${sort} ${String(descending)}`] = oracleIds(
          db,
          sort,
          descending,
          'p.archived_at IS NULL',
        );
      const filtered: Record<string, number[]> = {};
      for (const filter of FILTERS) {
        const query = personQuery.parse(filter.input);
        filtered[filter.label] = oracleIds(
          db,
          query.sort,
          query.descending,
          filter.where(matchQuery(query.text) ?? ''),
        );
      }
      const risk = new Map(
        (
          db
            .prepare(
              `SELECT p.id, (SELECT level FROM risk_assessments WHERE person_id = p.id
                 ORDER BY version DESC LIMIT 1) AS level FROM persons p`,
            )
            .all() as { id: number; level: string | null }[]
        ).map((row) => [row.id, row.level]),
      );
      // The plan of every statement that reads a page: the first page and one further on.
      const plans: { label: string; plan: string }[] = [];
      for (const { sort, descending } of ORDERS) {
        const { db: watched, statements } = recording(db);
        const first = listPersons(watched, personQuery.parse({ sort, descending }), TODAY);
        listPersons(
          watched,
          personQuery.parse({ sort, descending, after: first.nextCursor }),
          TODAY,
        );
        for (const { sql, params } of statements) {
          if (!sql.includes('FROM persons p')) continue;
          const plan = (
            db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]
          )
            .map((row) => row.detail)
            .join(' | ');
          plans.push({ label: `${sort} ${descending ? 'descending' : 'ascending'}`, plan });
        }
      }
      const inVault = db.prepare('SELECT count(*) FROM persons').pluck().get() as number;
      return { orders, filtered, risk, plans, inVault };
    });
    await unlock(api);
  }, 600_000);

  afterAll(async () => {
    await api.core.lock('manual');
    rmSync(dir, { recursive: true, force: true });
  });

  it('pages through every sort both ways: each person once, in the unpaged order', async () => {
    const active = PEOPLE - ARCHIVED.length;
    for (const { sort, descending } of ORDERS) {
      const label = `${sort} ${descending ? 'descending' : 'ascending'}`;
      const paged = await pageThrough(api, { sort, descending, limit: MAX_PERSON_PAGE });
      expect(new Set(paged.ids).size, label).toBe(paged.ids.length);
      expect(paged.ids, label).toEqual(oracle.orders[`${sort} ${String(descending)}`]);
      expect(paged.ids, label).toHaveLength(active);
      expect(paged.totals, label).toEqual([active]);
      expect(paged.pages, label).toBe(Math.ceil(active / MAX_PERSON_PAGE));
      expect(paged.heaviest, label).toBeLessThan(MAX_ANSWER_BYTES);
    }
  }, 600_000);

  it('pages of an odd size meet where they should, and the default page is 100 rows', async () => {
    for (const sort of ['stage', 'agency', 'risk'] as const) {
      const paged = await pageThrough(api, { sort, limit: 37 });
      expect(paged.ids, sort).toEqual(oracle.orders[`${sort} false`]);
    }
    const first = await api.call('persons:list', {});
    expect(first.rows).toHaveLength(100);
    expect(first.total).toBe(PEOPLE - ARCHIVED.length);
    expect(first.inVault).toBe(oracle.inVault);
    expect(first.nextCursor).not.toBeNull();
  }, 300_000);

  it('keeps total right under filters, on every page', async () => {
    for (const filter of FILTERS) {
      const expected = oracle.filtered[filter.label] ?? [];
      expect(expected.length, filter.label).toBeGreaterThan(0);
      for (const limit of [MAX_PERSON_PAGE, 23]) {
        const paged = await pageThrough(api, { ...filter.input, limit });
        expect(paged.ids, filter.label).toEqual(expected);
        expect(paged.totals, filter.label).toEqual([expected.length]);
      }
    }
  }, 300_000);

  it('shows the latest assessment’s level; persons never assessed come last both ways', async () => {
    const ascending = await pageThrough(api, { sort: 'risk', limit: MAX_PERSON_PAGE });
    for (const row of ascending.rows) expect(row.riskLevel).toBe(oracle.risk.get(row.id));
    const levels = (rows: PersonListRow[]) => rows.map((row) => row.riskLevel);
    const assessed = ascending.rows.filter((row) => row.riskLevel !== null).length;
    expect(assessed).toBeGreaterThan(1000);
    expect(assessed).toBeLessThan(ascending.rows.length - 1000);
    expect(levels(ascending.rows.slice(assessed)).every((level) => level === null)).toBe(true);
    expect(ascending.rows[0]?.riskLevel).toBe('low');
    expect(ascending.rows[assessed - 1]?.riskLevel).toBe('critical');
    const descending = await api.call('persons:list', { sort: 'risk', descending: true });
    expect(descending.rows[0]?.riskLevel).toBe('critical');
    const last = await api.call('persons:list', {
      sort: 'risk',
      descending: true,
      riskLevels: ['unassessed'],
      limit: 1,
    });
    expect(last.rows[0]?.riskLevel).toBeNull();
  }, 300_000);

  it('answers each page in well under 256 KB, and quickly', async () => {
    const times: number[] = [];
    let heaviest = 0;
    for (const { sort, descending } of ORDERS) {
      const started = performance.now();
      const page = await api.call('persons:list', { sort, descending, limit: MAX_PERSON_PAGE });
      times.push(performance.now() - started);
      heaviest = Math.max(heaviest, bytesOf(page));
    }
    const median = times.toSorted((a, b) => a - b)[times.length >> 1] ?? 0;
    process.stdout.write(
      `persons:list at ${String(PEOPLE)} persons, ${String(MAX_PERSON_PAGE)} rows a page: ` +
        `median ${median.toFixed(1)} ms, heaviest page ${String(heaviest)} bytes\n`,
    );
    expect(heaviest).toBeLessThan(MAX_ANSWER_BYTES);
    // Generous for a busy 2-core machine; a page is typically a few milliseconds.
    expect(median).toBeLessThan(250);
  }, 120_000);

  it('reads every page from an index: no sort of the whole table', () => {
    expect(oracle.plans.length).toBeGreaterThanOrEqual(ORDERS.length * 2);
    for (const { label, plan } of oracle.plans) {
      expect(plan, label).not.toContain('TEMP B-TREE');
      expect(plan, label).toMatch(
        /USING (COVERING )?INDEX (persons_by|sqlite_autoindex_(persons|agencies))/,
      );
    }
  });

  it('refuses a cursor of another sort, a forged one, and pages too big or empty', async () => {
    const first = await api.call('persons:list', { sort: 'name', limit: 5 });
    const cursor = first.nextCursor ?? '';
    for (const input of [
      { sort: 'stage', after: cursor },
      { sort: 'name', descending: true, after: cursor },
      { sort: 'name', after: 'not a cursor' },
      { sort: 'name', after: Buffer.from('["name",false,0,[1]]').toString('base64url') },
      { sort: 'name', after: Buffer.from('["name",false,5,["a",1]]').toString('base64url') },
      { limit: MAX_PERSON_PAGE + 1 },
      { limit: 0 },
      { sort: 'loudness' },
      { riskLevels: ['extreme'] },
    ]) {
      const result = await api.raw('persons:list', input);
      expect(result.ok ? 'ok' : result.error.code, JSON.stringify(input)).toBe('VALIDATION');
    }
  });
});

describe('a page of the longest rows', () => {
  const tempDir = useTempDir('confidant-paging-');

  it('ends early rather than weigh 256 KB, and paging still reaches everyone', async () => {
    const api = await openTestVault(tempDir());
    // Three bytes a character in UTF-8, every text at its longest, twenty tags of forty.
    const long = (length: number, seed: number) =>
      Array.from({ length }, (_, i) =>
        String.fromCodePoint(0x4e00 + ((seed * 31 + i) % 2000)),
      ).join('');
    const { id: agencyId } = await api.call('agencies:create', { name: long(200, 1) });
    for (let i = 0; i < 120; i++) {
      await api.call('persons:create', {
        fullName: long(200, i),
        position: long(200, i + 1),
        region: long(200, i + 2),
        owner: long(200, i + 3),
        agencyId,
        tags: Array.from({ length: 20 }, (_, t) => `${String(t)}${long(38, i + t)}`),
      });
    }
    const first = await api.call('persons:list', { limit: MAX_PERSON_PAGE });
    expect(bytesOf(first)).toBeLessThan(MAX_ANSWER_BYTES);
    expect(first.rows.length).toBeLessThan(120);
    expect(first.nextCursor).not.toBeNull();
    const paged = await pageThrough(api, { limit: MAX_PERSON_PAGE });
    expect(new Set(paged.ids).size).toBe(120);
    expect(paged.heaviest).toBeLessThan(MAX_ANSWER_BYTES);
  }, 300_000);
});

describe('migration 6 on a vault made before it', () => {
  it('gives each person the level of their latest assessment, and keeps it from then on', () => {
    const db = openDatabase();
    const migrations = loadMigrations();
    migrate(db, 'v5', migrations.slice(0, 5));
    const person = (codename: string) =>
      Number(
        db
          .prepare(
            `INSERT INTO persons (codename, codename_key, full_name, name_key, sphere, stage,
               reform_orientation, consent, created_at, updated_at)
             VALUES (?, lower(?), ?, lower(?), 'other', 'in_contact', 'unknown', 'not_asked',
               'x', 'x')`,
          )
          .run(codename, codename, codename, codename).lastInsertRowid,
      );
    const assess = (personId: number, version: number, level: string) =>
      db
        .prepare(
          `INSERT INTO risk_assessments (person_id, version, assessed_on, assessed_at, assessor,
             visibility, superior_hostility, political_climate, prior_retaliation, surveillance,
             post_dependence, leak_harm, likelihood, impact, level, consent, review_due_on)
           VALUES (?, ?, '2026-01-01', 'x', 'M', 1, 1, 1, 1, 1, 1, 1, 1, 1, ?, 'internal',
             '2026-06-01')`,
        )
        .run(personId, version, level);
    const [anna, boris, clara] = [person('Anna'), person('Boris'), person('Clara')];
    assess(anna, 1, 'critical');
    assess(anna, 2, 'moderate');
    assess(boris, 1, 'high');
    migrate(db, 'v5', migrations);
    const ranks = () => db.prepare('SELECT codename, risk_rank FROM persons ORDER BY id').all();
    expect(ranks()).toEqual([
      { codename: 'Anna', risk_rank: RISK_LEVELS.indexOf('moderate') },
      { codename: 'Boris', risk_rank: RISK_LEVELS.indexOf('high') },
      { codename: 'Clara', risk_rank: null },
    ]);
    assess(clara, 1, 'low');
    assess(boris, 2, 'critical');
    expect(ranks()).toEqual([
      { codename: 'Anna', risk_rank: RISK_LEVELS.indexOf('moderate') },
      { codename: 'Boris', risk_rank: RISK_LEVELS.indexOf('critical') },
      { codename: 'Clara', risk_rank: RISK_LEVELS.indexOf('low') },
    ]);
  });
});

describe('the risk level the list shows', () => {
  const tempDir = useTempDir('confidant-paging-');
  const factors = (score: number): FactorScores => ({
    visibility: score,
    superiorHostility: score,
    politicalClimate: score,
    priorRetaliation: score,
    surveillance: score,
    postDependence: score,
    leakHarm: score,
  });

  it('follows each new assessment, filters and sorts by it', async () => {
    const api = await openTestVault(tempDir());
    const ids: number[] = [];
    for (const name of ['Anna', 'Boris', 'Clara'])
      ids.push((await api.call('persons:create', { fullName: name, stage: 'in_contact' })).id);
    const [anna = 0, boris = 0] = ids;
    const assess = (personId: number, score: number, basedOnVersion: number | null) =>
      api.call('risk:assess', {
        personId,
        basedOnVersion,
        factors: factors(score),
        consent: 'internal',
        assessor: 'Maria',
      });
    const levels = async (input: PersonQueryInput = {}) =>
      (await api.call('persons:list', input)).rows.map((row) => [row.fullName, row.riskLevel]);

    expect(await levels()).toEqual([
      ['Anna', null],
      ['Boris', null],
      ['Clara', null],
    ]);
    await assess(anna, 4, null);
    await assess(boris, 1, null);
    expect(await levels({ sort: 'risk', descending: true })).toEqual([
      ['Anna', 'high'],
      ['Boris', 'low'],
      ['Clara', null],
    ]);
    // A new version replaces the level; the older one no longer counts.
    await assess(anna, 1, 1);
    await assess(boris, 5, 1);
    expect(await levels({ sort: 'risk' })).toEqual([
      ['Anna', 'low'],
      ['Boris', 'critical'],
      ['Clara', null],
    ]);
    expect(await levels({ riskLevels: ['critical', 'unassessed'] })).toEqual([
      ['Boris', 'critical'],
      ['Clara', null],
    ]);
    expect((await api.call('persons:list', { riskLevels: ['high'] })).total).toBe(0);
  }, 120_000);
});
