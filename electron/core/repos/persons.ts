/**
 * The persons table (with person_tags): rows ↔ records, the people list's query, and the
 * search index kept in step. Callers run writes inside a transaction (services/records.ts).
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import {
  localDate,
  STAGES,
  type Consent,
  type PersonFields,
  type Stage,
} from '../../../shared/domain.ts';
import type {
  Facets,
  Person,
  PersonListRow,
  PersonQuery,
  PersonRef,
} from '../../../shared/records.ts';
import { codenameKey, revealsName } from '../services/codenames.ts';
import { foldForSearch, indexForSearch, removeFromSearch } from '../services/search-index.ts';
import { matchQuery } from '../services/search-query.ts';

interface PersonRow {
  id: number;
  codename: string;
  full_name: string;
  position: string;
  rank: string;
  agency_id: number | null;
  agency_name: string | null;
  unit: string;
  sphere: Person['sphere'];
  region: string;
  stage: Stage;
  closed_reason: Person['closedReason'];
  professionalism: number | null;
  influence: number | null;
  reform_orientation: Person['reformOrientation'];
  sincerity_concern: string;
  needs: string;
  consent: Person['consent'];
  owner: string;
  next_follow_up: string | null;
  about: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

const SELECT_PERSON = `
  SELECT p.*, a.name AS agency_name
  FROM persons p LEFT JOIN agencies a ON a.id = p.agency_id`;

export function tagsOf(db: Database, personId: number): string[] {
  return db
    .prepare('SELECT tag FROM person_tags WHERE person_id = ? ORDER BY tag')
    .pluck()
    .all(personId) as string[];
}

export function getPerson(db: Database, id: number): Person | undefined {
  const row = db.prepare(`${SELECT_PERSON} WHERE p.id = ?`).get(id) as PersonRow | undefined;
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

export function personRefs(db: Database, sql: string, ...params: unknown[]): PersonRef[] {
  return (
    db.prepare(sql).all(...params) as {
      id: number;
      codename: string;
      full_name: string;
      stage: Stage;
    }[]
  ).map((row) => ({
    id: row.id,
    codename: row.codename,
    fullName: row.full_name,
    stage: row.stage,
  }));
}

/** The id of the person with this codename (any case), if any. */
export function personIdByCodename(db: Database, codename: string): number | undefined {
  return db
    .prepare('SELECT id FROM persons WHERE codename_key = ?')
    .pluck()
    .get(codenameKey(codename)) as number | undefined;
}

/**
 * What is wrong with giving `fullName` this codename, if anything: another person has it
 * (whatever the case), or it contains a word of the name. `selfId` is the person being edited.
 */
