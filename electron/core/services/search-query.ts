/**
 * From what the user typed to an FTS5 query, and from a matching text to a snippet. Every
 * word typed is a prefix ("прок" finds "прокурор"); words are ANDed; FTS5 syntax in the input
 * (quotes, NEAR, column filters, *) is never interpreted, because each word is quoted.
 */
import { foldForSearch, SEARCH_WORD } from '../repos/search-index.ts';

/** The query side lives with the index it queries (repos/search-index.ts). */
export { matchQuery, queryWords } from '../repos/search-index.ts';

export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * The passage of `text` around the first word that starts with a query word, cut to about
 * `width` characters, split into matching and plain parts. Folding keeps string length
 * (lower-casing Cyrillic and Latin, ё → е), so positions in the folded text are positions
 * in the original.
 */
export function snippet(text: string, words: readonly string[], width = 160): SnippetPart[] {
  const folded = foldForSearch(text);
  if (folded.length !== text.length || words.length === 0) {
    return [{ text: cut(text, 0, width), match: false }];
  }
  const matches: [number, number][] = [];
  for (const found of folded.matchAll(SEARCH_WORD)) {
    if (words.some((word) => found[0].startsWith(word))) {
      const word = words.find((w) => found[0].startsWith(w)) ?? '';
      matches.push([found.index, found.index + word.length]);
    }
  }
  const first = matches[0];
  if (!first) return [{ text: cut(text, 0, width), match: false }];
  let start = Math.max(0, first[0] - Math.floor(width / 3));
  // Start at a word boundary, not in the middle of one.
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < first[0]) start = space + 1;
  }
  const end = Math.min(text.length, start + width);
  const parts: SnippetPart[] = [];
  let position = start;
  for (const [from, to] of matches) {
    if (from < start || to > end) continue;
    if (from > position) parts.push({ text: text.slice(position, from), match: false });
    parts.push({ text: text.slice(from, to), match: true });
    position = to;
  }
  if (position < end) parts.push({ text: text.slice(position, end), match: false });
  if (start > 0) parts.unshift({ text: '…', match: false });
  if (end < text.length) parts.push({ text: '…', match: false });
  return parts.map((part) => ({ ...part, text: part.text.replace(/\s+/gu, ' ') }));
}

function cut(text: string, start: number, width: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length > width ? `${flat.slice(start, start + width)}…` : flat;
}
