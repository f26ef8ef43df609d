/**
 * docs/vault-format.md, the committed fixtures and the code must agree:
 * - every committed fixture still opens with the current code (never regenerate a fixture):
 *   the format-1 file (which this version upgrades on unlock) and the format-2 folder;
 * - the independent reader (written from the document, importing nothing from electron/)
 *   opens both fixtures and whatever the current code writes;
 * - the worked example in the document shows the v1 fixture's real bytes and derived keys.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../electron/core/db/migrate.ts';
import { tableCounts } from '../../electron/core/db/table-counts.ts';
import { listAuditEvents } from '../../electron/core/repos/audit-events.ts';
import { getSetting, setSetting } from '../../electron/core/repos/settings.ts';
import { search } from '../../electron/core/services/search.ts';
import { inspectVaultFile } from '../../electron/core/vault/inspect.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import {
  readVault,
  readVaultFolder,
  type ReadSteps,
  type Secret,
} from '../helpers/independent-reader.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = join(ROOT, 'tests/fixtures/vault-v1.confidant');
const fixture = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/vault-v1.json'), 'utf8')) as {
  passphrase: string;
  recoveryKey: string;
  note: string;
  auditEvents: number;
};
const FIXTURE_V2 = join(ROOT, 'tests/fixtures/vault-v2');
const fixtureV2 = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/vault-v2.json'), 'utf8')) as {
  passphrase: string;
  recoveryKey: string;
  kdf: { opslimit: number; memlimit: number };
  note: string;
  persons: { fullName: string; codename: string; position: string }[];
  agency: string;
  meeting: { title: string; body: string };
  search: { text: string; note: string };
  schemaVersion: number;
  tables: Record<string, number>;
};
/** The committed format-2 fixture, file by file. */
const FIXTURE_V2_SHA256 = {
  keys: '26959815a6181c47ec3b6479931732893d20bf8d090d65470b5139eb20e70cf4',
  'vault.db': '79e1e6561e15b2b34b1cec086b8efae0ca793f33b140b891b70f28f03f84a119',
};
const tempDir = useTempDir();

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Opens a copy, so the committed fixture is never touched (no lock file, no upgrade). */
function copyOfFixture(): string {
  const path = join(tempDir(), 'vault-v1.confidant');
  copyFileSync(FIXTURE, path);
  return path;
}

/** A copy of the v2 folder: unlocking writes beside the database (WAL, lock file). */
function copyOfFixtureV2(): string {
  const path = join(tempDir(), 'vault-v2');
  cpSync(FIXTURE_V2, path, { recursive: true });
  return path;
}

function fixtureV2Hashes(folder = FIXTURE_V2): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder)
      .sort()
      .map((name) => [name, sha256(readFileSync(join(folder, name)))]),
  );
}

const secretsOf = (f: { passphrase: string; recoveryKey: string }) =>
  [
    ['passphrase', { passphrase: f.passphrase }],
    ['recovery key', { recoveryKey: f.recoveryKey }],
  ] as const;

