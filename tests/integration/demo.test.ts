/**
 * `confidant demo FILE --people N [--seed S]` in-process (runCli, fast Argon2id): the vault it
 * makes opens with the passphrase given, holds what the summary says, keeps the domain's rules
 * (no one related to themselves, every note about someone), says it is a demo, and is the same
 * for the same seed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run.ts';
import { SETTING_DEMO, getSetting } from '../../electron/core/repos/settings.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import { en } from '../../shared/i18n/en.ts';
import { ru } from '../../shared/i18n/ru.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import { makeTestApi } from '../helpers/api.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir('confidant-demo-');
const PASSPHRASE = 'a demo passphrase, long enough';
const NOW = new Date('2026-03-10T12:00:00Z');

function collector(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function cli(argv: string[], lines: string[] = [PASSPHRASE], env = { LANG: 'en_US.UTF-8' }) {
  const stdout = collector();
  const stderr = collector();
  const code = await runCli(
    argv,
    {
      stdin: Readable.from(lines.map((line) => `${line}\n`)),
      stdout: stdout.stream,
      stderr: stderr.stream,
      env,
    },
    { vaultOptions: { kdf: FAST_KDF, now: () => NOW } },
  );
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

async function withVault<T>(path: string, read: (db: Database) => T): Promise<T> {
  const vault = await Vault.unlock(path, { passphrase: PASSPHRASE });
  try {
    return read(vault.db);
  } finally {
    await vault.lock();
  }
}

const count = (db: Database, sql: string) => db.prepare(sql).pluck().get() as number;

/** What a vault holds, without the timestamps of when it was written. */
function content(db: Database) {
  return {
    persons: db
      .prepare(
        `SELECT codename, full_name, position, rank, agency_id, sphere, region, stage, consent,
           owner, next_follow_up, about FROM persons ORDER BY id`,
      )
      .all(),
    tags: db.prepare('SELECT * FROM person_tags ORDER BY person_id, tag').all(),
    agencies: db.prepare('SELECT name, sphere, region, parent_id FROM agencies ORDER BY id').all(),
    relationships: db
      .prepare('SELECT from_person_id, to_person_id, kind, note FROM relationships ORDER BY id')
      .all(),
    notes: db
      .prepare(
        `SELECT occurred_on, kind, title, body, asked_for, offered, follow_up_on, restricted,
           source, stance FROM case_notes ORDER BY id`,
      )
      .all(),
    notePersons: db.prepare('SELECT * FROM note_persons ORDER BY note_id, person_id').all(),
    offers: db.prepare('SELECT person_id, kind, partner_id, status FROM offers ORDER BY id').all(),
  };
}

