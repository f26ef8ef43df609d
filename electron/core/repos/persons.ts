/**
 * The persons table (with person_tags): rows ↔ records, the people list's query, and the
 * search index kept in step. Callers run writes inside a transaction (services/records.ts).
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import {
  CLOSED_REASONS,
  codenameKey,
  CONSENT_LEVELS,
  localDate,
  REFORM_ORIENTATIONS,
  RISK_LEVELS,
  SPHERES,
  STAGES,
  type Consent,
  type PersonFields,
  type Stage,
} from '../../../shared/domain.ts';
import {
  PERSON_PAGE_BYTES,
  PERSON_SORTS,
  type Facets,
  type Person,
  type PersonListPage,
  type PersonListRow,
  type PersonQuery,
  type PersonRef,
  type PersonSort,
} from '../../../shared/records.ts';
import { VaultError } from '../errors.ts';
import { parseOptionalRow, parseRow, parseRows, searchTextRow, sqlBoolean } from './rows.ts';
import { foldForSearch, indexForSearch, matchQuery, removeFromSearch } from './search-index.ts';

const stageSchema = z.enum(STAGES);

/** A persons row, with its agency's name. */
const personRow = z.object({
  id: z.number(),
  codename: z.string(),
  full_name: z.string(),
  position: z.string(),
  rank: z.string(),
  agency_id: z.number().nullable(),
  agency_name: z.string().nullable(),
  unit: z.string(),
  sphere: z.enum(SPHERES),
  region: z.string(),
  stage: stageSchema,
  closed_reason: z.enum(CLOSED_REASONS).nullable(),
  professionalism: z.number().nullable(),
  influence: z.number().nullable(),
  reform_orientation: z.enum(REFORM_ORIENTATIONS),
  sincerity_concern: z.string(),
  needs: z.string(),
  consent: z.enum(CONSENT_LEVELS),
  owner: z.string(),
  next_follow_up: z.string().nullable(),
  about: z.string(),
  archived_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

/** The columns of a PersonRef; other tables' repos join persons and reuse it. */
export const personRefRow = z.object({
  id: z.number(),
  codename: z.string(),
  full_name: z.string(),
  stage: stageSchema,
});

const SELECT_PERSON = `
  SELECT p.*, a.name AS agency_name
  FROM persons p LEFT JOIN agencies a ON a.id = p.agency_id`;

export function tagsOf(db: Database, personId: number): string[] {
  const tags = db
    .prepare('SELECT tag FROM person_tags WHERE person_id = ? ORDER BY tag')
    .pluck()
    .all(personId);
  return parseRows(z.string(), tags);
}

export function getPerson(db: Database, id: number): Person | undefined {
  const row = parseOptionalRow(personRow, db.prepare(`${SELECT_PERSON} WHERE p.id = ?`).get(id));
  if (!row) return undefined;
  return {
    id: row.id,
    codename: row.codename,
    fullName: row.full_name,
    position: row.position,
    rank: row.rank,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    unit: row.unit,
    sphere: row.sphere,
    region: row.region,
    stage: row.stage,
    closedReason: row.closed_reason,
    professionalism: row.professionalism,
    influence: row.influence,
    reformOrientation: row.reform_orientation,
    sincerityConcern: row.sincerity_concern,
    needs: row.needs,
    consent: row.consent,
    owner: row.owner,
    nextFollowUp: row.next_follow_up,
    tags: tagsOf(db, row.id),
    about: row.about,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function personRefs(db: Database, sql: string, ...params: unknown[]): PersonRef[] {
  return parseRows(personRefRow, db.prepare(sql).all(...params)).map((row) => ({
    id: row.id,
    codename: row.codename,
    fullName: row.full_name,
    stage: row.stage,
  }));
}

/** The id of the person with this codename (any case), if any. */
export function personIdByCodename(db: Database, codename: string): number | undefined {
  return parseOptionalRow(
    z.number(),
    db.prepare('SELECT id FROM persons WHERE codename_key = ?').pluck().get(codenameKey(codename)),
  );
}

type StoredFields = PersonFields & { codename: string };

function columns(fields: StoredFields) {
  return {
    codename: fields.codename,
    codename_key: codenameKey(fields.codename),
    full_name: fields.fullName,
    name_key: foldForSearch(fields.fullName),
    position: fields.position,
    rank: fields.rank,
    agency_id: fields.agencyId,
    unit: fields.unit,
    sphere: fields.sphere,
    region: fields.region,
    stage: fields.stage,
    closed_reason: fields.stage === 'closed' ? fields.closedReason : null,
    professionalism: fields.professionalism,
    influence: fields.influence,
    reform_orientation: fields.reformOrientation,
    sincerity_concern: fields.sincerityConcern,
    needs: fields.needs,
    consent: fields.consent,
    owner: fields.owner,
    next_follow_up: fields.nextFollowUp,
    about: fields.about,
  };
}

export function insertPerson(db: Database, fields: StoredFields, now: Date): number {
  const values = { ...columns(fields), now: now.toISOString() };
  const id = Number(
    db
      .prepare(
        `INSERT INTO persons (codename, codename_key, full_name, name_key, position, rank,
           agency_id, unit, sphere, region, stage, closed_reason, professionalism, influence,
           reform_orientation, sincerity_concern, needs, consent, owner, next_follow_up, about,
           created_at, updated_at)
         VALUES (@codename, @codename_key, @full_name, @name_key, @position, @rank, @agency_id,
           @unit, @sphere, @region, @stage, @closed_reason, @professionalism, @influence,
           @reform_orientation, @sincerity_concern, @needs, @consent, @owner, @next_follow_up,
           @about, @now, @now)`,
      )
      .run(values).lastInsertRowid,
  );
  db.prepare(
    'INSERT INTO stage_changes (person_id, from_stage, to_stage, at) VALUES (?, NULL, ?, ?)',
  ).run(id, fields.stage, now.toISOString());
  writeTags(db, id, fields.tags);
  indexPerson(db, id, fields);
  return id;
}

export function updatePerson(db: Database, id: number, fields: StoredFields, now: Date): void {
  const before = parseRow(
    stageSchema,
    db.prepare('SELECT stage FROM persons WHERE id = ?').pluck().get(id),
  );
  db.prepare(
    `UPDATE persons SET codename = @codename, codename_key = @codename_key,
       full_name = @full_name, name_key = @name_key, position = @position, rank = @rank,
       agency_id = @agency_id, unit = @unit, sphere = @sphere, region = @region, stage = @stage,
       closed_reason = @closed_reason, professionalism = @professionalism, influence = @influence,
       reform_orientation = @reform_orientation, sincerity_concern = @sincerity_concern,
       needs = @needs, consent = @consent, owner = @owner, next_follow_up = @next_follow_up,
       about = @about, updated_at = @now
     WHERE id = @id`,
  ).run({ ...columns(fields), now: now.toISOString(), id });
  if (before !== fields.stage) recordStageChange(db, id, before, fields.stage, now);
  writeTags(db, id, fields.tags);
  indexPerson(db, id, fields);
}

/** Moves a person to `stage`; returns the stage they were in, or null if already there. */
export function setPersonStage(db: Database, id: number, stage: Stage, now: Date): Stage | null {
  const before = parseRow(
    stageSchema,
    db.prepare('SELECT stage FROM persons WHERE id = ?').pluck().get(id),
  );
  if (before === stage) return null;
  db.prepare(
    `UPDATE persons SET stage = ?, updated_at = ?,
       closed_reason = CASE WHEN ? = 'closed' THEN closed_reason END
     WHERE id = ?`,
  ).run(stage, now.toISOString(), stage, id);
  recordStageChange(db, id, before, stage, now);
  return before;
}

function recordStageChange(db: Database, id: number, from: Stage, to: Stage, now: Date): void {
  db.prepare(
    'INSERT INTO stage_changes (person_id, from_stage, to_stage, at) VALUES (?, ?, ?, ?)',
  ).run(id, from, to, now.toISOString());
}

export function setPersonArchived(db: Database, id: number, archived: boolean, now: Date): void {
  db.prepare('UPDATE persons SET archived_at = ?, updated_at = ? WHERE id = ?').run(
    archived ? now.toISOString() : null,
    now.toISOString(),
    id,
  );
}

/** Records the consent a risk assessment confirmed; returns the one it replaces, or null. */
export function setPersonConsent(
  db: Database,
  id: number,
  consent: Consent,
  now: Date,
): Consent | null {
  const before = parseRow(
    z.enum(CONSENT_LEVELS),
    db.prepare('SELECT consent FROM persons WHERE id = ?').pluck().get(id),
  );
  if (before === consent) return null;
  db.prepare('UPDATE persons SET consent = ?, updated_at = ? WHERE id = ?').run(
    consent,
    now.toISOString(),
    id,
  );
  return before;
}

/** Moves the next follow-up earlier when a note asks for an earlier one (never later). */
export function bringFollowUpForward(db: Database, id: number, date: string, now: Date): void {
  db.prepare(
    `UPDATE persons SET next_follow_up = @date, updated_at = @now
     WHERE id = @id AND (next_follow_up IS NULL OR next_follow_up > @date
       OR next_follow_up < @today)`,
  ).run({ date, now: now.toISOString(), id, today: localDate(now) });
}

/**
 * Deletes a person with their relationships, tags, offers and stage history (cascades), and
 * the notes that were about nobody else: a note is always about someone.
 */
export function deletePerson(db: Database, id: number): number[] {
  const soleNotes = parseRows(
    z.number(),
    db
      .prepare(
        `SELECT note_id FROM note_persons np WHERE person_id = ?
       AND NOT EXISTS (SELECT 1 FROM note_persons o WHERE o.note_id = np.note_id
         AND o.person_id <> np.person_id)`,
      )
      .pluck()
      .all(id),
  );
  db.prepare('DELETE FROM persons WHERE id = ?').run(id);
  removeFromSearch(db, 'person', id);
  return soleNotes;
}

function writeTags(db: Database, id: number, tags: readonly string[]): void {
  db.prepare('DELETE FROM person_tags WHERE person_id = ?').run(id);
  const insert = db.prepare('INSERT OR IGNORE INTO person_tags (person_id, tag) VALUES (?, ?)');
  for (const tag of tags) insert.run(id, tag);
}

function indexPerson(db: Database, id: number, fields: StoredFields): void {
  indexForSearch(
    db,
    'person',
    id,
    `${fields.fullName} ${fields.codename}`,
    [
      fields.position,
      fields.rank,
      fields.unit,
      fields.region,
      fields.owner,
      fields.tags.join(' '),
      fields.needs,
      fields.sincerityConcern,
      fields.about,
    ].join('\n'),
  );
}

// ---------------------------------------------------------------------------------------------
// The people list: one page at a time (issue 15)

/**
 * A stretch of a sort's order that one index reads in order: which rows it holds (`where`)
 * and the key they are ordered by, ending in p.id so that the order is total. A sort is one
 * or more stretches read one after the other: by stage, one per stage in pipeline order; by
 * agency, risk or follow-up, first those with a value, then those without (last whichever the
 * direction), by name. Indexes: migrations/0006_people_list_paging.sql.
 */
interface Stretch {
  where: string;
  params: readonly unknown[];
  key: readonly string[];
  /** Joins agencies (INNER), so that SQLite walks the agencies in name order. */
  byAgency: boolean;
}

const BY_NAME = ['p.name_key', 'p.id'] as const;

function stretchesOf(sort: PersonSort, descending: boolean): Stretch[] {
  const one = (key: readonly string[]): Stretch[] => [
    { where: '1', params: [], key, byAgency: false },
  ];
  const valueThenNone = (column: string, key: readonly string[], byAgency = false): Stretch[] => [
    { where: `${column} IS NOT NULL`, params: [], key, byAgency },
    { where: `${column} IS NULL`, params: [], key: BY_NAME, byAgency: false },
  ];
  switch (sort) {
    case 'name':
      return one(BY_NAME);
    case 'codename':
      return one(['p.codename_key', 'p.id']);
    case 'updated':
      return one(['p.updated_at', ...BY_NAME]);
    case 'stage':
      return (descending ? [...STAGES].reverse() : [...STAGES]).map((stage) => ({
        where: 'p.stage = ?',
        params: [stage],
        key: BY_NAME,
        byAgency: false,
      }));
    case 'agency':
      return valueThenNone('p.agency_id', ['a.name_key', ...BY_NAME], true);
    case 'risk':
      return valueThenNone('p.risk_rank', ['p.risk_rank', ...BY_NAME]);
    case 'followUp':
      return valueThenNone('p.next_follow_up', ['p.next_follow_up', ...BY_NAME]);
  }
}

/** Where a page starts: after the row with this key in this stretch. */
interface Position {
  stretch: number;
  key: (string | number)[];
}

const keyValues = z.array(z.union([z.string(), z.number()]));
const cursorSchema = z.tuple([
  z.enum(PERSON_SORTS),
  z.boolean(),
  z.number().int().min(0),
  keyValues,
]);

/** The cursor names its sort too: one from another sort is refused, not misread. */
function encodeCursor(query: PersonQuery, position: Position): string {
  const value = [query.sort, query.descending, position.stretch, position.key];
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decodeCursor(query: PersonQuery, stretches: Stretch[], cursor: string): Position {
  const invalid = () => new VaultError('VALIDATION', { field: 'after', reason: 'invalid' });
  let value: z.output<typeof cursorSchema>;
  try {
    value = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw invalid();
  }
  const [sort, descending, stretch, key] = value;
  if (
    sort !== query.sort ||
    descending !== query.descending ||
    key.length !== stretches[stretch]?.key.length
  ) {
    throw invalid();
  }
  return { stretch, key };
}

/** The list's filters as one WHERE (columns of persons only). */
function filtersOf(query: PersonQuery, today: string): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  const anyOf = (column: string, values: readonly unknown[]) => {
    if (values.length === 0) return;
    sql.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  if (query.archived === 'active') sql.push('p.archived_at IS NULL');
  if (query.archived === 'archived') sql.push('p.archived_at IS NOT NULL');
  anyOf('p.sphere', query.spheres);
  anyOf('p.stage', query.stages);
  anyOf('p.agency_id', query.agencyIds);
  anyOf('p.region', query.regions);
  anyOf('p.owner', query.owners);
  anyOf('p.consent', query.consents);
  if (query.riskLevels.length > 0) {
    const ranks = RISK_LEVELS.flatMap((level, rank) =>
      query.riskLevels.includes(level) ? [rank] : [],
    );
    const either = [
      ...(ranks.length > 0 ? [`p.risk_rank IN (${ranks.map(() => '?').join(', ')})`] : []),
      ...(query.riskLevels.includes('unassessed') ? ['p.risk_rank IS NULL'] : []),
    ];
    sql.push(`(${either.join(' OR ')})`);
    params.push(...ranks);
  }
  if (query.followUpDue) {
    sql.push('p.next_follow_up <= ?');
    params.push(today);
  }
  if (query.tags.length > 0) {
    sql.push(
      `p.id IN (SELECT person_id FROM person_tags WHERE tag IN (${query.tags.map(() => '?').join(', ')})
        GROUP BY person_id HAVING count(*) = ?)`,
    );
    params.push(...query.tags, query.tags.length);
  }
  const match = matchQuery(query.text);
  if (match) {
    sql.push(
      `p.id IN (SELECT (rowid - 1) / 4 FROM search_index WHERE search_index MATCH ?
        AND rowid % 4 = 1)`,
    );
    params.push(match);
  } else if (query.text.trim() !== '') {
    // Only punctuation was typed: nothing can match.
    sql.push('0');
  }
  return { sql, params };
}

/** A row of the list as the query reads it (the record's columns, snake_case). */
const listRow = z.object({
  id: z.number(),
  codename: z.string(),
  full_name: z.string(),
  position: z.string(),
  agency_id: z.number().nullable(),
  agency_name: z.string().nullable(),
  sphere: z.enum(SPHERES),
  region: z.string(),
  stage: stageSchema,
  consent: z.enum(CONSENT_LEVELS),
  owner: z.string(),
  next_follow_up: z.string().nullable(),
  archived: sqlBoolean,
  /** The index of the latest assessment's level in RISK_LEVELS (0006's trigger keeps it). */
  risk_rank: z
    .number()
    .int()
    .nullable()
    .transform((rank, context) => {
      if (rank === null) return null;
      const level = RISK_LEVELS[rank];
      if (level === undefined) {
        context.addIssue({ code: 'custom', message: `no risk level ${String(rank)}` });
        return z.NEVER;
      }
      return level;
    }),
});
type ListRow = z.output<typeof listRow>;

const LIST_COLUMNS = `p.id, p.codename, p.full_name, p.position, p.agency_id,
  a.name AS agency_name, p.sphere, p.region, p.stage, p.consent, p.owner, p.next_follow_up,
  p.archived_at IS NOT NULL AS archived, p.risk_rank`;

/** Up to `limit` rows of one stretch that pass the filters, after `key` if given. */
function readStretch(
  db: Database,
  filters: { sql: string[]; params: unknown[] },
  stretch: Stretch,
  descending: boolean,
  after: readonly (string | number)[] | null,
  limit: number,
): ListRow[] {
  const where = [...filters.sql, stretch.where];
  const params = [...filters.params, ...stretch.params];
  if (after !== null) {
    where.push(
      `(${stretch.key.join(', ')}) ${descending ? '<' : '>'} (${after.map(() => '?').join(', ')})`,
    );
    params.push(...after);
  }
  const direction = descending ? 'DESC' : 'ASC';
  return parseRows(
    listRow,
    db
      .prepare(
        `SELECT ${LIST_COLUMNS}
         FROM persons p ${stretch.byAgency ? 'JOIN' : 'LEFT JOIN'} agencies a ON a.id = p.agency_id
         WHERE ${where.join(' AND ')}
         ORDER BY ${stretch.key.map((term) => `${term} ${direction}`).join(', ')}
         LIMIT ?`,
      )
      .all(...params, limit),
  );
}

/** The key of one row in a stretch's order: where the next page starts. */
function keyOf(db: Database, stretch: Stretch, id: number): (string | number)[] {
  return parseRow(
    keyValues,
    db
      .prepare(
        `SELECT ${stretch.key.join(', ')}
         FROM persons p LEFT JOIN agencies a ON a.id = p.agency_id WHERE p.id = ?`,
      )
      .raw()
      .get(id),
  );
}

/**
 * One page of the people list: every filter of the list screen, in any sort, ascending or
 * descending, from where the page before ended (keyset paging: each page is a range of an
 * index, however deep). Also how many match in all and how many the vault holds.
 */
export function listPersons(db: Database, query: PersonQuery, today: string): PersonListPage {
  const filters = filtersOf(query, today);
  const stretches = stretchesOf(query.sort, query.descending);
  const start =
    query.after === null ? { stretch: 0, key: null } : decodeCursor(query, stretches, query.after);
  // One row more than the page holds says whether another page follows.
  const read: { row: ListRow; stretch: number }[] = [];
  for (let index = start.stretch; index < stretches.length && read.length <= query.limit; index++) {
    const stretch = stretches[index];
    if (!stretch) break;
    const after = index === start.stretch ? start.key : null;
    for (const row of readStretch(
      db,
      filters,
      stretch,
      query.descending,
      after,
      query.limit + 1 - read.length,
    ))
      read.push({ row, stretch: index });
  }
  const tags = tagsByPerson(
    db,
    read.slice(0, query.limit).map(({ row }) => row.id),
  );
  const rows: PersonListRow[] = [];
  let bytes = 0;
  for (const { row } of read.slice(0, query.limit)) {
    const record: PersonListRow = {
      id: row.id,
      codename: row.codename,
      fullName: row.full_name,
      position: row.position,
      agencyId: row.agency_id,
      agencyName: row.agency_name,
      sphere: row.sphere,
      region: row.region,
      stage: row.stage,
      consent: row.consent,
      owner: row.owner,
      nextFollowUp: row.next_follow_up,
      tags: tags.get(row.id) ?? [],
      archived: row.archived === 1,
      riskLevel: row.risk_rank,
    };
    // A page ends early rather than weigh more than the budget (long names in a 3-byte script).
    bytes += Buffer.byteLength(JSON.stringify(record)) + 1;
    if (bytes > PERSON_PAGE_BYTES && rows.length > 0) break;
    rows.push(record);
  }
  const last = read[rows.length - 1];
  const lastStretch = last ? stretches[last.stretch] : undefined;
  const nextCursor =
    read.length > rows.length && last && lastStretch
      ? encodeCursor(query, { stretch: last.stretch, key: keyOf(db, lastStretch, last.row.id) })
      : null;
  const total = parseRow(
    z.number(),
    db
      .prepare(
        `SELECT count(*) FROM persons p ${filters.sql.length ? `WHERE ${filters.sql.join(' AND ')}` : ''}`,
      )
      .pluck()
      .get(...filters.params),
  );
  const inVault = parseRow(z.number(), db.prepare('SELECT count(*) FROM persons').pluck().get());
  return { rows, total, inVault, nextCursor };
}

const personTagRow = z.object({ person_id: z.number(), tag: z.string() });

/** Tags of the given persons (a page of the list), each person's in order. */
function tagsByPerson(db: Database, ids: number[]): Map<number, string[]> {
  const rows = parseRows(
    personTagRow,
    db
      .prepare(
        `SELECT person_id, tag FROM person_tags
         WHERE person_id IN (SELECT value FROM json_each(?)) ORDER BY person_id, tag`,
      )
      .all(JSON.stringify(ids)),
  );
  const tags = new Map<number, string[]>();
  for (const { person_id: id, tag } of rows) {
    const list = tags.get(id);
    if (list) list.push(tag);
    else tags.set(id, [tag]);
  }
  return tags;
}

/** The values the list's filters offer: only those in use. */
export function personFacets(db: Database): Facets {
  const distinct = (sql: string) => parseRows(z.string(), db.prepare(sql).pluck().all());
  return {
    owners: distinct(`SELECT DISTINCT owner FROM persons WHERE owner <> '' ORDER BY owner`),
    regions: distinct(`SELECT DISTINCT region FROM persons WHERE region <> '' ORDER BY region`),
    tags: distinct('SELECT DISTINCT tag FROM person_tags ORDER BY tag'),
    agencies: parseRows(
      z.object({ id: z.number(), name: z.string() }),
      db.prepare('SELECT id, name FROM agencies ORDER BY name_key').all(),
    ),
  };
}

/** A person's codename, or undefined when there is no such person. */
export function personCodename(db: Database, id: number): string | undefined {
  return parseOptionalRow(
    z.string(),
    db.prepare('SELECT codename FROM persons WHERE id = ?').pluck().get(id),
  );
}

export function personExists(db: Database, id: number): boolean {
  return db.prepare('SELECT 1 FROM persons WHERE id = ?').get(id) !== undefined;
}

/** Others at the same agency who are not archived, by name (at most 50). */
export function sameAgencyRefs(db: Database, agencyId: number, exceptId: number): PersonRef[] {
  return personRefs(
    db,
    `SELECT id, codename, full_name, stage FROM persons
     WHERE agency_id = ? AND id <> ? AND archived_at IS NULL ORDER BY name_key LIMIT 50`,
    agencyId,
    exceptId,
  );
}

const stageChangeRow = z.object({
  from_stage: stageSchema.nullable(),
  to_stage: stageSchema,
  at: z.string(),
});
export type StageChangeRow = z.output<typeof stageChangeRow>;

/** A person's stage moves, newest first. */
export function stageChangesOf(db: Database, personId: number): StageChangeRow[] {
  return parseRows(
    stageChangeRow,
    db
      .prepare(
        'SELECT from_stage, to_stage, at FROM stage_changes WHERE person_id = ? ORDER BY at DESC, id DESC',
      )
      .all(personId),
  );
}

/** How many persons (not archived) are at each stage. */
export function stageCounts(db: Database): { stage: Stage; count: number }[] {
  return parseRows(
    z.object({ stage: stageSchema, count: z.number() }),
    db
      .prepare(
        'SELECT stage, COUNT(*) AS count FROM persons WHERE archived_at IS NULL GROUP BY stage',
      )
      .all(),
  );
}

const followUpRow = personRefRow.extend({ next_follow_up: z.string() });
export type FollowUpRow = z.output<typeof followUpRow>;

/** Persons (not archived) with a follow-up due by `today`: how many, and the first `limit`. */
export function followUpsDue(
  db: Database,
  today: string,
  limit: number,
): { total: number; rows: FollowUpRow[] } {
  const total = parseRow(
    z.number(),
    db
      .prepare('SELECT COUNT(*) FROM persons WHERE archived_at IS NULL AND next_follow_up <= ?')
      .pluck()
      .get(today),
  );
  const rows = parseRows(
    followUpRow,
    db
      .prepare(
        `SELECT id, codename, full_name, stage, next_follow_up FROM persons
       WHERE archived_at IS NULL AND next_follow_up <= ?
       ORDER BY next_follow_up, codename_key LIMIT ?`,
      )
      .all(today, limit),
  );
  return { total, rows };
}

const graphPersonRow = personRefRow.extend({ agency_id: z.number().nullable() });
export type GraphPersonRow = z.output<typeof graphPersonRow>;

export function graphPersons(db: Database, ids: readonly number[]): GraphPersonRow[] {
  return parseRows(
    graphPersonRow,
    db
      .prepare(
        `SELECT id, codename, full_name, stage, agency_id FROM persons
       WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids)),
  );
}

/** The searchable text of a person (for a search hit's title and snippet). */
export function personSearchText(
  db: Database,
  id: number,
): Record<string, string | null> | undefined {
  return parseOptionalRow(
    searchTextRow,
    db
      .prepare(
        `SELECT full_name, codename, position, rank, unit, region, owner, needs,
         sincerity_concern, about,
         (SELECT group_concat(tag, ' ') FROM person_tags WHERE person_id = persons.id) AS tags
       FROM persons WHERE id = ?`,
      )
      .get(id),
  );
}
