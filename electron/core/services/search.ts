/**
 * Search across persons, agencies and notes: one FTS5 query over the contentless index,
 * ranked by bm25 with titles (names, codenames, agency names, note titles) weighing 8× the
 * rest, then the hits' text read from their tables to cut a snippet (a note's markdown as the
 * words it shows, never its ** and _ markers) and, for a note, the persons it is about.
 * Restricted notes are found too, flagged: search never leaves the vault.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { SearchHit } from '../../../shared/records.ts';
import { agencySearchText } from '../repos/agencies.ts';
import { noteSearchText, personsOfNotes } from '../repos/case-notes.ts';
import { personSearchText } from '../repos/persons.ts';
import { decodeSearchRowid, searchCount, searchRowids } from '../repos/search-index.ts';
import { markdownText, matchQuery, queryWords, snippet } from './search-query.ts';

/** A word in a name, codename, agency name or note title counts this many times one in a text. */
const TITLE_WEIGHT = 8;

/** The best `limit` matches, best first. */
export function search(db: Database, text: string, limit: number): SearchHit[] {
  const match = matchQuery(text);
  if (!match) return [];
  const words = queryWords(text);
  const rowids = searchRowids(db, match, TITLE_WEIGHT, limit);
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
  const notes = hits.filter((hit) => hit.kind === 'note').map((hit) => hit.id);
  const persons = personsOfNotes(db, notes);
  return hits.map((hit) =>
    hit.kind === 'note' ? { ...hit, persons: persons.get(hit.id) ?? [] } : hit,
  );
}

/** How many records match in all, of which `search` returns the best. */
export function countMatches(db: Database, text: string): number {
  const match = matchQuery(text);
  return match ? searchCount(db, match) : 0;
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
  const row = personSearchText(db, id);
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
    persons: [],
    noteKind: null,
    date: null,
  };
}

function agencyHit(db: Database, id: number, words: readonly string[]): SearchHit | undefined {
  const row = agencySearchText(db, id);
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
    persons: [],
    noteKind: null,
    date: null,
  };
}

function noteHit(db: Database, id: number, words: readonly string[]): SearchHit | undefined {
  const row = noteSearchText(db, id);
  if (!row) return undefined;
  return {
    kind: 'note',
    id,
    title: row.title,
    snippet: bestSnippet(
      [markdownText(row.body), row.asked_for, row.offered, row.source, row.title],
      words,
    ),
    restricted: row.restricted === 1,
    personId: row.person_id,
    persons: [], // filled for all the notes found at once (search)
    noteKind: row.kind,
    date: row.occurred_on,
  };
}
