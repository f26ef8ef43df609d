/**
 * What the benchmarks (vault-bench.ts, domain-bench.ts) share: statistics, interleaved timing,
 * the plain on-disk SQLite database the vault is measured against, the demo data built into
 * both, the core API session, memory marks and the Markdown/JSON output.
 *
 * The plain database is the vault without the encryption: same SQLite build
 * (better-sqlite3-multiple-ciphers, no key), same schema and data, same pragmas as
 * electron/core/db/open-database.ts gives the vault, same statement cache, same handlers — its
 * `commit` is a plain SQLite transaction, as the vault's is since format 2.
 */
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { createCoreApi, type CoreApi } from '../../electron/core/api.ts';
import { fileConfigStore } from '../../electron/core/app-config.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { withStatementCache } from '../../electron/core/db/statement-cache.ts';
import type { DomainContext } from '../../electron/core/handlers/context.ts';
import { exploreHandlers } from '../../electron/core/handlers/explore.ts';
import { peopleHandlers } from '../../electron/core/handlers/people.ts';
import { riskHandlers } from '../../electron/core/handlers/risk.ts';
import { shareHandlers } from '../../electron/core/handlers/share.ts';
import { dispatch } from '../../electron/core/ipc/dispatch.ts';
import { generateDemoData, type DemoCounts } from '../../electron/core/services/demo/generate.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import { contract, type Channel, type Handlers } from '../../shared/contract.ts';
import type { NoteFields } from '../../shared/domain.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';

export const PASSPHRASE = 'benchmark passphrase';
export const SECRET = { passphrase: PASSPHRASE };
/** `confidant demo`'s generator seed: the same seed and day give the same data in both. */
export const SEED = 2026;
export const ARTIFACTS = resolve(import.meta.dirname, '../../artifacts/bench');

// ---------------------------------------------------------------------------------------------
// Settings from the environment

/** A whole number from the environment, or the default. */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
}

/** A comma-separated list of whole numbers from the environment, or the default. */
export function envSizes(name: string, fallback: number[]): number[] {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const sizes = raw.split(',').map((part) => Number(part.trim()));
  if (sizes.some((size) => !Number.isInteger(size) || size < 1))
    throw new Error(`${name} must list whole numbers, e.g. 300,1000`);
  return sizes;
}

/**
 * The vault sizes (persons) to run: the defaults, plus BENCH_PEOPLE when set (100,000 only by
 * hand: it takes a long time and many gigabytes of disk).
 */
export function benchSizes(listVariable: string, defaults: number[]): number[] {
  const sizes = envSizes(listVariable, defaults);
  const extra = process.env.BENCH_PEOPLE ? envNumber('BENCH_PEOPLE', 0) : 0;
  if (extra > 0) sizes.push(extra);
  return [...new Set(sizes)].sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------
// Statistics and timing

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

export function summarize(values: readonly number[]): Summary {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    min: values.length ? Math.min(...values) : NaN,
    max: values.length ? Math.max(...values) : NaN,
    mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN,
  };
}

/** Milliseconds, with the precision that matters at their size. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

export function ratio(vault: number, plain: number): string {
  if (!Number.isFinite(vault) || !Number.isFinite(plain) || plain <= 0) return '—';
  return `${(vault / plain).toFixed(2)}×`;
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** p50 / p95 of a series, for a table cell. */
export function p50p95(values: readonly number[]): string {
  return values.length ? `${ms(percentile(values, 50))} / ${ms(percentile(values, 95))}` : '—';
}

/** median / max of a series (few samples: backups, locks). */
export function medianMax(values: readonly number[]): string {
  return values.length ? `${ms(percentile(values, 50))} / ${ms(Math.max(...values))}` : '—';
}

/** Runs `run` and returns how long it took, in milliseconds. */
export async function time(run: () => unknown): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Runs `run`, appends its duration to `into`, and returns its result. */
export async function timed<T>(into: number[], run: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  into.push(performance.now() - started);
  return result;
}

/**
 * Runs the cases `rounds` times, interleaved so machine load (other processes on this shared
 * machine, the disk's own write-back) falls on all of them alike: round r starts with case
 * r mod n, so no case always runs first or right after another. Each case records its own time.
 */
export async function alternate(
  rounds: number,
  cases: readonly ((round: number) => unknown)[],
): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < cases.length; k++) await cases[(round + k) % cases.length]!(round);
  }
}

// ---------------------------------------------------------------------------------------------
// Memory

