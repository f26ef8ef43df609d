/**
 * Rows are parsed, not cast (docs/architecture.md "How rows are read"): a row that does not
 * fit its table — here one written with `PRAGMA ignore_check_constraints`, or through a schema
 * edited by hand, as a damaged vault might hold it — fails at the repo with a ZodError naming
 * the column, instead of being handed on as a value no screen, export or package expects.
 * Healthy rows of the same tables are read first, so the schemas are known to fit real rows.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditQuery } from '../../shared/audit.ts';
import { personFields } from '../../shared/domain.ts';
import { engagementPlanFields } from '../../shared/risk.ts';
import {
  appendAuditEvent,
  listAuditEvents,
  newestBackupEvent,
  queryAuditEvents,
} from '../../electron/core/repos/audit-events.ts';
import { getPlan, savePlan } from '../../electron/core/repos/engagement-plans.ts';
import { insertOffer, offerPerson, offersOf } from '../../electron/core/repos/offers.ts';
import { insertPerson } from '../../electron/core/repos/persons.ts';
import {
  listReceivedPackages,
  insertReceivedPackage,
  receivedAt,
} from '../../electron/core/repos/received-packages.ts';
import {
  insertRelationship,
  relationshipsAmong,
  relationshipsAround,
  storedForm,
} from '../../electron/core/repos/relationships.ts';
import { getSetting, setSetting } from '../../electron/core/repos/settings.ts';
import { insertShareKey, readShareKey } from '../../electron/core/repos/share-key.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { createTestVault, PASSPHRASE } from '../helpers/vaults.ts';

const tempDir = useTempDir('confidant-rows-');
const NOW = new Date('2026-03-10T12:00:00.000Z');

/** A fresh vault with two persons; `run` gets its database, the vault is locked after. */
async function withVault(
  run: (db: Database, persons: { anna: number; boris: number }, path: string) => unknown,
): Promise<void> {
  const { vault, path } = await createTestVault(tempDir());
  try {
    const person = (fullName: string, codename: string) =>
      insertPerson(vault.db, { ...personFields.parse({ fullName }), codename }, NOW);
    await run(
      vault.db,
      { anna: person('Anna Smith', 'Falcon'), boris: person('Boris Ivanov', 'Heron') },
      path,
    );
  } finally {
    await vault.lock();
  }
}

/** Writes what the table's CHECKs would refuse, as a damaged or hand-edited vault holds it. */
function damage(db: Database, sql: string, ...params: unknown[]): void {
  db.pragma('ignore_check_constraints = ON');
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.pragma('ignore_check_constraints = OFF');
  }
}