describe('confidant demo', () => {
  it('creates a vault filled with fictional data that keeps the domain’s rules', async () => {
    const file = join(tempDir(), 'demo.confidant');
    const run = await cli(['demo', file, '--people', '50', '--seed', '7']);
    expect(run.stderr).not.toContain('confidant:');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(en.cli.init.created.replace('{{file}}', file));
    expect(run.stdout).toMatch(/^Recovery key: [0-9A-Z]{4}(-[0-9A-Z]{4}){8}$/m);
    const summary =
      /(\d+) persons, (\d+) agencies, (\d+) partner organisations, (\d+) relationships, (\d+) case notes, (\d+) offers/.exec(
        run.stdout,
      );
    expect(summary?.slice(1).map(Number)).toEqual([50, 3, 10, 75, 500, 25]);

    await withVault(file, (db) => {
      expect(getSetting(db, SETTING_DEMO)).toBe('true');
      expect(count(db, 'SELECT count(*) FROM persons')).toBe(50);
      expect(count(db, 'SELECT count(*) FROM agencies')).toBe(3);
      expect(count(db, 'SELECT count(*) FROM partner_orgs')).toBe(10);
      expect(count(db, 'SELECT count(*) FROM relationships')).toBe(75);
      expect(count(db, 'SELECT count(*) FROM case_notes')).toBe(500);
      expect(count(db, 'SELECT count(*) FROM offers')).toBe(25);
      // No one is related to themselves, and no pair twice (either way round).
      expect(
        count(db, 'SELECT count(*) FROM relationships WHERE from_person_id = to_person_id'),
      ).toBe(0);
      expect(
        count(
          db,
          `SELECT count(*) FROM (SELECT min(from_person_id, to_person_id) a,
             max(from_person_id, to_person_id) b FROM relationships GROUP BY a, b HAVING count(*) > 1)`,
        ),
      ).toBe(0);
      // Every note is about one to three persons.
      expect(
        count(
          db,
          `SELECT count(*) FROM case_notes n WHERE NOT EXISTS
             (SELECT 1 FROM note_persons np WHERE np.note_id = n.id)`,
        ),
      ).toBe(0);
      expect(
        count(db, 'SELECT max(c) FROM (SELECT count(*) c FROM note_persons GROUP BY note_id)'),
      ).toBeLessThanOrEqual(3);
      // Bodies of 200–800 characters; some restricted; statements with source and stance.
      expect(count(db, 'SELECT min(length(body)) FROM case_notes')).toBeGreaterThanOrEqual(200);
      expect(count(db, 'SELECT max(length(body)) FROM case_notes')).toBeLessThanOrEqual(800);
      const restricted = count(db, 'SELECT count(*) FROM case_notes WHERE restricted = 1');
      expect(restricted).toBeGreaterThan(20);
      expect(restricted).toBeLessThan(90);
      expect(
        count(
          db,
          `SELECT count(*) FROM case_notes WHERE kind = 'public_statement'
             AND (source = '' OR stance IS NULL)`,
        ),
      ).toBe(0);
      expect(
        count(db, `SELECT count(*) FROM case_notes WHERE kind = 'public_statement'`),
      ).toBeGreaterThan(10);
      // Mostly Russian names, some English; several stages, consents and owners.
      const russian = count(db, `SELECT count(*) FROM persons WHERE full_name GLOB '*[А-Яа-я]*'`);
      expect(russian).toBeGreaterThanOrEqual(25);
      expect(russian).toBeLessThanOrEqual(45);
      expect(count(db, 'SELECT count(DISTINCT stage) FROM persons')).toBeGreaterThanOrEqual(6);
      expect(count(db, 'SELECT count(DISTINCT consent) FROM persons')).toBeGreaterThanOrEqual(3);
      expect(count(db, 'SELECT count(DISTINCT owner) FROM persons')).toBeGreaterThanOrEqual(4);
      expect(
        count(db, 'SELECT count(*) FROM agencies WHERE parent_id IS NOT NULL'),
      ).toBeGreaterThan(0);
      // Some follow-ups due, some ahead.
      expect(
        count(db, `SELECT count(*) FROM persons WHERE next_follow_up <= '2026-03-10'`),
      ).toBeGreaterThan(0);
      expect(
        count(db, `SELECT count(*) FROM persons WHERE next_follow_up > '2026-03-10'`),
      ).toBeGreaterThan(0);
      // The search index and stage history are written as for persons made in the app.
      expect(count(db, 'SELECT count(*) FROM stage_changes')).toBe(50);
      expect(count(db, `SELECT count(*) FROM audit_events WHERE action = 'demo.filled'`)).toBe(1);
    });

    // The app opens it, shows it as a demo, and finds its notes.
    const api = makeTestApi(tempDir());
    const status = await api.call('vault:unlock', {
      path: file,
      secret: { passphrase: PASSPHRASE },
    });
    expect(status.demo).toBe(true);
    const hits = await api.call('search:query', { text: 'семинар', limit: 20 });
    expect(hits.hits.length).toBeGreaterThan(0);
    const list = await api.call('persons:list', {});
    expect(list.total).toBe(50);
    const page = await api.call('persons:get', { id: list.rows[0]!.id });
    expect(page.person.codename).not.toBe('');
    await api.core.lock('manual');
  }, 60_000);

  it('makes the same vault for the same seed, and another for another seed', async () => {
    const dir = tempDir();
    const paths = ['a', 'b', 'c'].map((name) => join(dir, `${name}.confidant`));
    expect((await cli(['demo', paths[0]!, '--people', '30', '--seed', '42'])).code).toBe(0);
    expect((await cli(['demo', paths[1]!, '--people', '30', '--seed', '42'])).code).toBe(0);
    expect((await cli(['demo', paths[2]!, '--people', '30', '--seed', '43'])).code).toBe(0);
    const [a, b, c] = await Promise.all(paths.map((path) => withVault(path, content)));
    expect(b).toEqual(a);
    expect(c!.persons).not.toEqual(a!.persons);
  }, 60_000);

  it('speaks Russian to a Russian user', async () => {
    const file = join(tempDir(), 'демо.confidant');
    const run = await cli(['demo', file, '--people', '5'], [PASSPHRASE], { LANG: 'ru_RU.UTF-8' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(ru.cli.init.created.replace('{{file}}', file));
    expect(run.stdout).toContain('людей — 5');
    expect(run.stdout).toContain('зерно 1');
  });

  it.each([
    [['--people', '0']],
    [['--people', '50001']],
    [['--people', 'many']],
    [['--people', '2.5']],
    [[]],
  ])('refuses a bad number of persons %j (exit 2) and creates nothing', async (options) => {
    const file = join(tempDir(), 'demo.confidant');
    const run = await cli(['demo', file, ...options]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `confidant: ${en.cli.demo.usagePeople.replace('{{min}}', '1').replace('{{max}}', '50000')}\n`,
    );
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a bad seed (exit 2), and --people on another command', async () => {
    const dir = tempDir();
    const file = join(dir, 'demo.confidant');
    const badSeed = await cli(['demo', file, '--people', '5', '--seed=soon']);
    expect(badSeed.code).toBe(2);
    expect(badSeed.stderr).toContain('seed');
    expect(existsSync(file)).toBe(false);
    const wrongCommand = await cli(['init', file, '--people', '5']);
    expect(wrongCommand.code).toBe(2);
    expect(wrongCommand.stderr).toBe(
      `confidant: ${en.cli.usageBadOption.replace('{{option}}', '--people').replace('{{command}}', 'init')}\n`,
    );
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a file that exists (exit 1) and leaves it as it was', async () => {
    const file = join(tempDir(), 'taken.confidant');
    writeFileSync(file, 'mine');
    const run = await cli(['demo', file, '--people', '5']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`confidant: ${en.errors.FILE_EXISTS.replace('{{file}}', file)}\n`);
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });

  it('lists demo in the help', async () => {
    const run = await cli(['--help'], []);
    expect(run.stdout).toContain('demo FILE --people N');
  });
});
