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

/**
 * A note's markdown as the words a reader sees, for its snippet: emphasis, code, strike-through
 * and heading, quote, list and fence markers go; a link or an image keeps its text. Raw HTML is
 * left as the characters it is (the snippet is text, never HTML). An underscore inside a word
 * ("snake_case") or a lone asterisk ("5 * 3") is not a marker and stays.
 */
export function markdownText(markdown: string): string {
  const lines = markdown.split(/\r?\n/u).flatMap((line) => {
    if (/^\s{0,3}(`{3,}|~{3,})/u.test(line)) return []; // a code fence
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/u.test(line)) return []; // a horizontal rule
    return [
      line
        .replace(/^\s{0,3}(>\s?)+/u, '') // quote
        .replace(/^\s{0,3}#{1,6}\s+/u, '') // heading
        .replace(/^\s*([-*+]|\d{1,9}[.)])\s+(\[[ xX]\]\s+)?/u, '') // list item, task box
        .replace(/\s#+\s*$/u, ''), // a closing heading's hashes
    ];
  });
  return lines
    .join('\n')
    .replace(/!\[([^\]]*)\]\([^)]*\)/gu, '$1') // image → its alt text
    .replace(/\[([^\]]+)\]\([^)]*\)/gu, '$1') // link → its text
    .replace(/<((?:https?|mailto):[^>\s]+)>/gu, '$1') // autolink
    .replace(/(`+)([^`]+?)\1/gu, '$2') // code span
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/gu, '$2') // strong
    .replace(/~~(?=\S)([\s\S]*?\S)~~/gu, '$1') // strike-through
    .replace(/(?<![\p{L}\p{N}*])\*(?=\S)([^*\n]*?\S)\*(?![\p{L}\p{N}*])/gu, '$1') // *emphasis*
    .replace(/(?<![\p{L}\p{N}_])_(?=\S)([^_\n]*?\S)_(?![\p{L}\p{N}_])/gu, '$1') // _emphasis_
    .replace(/\\([\\`*_{}[\]()#+\-.!~>])/gu, '$1'); // escaped characters
}
