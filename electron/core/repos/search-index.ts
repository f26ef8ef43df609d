/**
 * Keeps the full-text index (the contentless `search_index` table) in step with persons,
 * agencies and notes. The repositories call these on every write, inside the same
 * transaction; tests/integration/search.test.ts checks the index against the tables.
 *
 * Text is folded before indexing and before querying, because SQLite's unicode61 tokenizer
 * lower-cases Cyrillic but does not treat ё as е, as Russian readers do.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { parseRow, parseRows } from './rows.ts';

export const SEARCH_KIND = { person: 1, agency: 2, note: 3 } as const;
export type SearchKind = keyof typeof SEARCH_KIND;

export function searchRowid(kind: SearchKind, id: number): number {
  return id * 4 + SEARCH_KIND[kind];
}

export function decodeSearchRowid(rowid: number): { kind: SearchKind; id: number } {
  const code = rowid % 4;
  const kind = (Object.keys(SEARCH_KIND) as SearchKind[]).find((k) => SEARCH_KIND[k] === code);
  if (!kind) throw new Error(`not a search rowid: ${String(rowid)}`);
  return { kind, id: (rowid - code) / 4 };
}

/** Lower case and ё → е; unicode61 then strips accents (é → e) and keeps й apart from и. */
export function foldForSearch(text: string): string {
  return text.toLocaleLowerCase('ru').replaceAll('ё', 'е');
}

export function indexForSearch(
  db: Database,
  kind: SearchKind,
  id: number,
  title: string,
  body: string,
): void {
  const rowid = searchRowid(kind, id);
  db.prepare('DELETE FROM search_index WHERE rowid = ?').run(rowid);
  db.prepare('INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)').run(
    rowid,
    foldForSearch(title),
    foldForSearch(body),
  );
}

export function removeFromSearch(db: Database, kind: SearchKind, id: number): void {
  db.prepare('DELETE FROM search_index WHERE rowid = ?').run(searchRowid(kind, id));
}

/*
 * From what the user typed to an FTS5 query. Every word typed is a prefix ("прок" finds
 * "прокурор"); words are ANDed; FTS5 syntax in the input (quotes, NEAR, column filters, *) is
 * never interpreted, because each word is quoted.
 */

/** A searchable word: letters and digits. */
export const SEARCH_WORD = /[\p{L}\p{N}]+/gu;
const MAX_WORDS = 12;

/** The words of a query, folded; empty if nothing searchable was typed. */
export function queryWords(text: string): string[] {
  const words = (foldForSearch(text).match(SEARCH_WORD) ?? []).slice(0, MAX_WORDS);
  // A one-letter word ("в", "a") matches nearly everything as a prefix: it narrows nothing
  // and costs a scan of the whole index, so it counts only when it is all that was typed.
  const longer = words.filter((word) => word.length > 1);
  return longer.length > 0 ? longer : words;
}

/**
 * `"word1"* "word2"*`, or null when there is nothing to search for. A lone one-letter word is
 * matched whole, not as a prefix.
 */
export function matchQuery(text: string): string | null {
  const words = queryWords(text);
  if (words.length === 0) return null;
  return words.map((word) => (word.length > 1 ? `"${word}"*` : `"${word}"`)).join(' ');
}

/** The rowids matching an FTS5 `match`, best first by bm25 with titles weighing `titleWeight`. */
export function searchRowids(
  db: Database,
  match: string,
  titleWeight: number,
  limit: number,
): number[] {
  return parseRows(
    z.number(),
    db
      .prepare(
        `SELECT rowid FROM search_index WHERE search_index MATCH ?
         ORDER BY bm25(search_index, ${String(titleWeight)}, 1.0) LIMIT ?`,
      )
      .pluck()
      .all(match, limit),
  );
}

/** How many rows match an FTS5 `match` in all (the page shows the best `limit` of them). */
export function searchCount(db: Database, match: string): number {
  return parseRow(
    z.number(),
    db.prepare('SELECT count(*) FROM search_index WHERE search_index MATCH ?').pluck().get(match),
  );
}
