/**
 * `npm run bench`: the vault against a plain on-disk SQLite database doing the same work.
 *
 * For database images of 1, 10 and 50 MB:
 * - save latency (p50/p95): insert one ~1 KB row and make it durable — the vault re-encrypts
 *   and atomically rewrites the whole file; plain SQLite commits with synchronous=FULL
 *   (rollback journal, and WAL for reference);
 * - unlock: with the default Argon2id (3 passes, 256 MiB) and without it (read + decrypt +
 *   load), against opening the plain database and reading a row count.
 * The vault runs with both secretstream backends: `native` (node:crypto; the CLI) and
 * `libsodium` (WASM; what Electron's main process has, since BoringSSL lacks ChaCha20).
 * Results are printed as Markdown and written to artifacts/bench/vault.json.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { DEFAULT_ARGON2 } from '../../electron/core/crypto/kdf.ts';
import type { StreamBackend } from '../../electron/core/crypto/secretstream.ts';
import { Vault, type UnlockStats } from '../../electron/core/vault/vault.ts';

const SIZES_MB = (process.env.BENCH_SIZES ?? '1,10,50').split(',').map(Number);
const SAVES = Number(process.env.BENCH_SAVES ?? 60);
/** The first saves after unlock pay for JIT warm-up and the first buffer allocation. */
const WARMUP_SAVES = 3;
const UNLOCKS = Number(process.env.BENCH_UNLOCKS ?? 7);
const PASSPHRASE = 'benchmark passphrase';
const ROW_BYTES = 1000;
const BACKENDS: StreamBackend[] = ['native', 'libsodium'];

const root = mkdtempSync(join(tmpdir(), 'confidant-bench-'));
const results: Record<string, unknown>[] = [];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function median(values: number[]): number {
  return percentile(values, 50);
}

const ms = (value: number) => value.toFixed(1);

function row(): string {
  return randomBytes((ROW_BYTES * 3) / 4).toString('base64');
}

const SCHEMA = 'CREATE TABLE bench_rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT';

/** Inserts rows until the database file/image reaches `mb` megabytes. */
function fill(db: Database.Database, mb: number): void {
  db.exec(SCHEMA);
  const insert = db.prepare('INSERT INTO bench_rows (body) VALUES (?)');
  const target = mb * 1024 * 1024;
  const size = () =>
    (db.pragma('page_count', { simple: true }) as number) *
    (db.pragma('page_size', { simple: true }) as number);
  while (size() < target) {
    db.transaction(() => {
      for (let i = 0; i < 1000; i++) insert.run(row());
    })();
  }
}

async function benchVault(mb: number, backend: StreamBackend) {
  const dir = join(root, `vault-${mb}-${backend}`);
  mkdirSync(dir);
  const path = join(dir, 'bench.confidant');
  const { vault, recoveryKey } = await Vault.create(path, PASSPHRASE, {
    kdf: DEFAULT_ARGON2,
    streamBackend: backend,
  });
  fill(vault.db, mb);
  await vault.save();
  const imageBytes = (vault.db.pragma('page_count', { simple: true }) as number) * 4096;
  const insert = vault.db.prepare('INSERT INTO bench_rows (body) VALUES (?)');
  const saves: number[] = [];
  for (let i = 0; i < WARMUP_SAVES + SAVES; i++) {
    const started = performance.now();
    insert.run(row());
    await vault.save();
    saves.push(performance.now() - started);
  }
  await vault.lock();
  const firstSave = saves.splice(0, WARMUP_SAVES)[0] ?? NaN;
  // With the KDF: the passphrase (Argon2id, defaults). Without it: the recovery key, which
  // takes every other step of an unlock (lock file, read, keyslot, decrypt, load).
  const unlockTimes = async (secret: { passphrase: string } | { recoveryKey: string }) => {
    const times: number[] = [];
    const breakdown: UnlockStats[] = [];
    for (let i = 0; i < UNLOCKS; i++) {
      const started = performance.now();
      const reopened = await Vault.unlock(path, secret, { streamBackend: backend });
      times.push(performance.now() - started);
      breakdown.push(reopened.unlockStats);
      await reopened.lock();
    }
    return { times, breakdown };
  };
  const withKdf = await unlockTimes({ passphrase: PASSPHRASE });
  const withoutKdf = await unlockTimes({ recoveryKey });
  return {
    imageBytes,
    saves,
    firstSave,
    withKdf: withKdf.times,
    withoutKdf: withoutKdf.times,
    breakdown: withoutKdf.breakdown,
  };
}

