/** The partner_orgs table: the organisations names are usually shared with. */
import type { Database } from 'better-sqlite3';
import type { PartnerFields } from '../../../shared/domain.ts';
import type { Partner } from '../../../shared/records.ts';

interface PartnerRow {
  id: number;
  name: string;
  country: string;
  kind: Partner['kind'];
  themes: string;
  trust: Partner['trust'];
  notes: string;
  offers_count: number;
  created_at: string;
  updated_at: string;
}

export function listPartners(db: Database): Partner[] {
  return (
    db
      .prepare(
        `SELECT o.*, (SELECT count(*) FROM offers f WHERE f.partner_id = o.id) AS offers_count
         FROM partner_orgs o ORDER BY o.name`,
      )
      .all() as PartnerRow[]
  ).map((row) => ({
    id: row.id,
    name: row.name,
    country: row.country,
    kind: row.kind,
    themes: row.themes,
    trust: row.trust,
    notes: row.notes,
    offersCount: row.offers_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
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
