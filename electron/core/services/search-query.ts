/**
 * From what the user typed to an FTS5 query, and from a matching text to a snippet. Every
 * word typed is a prefix ("прок" finds "прокурор"); words are ANDed; FTS5 syntax in the input
 * (quotes, NEAR, column filters, *) is never interpreted, because each word is quoted.
 */
import { foldForSearch } from './search-index.ts';

const WORD = /[\p{L}\p{N}]+/gu;
const MAX_WORDS = 12;

/** The words of a query, folded; empty if nothing searchable was typed. */
export function queryWords(text: string): string[] {
  const words = (foldForSearch(text).match(WORD) ?? []).slice(0, MAX_WORDS);
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
  for (const found of folded.matchAll(WORD)) {
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
