/**
 * What the import makes of headers and cells (electron/core/services/import/columns.ts), and
 * that every label the app shows for a stage, sphere or consent level is read back by it.
 */
import { describe, expect, it } from 'vitest';
import {
  consentOf,
  isoDateOf,
  sphereOf,
  stageOf,
  suggestMapping,
  tagsOf,
} from '../../electron/core/services/import/columns.ts';
import { detectDelimiter } from '../../electron/core/services/import/read-import.ts';
import { CONSENT_LEVELS, SPHERES, STAGES } from '../../shared/domain.ts';
import { domainEn, domainRu } from '../../renderer/src/i18n/domain.ts';

describe('suggestMapping', () => {
  it('recognises Russian and English headers whatever their case, spacing and punctuation', () => {
    expect(
      suggestMapping([
        ' ФИО ',
        'должность',
        'ЗВАНИЕ',
        'Орган',
        'Регион:',
        'Этап',
        'Согласие',
        'Ответственный',
        'Следующий  контакт',
        'Теги',
        'Кодовое имя',
        'Подразделение',
        'Сфера',
        'Чем помочь',
        'Примечания',
      ]),
    ).toEqual({
      fullName: 0,
      position: 1,
      rank: 2,
      agency: 3,
      region: 4,
      stage: 5,
      consent: 6,
      owner: 7,
      nextFollowUp: 8,
      tags: 9,
      codename: 10,
      unit: 11,
      sphere: 12,
      needs: 13,
      about: 14,
    });
    expect(
      suggestMapping(['Full Name', 'Agency', 'Follow-up', 'TAGS', 'Owner', 'Rank', 'Unknown']),
    ).toEqual({ fullName: 0, agency: 1, nextFollowUp: 2, tags: 3, owner: 4, rank: 5 });
    expect(suggestMapping(['Ф.И.О.', 'Метки'])).toEqual({ fullName: 0, tags: 1 });
    expect(suggestMapping(['Name', 'Ведёт'])).toEqual({ fullName: 0, owner: 1 });
  });

  it('maps the first of two columns for a field and ignores the rest', () => {
    expect(suggestMapping(['Name', 'Full name', 'Notes'])).toEqual({ fullName: 0, about: 2 });
  });

  it('suggests nothing for unknown headers', () => {
    expect(suggestMapping(['Сотрудник', 'Кабинет', ''])).toEqual({});
  });
});

describe('closed lists', () => {
  it.each([
    ['sphere', SPHERES, sphereOf, domainEn.sphere, domainRu.sphere],
    ['stage', STAGES, stageOf, domainEn.stage, domainRu.stage],
    ['consent', CONSENT_LEVELS, consentOf, domainEn.consent, domainRu.consent],
  ] as const)(
    'reads every %s by key, English label and Russian label, in any case',
    (_name, keys, read, en, ru) => {
      for (const key of keys) {
        const english = (en as Record<string, string>)[key] ?? '';
        const russian = (ru as Record<string, string>)[key] ?? '';
        expect(read(key)).toBe(key);
        expect(read(english)).toBe(key);
        expect(read(russian)).toBe(key);
        expect(read(english.toUpperCase())).toBe(key);
        expect(read(` ${russian.toLowerCase()} `)).toBe(key);
      }
    },
  );

  it('reads ё as е and spaces for underscores; refuses what is not on the list', () => {
    expect(stageOf('Партнер')).toBe('partner');
    expect(stageOf('in contact')).toBe('in_contact');
    expect(consentOf('TRUSTED-PARTNERS')).toBe('trusted_partners');
    expect(stageOf('Думаем')).toBeUndefined();
    expect(sphereOf('space')).toBeUndefined();
  });
});

describe('isoDateOf', () => {
  it.each([
    ['2026-03-31', '2026-03-31'],
    ['2026-3-1', '2026-03-01'],
    ['31.03.2026', '2026-03-31'],
    ['1.4.2026', '2026-04-01'],
    ['31/03/2026', '2026-03-31'],
    ['29.02.2028', '2028-02-29'],
    [' 15.03.2026 ', '2026-03-15'],
  ])('reads %j as %s', (text, iso) => {
    expect(isoDateOf(text)).toBe(iso);
  });

  it.each([
    '31.02.2026',
    '29.02.2026',
    '31.04.2026',
    '2026-13-01',
    '00.01.2026',
    '2026-02-30',
    '03/31/2026',
    'завтра',
    '2026',
    '31.03.26',
    '12.03.0999',
  ])('refuses %j', (text) => {
    expect(isoDateOf(text)).toBeUndefined();
  });
});

describe('tagsOf', () => {
  it('splits on commas and semicolons, trims, drops empties and repeats', () => {
    expect(tagsOf('реформа; семинары, asylum ,,; реформа')).toEqual([
      'реформа',
      'семинары',
      'asylum',
    ]);
    expect(tagsOf('  ')).toEqual([]);
  });
});

describe('detectDelimiter', () => {
  it('takes the delimiter the header row uses most, outside quotes', () => {
    expect(detectDelimiter('a,b,c\n1;2;3;4;5')).toBe(',');
    expect(detectDelimiter('ФИО;Должность;Ведомство\r\n')).toBe(';');
    expect(detectDelimiter('Name\tPosition\tAgency')).toBe('\t');
    expect(detectDelimiter('"Name; with; semicolons",Position')).toBe(',');
    expect(detectDelimiter('Name')).toBe(',');
  });
});
