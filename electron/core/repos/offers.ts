/** The offers table: the "carrots" offered to a person, and how each went. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { OfferFields } from '../../../shared/domain.ts';
import type { Offer } from '../../../shared/records.ts';

interface OfferRow {
  id: number;
  person_id: number;
  kind: Offer['kind'];
  partner_id: number | null;
  partner_name: string | null;
  status: Offer['status'];
  description: string;
  proposed_on: string | null;
  completed_on: string | null;
  outcome: string;
  created_at: string;
  updated_at: string;
}

export function offersOf(db: Database, personId: number): Offer[] {
  return (
    db
      .prepare(
        `SELECT f.*, o.name AS partner_name FROM offers f
         LEFT JOIN partner_orgs o ON o.id = f.partner_id
         WHERE f.person_id = ? ORDER BY coalesce(f.proposed_on, substr(f.created_at, 1, 10)) DESC, f.id DESC`,
      )
      .all(personId) as OfferRow[]
  ).map((row) => ({
    id: row.id,
    personId: row.person_id,
    kind: row.kind,
    partnerId: row.partner_id,
    partnerName: row.partner_name,
    status: row.status,
    description: row.description,
    proposedOn: row.proposed_on,
    completedOn: row.completed_on,
    outcome: row.outcome,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

export function offerPerson(db: Database, id: number): number | undefined {
  return db.prepare('SELECT person_id FROM offers WHERE id = ?').pluck().get(id) as
    number | undefined;
}

export function insertOffer(db: Database, fields: OfferFields, now: Date): number {
  return Number(
    db
      .prepare(
        `INSERT INTO offers (person_id, kind, partner_id, status, description, proposed_on,
           completed_on, outcome, created_at, updated_at)
         VALUES (@personId, @kind, @partnerId, @status, @description, @proposedOn, @completedOn,
           @outcome, @now, @now)`,
      )
      .run({ ...fields, now: now.toISOString() }).lastInsertRowid,
  );
}

export function updateOffer(db: Database, id: number, fields: OfferFields, now: Date): void {
  db.prepare(
    `UPDATE offers SET person_id = @personId, kind = @kind, partner_id = @partnerId,
       status = @status, description = @description, proposed_on = @proposedOn,
       completed_on = @completedOn, outcome = @outcome, updated_at = @now WHERE id = @id`,
  ).run({ ...fields, now: now.toISOString(), id });
}

export function deleteOffer(db: Database, id: number): void {
  db.prepare('DELETE FROM offers WHERE id = ?').run(id);
}
