/**
 * Search across persons, agencies and notes: one FTS5 query over the contentless index,
 * ranked by bm25 with titles (names, codenames, agency names, note titles) weighing 8× the
 * rest, then the hits' text read from their tables to cut a snippet. Restricted notes are
 * found too: search never leaves the vault.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { SearchHit } from '../../../shared/records.ts';
import { decodeSearchRowid } from './search-index.ts';
import { matchQuery, queryWords, snippet } from './search-query.ts';

/** A word in a name, codename, agency name or note title counts this many times one in a text. */
const TITLE_WEIGHT = 8;

export function search(db: Database, text: string, limit: number): SearchHit[] {
  const match = matchQuery(text);
  if (!match) return [];
  const words = queryWords(text);
  const rowids = db
    .prepare(
      `SELECT rowid FROM search_index WHERE search_index MATCH ?
       ORDER BY bm25(search_index, ${String(TITLE_WEIGHT)}, 1.0) LIMIT ?`,
    )
    .pluck()
    .all(match, limit) as number[];
  const hits: SearchHit[] = [];
  for (const rowid of rowids) {
    const { kind, id } = decodeSearchRowid(rowid);
    const hit =
      kind === 'person'
        ? personHit(db, id, words)
        : kind === 'agency'
          ? agencyHit(db, id, words)
          : noteHit(db, id, words);
    if (hit) hits.push(hit);
  }
  return hits;
}

/** The first of `texts` with a match gives the snippet; else the first non-empty one. */
function bestSnippet(texts: string[], words: readonly string[]): SearchHit['snippet'] {
  for (const text of texts) {
    const parts = snippet(text, words);
    if (parts.some((part) => part.match)) return parts;
  }
  const first = texts.find((text) => text.trim() !== '') ?? '';
  return snippet(first, []);
}

function personHit(db: Database, id: number, words: readonly string[]): SearchHit | undefined {
  const row = db
    .prepare(
      `SELECT full_name, codename, position, rank, unit, region, owner, needs,
         sincerity_concern, about,
         (SELECT group_concat(tag, ' ') FROM person_tags WHERE person_id = persons.id) AS tags
       FROM persons WHERE id = ?`,
    )
    .get(id) as Record<string, string | null> | undefined;
  if (!row) return undefined;
  const fields = (keys: string[]) => keys.map((key) => row[key] ?? '');
  return {
    kind: 'person',
    id,
    title: `${row.full_name ?? ''} · ${row.codename ?? ''}`,
    snippet: bestSnippet(
      fields([
        'position',
        'unit',
        'region',
        'rank',
        'tags',
        'owner',
        'needs',
        'sincerity_concern',
        'about',
      ]),
      words,
    ),
    restricted: false,
    personId: id,
    noteKind: null,
    date: null,
  };
}

function agencyHit(db: Database, id: number, words: readonly string[]): SearchHit | undefined {
  const row = db
    .prepare(
      'SELECT name, region, admitted_problems, public_complaints, common_interest FROM agencies WHERE id = ?',
    )
    .get(id) as Record<string, string> | undefined;
  if (!row) return undefined;
  return {
    kind: 'agency',
    id,
    title: row.name ?? '',
    snippet: bestSnippet(
      [row.admitted_problems, row.public_complaints, row.common_interest, row.region].map(
        (value) => value ?? '',
      ),
      words,
    ),
    restricted: false,
    personId: null,
    noteKind: null,
    date: null,
  };
}

function noteHit(db: Database, id: number, words: readonly string[]): SearchHit | undefined {
  const row = db
    .prepare(
      `SELECT title, body, asked_for, offered, source, kind, occurred_on, restricted,
         (SELECT person_id FROM note_persons WHERE note_id = case_notes.id LIMIT 1) AS person_id
       FROM case_notes WHERE id = ?`,
    )
    .get(id) as
    | {
        title: string;
        body: string;
        asked_for: string;
        offered: string;
        source: string;
        kind: SearchHit['noteKind'];
        occurred_on: string;
        restricted: number;
        person_id: number | null;
      }
    | undefined;
  if (!row) return undefined;
  return {
    kind: 'note',
    id,
    title: row.title,
    snippet: bestSnippet([row.body, row.asked_for, row.offered, row.source, row.title], words),
    restricted: row.restricted === 1,
    personId: row.person_id,
    noteKind: row.kind,
    date: row.occurred_on,
  };
}
