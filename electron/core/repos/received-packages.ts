/** Packages imported from other vaults: their provenance, and the hash that stops a re-import. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import type { ReceivedPackage } from '../../../shared/share.ts';
import { parseOptionalRow, parseRows } from './rows.ts';

export type NewReceivedPackage = Omit<ReceivedPackage, 'id' | 'importedAt'> & {
  packageHash: Uint8Array;
};

const receivedRow = z.object({
  id: z.number(),
  imported_at: z.string(),
  created_at: z.string(),
  package_hash: z.instanceof(Buffer),
  sender_label: z.string(),
  sender_fingerprint: z.string().nullable(),
  partner_id: z.number().nullable(),
  purpose: z.string(),
  persons: z.number(),
  created: z.number(),
  matched: z.number(),
});

export function receivedAt(db: Database, packageHash: Uint8Array): string | null {
  return (
    parseOptionalRow(
      z.string(),
      db
        .prepare('SELECT imported_at FROM received_packages WHERE package_hash = ?')
        .pluck()
        .get(Buffer.from(packageHash)),
    ) ?? null
  );
}

export function insertReceivedPackage(db: Database, record: NewReceivedPackage, now: Date): number {
  return Number(
    db
      .prepare(
        `INSERT INTO received_packages (imported_at, created_at, package_hash, sender_label,
           sender_fingerprint, partner_id, purpose, persons, created, matched)
         VALUES (@importedAt, @createdAt, @packageHash, @senderLabel, @senderFingerprint,
           @partnerId, @purpose, @persons, @created, @matched)`,
      )
      .run({
        ...record,
        packageHash: Buffer.from(record.packageHash),
        importedAt: now.toISOString(),
      }).lastInsertRowid,
  );
}

export function listReceivedPackages(db: Database): ReceivedPackage[] {
  return parseRows(
    receivedRow,
    db.prepare('SELECT * FROM received_packages ORDER BY id DESC').all(),
  ).map((row) => ({
    id: row.id,
    importedAt: row.imported_at,
    createdAt: row.created_at,
    senderLabel: row.sender_label,
    senderFingerprint: row.sender_fingerprint,
    partnerId: row.partner_id,
    purpose: row.purpose,
    persons: row.persons,
    created: row.created,
    matched: row.matched,
  }));
}
