/** Decoding uploaded files (electron/core/services/import/decode.ts). */
import { describe, expect, it } from 'vitest';
import {
  decodeFile,
  isBinary,
  looksLikeUtf8Cyrillic,
} from '../../electron/core/services/import/decode.ts';

function windows1251(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1251');
  const byChar = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) byChar.set(decoder.decode(new Uint8Array([byte])), byte);
  return Uint8Array.from(Array.from(text, (char) => byChar.get(char) ?? 0x3f));
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const RUSSIAN = 'ФИО;Должность\r\nПетров Пётр Ёлкин;Начальник «отдела» №5\r\n';

function codeOf(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return {
      code: (error as { code: unknown }).code,
      details: (error as { details: unknown }).details,
    };
  }
  return undefined;
}

describe('decodeFile', () => {
  it('auto: valid UTF-8 is UTF-8, with or without a BOM', () => {
    expect(decodeFile(utf8(RUSSIAN), 'auto', 'f.csv')).toEqual({
      text: RUSSIAN,
      encoding: 'utf-8',
    });
    expect(decodeFile(utf8(`\ufeff${RUSSIAN}`), 'auto', 'f.csv')).toEqual({
      text: RUSSIAN,
      encoding: 'utf-8',
    });
  });

  it('auto: anything else is Windows-1251', () => {
    expect(decodeFile(windows1251(RUSSIAN), 'auto', 'f.csv')).toEqual({
      text: RUSSIAN,
      encoding: 'windows-1251',
    });
  });

  it('refuses a Windows-1251 file declared UTF-8', () => {
    expect(codeOf(() => decodeFile(windows1251(RUSSIAN), 'utf-8', 'f.csv'))).toEqual({
      code: 'IMPORT_ENCODING',
      details: { file: 'f.csv', encoding: 'UTF-8' },
    });
  });

  it('refuses a UTF-8 file declared Windows-1251 (it would read as "РџРµС‚СЂРѕРІ")', () => {
    expect(new TextDecoder('windows-1251').decode(utf8('Петров'))).toBe('РџРµС‚СЂРѕРІ');
    expect(codeOf(() => decodeFile(utf8(RUSSIAN), 'windows-1251', 'f.csv'))).toEqual({
      code: 'IMPORT_ENCODING',
      details: { file: 'f.csv', encoding: 'Windows-1251' },
    });
  });

  it('reads plain ASCII and real Windows-1251 as declared', () => {
    expect(decodeFile(utf8('Name\r\nJohn\r\n'), 'windows-1251', 'f.csv').text).toBe(
      'Name\r\nJohn\r\n',
    );
    expect(decodeFile(windows1251(RUSSIAN), 'windows-1251', 'f.csv').text).toBe(RUSSIAN);
  });

  it('refuses binary files', () => {
    for (const bytes of [
      Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14]),
      Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      utf8('Name\u0000\r\n'),
    ]) {
      expect(isBinary(bytes)).toBe(true);
      expect(codeOf(() => decodeFile(bytes, 'auto', 'x.xlsx'))).toEqual({
        code: 'IMPORT_NOT_TEXT',
        details: { file: 'x.xlsx' },
      });
    }
    expect(isBinary(utf8('PK,is,a,header\r\n'))).toBe(false);
  });
});

describe('looksLikeUtf8Cyrillic', () => {
  it('tells UTF-8 Cyrillic from Windows-1251 Cyrillic', () => {
    expect(looksLikeUtf8Cyrillic(utf8(RUSSIAN))).toBe(true);
    expect(looksLikeUtf8Cyrillic(windows1251(RUSSIAN))).toBe(false);
    expect(looksLikeUtf8Cyrillic(windows1251('Сёмин Пётр; Всё ещё «Рёв» №1, Сёла'))).toBe(false);
    expect(looksLikeUtf8Cyrillic(utf8('ASCII only'))).toBe(false);
  });
});
