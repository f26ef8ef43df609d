/**
 * How an audit entry reads on screen: its instant in the user's language, its action as words
 * (or the raw action when this version does not know it), and its detail as plain
 * "key: value" text (never HTML).
 */
import { dateLocale } from '../people/format.ts';
import { auditTexts } from './texts.ts';

/** A stored instant as a date and time in the user's language and time zone. */
export function formatDateTime(at: string, language: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  return new Intl.DateTimeFormat(dateLocale(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** The i18n key of a known action ("person.created" → ui.audit.actions.person.created), or null. */
export function actionKey(action: string): string | null {
  const dot = action.indexOf('.');
  if (dot <= 0) return null;
  const group = action.slice(0, dot);
  const verb = action.slice(dot + 1);
  const actions: Record<string, Record<string, string> | undefined> = auditTexts.en.actions;
  const known = Object.hasOwn(actions, group) ? actions[group] : undefined;
  return known && Object.hasOwn(known, verb) ? `ui.audit.actions.${group}.${verb}` : null;
}

export interface DetailPair {
  key: string;
  value: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An entry's detail as short pairs: arrays joined by ", ", a { from, to } change as
 * "from → to", other objects as JSON, booleans in words.
 */
export function detailPairs(
  detail: Record<string, unknown> | null,
  words: { yes: string; no: string },
): DetailPair[] {
  if (!detail) return [];
  const show = (value: unknown): string => {
    if (value === null || value === undefined) return '—';
    if (typeof value === 'boolean') return value ? words.yes : words.no;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'bigint') return String(value);
    if (Array.isArray(value)) return value.map(show).join(', ');
    if (isRecord(value) && 'from' in value && 'to' in value)
      return `${show(value.from)} → ${show(value.to)}`;
    return JSON.stringify(value);
  };
  return Object.entries(detail).map(([key, value]) => ({ key, value: show(value) }));
}
