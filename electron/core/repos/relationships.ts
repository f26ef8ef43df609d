/**
 * The relationships table. Stored one way ("FROM is KIND TO"), with superior_of turned round
 * into subordinate_of; read from either person as a role: what the other is to them.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import {
  STAGES,
  STORED_RELATIONSHIP_KINDS,
  type RelationshipFields,
} from '../../../shared/domain.ts';
import type { RelationshipRole, RelationshipView } from '../../../shared/records.ts';
import { parseOptionalRow, parseRow, parseRows, sqlBoolean } from './rows.ts';

type StoredKind = Exclude<RelationshipFields['kind'], 'superior_of'>;

/** superior_of is stored as subordinate_of with the persons swapped. */
export function storedForm(fields: RelationshipFields): {
  from: number;
  to: number;
  kind: StoredKind;
} {
  if (fields.kind === 'superior_of') {
    return { from: fields.toPersonId, to: fields.fromPersonId, kind: 'subordinate_of' };
  }
  return { from: fields.fromPersonId, to: fields.toPersonId, kind: fields.kind };
}

export function relationshipExists(
  db: Database,
  stored: { from: number; to: number; kind: StoredKind },
): boolean {
  const symmetric = stored.kind === 'colleague' || stored.kind === 'knows';
  return (
    db
      .prepare(
        `SELECT 1 FROM relationships WHERE kind = @kind AND
         ((from_person_id = @from AND to_person_id = @to)
           OR (@symmetric AND from_person_id = @to AND to_person_id = @from))`,
      )
      .get({ ...stored, symmetric: symmetric ? 1 : 0 }) !== undefined
  );
}

export function insertRelationship(
  db: Database,
  stored: { from: number; to: number; kind: StoredKind },
  note: string,
  now: Date,
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO relationships (from_person_id, to_person_id, kind, note, created_at)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(stored.from, stored.to, stored.kind, note, now.toISOString()).lastInsertRowid,
  );
}

export function relationshipPersons(
  db: Database,
  id: number,
): { from: number; to: number } | undefined {
  const row = parseOptionalRow(
    z.object({ from_person_id: z.number(), to_person_id: z.number() }),
    db.prepare('SELECT from_person_id, to_person_id FROM relationships WHERE id = ?').get(id),
  );
  return row && { from: row.from_person_id, to: row.to_person_id };
}

export function deleteRelationship(db: Database, id: number): void {
  db.prepare('DELETE FROM relationships WHERE id = ?').run(id);
}

/** What the other person is to me, given "FROM is KIND TO" and whether I am FROM. */
const ROLE: Record<StoredKind, { asFrom: RelationshipRole; asTo: RelationshipRole }> = {
  // I was introduced by them → they are my introducer; I introduced them → introduced.
  introduced_by: { asFrom: 'introducer', asTo: 'introduced' },
  // I am their subordinate → they are my superior.
  subordinate_of: { asFrom: 'superior', asTo: 'subordinate' },
  colleague: { asFrom: 'colleague', asTo: 'colleague' },
  knows: { asFrom: 'knows', asTo: 'knows' },
  // I influence them → they are influenced by me.
  influences: { asFrom: 'influenced', asTo: 'influencer' },
};

const storedKind = z.enum(STORED_RELATIONSHIP_KINDS);

const aroundRow = z.object({
  id: z.number(),
  kind: storedKind,
  note: z.string(),
  i_am_from: sqlBoolean,
  other_id: z.number(),
  codename: z.string(),
  full_name: z.string(),
  stage: z.enum(STAGES),
});

/** Everyone related to the person, both ways, with what they are to them. */
export function relationshipsAround(db: Database, personId: number): RelationshipView[] {
  const rows = parseRows(
    aroundRow,
    db
      .prepare(
        `SELECT r.id, r.kind, r.note, 1 AS i_am_from, p.id AS other_id, p.codename, p.full_name,
           p.stage
         FROM relationships r JOIN persons p ON p.id = r.to_person_id
         WHERE r.from_person_id = @id
         UNION ALL
         SELECT r.id, r.kind, r.note, 0, p.id, p.codename, p.full_name, p.stage
         FROM relationships r JOIN persons p ON p.id = r.from_person_id
         WHERE r.to_person_id = @id`,
      )
      .all({ id: personId }),
  );
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    role: row.i_am_from ? ROLE[row.kind].asFrom : ROLE[row.kind].asTo,
    note: row.note,
    other: {
      id: row.other_id,
      codename: row.codename,
      fullName: row.full_name,
      stage: row.stage,
    },
  }));
}

const edgeRow = z.object({
  id: z.number(),
  from_person_id: z.number(),
  to_person_id: z.number(),
  kind: storedKind,
});
export type EdgeRow = z.output<typeof edgeRow>;

/** The relationships with both ends among `ids`. */
export function relationshipsAmong(db: Database, ids: readonly number[]): EdgeRow[] {
  return parseRows(
    edgeRow,
    db
      .prepare(
        `SELECT id, from_person_id, to_person_id, kind FROM relationships
         WHERE from_person_id IN (SELECT value FROM json_each(@ids))
           AND to_person_id IN (SELECT value FROM json_each(@ids))`,
      )
      .all({ ids: JSON.stringify(ids) }),
  );
}

/** A lookup of the persons one relationship away from a person (either direction). */
export function neighbourLookup(db: Database): (personId: number) => number[] {
  const statement = db
    .prepare(
      `SELECT to_person_id FROM relationships WHERE from_person_id = @id
       UNION SELECT from_person_id FROM relationships WHERE to_person_id = @id`,
    )
    .pluck();
  return (id) => parseRows(z.number(), statement.all({ id }));
}

/** Persons with at least one relationship, the most connected first, at most `limit`. */
export function mostConnectedPersonIds(db: Database, limit: number): number[] {
  return parseRows(
    z.number(),
    db
      .prepare(
        `SELECT id FROM (
           SELECT id, count(*) AS degree FROM (
             SELECT from_person_id AS id FROM relationships
             UNION ALL SELECT to_person_id FROM relationships)
           GROUP BY id ORDER BY degree DESC, id LIMIT ?)`,
      )
      .pluck()
      .all(limit),
  );
}

/** How many persons have at least one relationship. */
export function connectedPersonCount(db: Database): number {
  return parseRow(
    z.number(),
    db
      .prepare(
        `SELECT count(*) FROM (
           SELECT from_person_id FROM relationships UNION SELECT to_person_id FROM relationships)`,
      )
      .pluck()
      .get(),
  );
}

/** Each of `ids`' number of relationships (either direction); 0 when it has none. */
export function relationshipDegrees(db: Database, ids: readonly number[]): Map<number, number> {
  const rows = parseRows(
    z.object({ id: z.number(), degree: z.number() }),
    db
      .prepare(
        `SELECT id, count(*) AS degree FROM (
           SELECT from_person_id AS id FROM relationships
             WHERE from_person_id IN (SELECT value FROM json_each(@ids))
           UNION ALL SELECT to_person_id FROM relationships
             WHERE to_person_id IN (SELECT value FROM json_each(@ids)))
         GROUP BY id`,
      )
      .all({ ids: JSON.stringify(ids) }),
  );
  return new Map(rows.map((row) => [row.id, row.degree]));
}
