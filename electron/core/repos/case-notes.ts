/** The case_notes table with note_persons: what happened, with whom, and the search index. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { NOTE_KINDS, STANCES, type NoteFields } from '../../../shared/domain.ts';
import type { Note, PersonRef } from '../../../shared/records.ts';
import { personRefRow } from './persons.ts';
import { parseOptionalRow, parseRow, parseRows, sqlBoolean } from './rows.ts';
import { indexForSearch, removeFromSearch } from './search-index.ts';

const noteRow = z.object({
  id: z.number(),
  occurred_on: z.string(),
  kind: z.enum(NOTE_KINDS),
  title: z.string(),
  body: z.string(),
  asked_for: z.string(),
  offered: z.string(),
  follow_up_on: z.string().nullable(),
  restricted: sqlBoolean,
  source: z.string(),
  stance: z.enum(STANCES).nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
type NoteRow = z.output<typeof noteRow>;

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
export function personsOfNotes(db: Database, noteIds: readonly number[]): Map<number, PersonRef[]> {
  const byNote = new Map<number, PersonRef[]>();
  if (noteIds.length === 0) return byNote;
  const rows = parseRows(
    personRefRow.extend({ note_id: z.number() }),
    db
      .prepare(
        `SELECT np.note_id, p.id, p.codename, p.full_name, p.stage
       FROM note_persons np JOIN persons p ON p.id = np.person_id
       WHERE np.note_id IN (SELECT value FROM json_each(?))
       ORDER BY p.name_key`,
      )
      .all(JSON.stringify(noteIds)),
  );
  for (const row of rows) {
    const list = byNote.get(row.note_id) ?? [];
    list.push({ id: row.id, codename: row.codename, fullName: row.full_name, stage: row.stage });
    byNote.set(row.note_id, list);
  }
  return byNote;
}

export function getNote(db: Database, id: number): Note | undefined {
  const row = parseOptionalRow(
    noteRow,
    db.prepare('SELECT * FROM case_notes WHERE id = ?').get(id),
  );
  return row ? toNote(row, personsOfNotes(db, [id]).get(id) ?? []) : undefined;
}

/** A person's notes, newest first, and how many there are in all. */
export function notesOfPerson(
  db: Database,
  personId: number,
  limit: number,
): { notes: Note[]; total: number } {
  const rows = parseRows(
    noteRow,
    db
      .prepare(
        `SELECT n.* FROM note_persons np JOIN case_notes n ON n.id = np.note_id
       WHERE np.person_id = ? ORDER BY n.occurred_on DESC, n.id DESC LIMIT ?`,
      )
      .all(personId, limit),
  );
  const total = parseRow(
    z.number(),
    db.prepare('SELECT count(*) FROM note_persons WHERE person_id = ?').pluck().get(personId),
  );
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

/**
 * A restricted "materials" note about one person, dated `occurredOn`: what the app itself
 * records from a file (an import's other columns, a partner's package). It never leaves.
 */
export function insertMaterialsNote(
  db: Database,
  note: { personId: number; occurredOn: string; title: string; body: string },
  now: Date,
): number {
  return insertNote(
    db,
    {
      occurredOn: note.occurredOn,
      kind: 'materials',
      personIds: [note.personId],
      title: note.title,
      body: note.body,
      askedFor: '',
      offered: '',
      followUpOn: null,
      restricted: true,
      source: '',
      stance: null,
    },
    now,
  );
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
  return parseRows(
    z.string(),
    db
      .prepare(
        `SELECT p.codename FROM note_persons np JOIN persons p ON p.id = np.person_id
       WHERE np.note_id = ? ORDER BY p.codename_key`,
      )
      .pluck()
      .all(id),
  );
}

/** How many restricted notes are about a person. */
export function restrictedNoteCount(db: Database, personId: number): number {
  return parseRow(
    z.number(),
    db
      .prepare(
        `SELECT count(*) FROM note_persons np JOIN case_notes n ON n.id = np.note_id
       WHERE np.person_id = ? AND n.restricted = 1`,
      )
      .pluck()
      .get(personId),
  );
}

const shareNoteRow = z.object({
  occurred_on: z.string(),
  title: z.string(),
  body: z.string(),
  restricted: sqlBoolean,
  /** JSON array of every person the note is about. */
  person_ids: z.string(),
});
export type ShareNoteRow = z.output<typeof shareNoteRow>;

/** Every note about a person, oldest first, with everyone each note is about (the share gate). */
export function notesForShare(db: Database, personId: number): ShareNoteRow[] {
  return parseRows(
    shareNoteRow,
    db
      .prepare(
        `SELECT n.occurred_on, n.title, n.body, n.restricted,
         (SELECT json_group_array(person_id) FROM note_persons WHERE note_id = n.id) AS person_ids
       FROM note_persons np JOIN case_notes n ON n.id = np.note_id
       WHERE np.person_id = ? ORDER BY n.occurred_on, n.id`,
      )
      .all(personId),
  );
}

const noteSearchRow = z.object({
  title: z.string(),
  body: z.string(),
  asked_for: z.string(),
  offered: z.string(),
  source: z.string(),
  kind: z.enum(NOTE_KINDS),
  occurred_on: z.string(),
  restricted: sqlBoolean,
  person_id: z.number().nullable(),
});
export type NoteSearchRow = z.output<typeof noteSearchRow>;

/** The searchable text of a note, with the first person it is about. */
export function noteSearchText(db: Database, id: number): NoteSearchRow | undefined {
  return parseOptionalRow(
    noteSearchRow,
    db
      .prepare(
        `SELECT title, body, asked_for, offered, source, kind, occurred_on, restricted,
         (SELECT person_id FROM note_persons WHERE note_id = case_notes.id LIMIT 1) AS person_id
       FROM case_notes WHERE id = ?`,
      )
      .get(id),
  );
}
