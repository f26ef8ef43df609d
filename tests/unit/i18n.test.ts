import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/error-codes.ts';
import { en } from '../../shared/i18n/en.ts';
import { errorMessage } from '../../shared/i18n/error-message.ts';
import { createTranslator } from '../../shared/i18n/index.ts';
import { ru } from '../../shared/i18n/ru.ts';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`),
  );
}

function leaves(tree: object): string[] {
  return Object.values(tree).flatMap((value) =>
    typeof value === 'string' ? [value] : leaves(value as object),
  );
}

describe('texts in English and Russian', () => {
  it('have the same keys in both languages', () => {
    expect(keys(ru).sort()).toEqual(keys(en).sort());
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) =>
      [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const enTexts = Object.fromEntries(keys(en).map((key, i) => [key, leaves(en)[i]!]));
    const ruTexts = Object.fromEntries(keys(ru).map((key, i) => [key, leaves(ru)[i]!]));
    for (const key of Object.keys(enTexts))
      expect(placeholders(ruTexts[key]!), key).toEqual(placeholders(enTexts[key]!));
  });

  const RECORD_ERRORS = new Set<string>([
    'NOT_FOUND',
    'DUPLICATE_CODENAME',
    'CODENAME_REVEALS_NAME',
    'DUPLICATE_AGENCY',
    'AGENCY_CYCLE',
    'SELF_RELATIONSHIP',
    'DUPLICATE_RELATIONSHIP',
    'NOTE_WITHOUT_PERSON',
    'CONFIRMATION_MISMATCH',
    'PERSON_ARCHIVED',
    'ASSESSMENT_NOT_LATEST',
    'NOTHING_TO_CORRECT',
    'CORRECTION_NEEDS_REASON',
    'REVIEW_DATE_PAST',
    'REVIEW_DATE_TOO_LATE',
    'CONSENT_DATE_FUTURE',
    'CONSENT_NOT_ASKED_DATE',
    'PLAN_INCOMPLETE',
    'DECISION_NEEDS_REASON',
    'SHARE_OVERRIDE_NEEDS_JUSTIFICATION',
    'SHARE_OVERRIDE_CODENAME_MISMATCH',
    'SHARE_DUPLICATE_PERSON',
    'SHARE_ALL_WITHHELD',
    'SHARE_PACKAGE_NEEDS_PARTNER',
    'PARTNER_NO_SHARE_KEY',
    'SHARE_KEY_MALFORMED',
    'SHARE_KEY_IS_OWN',
    'PDF_UNAVAILABLE',
    'PDF_TOO_LARGE',
    'COPY_NEEDS_CONFIRMATION',
    'CLIPBOARD_UNAVAILABLE',
    'BACKUP_FOLDER_NOT_SET',
    'RESTORE_NOT_OPENED',
  ]);

  it('have a message for every error code in both languages, naming the file', () => {
    for (const language of ['en', 'ru'] as const) {
      const t = createTranslator(language);
      for (const code of ERROR_CODES) {
        const text = errorMessage(t, {
          code,
          details: {
            retryAfterSeconds: 8,
            file: '/vaults/Office.confidant',
            reason: 'x',
            pid: 42,
            host: 'h',
            lockFile: 'L',
            version: 2,
            codename: 'Amber Heron 42',
            name: 'Supreme Court',
            encoding: 'UTF-8',
            fields: 'Full name',
            rows: 100000,
            max: 20000,
            maxMiB: 10,
            count: 3,
            date: '2026-03-31',
            latest: '2026-04-30',
          },
        });
        expect(text, `${language} ${code}`).not.toMatch(/errors\.|\{\{|undefined/);
        // Errors about records in an open vault are about that record, not the file.
        if (code !== 'FORBIDDEN' && !RECORD_ERRORS.has(code))
          expect(text, `${language} ${code}`).toContain('/vaults/Office.confidant');
      }
    }
  });

  it('are Russian in Russian', () => {
    const t = createTranslator('ru');
    expect(errorMessage(t, { code: 'WRONG_PASSPHRASE', details: { file: 'v' } })).toMatch(
      /Пароль не подходит/,
    );
  });

  it('pick the variant that fits the details', () => {
    const t = createTranslator('en');
    expect(
      errorMessage(t, { code: 'CORRUPT_VAULT', details: { file: 'v', previous: 'v.1' } }),
    ).toContain('previous copy v.1');
    expect(errorMessage(t, { code: 'CORRUPT_VAULT', details: { file: 'v' } })).not.toContain(
      'previous copy',
    );
    expect(
      errorMessage(t, { code: 'NOT_A_VAULT', details: { file: 'v', reason: 'plain-sqlite' } }),
    ).toContain('unencrypted SQLite');
    expect(
      errorMessage(t, { code: 'VAULT_IN_USE', details: { file: 'v', pid: 0, lockFile: 'v.lock' } }),
    ).not.toContain('process 0');
    expect(errorMessage(t, { code: 'PASSPHRASE_TOO_SHORT', details: { file: 'v' } })).toContain(
      'at least 8 characters',
    );
  });

  it('are one sentence each: no full stop in the middle of an error', () => {
    for (const text of [...Object.values(en.errors), ...Object.values(ru.errors)]) {
      expect(text.replace(/\.\s*$/, ''), text).not.toMatch(/[.!?]\s+[A-ZА-Я]/u);
    }
  });
});

describe('validation errors name the field and the problem', () => {
  const english = createTranslator('en');
  const russian = createTranslator('ru');

  it.each<{ language: 'en' | 'ru'; details: Record<string, string | number>; expected: string }>([
    {
      language: 'en',
      details: { field: 'factors.leakHarm', reason: 'number_too_big', maximum: 5 },
      expected: 'Harm if our records leaked: must be at most 5. Nothing was changed.',
    },
    {
      language: 'ru',
      details: { field: 'factors.leakHarm', reason: 'number_too_big', maximum: 5 },
      expected: 'Вред при утечке наших записей: должно быть не больше 5. Ничего не изменено.',
    },
    {
      language: 'en',
      details: { field: 'factors.visibility', reason: 'number_too_small', minimum: 1 },
      expected: 'Visibility of the collaboration: must be at least 1. Nothing was changed.',
    },
    {
      language: 'ru',
      details: { field: 'factors.visibility', reason: 'number_too_small', minimum: 1 },
      expected: 'Заметность сотрудничества: должно быть не меньше 1. Ничего не изменено.',
    },
  ])('$language: $details.field $details.reason', ({ language, details, expected }) => {
    const t = language === 'en' ? english : russian;
    expect(errorMessage(t, { code: 'VALIDATION', details })).toBe(expected);
  });

  it('a number out of range reads "at most", not "too long"', () => {
    const text = errorMessage(english, {
      code: 'VALIDATION',
      details: { field: 'factors.leakHarm', reason: 'number_too_big', maximum: 5 },
    });
    expect(text).toContain('Harm if our records leaked');
    expect(text).toContain('5');
    expect(text).not.toContain('too long');
    expect(text).not.toContain('Risk factors');
  });

  it.each([
    { language: 'en', problem: en.problems.interval_order, label: en.fields.critical },
    { language: 'ru', problem: ru.problems.interval_order, label: ru.fields.critical },
  ] as const)(
    '$language: review intervals out of order have their sentence',
    ({ language, problem, label }) => {
      const text = errorMessage(language === 'en' ? english : russian, {
        code: 'VALIDATION',
        details: { field: 'reviewIntervals.critical', reason: 'interval_order' },
      });
      expect(text).toContain(label);
      expect(text).toContain(problem);
      expect(text).not.toContain(language === 'en' ? en.problems.invalid : ru.problems.invalid);
    },
  );

  it('falls back to the nearest labelled part of the path, then to the generic sentence', () => {
    expect(
      errorMessage(english, {
        code: 'VALIDATION',
        details: { field: 'factors.mood', reason: 'unrecognized_keys' },
      }),
    ).toBe('Risk factors: not valid. Nothing was changed.');
    expect(
      errorMessage(english, {
        code: 'VALIDATION',
        details: { field: 'nothing.known', reason: 'invalid_type', file: 'v.confidant' },
      }),
    ).toBe(en.errors.VALIDATION.replace('{{file}}', 'v.confidant'));
  });
});
