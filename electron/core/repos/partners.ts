/** The partner_orgs table: the organisations names are usually shared with. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { foldForSearch } from './search-index.ts';
import { PARTNER_KINDS, PARTNER_TRUST, type PartnerFields } from '../../../shared/domain.ts';
import type { Partner } from '../../../shared/records.ts';
import { parseOptionalRow, parseRows, parseRow } from './rows.ts';

const partnerRow = z.object({
  id: z.number(),
  name: z.string(),
  country: z.string(),
  kind: z.enum(PARTNER_KINDS),
  themes: z.string(),
  trust: z.enum(PARTNER_TRUST),
  notes: z.string(),
  offers_count: z.number(),
  share_public_key: z.instanceof(Buffer).nullable(),
  share_key_added_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
type PartnerRow = z.output<typeof partnerRow>;

/** A partner as stored: their share key as bytes (the handler turns it into a fingerprint). */
export type StoredPartner = Omit<Partner, 'shareKeyFingerprint'> & {
  sharePublicKey: Uint8Array | null;
};

const SELECT_PARTNER = `
  SELECT o.*, (SELECT count(*) FROM offers f WHERE f.partner_id = o.id) AS offers_count
  FROM partner_orgs o`;

/** Every partner, or those whose name, country or themes hold `text` (folded as the core folds). */
export function listPartners(db: Database, text = ''): StoredPartner[] {
  const needle = foldForSearch(text.trim());
  const partners = parseRows(partnerRow, db.prepare(`${SELECT_PARTNER} ORDER BY o.name`).all()).map(
    toPartner,
  );
  if (needle === '') return partners;
  return partners.filter((partner) =>
    [partner.name, partner.country, partner.themes].some((field) =>
      foldForSearch(field).includes(needle),
    ),
  );
}

/** How many partners the vault holds, whatever a filter shows. */
export function partnerCount(db: Database): number {
  return parseRow(z.number(), db.prepare('SELECT count(*) FROM partner_orgs').pluck().get());
}

export function getPartner(db: Database, id: number): StoredPartner | undefined {
  const row = parseOptionalRow(partnerRow, db.prepare(`${SELECT_PARTNER} WHERE o.id = ?`).get(id));
  return row ? toPartner(row) : undefined;
}

/** The partner whose share key this is (a package's sender), if we hold it. */
export function partnerByShareKey(
  db: Database,
  publicKey: Uint8Array,
): { id: number; name: string } | undefined {
  return parseOptionalRow(
    z.object({ id: z.number(), name: z.string() }),
    db
      .prepare('SELECT id, name FROM partner_orgs WHERE share_public_key = ?')
      .get(Buffer.from(publicKey)),
  );
}

export function setPartnerShareKey(
  db: Database,
  id: number,
  publicKey: Uint8Array | null,
  now: Date,
): void {
  db.prepare(
    `UPDATE partner_orgs SET share_public_key = ?, share_key_added_at = ?, updated_at = ?
     WHERE id = ?`,
  ).run(
    publicKey ? Buffer.from(publicKey) : null,
    publicKey ? now.toISOString() : null,
    now.toISOString(),
    id,
  );
}

function toPartner(row: PartnerRow): StoredPartner {
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    kind: row.kind,
    themes: row.themes,
    trust: row.trust,
    notes: row.notes,
    offersCount: row.offers_count,
    sharePublicKey: row.share_public_key,
    shareKeyAddedAt: row.share_key_added_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function partnerExists(db: Database, id: number): boolean {
  return db.prepare('SELECT 1 FROM partner_orgs WHERE id = ?').get(id) !== undefined;
}

export function insertPartner(db: Database, fields: PartnerFields, now: Date): number {
  return Number(
    db
      .prepare(
        `INSERT INTO partner_orgs (name, country, kind, themes, trust, notes, created_at,
           updated_at)
         VALUES (@name, @country, @kind, @themes, @trust, @notes, @now, @now)`,
      )
      .run({ ...fields, now: now.toISOString() }).lastInsertRowid,
  );
}

export function updatePartner(db: Database, id: number, fields: PartnerFields, now: Date): void {
  db.prepare(
    `UPDATE partner_orgs SET name = @name, country = @country, kind = @kind, themes = @themes,
       trust = @trust, notes = @notes, updated_at = @now WHERE id = @id`,
  ).run({ ...fields, now: now.toISOString(), id });
}

export function deletePartner(db: Database, id: number): void {
  db.prepare('DELETE FROM partner_orgs WHERE id = ?').run(id);
}