export function codenameConflict(
  db: Database,
  codename: string,
  fullName: string,
  selfId?: number,
): 'taken' | 'revealsName' | null {
  const holder = personIdByCodename(db, codename);
  if (holder !== undefined && holder !== selfId) return 'taken';
  return revealsName(codename, fullName) ? 'revealsName' : null;
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
  const before = db.prepare('SELECT stage FROM persons WHERE id = ?').pluck().get(id) as Stage;
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
  const before = db.prepare('SELECT stage FROM persons WHERE id = ?').pluck().get(id) as Stage;
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
  const before = db.prepare('SELECT consent FROM persons WHERE id = ?').pluck().get(id) as Consent;
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
  const soleNotes = db
    .prepare(
      `SELECT note_id FROM note_persons np WHERE person_id = ?
       AND NOT EXISTS (SELECT 1 FROM note_persons o WHERE o.note_id = np.note_id
         AND o.person_id <> np.person_id)`,
    )
    .pluck()
    .all(id) as number[];
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
// The people list

const STAGE_ORDER = `CASE p.stage ${STAGES.map((stage, index) => `WHEN '${stage}' THEN ${String(index)}`).join(' ')} END`;

const ORDER_BY: Record<PersonQuery['sort'], string> = {
  name: 'p.name_key',
  codename: 'p.codename_key',
  stage: STAGE_ORDER,
  agency: 'a.name_key IS NULL, a.name_key',
  followUp: 'p.next_follow_up IS NULL, p.next_follow_up',
  updated: 'p.updated_at',
};

/** A row as SQLite returns it, before tags are added and `archived` becomes a boolean. */
type ListRow = Omit<PersonListRow, 'tags' | 'archived'> & { archived: number | boolean };

/** The people list: every filter of the list screen, one query. */
export function listPersons(
  db: Database,
  query: PersonQuery,
  today: string,
): { rows: PersonListRow[]; total: number } {
  const where: string[] = [];
  const params: unknown[] = [];
  const anyOf = (column: string, values: readonly unknown[]) => {
    if (values.length === 0) return;
    where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  if (query.archived === 'active') where.push('p.archived_at IS NULL');
  if (query.archived === 'archived') where.push('p.archived_at IS NOT NULL');
  anyOf('p.sphere', query.spheres);
  anyOf('p.stage', query.stages);
  anyOf('p.agency_id', query.agencyIds);
  anyOf('p.region', query.regions);
  anyOf('p.owner', query.owners);
  anyOf('p.consent', query.consents);
  if (query.followUpDue) {
    where.push('p.next_follow_up <= ?');
    params.push(today);
  }
  if (query.tags.length > 0) {
    where.push(
      `p.id IN (SELECT person_id FROM person_tags WHERE tag IN (${query.tags.map(() => '?').join(', ')})
        GROUP BY person_id HAVING count(*) = ?)`,
    );
    params.push(...query.tags, query.tags.length);
  }
  const match = matchQuery(query.text);
  if (match) {
    where.push(
      `p.id IN (SELECT (rowid - 1) / 4 FROM search_index WHERE search_index MATCH ?
        AND rowid % 4 = 1)`,
    );
    params.push(match);
  } else if (query.text.trim() !== '') {
    // Only punctuation was typed: nothing can match.
    where.push('0');
  }
  const direction = query.descending ? 'DESC' : 'ASC';
  const order = ORDER_BY[query.sort]
    .split(', ')
    .map((term) => (term.endsWith('IS NULL') ? term : `${term} ${direction}`))
    .join(', ');
  const rows = db
    .prepare(
      // Named as the record's fields, so each row becomes the record in place: at 10,000 rows
      // a second object per row costs more than the query.
      `SELECT p.id, p.codename, p.full_name AS fullName, p.position, p.agency_id AS agencyId,
         a.name AS agencyName, p.sphere, p.region, p.stage, p.consent, p.owner,
         p.next_follow_up AS nextFollowUp, p.archived_at IS NOT NULL AS archived
       FROM persons p LEFT JOIN agencies a ON a.id = p.agency_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${order}${query.sort === 'name' ? '' : `, p.name_key ${direction}`}, p.id ${direction}`,
    )
    .all(...params) as ListRow[];
  const total = db.prepare('SELECT count(*) FROM persons').pluck().get() as number;
  const tags = tagsByPerson(db, rows.length < 1000 ? rows.map((row) => row.id) : null);
  for (const row of rows)
    Object.assign(row, { tags: tags.get(row.id) ?? [], archived: row.archived === 1 });
  return { total, rows: rows as unknown as PersonListRow[] };
}

/**
 * Tags of the given persons, or of everyone (null): for a long list one pass over all tags
 * beats a lookup per row; for a short one, only its rows' tags are read.
 */
function tagsByPerson(db: Database, ids: number[] | null): Map<number, string[]> {
  const rows = (
    ids === null
      ? db.prepare('SELECT person_id, tag FROM person_tags ORDER BY tag').all()
      : db
          .prepare(
            `SELECT person_id, tag FROM person_tags
             WHERE person_id IN (SELECT value FROM json_each(?)) ORDER BY tag`,
          )
          .all(JSON.stringify(ids))
  ) as { person_id: number; tag: string }[];
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
  const distinct = (sql: string) => db.prepare(sql).pluck().all() as string[];
  return {
    owners: distinct(`SELECT DISTINCT owner FROM persons WHERE owner <> '' ORDER BY owner`),
    regions: distinct(`SELECT DISTINCT region FROM persons WHERE region <> '' ORDER BY region`),
    tags: distinct('SELECT DISTINCT tag FROM person_tags ORDER BY tag'),
    agencies: db.prepare('SELECT id, name FROM agencies ORDER BY name_key').all() as {
      id: number;
      name: string;
    }[],
  };
}
