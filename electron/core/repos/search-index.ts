/**
 * Keeps the full-text index (the contentless `search_index` table) in step with persons,
 * agencies and notes. The repositories call these on every write, inside the same
 * transaction; tests/integration/search.test.ts checks the index against the tables.
 *
 * Text is folded before indexing and before querying, because SQLite's unicode61 tokenizer
 * lower-cases Cyrillic but does not treat ё as е, as Russian readers do.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';

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