export interface MemoryMark {
  phase: string;
  /** Peak resident set size of the process so far (process.resourceUsage().maxRSS). */
  maxRssBytes: number;
  /** Resident set size now. */
  rssBytes: number;
  heapUsedBytes: number;
}

export function memoryMark(phase: string): MemoryMark {
  const memory = process.memoryUsage();
  return {
    phase,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
  };
}

// ---------------------------------------------------------------------------------------------
// Files

/** fsync a file, or (on POSIX) a folder. */
export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Points os.tmpdir() (which reads TMPDIR at every call) at a folder inside the benchmark's own,
 * so whatever the core leaves in the temporary folder goes when the benchmark removes its root.
 */
export function privateTmpdir(root: string): string {
  const folder = join(root, 'tmp');
  mkdirSync(folder, { recursive: true });
  process.env.TMPDIR = folder;
  return folder;
}

/** Entries of `folder` whose names start with `prefix`. */
export function countEntries(folder: string, prefix: string): number {
  return readdirSync(folder).filter((name) => name.startsWith(prefix)).length;
}

export function fileBytes(path: string): number {
  return statSync(path).size;
}

// ---------------------------------------------------------------------------------------------
// The plain database

/** The pragmas the plain database gets: the vault's (open-database.ts), without a key. */
export const PLAIN_PRAGMAS =
  'journal_mode=WAL, synchronous=FULL, secure_delete=ON, temp_store=MEMORY, locking_mode=EXCLUSIVE, mmap_size=0, cache_size=-65536 (and foreign_keys=ON, trusted_schema=OFF, cell_size_check=ON, journal_size_limit=4 MiB, as the vault)';

/**
 * Opens a plain (unencrypted) SQLite file with the vault's pragmas, in the vault's order
 * (electron/core/db/open-database.ts openVaultDatabase), and the same statement cache.
 */
export function openPlainDatabase(
  path: string,
  options: { create?: boolean; journal?: 'WAL' | 'DELETE'; readOnly?: boolean } = {},
): Database.Database {
  const db = new Database(path, {
    fileMustExist: !options.create,
    readonly: options.readOnly ?? false,
  });
  if (!options.readOnly) db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('mmap_size = 0');
  db.prepare('SELECT count(*) FROM sqlite_schema').get();
  if (!options.readOnly) {
    db.pragma(`journal_mode = ${options.journal ?? 'WAL'}`);
    db.pragma('synchronous = FULL');
    db.pragma('journal_size_limit = 4194304');
  }
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
  db.pragma('trusted_schema = OFF');
  db.pragma('cell_size_check = ON');
  return withStatementCache(db);
}

