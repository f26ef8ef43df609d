/** The offers table: the "carrots" offered to a person, and how each went. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { OFFER_KINDS, OFFER_STATUSES, type OfferFields } from '../../../shared/domain.ts';
import type { Offer } from '../../../shared/records.ts';
import { parseOptionalRow, parseRows } from './rows.ts';

const offerRow = z.object({
  id: z.number(),
  person_id: z.number(),
  kind: z.enum(OFFER_KINDS),
  partner_id: z.number().nullable(),
  partner_name: z.string().nullable(),
  status: z.enum(OFFER_STATUSES),
  description: z.string(),
  proposed_on: z.string().nullable(),
  completed_on: z.string().nullable(),
  outcome: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});

export function offersOf(db: Database, personId: number): Offer[] {
  return parseRows(
    offerRow,
    db
      .prepare(
        `SELECT f.*, o.name AS partner_name FROM offers f
         LEFT JOIN partner_orgs o ON o.id = f.partner_id
         WHERE f.person_id = ? ORDER BY coalesce(f.proposed_on, substr(f.created_at, 1, 10)) DESC, f.id DESC`,
      )
      .all(personId),
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
  return parseOptionalRow(
    z.number(),
    db.prepare('SELECT person_id FROM offers WHERE id = ?').pluck().get(id),
  );
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
