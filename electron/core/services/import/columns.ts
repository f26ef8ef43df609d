/**
 * What the columns of a spreadsheet mean: which person field a header names (in English or
 * Russian, as NGOs title their lists), and how a cell's text becomes a field's value — the
 * closed lists accept their key, English label or Russian label; dates are read in the three
 * ways spreadsheets write them; tags are split on commas or semicolons.
 *
 * The labels repeat renderer/src/i18n/domain.ts, which the core may not import (the layer
 * rules keep UI code out of it); tests/unit/csv-columns.test.ts checks every label there is
 * accepted here.
 */
import {
  CONSENT_LEVELS,
  SPHERES,
  STAGES,
  type Consent,
  type Sphere,
  type Stage,
} from '../../../../shared/domain.ts';
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from '../../../../shared/import.ts';

/** Lower case, ё → е, punctuation and runs of spaces → one space: "Ф.И.О.:" → "ф и о". */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('ru')
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Header names each field is known by, in both languages (normalised when looked up). */
const HEADER_NAMES: Record<ImportField, readonly string[]> = {
  fullName: [
    'ФИО',
    'Ф.И.О.',
    'Фамилия Имя Отчество',
    'Фамилия, имя, отчество',
    'Полное имя',
    'Имя',
    'Full name',
    'Fullname',
    'Name',
    'Person',
  ],
  codename: ['Кодовое имя', 'Псевдоним', 'Позывной', 'Codename', 'Code name', 'Alias'],
  position: ['Должность', 'Позиция', 'Position', 'Job title', 'Title', 'Post'],
  rank: ['Звание', 'Чин', 'Классный чин', 'Rank', 'Grade'],
  agency: [
    'Ведомство',
    'Орган',
    'Организация',
    'Учреждение',
    'Место работы',
    'Agency',
    'Organisation',
    'Organization',
    'Institution',
    'Employer',
  ],
  unit: ['Подразделение', 'Отдел', 'Управление', 'Unit', 'Division', 'Department', 'Section'],
  sphere: ['Сфера', 'Отрасль', 'Sphere', 'Sector', 'Field'],
  region: ['Регион', 'Область', 'Субъект', 'Город', 'Region', 'Province', 'City', 'Location'],
  stage: ['Этап', 'Стадия', 'Статус', 'Stage', 'Status', 'Pipeline stage'],
  consent: [
    'Согласие',
    'Согласие на упоминание',
    'Согласие на имя',
    'Consent',
    'Consent to be named',
  ],
  owner: ['Ответственный', 'Куратор', 'Ведёт', 'Owner', 'Responsible', 'Relationship owner'],
  nextFollowUp: [
    'Следующий контакт',
    'След. контакт',
    'Дата следующего контакта',
    'Следующая связь',
    'Follow-up',
    'Follow up',
    'Next follow-up',
    'Next follow up',
    'Next contact',
    'Followup',
  ],
  tags: ['Метки', 'Теги', 'Тэги', 'Ярлыки', 'Tags', 'Labels'],
  needs: ['Чем помочь', 'Потребности', 'Нужды', 'Needs', 'Help needed', 'What they need'],
  about: [
    'Заметки',
    'Примечание',
    'Примечания',
    'Комментарий',
    'Комментарии',
    'О человеке',
    'About',
    'Notes',
    'Note',
    'Comment',
    'Comments',
  ],
};

const FIELD_BY_HEADER = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((field) =>
    HEADER_NAMES[field].map((name) => [normalizeLabel(name), field] as const),
  ),
);

/** The mapping a header row suggests: each field to the first column named for it. */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  headers.forEach((header, index) => {
    const field = FIELD_BY_HEADER.get(normalizeLabel(header));
    if (field !== undefined && mapping[field] === undefined) mapping[field] = index;
  });
  return mapping;
}

// ---------------------------------------------------------------------------------------------
// Closed lists: key, English label or Russian label

function lookup<T extends string>(
  keys: readonly T[],
  labels: Record<T, readonly string[]>,
): (text: string) => T | undefined {
  const byLabel = new Map<string, T>();
  for (const key of keys) {
    for (const spelling of [key, ...labels[key]]) byLabel.set(normalizeLabel(spelling), key);
  }
  return (text) => byLabel.get(normalizeLabel(text));
}

/** English label, Russian label (as renderer/src/i18n/domain.ts words them), other spellings. */
export const SPHERE_LABELS: Record<Sphere, readonly string[]> = {
  judiciary: ['Judiciary', 'Судебная система', 'Суды', 'Суд'],
  military_courts: ['Military courts', 'Военные суды', 'Военный суд'],
  police: ['Police', 'Полиция', 'МВД'],
  prosecution: ['Prosecution', 'Прокуратура'],
  migration: ['Migration', 'Миграция', 'Миграционная служба'],
  juvenile_justice: ['Juvenile justice', 'Ювенальная юстиция'],
  armed_forces: ['Armed forces', 'Вооружённые силы', 'Армия'],
  police_education: ['Police education', 'Полицейское образование'],
  legislature: ['Legislature', 'Законодательная власть', 'Парламент'],
  executive: ['Executive', 'Исполнительная власть'],
  international_organisation: [
    'International organisation',
    'International organization',
    'Международная организация',
  ],
  other: ['Other', 'Другое', 'Прочее'],
};

export const STAGE_LABELS: Record<Stage, readonly string[]> = {
  watching: ['Watching', 'Наблюдаем', 'Наблюдение'],
  vetting: ['Vetting', 'Проверяем', 'Проверка'],
  approach_planned: ['Approach planned', 'Подход спланирован'],
  in_contact: ['In contact', 'На связи'],
  collaborating: ['Collaborating', 'Сотрудничаем', 'Сотрудничество'],
  partner: ['Partner', 'Партнёр'],
  dormant: ['Dormant', 'Пауза'],
  moved_on: ['Moved on', 'На новом месте', 'Сменил место'],
  closed: ['Closed', 'Закрыто'],
};

export const CONSENT_LABELS: Record<Consent, readonly string[]> = {
  not_asked: ['Not asked', 'Не спрашивали'],
  internal: ['Internal only', 'Только внутри'],
  trusted_partners: ['Trusted partners', 'Доверенным партнёрам'],
  public: ['Public', 'Публично'],
};

export const sphereOf = lookup(SPHERES, SPHERE_LABELS);
export const stageOf = lookup(STAGES, STAGE_LABELS);
export const consentOf = lookup(CONSENT_LEVELS, CONSENT_LABELS);

// ---------------------------------------------------------------------------------------------
// Dates and tags

const DATE_FORMATS: readonly { pattern: RegExp; order: 'ymd' | 'dmy' }[] = [
  { pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})$/u, order: 'ymd' },
  { pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/u, order: 'dmy' },
  { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/u, order: 'dmy' },
];

/** "2026-03-31", "31.03.2026" or "31/03/2026" → "2026-03-31"; undefined if no such day. */
export function isoDateOf(text: string): string | undefined {
  for (const { pattern, order } of DATE_FORMATS) {
    const match = pattern.exec(text.trim());
    if (!match) continue;
    const [a, b, c] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const [year, month, day] = order === 'ymd' ? [a, b, c] : [c, b, a];
    if (year < 1000 || month < 1 || month > 12 || day < 1) return undefined;
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
    return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return undefined;
}

/** "a, b; c" → ["a", "b", "c"]: trimmed, no empty ones, no repeats. */
export function tagsOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;]/u)
        .map((tag) => tag.trim())
        .filter((tag) => tag !== ''),
    ),
  ];
}
