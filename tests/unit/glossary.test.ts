/**
 * One Russian word per concept (docs/glossary.md, issue 15): no Russian text of the app — the
 * interface (renderer i18n and every feature's texts), the shared texts (errors, field names,
 * the command line) and the documents the core writes (dossiers, lists) — uses a variant the
 * glossary rejects, nor the "(а)" ending that guesses at the reader's gender.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_TEXTS } from '../../electron/core/services/share/document-texts.ts';
import { uiTexts } from '../../renderer/src/i18n/resources.ts';
import { ru } from '../../shared/i18n/ru.ts';

/** Every string in a tree of texts, with its key. */
function leaves(tree: unknown, prefix: string): [string, string][] {
  if (typeof tree === 'string') return [[prefix, tree]];
  if (Array.isArray(tree))
    return tree.flatMap((item, index) => leaves(item, `${prefix}[${index}]`));
  if (tree !== null && typeof tree === 'object')
    return Object.entries(tree).flatMap(([key, value]) =>
      leaves(value, prefix === '' ? key : `${prefix}.${key}`),
    );
  return [];
}

const RUSSIAN: [string, string][] = [
  ...leaves(uiTexts('ru'), 'ui'),
  ...leaves(ru, ''),
  ...leaves(DOCUMENT_TEXTS.ru, 'document'),
];

/** Letters on neither side: a whole word or the start of one, in Cyrillic too. */
const start = (stem: string) => new RegExp(`(?<!\\p{L})${stem}`, 'iu');

/** The rejected variant as the glossary names it, and what finds it in any form. */
const REJECTED: { word: string; pattern: RegExp; use: string }[] = [
  { word: 'Воронка', pattern: start('воронк'), use: 'этапы работы' },
  { word: 'псевдоним', pattern: start('псевдоним'), use: 'кодовое имя' },
  { word: 'позывной', pattern: start('позывн'), use: 'кодовое имя' },
  { word: 'заметка', pattern: start('заметк'), use: 'запись' },
  { word: 'Куратор', pattern: start('куратор'), use: 'Ведёт' },
  {
    word: 'Ответственный',
    // "ответственность" (responsibility) is another word and stays allowed.
    pattern: start('ответственн(?:ый|ого|ому|ым|ом|ая|ой|ую|ые|ых|ыми)(?!\\p{L})'),
    use: 'Ведёт',
  },
  { word: 'с ограниченным доступом', pattern: /ограниченн\p{L}* доступ/iu, use: 'закрытая запись' },
];

describe('the glossary', () => {
  it('covers the texts it is checked against', () => {
    // A scan of nothing would pass: the Russian texts are all there.
    expect(RUSSIAN.length).toBeGreaterThan(1500);
    expect(RUSSIAN.find(([key]) => key === 'ui.shell.areas.pipeline')?.[1]).toBe('Этапы работы');
  });

  for (const { word, pattern, use } of REJECTED) {
    it(`no Russian text says “${word}” (the glossary says “${use}”)`, () => {
      const found = RUSSIAN.filter(([, text]) => pattern.test(text)).map(
        ([key, text]) => `${key}: ${text}`,
      );
      expect(found).toEqual([]);
    });
  }

  it('no Russian text guesses at a gender with “(а)”', () => {
    const found = RUSSIAN.filter(([, text]) => /\p{L}\(а\)/u.test(text)).map(
      ([key, text]) => `${key}: ${text}`,
    );
    expect(found).toEqual([]);
  });

  it('the glossary names every rejected variant, so the page and the check agree', () => {
    const glossary = readFileSync(join(import.meta.dirname, '../../docs/glossary.md'), 'utf8');
    for (const { word, use } of REJECTED) {
      expect(glossary, word).toContain(word);
      expect(glossary, use).toContain(use);
    }
  });

  it('finds a rejected word in any case and form', () => {
    const pattern = (word: string) => REJECTED.find((rejected) => rejected.word === word)?.pattern;
    expect(pattern('Воронка')?.test('Вне воронки')).toBe(true);
    expect(pattern('заметка')?.test('Заметки (число)')).toBe(true);
    expect(pattern('Ответственный')?.test('Без ответственного')).toBe(true);
    expect(pattern('Ответственный')?.test('Ответственность за решение')).toBe(false);
    expect(pattern('с ограниченным доступом')?.test('Записи с ограниченным доступом')).toBe(true);
    expect(pattern('заметка')?.test('заметно лучше')).toBe(false);
  });
});
