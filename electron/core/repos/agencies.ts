/** The agencies table: rows ↔ records, the list with head counts, and the search index. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { SPHERES, STAGES, type AgencyFields, type Sphere } from '../../../shared/domain.ts';
import type { Agency, AgencyListRow, AgencyPage } from '../../../shared/records.ts';
import { parseOptionalRow, parseRow, parseRows, searchTextRow } from './rows.ts';
import { foldForSearch, indexForSearch, removeFromSearch } from './search-index.ts';

const agencyRow = z.object({
  id: z.number(),
  name: z.string(),
  sphere: z.enum(SPHERES),
  region: z.string(),
  parent_id: z.number().nullable(),
  parent_name: z.string().nullable(),
  admitted_problems: z.string(),
  public_complaints: z.string(),
  common_interest: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});

const agencyListRow = agencyRow
  .pick({ id: true, name: true, sphere: true, region: true, parent_id: true, parent_name: true })
  .extend({ people_count: z.number() });

const idName = z.object({ id: z.number(), name: z.string() });

/** Agencies are matched by name whatever the case: "МВД" and "мвд" are one agency. */
export function agencyNameKey(name: string): string {
  return foldForSearch(name.normalize('NFC').trim().replace(/\s+/gu, ' '));
}

export function agencyIdByName(db: Database, name: string): number | undefined {
  return parseOptionalRow(
    z.number(),
    db.prepare('SELECT id FROM agencies WHERE name_key = ?').pluck().get(agencyNameKey(name)),
  );
}

export function getAgency(db: Database, id: number): Agency | undefined {
  const row = parseOptionalRow(
    agencyRow,
    db
      .prepare(
        `SELECT a.*, p.name AS parent_name FROM agencies a
         LEFT JOIN agencies p ON p.id = a.parent_id WHERE a.id = ?`,
      )
      .get(id),
  );
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    sphere: row.sphere,
    region: row.region,
    parentId: row.parent_id,
    parentName: row.parent_name,
    admittedProblems: row.admitted_problems,
    publicComplaints: row.public_complaints,
    commonInterest: row.common_interest,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function agencyPage(db: Database, id: number): AgencyPage | undefined {
  const agency = getAgency(db, id);
  if (!agency) return undefined;
  const children = parseRows(
    idName,
    db.prepare('SELECT id, name FROM agencies WHERE parent_id = ? ORDER BY name_key').all(id),
  );
  const people = parseRows(
    z.object({
      id: z.number(),
      codename: z.string(),
      fullName: z.string(),
      stage: z.enum(STAGES),
      position: z.string(),
    }),
    db
      .prepare(
        `SELECT id, codename, full_name AS fullName, stage, position FROM persons
       WHERE agency_id = ? AND archived_at IS NULL ORDER BY name_key`,
      )
      .all(id),
  );
  return { agency, children, people };
}

/**
 * The agencies list, filtered as the core folds text (case, ё/е, spaces — the same key the
 * names are stored under) and by sphere; the window sorts what it shows.
 */
export function listAgencies(
  db: Database,
  filter: { text?: string; sphere?: Sphere | null } = {},
): AgencyListRow[] {
  const needle = agencyNameKey(filter.text ?? '');
  return parseRows(
    agencyListRow,
    db
      .prepare(
        `SELECT a.id, a.name, a.sphere, a.region, a.parent_id, p.name AS parent_name,
           (SELECT count(*) FROM persons x WHERE x.agency_id = a.id AND x.archived_at IS NULL)
             AS people_count
         FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id
         WHERE (@needle = '' OR instr(a.name_key, @needle) > 0)
           AND (@sphere IS NULL OR a.sphere = @sphere)
         ORDER BY a.name_key`,
      )
      .all({ needle, sphere: filter.sphere ?? null }),
  ).map((row) => ({
    id: row.id,
    name: row.name,
    sphere: row.sphere,
    region: row.region,
    parentId: row.parent_id,
    parentName: row.parent_name,
    peopleCount: row.people_count,
  }));
}

function columns(fields: AgencyFields) {
  return {
    name: fields.name,
    name_key: agencyNameKey(fields.name),
    sphere: fields.sphere,
    region: fields.region,
    parent_id: fields.parentId,
    admitted_problems: fields.admittedProblems,
    public_complaints: fields.publicComplaints,
    common_interest: fields.commonInterest,
  };
}

export function insertAgency(db: Database, fields: AgencyFields, now: Date): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO agencies (name, name_key, sphere, region, parent_id, admitted_problems,
           public_complaints, common_interest, created_at, updated_at)
         VALUES (@name, @name_key, @sphere, @region, @parent_id, @admitted_problems,
           @public_complaints, @common_interest, @now, @now)`,
      )
      .run({ ...columns(fields), now: now.toISOString() }).lastInsertRowid,
  );
  indexAgency(db, id, fields);
  return id;
}

export function updateAgency(db: Database, id: number, fields: AgencyFields, now: Date): void {
  db.prepare(
    `UPDATE agencies SET name = @name, name_key = @name_key, sphere = @sphere, region = @region,
       parent_id = @parent_id, admitted_problems = @admitted_problems,
       public_complaints = @public_complaints, common_interest = @common_interest,
       updated_at = @now
     WHERE id = @id`,
  ).run({ ...columns(fields), now: now.toISOString(), id });
  indexAgency(db, id, fields);
}

export function deleteAgency(db: Database, id: number): void {
  db.prepare('DELETE FROM agencies WHERE id = ?').run(id);
  removeFromSearch(db, 'agency', id);
}

/** Whether making `parentId` the parent of `id` would close a loop (A under B under A). */
export function wouldCycle(db: Database, id: number, parentId: number): boolean {
  const ancestors = parseRows(
    z.number(),
    db
      .prepare(
        `WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT a.parent_id FROM agencies a
         JOIN up ON a.id = up.id WHERE a.parent_id IS NOT NULL)
       SELECT id FROM up`,
      )
      .pluck()
      .all(parentId),
  );
  return ancestors.includes(id);
}

function indexAgency(db: Database, id: number, fields: AgencyFields): void {
  indexForSearch(
    db,
    'agency',
    id,
    fields.name,
    [fields.region, fields.admittedProblems, fields.publicComplaints, fields.commonInterest].join(
      '\n',
    ),
  );
}

/** How many agencies the vault holds, whatever a filter shows. */
export function agencyCount(db: Database): number {
  return parseRow(z.number(), db.prepare('SELECT count(*) FROM agencies').pluck().get());
}

export function agencyExists(db: Database, id: number): boolean {
  return db.prepare('SELECT 1 FROM agencies WHERE id = ?').get(id) !== undefined;
}

export function agencyNames(db: Database, ids: readonly number[]): { id: number; name: string }[] {
  return parseRows(
    idName,
    db
      .prepare('SELECT id, name FROM agencies WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ids)),
  );
}

/** The searchable text of an agency (for a search hit's title and snippet). */
export function agencySearchText(
  db: Database,
  id: number,
): Record<string, string | null> | undefined {
  return parseOptionalRow(
    searchTextRow,
    db
      .prepare(
        'SELECT name, region, admitted_problems, public_complaints, common_interest FROM agencies WHERE id = ?',
      )
      .get(id),
  );
}