/** `read` throws a ZodError whose first issue is at `path` (a row's column). */
function expectRowError(read: () => unknown, path: PropertyKey[]): void {
  let thrown: unknown;
  try {
    read();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(z.ZodError);
  expect((thrown as z.ZodError).issues[0]?.path).toEqual(path);
}

describe('a damaged row fails at the repo, not on a screen', () => {
  it('an offer of a kind the schema does not know', async () => {
    await withVault((db, { anna }) => {
      const id = insertOffer(
        db,
        {
          personId: anna,
          kind: 'funding',
          partnerId: null,
          status: 'idea',
          description: '',
          proposedOn: null,
          completedOn: null,
          outcome: '',
        },
        NOW,
      );
      expect(offersOf(db, anna).map((offer) => offer.kind)).toEqual(['funding']);
      expect(offerPerson(db, id)).toBe(anna);

      damage(db, "UPDATE offers SET kind = 'bribe' WHERE id = ?", id);
      expectRowError(() => offersOf(db, anna), ['kind']);
    });
  });

  it('an engagement plan with a decision the schema does not know', async () => {
    await withVault((db, { anna }) => {
      savePlan(db, engagementPlanFields.parse({ personId: anna, considerations: {} }), null, NOW);
      expect(getPlan(db, anna)?.decision).toBe('undecided');

      damage(db, "UPDATE engagement_plans SET decision = 'maybe' WHERE person_id = ?", anna);
      expectRowError(() => getPlan(db, anna), ['decision']);
    });
  });

  it('a relationship of a kind the schema does not know', async () => {
    await withVault((db, { anna, boris }) => {
      const id = insertRelationship(
        db,
        storedForm({ fromPersonId: anna, toPersonId: boris, kind: 'superior_of', note: '' }),
        '',
        NOW,
      );
      expect(relationshipsAround(db, anna).map((view) => view.role)).toEqual(['subordinate']);
      expect(relationshipsAmong(db, [anna, boris]).map((edge) => edge.kind)).toEqual([
        'subordinate_of',
      ]);

      damage(db, "UPDATE relationships SET kind = 'enemy_of' WHERE id = ?", id);
      expectRowError(() => relationshipsAround(db, anna), ['kind']);
      expectRowError(() => relationshipsAmong(db, [anna, boris]), ['kind']);
    });
  });

  it('an audit detail that is JSON but not an object', async () => {
    await withVault((db) => {
      appendAuditEvent(db, { action: 'person.created', subject: 'Falcon' }, NOW);
      appendAuditEvent(db, { action: 'vault.locked', detail: { reason: 'manual' } }, NOW);
      expect(listAuditEvents(db)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ action: 'vault.locked', detail: { reason: 'manual' } }),
          expect.objectContaining({ action: 'person.created', subject: 'Falcon', detail: null }),
        ]),
      );

      // The column's CHECK asks only for valid JSON: an array gets in without any pragma.
      db.prepare('INSERT INTO audit_events (at, action, detail) VALUES (?, ?, ?)').run(
        NOW.toISOString(),
        'settings.changed',
        '["autoLockMinutes"]',
      );
      expectRowError(() => listAuditEvents(db), ['detail']);
      expectRowError(() => queryAuditEvents(db, auditQuery.parse({})), ['detail']);
    });
  });

  it('a restore event whose backup time is not text', async () => {
    await withVault((db) => {
      appendAuditEvent(db, { action: 'backup.restored', detail: { backupCreatedAt: 17 } }, NOW);
      expectRowError(() => newestBackupEvent(db, 'backup.written', 'backup.restored'), []);
    });
  });

  it('a settings value that is not text', async () => {
    let vaultPath = '';
    await withVault((db, _persons, path) => {
      vaultPath = path;
      setSetting(db, 'app.auto_lock_minutes', '15', NOW);
      expect(getSetting(db, 'app.auto_lock_minutes')).toBe('15');
      // STRICT refuses a BLOB in a TEXT column: the damage is a schema edited to drop STRICT.
      db.unsafeMode(true);
      db.pragma('writable_schema = ON');
      db.prepare(
        "UPDATE sqlite_schema SET sql = replace(sql, 'STRICT, WITHOUT ROWID', 'WITHOUT ROWID') WHERE name = 'settings'",
      ).run();
      db.pragma('writable_schema = OFF');
      db.unsafeMode(false);
    });
    const vault = await Vault.unlock(vaultPath, { passphrase: PASSPHRASE }, { kdf: FAST_KDF });
    try {
      vault.db
        .prepare('UPDATE settings SET value = ? WHERE key = ?')
        .run(Buffer.from('15'), 'app.auto_lock_minutes');
      expectRowError(() => getSetting(vault.db, 'app.auto_lock_minutes'), []);
    } finally {
      await vault.lock();
    }
  });
});

describe('rows holding bytes parse as bytes', () => {
  it('the share key and a received package', async () => {
    await withVault((db) => {
      expect(readShareKey(db)).toBeUndefined();
      const pair = { publicKey: new Uint8Array(32).fill(1), secretKey: new Uint8Array(32).fill(2) };
      insertShareKey(db, pair, NOW);
      const key = readShareKey(db);
      expect(Buffer.from(key?.publicKey ?? []).equals(Buffer.from(pair.publicKey))).toBe(true);
      expect(Buffer.from(key?.secretKey ?? []).equals(Buffer.from(pair.secretKey))).toBe(true);

      const packageHash = new Uint8Array(32).fill(3);
      expect(receivedAt(db, packageHash)).toBeNull();
      insertReceivedPackage(
        db,
        {
          packageHash,
          createdAt: NOW.toISOString(),
          senderLabel: 'Nordic Rights Watch',
          senderFingerprint: null,
          partnerId: null,
          purpose: 'Joint monitoring',
          persons: 2,
          created: 1,
          matched: 1,
        },
        NOW,
      );
      expect(receivedAt(db, packageHash)).toBe(NOW.toISOString());
      expect(listReceivedPackages(db)).toEqual([
        expect.objectContaining({ senderLabel: 'Nordic Rights Watch', persons: 2, created: 1 }),
      ]);
    });
  });
});