function benchPlain(mb: number, journal: 'DELETE' | 'WAL') {
  const dir = join(root, `plain-${mb}-${journal}`);
  mkdirSync(dir);
  const path = join(dir, 'plain.db');
  const db = new Database(path);
  db.pragma(`journal_mode = ${journal}`);
  db.pragma('synchronous = FULL');
  fill(db, mb);
  const insert = db.prepare('INSERT INTO bench_rows (body) VALUES (?)');
  const saves: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    const started = performance.now();
    insert.run(row()); // autocommit: one durable transaction per row
    saves.push(performance.now() - started);
  }
  db.close();
  const opens: number[] = [];
  for (let i = 0; i < UNLOCKS; i++) {
    const started = performance.now();
    const reopened = new Database(path);
    reopened.prepare('SELECT count(*) FROM bench_rows').pluck().get();
    opens.push(performance.now() - started);
    reopened.close();
  }
  return { saves, opens };
}

const lines: string[] = [];
const print = (line = '') => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};

print(`# Vault benchmark — ${new Date().toISOString()}`);
print();
print(
  `Node ${process.version}; per case ${SAVES} saves (after ${WARMUP_SAVES} warm-up saves, the first shown apart) and ${UNLOCKS} unlocks; rows of ~${ROW_BYTES} bytes.`,
);
print(
  'Save = insert one row and make it durable. Unlock = wall time until the database can be used;',
);
print('"w/o KDF" opens with the recovery key: every step of an unlock except Argon2id.');
print();
print(
  '| image | what | save p50 | save p95 | first save | unlock (Argon2id) | unlock w/o KDF / open |',
);
print('|---:|---|---:|---:|---:|---:|---:|');
try {
  for (const mb of SIZES_MB) {
    for (const backend of BACKENDS) {
      const vault = await benchVault(mb, backend);
      const label = backend === 'native' ? 'vault, native (CLI)' : 'vault, libsodium (app)';
      print(
        `| ${mb} MB | ${label} | ${ms(median(vault.saves))} ms | ${ms(percentile(vault.saves, 95))} ms | ${ms(vault.firstSave)} ms | ${ms(median(vault.withKdf))} ms | ${ms(median(vault.withoutKdf))} ms |`,
      );
      results.push({
        mb,
        kind: `vault-${backend}`,
        imageBytes: vault.imageBytes,
        savesMs: vault.saves,
        unlockMs: vault.withKdf,
        unlockWithoutKdfMs: vault.withoutKdf,
        unlockWithoutKdfBreakdown: vault.breakdown,
      });
    }
    for (const journal of ['DELETE', 'WAL'] as const) {
      const plain = benchPlain(mb, journal);
      print(
        `| ${mb} MB | plain SQLite, ${journal === 'DELETE' ? 'rollback journal' : 'WAL'}, synchronous=FULL | ${ms(median(plain.saves))} ms | ${ms(percentile(plain.saves, 95))} ms | — | — | ${ms(median(plain.opens))} ms |`,
      );
      results.push({ mb, kind: `plain-${journal}`, savesMs: plain.saves, openMs: plain.opens });
    }
  }
  print();
  print('Targets (issue 2): save p95 ≤ 50 ms at 10 MB; unlock without the KDF ≤ 100 ms at 50 MB.');
  const out = resolve(import.meta.dirname, '../../artifacts/bench');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'vault.json'),
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`,
  );
  writeFileSync(join(out, 'vault.md'), `${lines.join('\n')}\n`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
