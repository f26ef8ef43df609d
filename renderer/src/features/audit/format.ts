/**
 * How an audit entry reads on screen: its instant in the user's language, its action as words
 * (or the raw action when this version does not know it), what it is about, and its detail as
 * plain "label: value" lines in words (never HTML, never the stored keys such as
 * `recipientKind: partner`). A detail this version does not know still reads as words: its
 * key split into words ("notesDeleted" → "Notes deleted"), its value as it was stored.
 */
import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../../shared/audit.ts';
import { ERROR_CODES, type ErrorCode } from '../../../../shared/error-codes.ts';
import { errorMessage } from '../../../../shared/i18n/error-message.ts';
import { formatBytes, formatNumber } from '../../lib/format-number.ts';
import { dateLocale, formatDate } from '../people/format.ts';
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

export interface DetailLine {
  /** The stored key (stable, for React), never shown. */
  key: string;
  label: string;
  value: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "notesDeleted", "opens-with", "backup_app_version" → "Notes deleted", "Opens with", … */
export function humanize(key: string): string {
  const words = key
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .replace(/[-_.]+/g, ' ')
    .trim()
    .toLocaleLowerCase();
  return words.charAt(0).toLocaleUpperCase() + words.slice(1);
}

/** A note's persons: what its entry is about (notes have no one subject). */
function notePersons(entry: AuditEntry): string[] {
  const persons = entry.detail?.persons;
  return entry.category === 'note' && Array.isArray(persons)
    ? persons.filter((person): person is string => typeof person === 'string')
    : [];
}

/**
 * What an entry is about: its subject (a codename, an agency's or partner's name), or for a
 * note the codenames of its persons; null when it is about the vault as a whole.
 */
export function entrySubject(entry: AuditEntry): string | null {
  if (entry.subject !== null && entry.subject !== '') return entry.subject;
  const persons = notePersons(entry);
  return persons.length > 0 ? persons.join(', ') : null;
}

/**
 * Where the words for a stored value live, by detail key (and for `kind`, by the entry's
 * category): a domain list, a disclosure word, or the audit trail's own values.
 */
function valueKey(category: string, key: string): string | null {
  switch (key) {
    case 'kind':
      if (category === 'relationship') return 'ui.domain.relationshipKind';
      if (category === 'offer') return 'ui.domain.offerKind';
      return null;
    case 'from':
    case 'to':
      return category === 'person' ? 'ui.domain.stage' : null;
    case 'status':
      return 'ui.domain.offerStatus';
    case 'level':
    case 'riskLevel':
      return 'ui.domain.riskLevel';
    case 'consent':
      return 'ui.domain.consent';
    case 'decision':
      return 'ui.domain.planDecision';
    case 'output':
      return 'ui.disclosures.output';
    case 'seal':
      return 'ui.disclosures.seal';
    case 'recipientKind':
      return 'ui.disclosures.recipientKind';
    case 'reason':
    case 'method':
    case 'openedFrom':
    case 'trigger':
    case 'opensWith':
      return `ui.audit.values.${key}`;
    default:
      return null;
  }
}

/** The label of a detail key: the audit trail's word for it, or the key in words. */
function labelOf(t: TFunction, entry: AuditEntry, key: string): string {
  let name = key;
  if (entry.category === 'relationship' && key === 'kind') name = 'relationshipKind';
  else if (entry.category === 'relationship' && key === 'to') name = 'with';
  else if (entry.category === 'offer' && key === 'kind') name = 'offerKind';
  else if (entry.action === 'share.written' && key === 'persons') name = 'personsDecisions';
  const known = Object.hasOwn(auditTexts.en.detail, name);
  return known ? t(`ui.audit.detail.${name}`) : humanize(key);
}

/** Numbers that name something (a record's id, a version, a seed) rather than count. */
const NUMBER_NAMES: ReadonlySet<string> = new Set([
  'note',
  'offer',
  'agency',
  'partner',
  'disclosure',
  'received',
  'version',
  'corrects',
  'seed',
  'upgradedFromFormat',
]);

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isErrorCode(value: unknown): value is ErrorCode {
  return (ERROR_CODES as readonly unknown[]).includes(value);
}

/**
 * An entry's detail as lines of words. Known keys get their label and their values' words
 * (a stage, a risk level, a recipient kind…); numbers get the language's separators; a
 * { from, to } change reads "from → to"; ids read as numbers. A note's persons are what the
 * entry is about (entrySubject), so they are not repeated here.
 */
export function describeDetail(t: TFunction, language: string, entry: AuditEntry): DetailLine[] {
  const detail = entry.detail;
  if (!detail) return [];
  const category = entry.category;
  const yes = t('ui.audit.yes');
  const no = t('ui.audit.no');

  const show = (key: string, value: unknown): string => {
    if (value === null || value === undefined) return '—';
    if (typeof value === 'boolean') return value ? yes : no;
    if (typeof value === 'number') {
      if (key === 'bytes') return formatBytes(value, language);
      // Ids, versions and a seed are names, not counts: never grouped.
      if (NUMBER_NAMES.has(key)) return String(value);
      return formatNumber(value, language);
    }
    if (typeof value === 'string') {
      if (key === 'code' && isErrorCode(value)) return errorMessage(t, { code: value });
      if (value === 'not-assessed') return t('ui.disclosures.notAssessed');
      const words = valueKey(category, key);
      if (words !== null) return t(`${words}.${value}`, { defaultValue: humanize(value) });
      if (ISO_DATE.test(value)) return formatDate(value, language);
      if (ISO_INSTANT.test(value)) return formatDateTime(value, language);
      return value;
    }
    if (Array.isArray(value)) return value.map((item) => show(key, item)).join(', ');
    if (isRecord(value) && 'from' in value && 'to' in value)
      return `${show(key, value.from)} → ${show(key, value.to)}`;
    if (isRecord(value)) {
      // A group of settings (review intervals by risk level): each part in words.
      return Object.entries(value)
        .map(([part, inner]) => {
          const name = t(`ui.domain.riskLevel.${part}`, { defaultValue: humanize(part) });
          return `${name}: ${show(part, inner)}`;
        })
        .join(', ');
    }
    return '—'; // nothing else comes out of JSON
  };

  /** A share's persons are stored as "CODENAME: decision"; the decision in words. */
  const sharedPerson = (value: unknown): string => {
    if (typeof value !== 'string') return show('persons', value);
    const colon = value.lastIndexOf(': ');
    if (colon < 0) return value;
    const decision = value.slice(colon + 2);
    const word = t(`ui.disclosures.decision.${decision}`, { defaultValue: humanize(decision) });
    return `${value.slice(0, colon)} — ${word}`;
  };

  const lines: DetailLine[] = [];
  const entries = Object.entries(detail);
  // A stage change is one line: "Stage: Watching → In contact".
  if (category === 'person' && 'from' in detail && 'to' in detail) {
    lines.push({
      key: 'stage',
      label: t('ui.audit.detail.stage'),
      value: `${show('from', detail.from)} → ${show('to', detail.to)}`,
    });
  }
  for (const [key, value] of entries) {
    if (category === 'person' && (key === 'from' || key === 'to')) continue;
    if (key === 'persons' && category === 'note') continue;
    const text =
      key === 'persons' && category === 'share' && Array.isArray(value)
        ? value.map(sharedPerson).join(', ')
        : show(key, value);
    lines.push({ key, label: labelOf(t, entry, key), value: text });
  }
  return lines;
}