/** SQLite's integrity_check of a file, as a plain backup's verification. */
export function plainIntegrityCheck(path: string): void {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const result = db.prepare('PRAGMA integrity_check').pluck().all() as string[];
    if (!(result.length === 1 && result[0] === 'ok'))
      throw new Error(`${path} fails integrity_check: ${result.join('; ')}`);
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The demo data, in a vault and in a plain database

export interface DemoPair {
  people: number;
  /** The vault folder (locked when built). */
  vaultPath: string;
  /** The plain database file (closed when built). */
  plainPath: string;
  counts: DemoCounts;
  /** Generating and committing the demo data, one transaction each. */
  vaultBuildMs: number;
  plainBuildMs: number;
  /** vault.db and the plain file at rest (WAL checkpointed). */
  vaultBytes: number;
  plainBytes: number;
}

/**
 * Builds the same demo data (`confidant demo`'s generator, seed SEED, day `now`) twice: into a
 * new vault, as `confidant demo` does, and into a new plain database migrated to the same
 * schema. The generator is seeded, so both hold the same rows; the counts are compared.
 */
export async function buildDemoPair(dir: string, people: number, now: Date): Promise<DemoPair> {
  mkdirSync(dir, { recursive: true });
  const vaultPath = join(dir, 'bench.confidant');
  const plainPath = join(dir, 'plain.db');

  const { vault } = await Vault.create(vaultPath, PASSPHRASE, { kdf: FAST_KDF });
  let started = performance.now();
  let counts: DemoCounts;
  try {
    counts = vault.db.transaction(() => generateDemoData(vault.db, { people, seed: SEED, now }))();
  } finally {
    await vault.lock();
  }
  const vaultBuildMs = performance.now() - started;

  const plain = openPlainDatabase(plainPath, { create: true });
  started = performance.now();
  let plainCounts: DemoCounts;
  try {
    migrate(plain, plainPath);
    plainCounts = plain.transaction(() => generateDemoData(plain, { people, seed: SEED, now }))();
    plain.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    plain.close();
  }
  const plainBuildMs = performance.now() - started;
  if (JSON.stringify(plainCounts) !== JSON.stringify(counts))
    throw new Error(
      `demo data differs: vault ${JSON.stringify(counts)}, plain ${JSON.stringify(plainCounts)}`,
    );
  return {
    people,
    vaultPath,
    plainPath,
    counts,
    vaultBuildMs,
    plainBuildMs,
    vaultBytes: fileBytes(join(vaultPath, 'vault.db')),
    plainBytes: fileBytes(plainPath),
  };
}

// ---------------------------------------------------------------------------------------------
// Calling handlers

export type Call = (channel: Channel, input: unknown) => Promise<unknown>;

/** Calls a handler with its input parsed (defaults filled), no other validation: as the core. */
export function handlerCaller(handlers: Partial<Handlers>): Call {
  return (channel, input) => {
    const handler = handlers[channel] as ((value: unknown) => Promise<unknown>) | undefined;
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(contract[channel].in.parse(input));
  };
}

/** Calls a handler as IPC does: input and output validated by the contract. */
export function dispatchCaller(handlers: Handlers): Call {
  return async (channel, input) => {
    const result = await dispatch(handlers, channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
    return result.value;
  };
}

/** The app's core API, with its own config file in `dir` and the fast Argon2id. */
export function benchCoreApi(dir: string): CoreApi {
  mkdirSync(dir, { recursive: true });
  return createCoreApi({
    config: fileConfigStore(join(dir, 'config.json')),
    defaultVaultPath: join(dir, 'default.confidant'),
    fileDialogs: false,
    vaultOptions: { kdf: FAST_KDF },
  });
}

/** The domain handlers over any connection whose commit is a plain SQLite transaction. */
export function connectionHandlers(connection: () => Database.Database): Partial<Handlers> {
  const context: DomainContext = {
    db: connection,
    now: () => new Date(),
    commit: (change) => {
      const db = connection();
      const at = new Date();
      return Promise.resolve(db.transaction(() => change(db, at))());
    },
  };
  return {
    ...peopleHandlers(context),
    ...exploreHandlers(context),
    ...riskHandlers(context),
    ...shareHandlers(context, { language: () => 'en', vaultPath: () => null }),
  };
}

/** Persons picked the same way in both databases (the data is the same, ids included). */
export function samplePersonIds(db: Database.Database, count: number): number[] {
  return db
    .prepare(
      'SELECT id FROM persons WHERE archived_at IS NULL ORDER BY (id * 2654435761) % 4294967296 LIMIT ?',
    )
    .pluck()
    .all(count) as number[];
}

/** The case note every save benchmark writes: ~500 characters, two persons. */
export function benchNote(personIds: readonly number[], today: string, i: number): NoteFields {
  return {
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
  };
}

// ---------------------------------------------------------------------------------------------
// Output

export interface Machine {
  node: string;
  cpus: number;
  cpuModel: string;
  totalMemBytes: number;
  platform: string;
  /** 1, 5 and 15 minute load averages when the run started and ended. */
  loadAtStart: number[];
  loadAtEnd?: number[];
}

export function machine(): Machine {
  return {
    node: process.version,
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    totalMemBytes: totalmem(),
    platform: `${process.platform} ${process.arch}`,
    loadAtStart: loadavg(),
  };
}

export function loadText(load: readonly number[] | undefined): string {
  return load ? load.map((value) => value.toFixed(2)).join(' / ') : '—';
}

/** Markdown printed as it is made, and kept for the artifacts. */
export class Report {
  readonly lines: string[] = [];

  print(line = ''): void {
    this.lines.push(line);
    process.stdout.write(`${line}\n`);
  }

  table(header: readonly string[], align: readonly ('l' | 'r')[], rows: readonly string[][]): void {
    this.print(`| ${header.join(' | ')} |`);
    this.print(`|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`);
    for (const row of rows) this.print(`| ${row.join(' | ')} |`);
    this.print();
  }

  text(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

/** artifacts/bench/NAME.json and NAME.md. */
export function writeArtifacts(name: string, json: unknown, markdown: string): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, `${name}.json`), `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(join(ARTIFACTS, `${name}.md`), markdown);
}
