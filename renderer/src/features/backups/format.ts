/**
 * How backups read on screen: an age in words, a size, a table's name, a failure's reason,
 * and the place a restored vault is suggested to go.
 */
import type { TFunction } from 'i18next';
import { HEADLINE_TABLES } from '../../../../shared/backup.ts';
import { localDate } from '../../../../shared/domain.ts';
import { dateLocale } from '../people/format.ts';

export { formatDateTime } from '../audit/format.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 minutes ago", "3 hours ago", "yesterday", "3 days ago" in the user's language. */
export function timeAgo(t: TFunction, at: string, now: Date, language: string): string {
  const elapsed = Math.max(0, now.getTime() - Date.parse(at));
  const format = new Intl.RelativeTimeFormat(dateLocale(language), { numeric: 'auto' });
  if (elapsed < MINUTE) return t('ui.backups.ago.justNow');
  if (elapsed < HOUR) return format.format(-Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return format.format(-Math.floor(elapsed / HOUR), 'hour');
  return format.format(-Math.floor(elapsed / DAY), 'day');
}

/** A file's size (lib/format-number.ts: the audit trail shows sizes too). */
export { formatBytes } from '../../lib/format-number.ts';

export type HeadlineTable = (typeof HEADLINE_TABLES)[number];

/** The tables a person reads, in HEADLINE_TABLES' order, with their row counts. */
export function headlineRows(
  tables: readonly { name: string; rows: number }[],
): { name: HeadlineTable; rows: number }[] {
  return HEADLINE_TABLES.flatMap((name) => {
    const table = tables.find((candidate) => candidate.name === name);
    return table ? [{ name, rows: table.rows }] : [];
  });
}

export function rowsOf(tables: readonly { name: string; rows: number }[], name: string): number {
  return tables.find((table) => table.name === name)?.rows ?? 0;
}

const KNOWN_FAILURES = [
  'DISK_FULL',
  'FOLDER_NOT_FOUND',
  'NOT_WRITABLE',
  'BACKUP_DAMAGED',
  'BACKUP_FOLDER_NOT_SET',
];

/** Why the last automatic backup failed, as a sentence (the code is all that is recorded). */
export function failureText(t: TFunction, code: string): string {
  const reason = KNOWN_FAILURES.includes(code)
    ? t(`ui.backups.failure.reasons.${code}`)
    : t('ui.backups.failure.reasons.other', { code });
  return t('ui.backups.failure.lastFailed', { reason });
}

/** The last part of a path, whichever separator it uses. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The folder of a file's path, keeping its separator ("" when it has none). */
export function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut < 0 ? '' : path.slice(0, cut);
}

/** "Restored 2026-11-24.confidant": the name a restored vault is offered. */
export function restoredName(now: Date): string {
  return `Restored ${localDate(now)}.confidant`;
}

/** A file named `name` in the folder of `path`, with the separator `path` uses. */
export function nextTo(path: string, name: string): string {
  const separator = path.includes('\\') && !path.includes('/') ? '\\' : '/';
  return `${folderOf(path)}${separator}${name}`;
}

/** Next to the vault in use (or where a new vault would go), under restoredName. */
export function suggestedRestorePath(nearPath: string, now: Date): string {
  return nextTo(nearPath, restoredName(now));
}