describe('the v1 fixture', () => {
  it('is the file committed with format v1, unchanged', () => {
    expect(sha256(readFileSync(FIXTURE))).toBe(
      '60613df962655491eb627701cd971d47114f90a5fa624dbdcfa4d2185fa31d1b',
    );
  });

  for (const [name, secret] of secretsOf(fixture)) {
    it(`opens with its ${name} in this version of Confidant: upgraded to format 2, the v1 file kept byte for byte`, async () => {
      const path = copyOfFixture();
      const vault = await Vault.unlock(path, secret);
      expect(vault.formatVersion).toBe(2);
      expect(vault.upgradedFrom).toBe(`${path}.v1`);
      expect(getSetting(vault.db, 'fixture.note')).toBe(fixture.note);
      expect(listAuditEvents(vault.db, 1000)).toHaveLength(fixture.auditEvents);
      // Made at schema 1 (before the domain tables): migrated on unlock, its data kept.
      expect(vault.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
      expect(vault.db.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(0);
      await vault.lock();
      expect(readFileSync(`${path}.v1`).equals(readFileSync(FIXTURE))).toBe(true);
      expect(statSync(path).isDirectory()).toBe(true);
      expect(readdirSync(path).sort()).toEqual(['keys', 'vault.db']);
      // The same keyslots moved over: both of the fixture's secrets open the new folder.
      for (const [, again] of secretsOf(fixture)) {
        const reopened = await Vault.unlock(path, again);
        expect(reopened.upgradedFrom).toBeNull();
        expect(getSetting(reopened.db, 'fixture.note')).toBe(fixture.note);
        await reopened.lock();
      }
      // And the independent reader reads what the upgrade wrote.
      const read = await readVaultFolder(path, secret);
      expect(
        read.db.prepare("SELECT value FROM settings WHERE key = 'fixture.note'").pluck().get(),
      ).toBe(fixture.note);
      expect(read.steps.integrity).toBe('ok');
      read.close();
    });

    it(`opens with its ${name} in the independent reader`, async () => {
      const { db } = await readVault(readFileSync(FIXTURE), secret);
      expect(
        db.prepare("SELECT value FROM settings WHERE key = 'fixture.note'").pluck().get(),
      ).toBe(fixture.note);
      expect(db.prepare('SELECT count(*) FROM audit_events').pluck().get()).toBe(
        fixture.auditEvents,
      );
      db.close();
    });
  }

  it('opens read-only without being converted (shown as format 1)', async () => {
    const path = copyOfFixture();
    const vault = await Vault.unlock(path, { passphrase: fixture.passphrase }, { readOnly: true });
    expect(vault.formatVersion).toBe(1);
    expect(getSetting(vault.db, 'fixture.note')).toBe(fixture.note);
    await vault.lock();
    expect(readdirSync(join(path, '..'))).toEqual(['vault-v1.confidant']);
    expect(readFileSync(path).equals(readFileSync(FIXTURE))).toBe(true);
  });

  it('is described by `info` without its passphrase', async () => {
    const info = await inspectVaultFile(copyOfFixture());
    expect(info).toMatchObject({
      formatVersion: 1,
      chunkSize: 4096,
      fileBytes: 16724,
      slots: [{ type: 'passphrase', opslimit: 2, memlimit: 8 * 1024 * 1024 }, { type: 'recovery' }],
    });
  });
});

describe('the v2 fixture', () => {
  it('is the folder committed with format 2, unchanged: `keys` and `vault.db`, nothing else', () => {
    expect(fixtureV2Hashes()).toEqual(FIXTURE_V2_SHA256);
  });

  for (const [name, secret] of secretsOf(fixtureV2)) {
    it(`opens with its ${name} in this version of Confidant, its records and search intact`, async () => {
      const path = copyOfFixtureV2();
      const vault = await Vault.unlock(path, secret);
      expect(vault.formatVersion).toBe(2);
      expect(vault.upgradedFrom).toBeNull();
      const db = vault.db;
      expect(getSetting(db, 'fixture.note')).toBe(fixtureV2.note);
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
      for (const person of fixtureV2.persons) {
        expect(
          db
            .prepare('SELECT full_name, position FROM persons WHERE codename = ?')
            .get(person.codename),
        ).toEqual({ full_name: person.fullName, position: person.position });
      }
      expect(db.prepare('SELECT name FROM agencies').pluck().all()).toEqual([fixtureV2.agency]);
      expect(
        db
          .prepare('SELECT body FROM case_notes WHERE title = ?')
          .pluck()
          .get(fixtureV2.meeting.title),
      ).toBe(fixtureV2.meeting.body);
      // The full-text index came along with the rows.
      expect(search(db, fixtureV2.search.text, 10).map((hit) => hit.title)).toEqual([
        fixtureV2.search.note,
      ]);
      const counts = Object.fromEntries(tableCounts(db).map((t) => [t.name, t.rows]));
      for (const table of ['persons', 'agencies', 'case_notes', 'note_persons', 'relationships'])
        expect(counts[table], table).toBe(fixtureV2.tables[table]);
      expect(counts.audit_events).toBe(fixtureV2.tables.audit_events);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      await vault.lock();
      expect(readdirSync(path).sort()).toEqual(['keys', 'vault.db']);
    });

    it(`opens with its ${name} in the independent reader, which leaves the folder as it was`, async () => {
      const read = await readVaultFolder(FIXTURE_V2, secret);
      try {
        expect(read.steps).toMatchObject({
          formatVersion: 2,
          kind: 3,
          flags: 0,
          databaseHead: read.steps.dbSalt,
          integrity: 'ok',
          databaseBytes: read.steps.pageSize * read.steps.pageCount,
        });
        expect(read.steps.slots.map((slot) => slot.type)).toEqual([1, 2]);
        if ('passphrase' in secret) {
          expect(read.steps).toMatchObject(fixtureV2.kdf);
        }
        expect(
          read.db.prepare("SELECT value FROM settings WHERE key = 'fixture.note'").pluck().get(),
        ).toBe(fixtureV2.note);
        expect(read.db.prepare('SELECT full_name FROM persons ORDER BY id').pluck().all()).toEqual(
          fixtureV2.persons.map((person) => person.fullName),
        );
        expect(read.db.pragma('user_version', { simple: true })).toBe(fixtureV2.schemaVersion);
      } finally {
        read.close();
      }
      expect(fixtureV2Hashes()).toEqual(FIXTURE_V2_SHA256);
    });
  }

  it('gives the reader the same master key from the passphrase and from the recovery key', async () => {
    const keys: string[] = [];
    for (const [, secret] of secretsOf(fixtureV2)) {
      const read = await readVaultFolder(FIXTURE_V2, secret);
      keys.push(read.steps.masterKey, read.steps.databaseKey);
      read.close();
    }
    expect(keys[0]).toBe(keys[2]);
    expect(keys[1]).toBe(keys[3]);
  });

  it('is described by `info` without its passphrase', async () => {
    const path = copyOfFixtureV2();
    expect(await inspectVaultFile(path)).toMatchObject({
      file: path,
      formatVersion: 2,
      fileBytes: statSync(join(path, 'vault.db')).size,
      slots: [{ type: 'passphrase', ...fixtureV2.kdf }, { type: 'recovery' }],
    });
    expect(fixtureV2Hashes(path)).toEqual(FIXTURE_V2_SHA256);
  });
});

describe('what this version writes', () => {
  /** A vault with a few megabytes of rows: hundreds of database pages. */
  async function bigVault(passphrase: string) {
    const path = join(tempDir(), 'fresh.confidant');
    const { vault, recoveryKey } = await Vault.create(path, passphrase, { kdf: FAST_KDF });
    const filler = 'ж'.repeat(2500);
    vault.db.transaction(() => {
      for (let i = 0; i < 600; i++) setSetting(vault.db, `filler.${i}`, filler);
    })();
    setSetting(vault.db, 'check', 'записано этой версией');
    return { path, vault, recoveryKey };
  }

  async function expectReadable(path: string, secret: Secret) {
    const read = await readVaultFolder(path, secret);
    try {
      expect(read.steps.formatVersion).toBe(2);
      expect(read.steps.databaseHead).toBe(read.steps.dbSalt);
      expect(read.steps.pageCount).toBeGreaterThan(300);
      expect(read.steps.integrity).toBe('ok');
      expect(read.db.prepare("SELECT value FROM settings WHERE key = 'check'").pluck().get()).toBe(
        'записано этой версией',
      );
      expect(
        read.db.prepare("SELECT count(*) FROM settings WHERE key LIKE 'filler.%'").pluck().get(),
      ).toBe(600);
      return read.steps;
    } finally {
      read.close();
    }
  }

  it('is read by the independent reader, after a passphrase change, with the new passphrase and the recovery key', async () => {
    const { path, vault, recoveryKey } = await bigVault('Новый пароль для проверки');
    await vault.changePassphrase('a changed passphrase');
    await vault.lock();
    expect(readFileSync(join(path, 'vault.db')).subarray(0, 15).toString('latin1')).not.toBe(
      'SQLite format 3',
    );
    const viaPassphrase = await expectReadable(path, { passphrase: 'a changed passphrase' });
    expect(viaPassphrase).toMatchObject(FAST_KDF);
    const viaRecovery = await expectReadable(path, { recoveryKey });
    expect(viaRecovery.masterKey).toBe(viaPassphrase.masterKey);
    await expect(
      readVaultFolder(path, { passphrase: 'Новый пароль для проверки' }),
    ).rejects.toThrow(/opens no slot/);
  });

  it('is read by the independent reader after a re-key, with the new secrets only', async () => {
    const { path, vault, recoveryKey: oldRecoveryKey } = await bigVault('the first passphrase');
    const { recoveryKey } = await vault.rekey('the second passphrase');
    await vault.lock();
    const steps = await expectReadable(path, { passphrase: 'the second passphrase' });
    expect((await expectReadable(path, { recoveryKey })).databaseKey).toBe(steps.databaseKey);
    for (const old of [{ passphrase: 'the first passphrase' }, { recoveryKey: oldRecoveryKey }])
      await expect(readVaultFolder(path, old)).rejects.toThrow(/opens no slot/);
  });
});

/** A row of a worked example: offset, size, field name, the bytes in hex, maybe `= value`. */
const BYTE_ROW = /^\s+(\d+)\s+(\d+) [^\n]*?\b([0-9a-f]{2,})\b(?:\s+=.*)?$/gm;

describe('docs/vault-format.md', () => {
  const whole = readFileSync(join(ROOT, 'docs/vault-format.md'), 'utf8');
  /** One numbered section, from its heading to the next one. */
  const section = (number: number) =>
    new RegExp(`^## ${number}\\. [^]*?(?=^## |(?![^]))`, 'm').exec(whole)?.[0] ?? '';
  // §12 is the worked example of the v1 fixture.
  const doc = section(12);
  const bytes = readFileSync(FIXTURE);

  it('has the worked example of the v1 fixture in §12', () => {
    expect(doc).toMatch(/^## 12\. Worked example: the v1 fixture/);
  });

  it("shows the fixture's real header bytes at the offsets it names", () => {
    const rows = [...doc.matchAll(BYTE_ROW)];
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const [line, offset, size, hex] of rows) {
      const start = Number(offset);
      expect(bytes.subarray(start, start + Number(size)).toString('hex'), line.trim()).toBe(hex);
    }
  });

  it("shows the keys a reader derives from the fixture's secrets", async () => {
    const viaPassphrase = await readVault(bytes, { passphrase: fixture.passphrase });
    const viaRecovery = await readVault(bytes, { recoveryKey: fixture.recoveryKey });
    const shown = (label: string) => new RegExp(`^${label}\\s+([0-9a-f]{64})$`, 'm').exec(doc)?.[1];
    const steps: ReadSteps = viaPassphrase.steps;
    expect(shown('passphrase KEK')).toBe(steps.kek);
    expect(shown('recovery KEK')).toBe(viaRecovery.steps.kek);
    expect(shown('master key')).toBe(steps.masterKey);
    expect(viaRecovery.steps.masterKey).toBe(steps.masterKey);
    expect(shown('payload key')).toBe(steps.payloadKey);
    expect(doc).toContain(`\`${fixture.recoveryKey}\``);
    expect(doc).toContain(Buffer.from(fixture.passphrase.normalize('NFC')).toString('hex'));
    expect(doc).toContain(
      `${bytes.length} − ${steps.headerLength} = ${bytes.length - steps.headerLength} bytes = ${steps.chunkCount} chunks`,
    );
    expect(steps.imageStart).toBe('SQLite format 3\0');
    viaPassphrase.db.close();
    viaRecovery.db.close();
  });

  // §21 is the worked example of the v2 fixture; it runs once the section lists the bytes.
  const v2Example = section(21);
  const v2Rows = [...v2Example.matchAll(BYTE_ROW)];

  it.skipIf(v2Rows.length === 0)(
    "§21 shows the v2 fixture's real `keys` bytes and the keys a reader derives from its secrets",
    async () => {
      const keys = readFileSync(join(FIXTURE_V2, 'keys'));
      expect(v2Rows.length).toBeGreaterThanOrEqual(20);
      for (const [line, offset, size, hex] of v2Rows) {
        const start = Number(offset);
        expect(keys.subarray(start, start + Number(size)).toString('hex'), line.trim()).toBe(hex);
      }
      const viaPassphrase = await readVaultFolder(FIXTURE_V2, { passphrase: fixtureV2.passphrase });
      const viaRecovery = await readVaultFolder(FIXTURE_V2, { recoveryKey: fixtureV2.recoveryKey });
      viaPassphrase.close();
      viaRecovery.close();
      const shown = (label: string) =>
        new RegExp(`^${label}\\s+([0-9a-f]{64})$`, 'm').exec(v2Example)?.[1];
      expect(shown('passphrase KEK')).toBe(viaPassphrase.steps.kek);
      expect(shown('recovery KEK')).toBe(viaRecovery.steps.kek);
      expect(shown('master key')).toBe(viaPassphrase.steps.masterKey);
      expect(shown('database key')).toBe(viaPassphrase.steps.databaseKey);
      expect(v2Example).toContain(`\`${fixtureV2.recoveryKey}\``);
      expect(v2Example).toContain(
        Buffer.from(fixtureV2.passphrase.normalize('NFC')).toString('hex'),
      );
    },
  );
});
