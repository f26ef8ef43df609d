/**
 * From what the user typed to an FTS5 query, and from a matching text to its snippet
 * (electron/core/services/search-query.ts): words are folded (case, ё → е), every word is a
 * quoted prefix so FTS5 syntax typed by the user is never interpreted, and snippets mark the
 * words that start with a query word, cut around the first one.
 */
import { describe, expect, it } from 'vitest';
import {
  matchQuery,
  queryWords,
  snippet,
  type SnippetPart,
} from '../../electron/core/services/search-query.ts';

const marked = (parts: SnippetPart[]) => parts.filter((part) => part.match).map((p) => p.text);
const joined = (parts: SnippetPart[]) => parts.map((part) => part.text).join('');

describe('queryWords', () => {
  it('folds case and ё to е, in Russian and English', () => {
    expect(queryWords('ЁЛКИН Прокурор')).toEqual(['елкин', 'прокурор']);
    expect(queryWords('Smith ЖЁЛТЫЙ')).toEqual(['smith', 'желтый']);
  });

  it('keeps only letters and digits: punctuation splits words and is dropped', () => {
    expect(queryWords('  "суд", (2026) — title:court* ')).toEqual([
      'суд',
      '2026',
      'title',
      'court',
    ]);
    expect(queryWords('"*()^:-')).toEqual([]);
    expect(queryWords('')).toEqual([]);
  });

  it('drops one-letter words beside longer ones, keeps a lone one', () => {
    expect(queryWords('встреча в суде')).toEqual(['встреча', 'суде']);
    expect(queryWords('В')).toEqual(['в']);
    expect(queryWords('a b')).toEqual(['a', 'b']);
  });

  it('takes at most twelve words', () => {
    const words = Array.from({ length: 20 }, (_, i) => `w${String(i)}`);
    expect(queryWords(words.join(' '))).toEqual(words.slice(0, 12));
  });
});

describe('matchQuery', () => {
  it('makes every word a quoted prefix, ANDed', () => {
    expect(matchQuery('Прок суд')).toBe('"прок"* "суд"*');
    expect(matchQuery('Ёлкин')).toBe('"елкин"*');
  });

  it('matches a lone one-letter word whole, not as a prefix', () => {
    expect(matchQuery('в')).toBe('"в"');
  });

  it('is null when nothing searchable was typed', () => {
    expect(matchQuery('')).toBeNull();
    expect(matchQuery('  "* ( ) : ')).toBeNull();
  });

  it('leaves FTS5 syntax uninterpreted: only quoted words come out', () => {
    const inputs = [
      '"unbalanced',
      'a" OR "b',
      'NEAR(суд прокурор, 2)',
      'title:прокур',
      'body : x',
      '^start',
      'a AND b NOT c',
      'col*',
      '{title body}: x',
      "'; DROP TABLE persons; --",
    ];
    const quotedWords = /^"[\p{L}\p{N}]+"\*?( "[\p{L}\p{N}]+"\*?)*$/u;
    for (const input of inputs) {
      const query = matchQuery(input);
      expect(query, input).toMatch(quotedWords);
    }
    // Operators typed as words are searched as the words they are.
    expect(matchQuery('x AND y NOT z')).toBe('"and"* "not"*');
    expect(matchQuery('OR')).toBe('"or"*');
    expect(matchQuery('NEAR(суд')).toBe('"near"* "суд"*');
  });
});

describe('snippet', () => {
  it('marks the words that start with a query word, keeping the text’s own case', () => {
    const parts = snippet('Встреча в Прокуратуре района', ['прокур']);
    expect(parts).toEqual([
      { text: 'Встреча в ', match: false },
      { text: 'Прокур', match: true },
      { text: 'атуре района', match: false },
    ]);
  });

  it('matches ё as е, and every occurrence in the passage', () => {
    const parts = snippet('Ёлкин говорил с Елкиным о ёлках', ['елк']);
    expect(marked(parts)).toEqual(['Ёлк', 'Елк', 'ёлк']);
    expect(joined(parts)).toBe('Ёлкин говорил с Елкиным о ёлках');
  });

  it('marks only at the start of a word', () => {
    expect(marked(snippet('непрокурор и прокурор', ['прокур']))).toEqual(['прокур']);
    expect(marked(snippet('Smithson and blacksmith', ['smith']))).toEqual(['Smith']);
  });

  it('marks several query words', () => {
    expect(marked(snippet('The deputy chair met the court', ['court', 'deput']))).toEqual([
      'deput',
      'court',
    ]);
  });

  it('cuts a long text around the first match, at a word boundary, with ellipses', () => {
    const before = 'слово '.repeat(60);
    const after = ' конец'.repeat(60);
    const text = `${before}прокуратура${after}`;
    const parts = snippet(text, ['прокур'], 80);
    expect(parts[0]).toEqual({ text: '…', match: false });
    expect(parts.at(-1)).toEqual({ text: '…', match: false });
    expect(marked(parts)).toEqual(['прокур']);
    const body = joined(parts.slice(1, -1));
    expect(body.length).toBeLessThanOrEqual(80);
    expect(body.startsWith('слово ')).toBe(true);
    // The match is shown with some context before it.
    expect(body.indexOf('прокур')).toBeGreaterThan(10);
  });

  it('without a match (or without words): the start of the text, whitespace flattened', () => {
    expect(snippet('Line one\n\n  line two', ['zzz'])).toEqual([
      { text: 'Line one line two', match: false },
    ]);
    expect(snippet('Line one\nline two', [])).toEqual([
      { text: 'Line one line two', match: false },
    ]);
    const long = 'a'.repeat(300);
    const [only] = snippet(long, ['zzz'], 100);
    expect(only?.text).toBe(`${'a'.repeat(100)}…`);
  });

  it('flattens newlines inside the passage too', () => {
    const parts = snippet('Asked for\nmaterials\tand more', ['mater']);
    expect(joined(parts)).toBe('Asked for materials and more');
    expect(marked(parts)).toEqual(['mater']);
  });
});
