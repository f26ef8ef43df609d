/**
 * Persons who may already be the one about to be added (issue 15): the same full name once
 * folded — case, ё/е, Unicode composition and runs of spaces — as the person form's warning
 * and the spreadsheet import compare names.
 *
 * Read through the index persons_by_name (name_key, id). The stored name_key is
 * foldForSearch(fullName) of the trimmed name (case and ё already folded, spacing as typed), so
 * a name's candidates are the keys that start with its first word — one range of that index,
 * a few rows even at 10,000 persons — and their spacing is compared here.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { parseRows, sqlBoolean } from './rows.ts';
import { foldForSearch } from './search-index.ts';

/** A full name as duplicates compare it: "  Ёлкин   Пётр " → "елкин петр". */
export function personNameKey(fullName: string): string {
  return foldForSearch(fullName.normalize('NFC').trim().replace(/\s+/gu, ' '));
}

const keyRow = z.object({ id: z.number(), name_key: z.string() });

/** Above every character: `prefix + TOP` bounds the keys that start with `prefix`. */
const TOP = '\u{10FFFF}';

function firstWord(key: string): string {
  return key.split(' ', 1)[0] ?? '';
}

/** Ids of the persons whose name starts with `word` (any spacing after it), by folded key. */
function keysStartingWith(db: Database, word: string): z.output<typeof keyRow>[] {
  return parseRows(
    keyRow,
    db
      .prepare(
        `SELECT id, name_key FROM persons INDEXED BY persons_by_name
         WHERE name_key >= ? AND name_key < ? ORDER BY name_key, id`,
      )
      .all(word, word + TOP),
  );
}

/** Ids of the persons named `fullName` (folded), oldest first. */
export function personIdsNamed(db: Database, fullName: string): number[] {
  const key = personNameKey(fullName);
  if (key === '') return [];
  return keysStartingWith(db, firstWord(key))
    .filter((row) => personNameKey(row.name_key) === key)
    .map((row) => row.id)
    .sort((a, b) => a - b);
}

/** Up to this many distinct first words are looked up one range each; more, one pass. */
const RANGE_LOOKUPS = 200;

/**
 * For each folded name key, the ids of the persons with that name, oldest first (keys nobody
 * has are left out). A few keys (a person form, a short file) read one range of the index per
 * first word; a long file reads the index once, names only.
 */
export function personIdsByNameKey(db: Database, keys: ReadonlySet<string>): Map<string, number[]> {
  const words = new Set([...keys].map(firstWord));
  const rows =
    words.size <= RANGE_LOOKUPS
      ? [...words].flatMap((word) => keysStartingWith(db, word))
      : parseRows(
          keyRow,
          db.prepare('SELECT id, name_key FROM persons INDEXED BY persons_by_name').all(),
        );
  const found = new Map<string, number[]>();
  for (const row of rows) {
    const key = personNameKey(row.name_key);
    if (!keys.has(key)) continue;
    const ids = found.get(key);
    if (ids) ids.push(row.id);
    else found.set(key, [row.id]);
  }
  for (const ids of found.values()) ids.sort((a, b) => a - b);
  return found;
}

const duplicateRow = z.object({
  id: z.number(),
  full_name: z.string(),
  codename: z.string(),
  position: z.string(),
  agency_name: z.string().nullable(),
  archived: sqlBoolean,
});

export interface PersonDuplicate {
  id: number;
  fullName: string;
  codename: string;
  position: string;
  agencyName: string | null;
  archived: boolean;
}

/** What tells the persons with these ids apart (name, codename, position, agency), by id. */
export function duplicateDetails(db: Database, ids: readonly number[]): PersonDuplicate[] {
  if (ids.length === 0) return [];
  return parseRows(
    duplicateRow,
    db
      .prepare(
        `SELECT p.id, p.full_name, p.codename, p.position, a.name AS agency_name,
           p.archived_at IS NOT NULL AS archived
         FROM persons p LEFT JOIN agencies a ON a.id = p.agency_id
         WHERE p.id IN (SELECT value FROM json_each(?)) ORDER BY p.id`,
      )
      .all(JSON.stringify(ids)),
  ).map((row) => ({
    id: row.id,
    fullName: row.full_name,
    codename: row.codename,
    position: row.position,
    agencyName: row.agency_name,
    archived: row.archived === 1,
  }));
}

/**
 * Whether the person already has a note with exactly this title and body (merging the same
 * file's other columns twice adds the note once).
 */
export function personHasNote(db: Database, personId: number, title: string, body: string) {
  return (
    db
      .prepare(
        `SELECT 1 FROM note_persons np JOIN case_notes n ON n.id = np.note_id
         WHERE np.person_id = ? AND n.title = ? AND n.body = ? LIMIT 1`,
      )
      .get(personId, title, body) !== undefined
  );
}
