/** shared/csv.ts: quoting, and formula injection neutralised for every dangerous start. */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from '../../shared/csv.ts';

describe('csvCell', () => {
  it('leaves plain text alone', () => {
    expect(csvCell('Иван Петров')).toBe('Иван Петров');
    expect(csvCell('')).toBe('');
    expect(csvCell('2026-03-31')).toBe('2026-03-31');
    expect(csvCell('a=b+c')).toBe('a=b+c');
  });

  it('quotes cells with quotes, the delimiter or line breaks, doubling the quotes', () => {
    expect(csvCell('Head of the "Open Courts" unit')).toBe('"Head of the ""Open Courts"" unit"');
    expect(csvCell('Whitfield, Laura')).toBe('"Whitfield, Laura"');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
    expect(csvCell('one\r\ntwo')).toBe('"one\r\ntwo"');
    // The delimiter in use decides: a comma needs no quotes in a semicolon file.
    expect(csvCell('Whitfield, Laura', ';')).toBe('Whitfield, Laura');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a\tb', '\t')).toBe('"a\tb"');
  });

  it.each([
    [
      '=HYPERLINK("http://example.invalid/x","click")',
      `"'=HYPERLINK(""http://example.invalid/x"",""click"")"`,
    ],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
  ])('neutralises the formula %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('round-trips through a CSV parser as the text with an apostrophe in front of formulas', () => {
    const values = ['Whitfield, Laura', 'say "hi"', 'line\nbreak', '=1+1', 'plain', '-5'];
    const parsed = Papa.parse<string[]>(csvRow(values), { delimiter: ',' }).data[0];
    expect(parsed).toEqual([
      'Whitfield, Laura',
      'say "hi"',
      'line\nbreak',
      "'=1+1",
      'plain',
      "'-5",
    ]);
  });
});

describe('csvRow', () => {
  it('joins escaped cells with the delimiter', () => {
    expect(csvRow(['a', 'b,c', '=d'])).toBe('a,"b,c",\'=d');
    expect(csvRow(['a', 'b,c', 'd;e'], ';')).toBe('a;b,c;"d;e"');
    expect(csvRow([])).toBe('');
  });
});
