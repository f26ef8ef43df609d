/** The case_notes table with note_persons: what happened, with whom, and the search index. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { NoteFields } from '../../../shared/domain.ts';
import type { Note, PersonRef } from '../../../shared/records.ts';
import { indexForSearch, removeFromSearch } from '../services/search-index.ts';

interface NoteRow {
  id: number;
  occurred_on: string;
  kind: Note['kind'];
  title: string;
  body: string;
  asked_for: string;
  offered: string;
  follow_up_on: string | null;
  restricted: number;
  source: string;
  stance: Note['stance'];
  created_at: string;
  updated_at: string;
}

function toNote(row: NoteRow, persons: PersonRef[]): Note {
  return {
    id: row.id,
    occurredOn: row.occurred_on,
    kind: row.kind,
    persons,
    title: row.title,
    body: row.body,
    askedFor: row.asked_for,
    offered: row.offered,
    followUpOn: row.follow_up_on,
    restricted: row.restricted === 1,
    source: row.source,
    stance: row.stance,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The persons of many notes in one query: noteId → persons. */
function personsOfNotes(db: Database, noteIds: readonly number[]): Map<number, PersonRef[]> {
  const byNote = new Map<number, PersonRef[]>();
  if (noteIds.length === 0) return byNote;
  const rows = db
    .prepare(
      `SELECT np.note_id, p.id, p.codename, p.full_name, p.stage
       FROM note_persons np JOIN persons p ON p.id = np.person_id
       WHERE np.note_id IN (SELECT value FROM json_each(?))
       ORDER BY p.name_key`,
    )
    .all(JSON.stringify(noteIds)) as {
    note_id: number;
    id: number;
    codename: string;
    full_name: string;
    stage: PersonRef['stage'];
  }[];
  for (const row of rows) {
    const list = byNote.get(row.note_id) ?? [];
    list.push({ id: row.id, codename: row.codename, fullName: row.full_name, stage: row.stage });
    byNote.set(row.note_id, list);
  }
  return byNote;
}

export function getNote(db: Database, id: number): Note | undefined {
  const row = db.prepare('SELECT * FROM case_notes WHERE id = ?').get(id) as NoteRow | undefined;
  return row ? toNote(row, personsOfNotes(db, [id]).get(id) ?? []) : undefined;
}

/** A person's notes, newest first, and how many there are in all. */
export function notesOfPerson(
  db: Database,
  personId: number,
  limit: number,
): { notes: Note[]; total: number } {
  const rows = db
    .prepare(
      `SELECT n.* FROM note_persons np JOIN case_notes n ON n.id = np.note_id
       WHERE np.person_id = ? ORDER BY n.occurred_on DESC, n.id DESC LIMIT ?`,
    )
    .all(personId, limit) as NoteRow[];
  const total = db
    .prepare('SELECT count(*) FROM note_persons WHERE person_id = ?')
    .pluck()
    .get(personId) as number;
  const persons = personsOfNotes(
    db,
    rows.map((row) => row.id),
  );
  return { notes: rows.map((row) => toNote(row, persons.get(row.id) ?? [])), total };
}

function columns(fields: NoteFields) {
  const statement = fields.kind === 'public_statement';
  return {
    occurred_on: fields.occurredOn,
    kind: fields.kind,
    title: fields.title,
    body: fields.body,
    asked_for: fields.askedFor,
    offered: fields.offered,
    follow_up_on: fields.followUpOn,
    restricted: fields.restricted ? 1 : 0,
    // Source and stance belong to observed public statements only.
    source: statement ? fields.source : '',
    stance: statement ? fields.stance : null,
  };
}

export function insertNote(db: Database, fields: NoteFields, now: Date): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO case_notes (occurred_on, kind, title, body, asked_for, offered, follow_up_on,
           restricted, source, stance, created_at, updated_at)
         VALUES (@occurred_on, @kind, @title, @body, @asked_for, @offered, @follow_up_on,
           @restricted, @source, @stance, @now, @now)`,
      )
      .run({ ...columns(fields), now: now.toISOString() }).lastInsertRowid,
  );
  writePersons(db, id, fields.personIds);
  indexNote(db, id, fields);
  return id;
}

export function updateNote(db: Database, id: number, fields: NoteFields, now: Date): void {
  db.prepare(
    `UPDATE case_notes SET occurred_on = @occurred_on, kind = @kind, title = @title,
       body = @body, asked_for = @asked_for, offered = @offered, follow_up_on = @follow_up_on,
       restricted = @restricted, source = @source, stance = @stance, updated_at = @now
     WHERE id = @id`,
  ).run({ ...columns(fields), now: now.toISOString(), id });
  writePersons(db, id, fields.personIds);
  indexNote(db, id, fields);
}

export function deleteNote(db: Database, id: number): void {
  db.prepare('DELETE FROM case_notes WHERE id = ?').run(id);
  removeFromSearch(db, 'note', id);
}

function writePersons(db: Database, id: number, personIds: readonly number[]): void {
  db.prepare('DELETE FROM note_persons WHERE note_id = ?').run(id);
  const insert = db.prepare(
    'INSERT OR IGNORE INTO note_persons (note_id, person_id) VALUES (?, ?)',
  );
  for (const personId of personIds) insert.run(id, personId);
}

function indexNote(db: Database, id: number, fields: NoteFields): void {
  indexForSearch(
    db,
    'note',
    id,
    fields.title,
    [fields.body, fields.askedFor, fields.offered, fields.source].join('\n'),
  );
}

/** The persons a note is about, for the audit trail (codenames only). */
export function noteCodenames(db: Database, id: number): string[] {
  return db
    .prepare(
      `SELECT p.codename FROM note_persons np JOIN persons p ON p.id = np.person_id
       WHERE np.note_id = ? ORDER BY p.codename_key`,
    )
    .pluck()
    .all(id) as string[];
}
