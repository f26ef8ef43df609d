/**
 * Counts as the user's language writes them: "12,345" in English, "12 345" in Russian
 * (Intl.NumberFormat; never separators by hand). Two ways in:
 *
 * - a count in a text goes through i18next (i18n/index.ts registers `countFormatter`): every
 *   number interpolated under a count-like name ({{count}}, {{total}}, {{shown}}, …) is
 *   formatted, so `t('…', { count })` needs nothing more;
 * - a number a screen shows by itself (a table cell, a chart's bar) uses `useFormatNumber()`.
 *
 * Russian, as CLDR writes it, groups from five digits: 1234 stays "1234", 12345 is "12 345".
 */
import type { FormatterModule } from 'i18next';
import { useTranslation } from 'react-i18next';

const formats = new Map<string, Intl.NumberFormat>();

function numberLocale(language: string): string {
  return language === 'ru' ? 'ru-RU' : 'en-GB';
}

/** A whole or fractional number in the user's language, with its thousands separators. */
export function formatNumber(value: number, language: string): string {
  const locale = numberLocale(language);
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    formats.set(locale, format);
  }
  return format.format(value);
}

/** A file's size: "812 bytes", "48 kB", "2.4 MB" (decimal units, as file managers show). */
export function formatBytes(bytes: number, language: string): string {
  const units = [
    ['gigabyte', 1e9],
    ['megabyte', 1e6],
    ['kilobyte', 1e3],
  ] as const;
  const [unit, size] = units.find(([, step]) => bytes >= step) ?? ['byte', 1];
  return new Intl.NumberFormat(numberLocale(language), {
    style: 'unit',
    unit,
    unitDisplay: unit === 'byte' ? 'long' : 'short',
    maximumFractionDigits: size === 1 ? 0 : 1,
  }).format(bytes / size);
}

/** `formatNumber` in the language the interface speaks now. */
export function useFormatNumber(): (value: number) => string {
  const { i18n } = useTranslation();
  return (value) => formatNumber(value, i18n.language);
}

/**
 * The names under which texts interpolate counts. Other numbers (a process id, a year, a
 * seed, a line number, a version) are never grouped, so they are not listed.
 */
export const COUNT_NAMES: ReadonlySet<string> = new Set([
  'count',
  'total',
  'shown',
  'rows',
  'limit',
  'maximum',
  'minimum',
  'max',
  'min',
  'created',
  'matched',
  'merged',
  'skipped',
  'imported',
  'kept',
  'withheld',
  'named',
  'edges',
  'persons',
  'agencies',
  'partners',
  'relationships',
  'notes',
  'offers',
  'assessments',
  'plans',
]);

/**
 * i18next's formatter: with `interpolation.alwaysFormat`, it sees every interpolated value and
 * groups the digits of the numbers named in COUNT_NAMES (or marked `{{value, number}}`).
 */
export const countFormatter: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  format(value: unknown, format, language, options) {
    const name: unknown = options?.interpolationkey;
    const isCount =
      format === 'number' ||
      (format === undefined && typeof name === 'string' && COUNT_NAMES.has(name));
    if (isCount && typeof value === 'number' && Number.isFinite(value))
      return formatNumber(value, language ?? 'en');
    // i18next turns what is returned into text itself; a string is returned as it is.
    return value as string;
  },
};
