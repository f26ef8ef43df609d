/**
 * docs/vault-format.md, the committed fixtures and the code must agree:
 * - every committed fixture still opens with the current code (never regenerate a fixture);
 * - the independent reader (written from the document, importing nothing from electron/)
 *   opens the fixture and whatever the current code writes;
 * - the worked example in the document shows the fixture's real bytes and derived keys.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../electron/core/repos/audit-events.ts';
import { getSetting, setSetting } from '../../electron/core/repos/settings.ts';
import { inspectVaultFile } from '../../electron/core/vault/inspect.ts';
import { latestSchemaVersion } from '../../electron/core/db/migrate.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import { readVault, type ReadSteps } from '../helpers/independent-reader.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = join(ROOT, 'tests/fixtures/vault-v1.confidant');
const fixture = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/vault-v1.json'), 'utf8')) as {
  passphrase: string;
  recoveryKey: string;
  note: string;
  auditEvents: number;
};
const tempDir = useTempDir();

/** Opens a copy, so the committed fixture is never touched (no lock file, no save). */
function copyOfFixture(): string {
  const path = join(tempDir(), 'vault-v1.confidant');
  copyFileSync(FIXTURE, path);
  return path;
}

describe('the v1 fixture', () => {
  it('is the file committed with format v1, unchanged', () => {
    const sha256 = createHash('sha256').update(readFileSync(FIXTURE)).digest('hex');
    expect(sha256).toBe('60613df962655491eb627701cd971d47114f90a5fa624dbdcfa4d2185fa31d1b');
  });

  for (const [name, secret] of [
    ['passphrase', { passphrase: fixture.passphrase }],
    ['recovery key', { recoveryKey: fixture.recoveryKey }],
  ] as const) {
    it(`opens with its ${name} in this version of Confidant`, async () => {
      const vault = await Vault.unlock(copyOfFixture(), secret);
      expect(getSetting(vault.db, 'fixture.note')).toBe(fixture.note);
      expect(listAuditEvents(vault.db, 1000)).toHaveLength(fixture.auditEvents);
      // Made at schema 1 (before the domain tables): upgraded on unlock, its data kept.
      expect(vault.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
      expect(vault.db.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(0);
      await vault.lock();
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

describe('what this version writes', () => {
  for (const backend of ['native', 'libsodium'] as const) {
    it(`(${backend} stream backend) is read by the independent reader, across several 1 MiB chunks`, async () => {
      const path = join(tempDir(), 'fresh.confidant');
      const passphrase = 'Новый пароль для проверки';
      const { vault, recoveryKey } = await Vault.create(path, passphrase, {
        kdf: FAST_KDF,
        streamBackend: backend,
      });
      const filler = 'x'.repeat(5000);
      for (let i = 0; i < 600; i++) setSetting(vault.db, `filler.${i}`, filler);
      setSetting(vault.db, 'check', 'written by this version');
      await vault.save();
      await vault.changePassphrase('a changed passphrase');
      await vault.lock();
      for (const secret of [{ passphrase: 'a changed passphrase' }, { recoveryKey }]) {
        const { db, steps } = await readVault(readFileSync(path), secret);
        expect(steps.chunkSize).toBe(1024 * 1024);
        expect(steps.chunkCount).toBeGreaterThanOrEqual(3);
        expect(db.prepare("SELECT value FROM settings WHERE key = 'check'").pluck().get()).toBe(
          'written by this version',
        );
        db.close();
      }
    });
  }
});

describe('docs/vault-format.md', () => {
  const doc = readFileSync(join(ROOT, 'docs/vault-format.md'), 'utf8');
  const bytes = readFileSync(FIXTURE);

  it("shows the fixture's real header bytes at the offsets it names", () => {
    const rows = [...doc.matchAll(/^\s+(\d+)\s+(\d+) [^\n]*?\b([0-9a-f]{2,})\b(?:\s+=.*)?$/gm)];
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
});
