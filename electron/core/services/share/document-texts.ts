/**
 * Every word of the documents a share produces (HTML and PDF dossier, CSV list), in English
 * and Russian, and the few rules both renderers share: which fields of an entry are printed,
 * how dates are written, and the footer that says what was left out.
 *
 * The core has no i18n library: plural forms are chosen with Intl.PluralRules (English: one,
 * other; Russian: one, few, many), `{{count}}` is the one placeholder. Field names and spheres
 * are the app's own words (shared/i18n), so a field is called the same on screen and on paper.
 */
// One module per function: the package's index makes Node read its 250 modules (seconds).
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { enGB, ru as ruDates, type Locale } from 'date-fns/locale';
import type { Sphere } from '../../../../shared/domain.ts';
import { en as enMessages } from '../../../../shared/i18n/en.ts';
import { ru as ruMessages } from '../../../../shared/i18n/ru.ts';
import { SPHERE_LABELS } from '../../../../shared/i18n/spheres.ts';
import { IDENTIFYING_FIELDS, type ShareField } from '../../../../shared/share.ts';
import type { DocumentEntry, ShareDocument } from './document.ts';

export type DocumentLanguage = ShareDocument['language'];

/** A sentence per plural category (Intl.PluralRules); `other` is always given. */
export type PluralTexts = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface DocumentTexts {
  confidential: string;
  preparedFor: string;
  purpose: string;
  reviewedBy: string;
  date: string;
  codename: string;
  /** The recipient "internal leadership", which the log stores as a kind. */
  internalRecipient: string;
  /** The marker next to a person shown by codename. */
  shownByCodenameOnly: string;
  fields: Record<ShareField, string>;
  spheres: Record<Sphere, string>;
  /** Column headers and values of the CSV list. */
  list: {
    name: string;
    shownAs: string;
    named: string;
    codenameOnly: string;
    notesCount: string;
  };
  footer: {
    withheld: PluralTexts;
    identifyingLeftOut: PluralTexts;
    restrictedNotesLeftOut: PluralTexts;
    sharedNotesLeftOut: PluralTexts;
    noneWithheld: string;
    restrictedNeverLeave: string;
  };
}

function fieldLabels(fields: typeof enMessages.fields): Record<ShareField, string> {
  return {
    sphere: fields.sphere,
    region: fields.region,
    position: fields.position,
    agency: fields.agencyId,
    about: fields.about,
    notes: fields.notes,
  };
}

export const DOCUMENT_TEXTS: Record<DocumentLanguage, DocumentTexts> = {
  en: {
    confidential: 'Confidential',
    preparedFor: 'Prepared for',
    internalRecipient: 'Internal leadership',
    purpose: 'Purpose',
    reviewedBy: 'Reviewed by',
    date: 'Date',
    codename: enMessages.fields.codename,
    shownByCodenameOnly: 'Shown by codename only',
    fields: fieldLabels(enMessages.fields),
    spheres: SPHERE_LABELS.en,
    list: {
      name: enMessages.fields.fullName,
      shownAs: 'Shown as',
      named: 'Named',
      codenameOnly: 'Codename only',
      notesCount: 'Notes (count)',
    },
    footer: {
      withheld: {
        one: '{{count}} person was withheld from this document and is not mentioned in it.',
        other: '{{count}} persons were withheld from this document and are not mentioned in it.',
      },
      identifyingLeftOut: {
        one: 'The name of {{count}} person was replaced by a codename; their position, agency, notes and other identifying details were left out.',
        other:
          'The names of {{count}} persons were replaced by codenames; their position, agency, notes and other identifying details were left out.',
      },
      restrictedNotesLeftOut: {
        one: '{{count}} restricted note was not included.',
        other: '{{count}} restricted notes were not included.',
      },
      sharedNotesLeftOut: {
        one: '{{count}} note that also concerns persons not named in this document was not included.',
        other:
          '{{count}} notes that also concern persons not named in this document were not included.',
      },
      noneWithheld: 'No one was withheld.',
      restrictedNeverLeave: 'Restricted notes never leave the vault.',
    },
  },
  ru: {
    confidential: 'Конфиденциально',
    preparedFor: 'Подготовлено для',
    internalRecipient: 'Руководство организации',
    purpose: 'Цель',
    reviewedBy: 'Кто проверил',
    date: 'Дата',
    codename: ruMessages.fields.codename,
    shownByCodenameOnly: 'Указано только кодовое имя',
    fields: fieldLabels(ruMessages.fields),
    spheres: SPHERE_LABELS.ru,
    list: {
      name: ruMessages.fields.fullName,
      shownAs: 'Как указан',
      named: 'По имени',
      codenameOnly: 'Только кодовое имя',
      notesCount: 'Записи (число)',
    },
    footer: {
      withheld: {
        one: '{{count}} человек исключён из этого документа и не упоминается в нём.',
        few: '{{count}} человека исключены из этого документа и не упоминаются в нём.',
        many: '{{count}} человек исключены из этого документа и не упоминаются в нём.',
        other: '{{count}} человека исключены из этого документа и не упоминаются в нём.',
      },
      identifyingLeftOut: {
        one: '{{count}} человек указан только под кодовым именем: его должность, ведомство, записи и другие сведения, по которым его можно узнать, не включены.',
        few: '{{count}} человека указаны только под кодовыми именами: их должность, ведомство, записи и другие сведения, по которым их можно узнать, не включены.',
        many: '{{count}} человек указаны только под кодовыми именами: их должность, ведомство, записи и другие сведения, по которым их можно узнать, не включены.',
        other:
          '{{count}} человека указаны только под кодовыми именами: их должность, ведомство, записи и другие сведения, по которым их можно узнать, не включены.',
      },
      restrictedNotesLeftOut: {
        one: '{{count}} закрытая запись не включена.',
        few: '{{count}} закрытые записи не включены.',
        many: '{{count}} закрытых записей не включены.',
        other: '{{count}} закрытой записи не включены.',
      },
      sharedNotesLeftOut: {
        one: '{{count}} запись, касающаяся и людей, не названных в этом документе, не включена.',
        few: '{{count}} записи, касающиеся и людей, не названных в этом документе, не включены.',
        many: '{{count}} записей, касающихся и людей, не названных в этом документе, не включены.',
        other: '{{count}} записи, касающиеся и людей, не названных в этом документе, не включены.',
      },
      noneWithheld: 'Никто не был исключён.',
      restrictedNeverLeave: 'Закрытые записи никогда не покидают хранилище.',
    },
  },
};

const DATE_LOCALES: Record<DocumentLanguage, Locale> = { en: enGB, ru: ruDates };

/**
 * A date written out as the app writes dates (shared/i18n `dateLocale`, long style):
 * "21 November 2026", "21 ноября 2026 г.". Takes an ISO date or timestamp (local time).
 */
export function formatDocumentDate(value: string, language: DocumentLanguage): string {
  return format(parseISO(value), 'PPP', { locale: DATE_LOCALES[language] });
}

/** The sentence for `count` in the plural form the language uses for it. */
export function pluralText(texts: PluralTexts, count: number, language: DocumentLanguage): string {
  const form = texts[new Intl.PluralRules(language).select(count)] ?? texts.other;
  return form.replaceAll('{{count}}', new Intl.NumberFormat(language).format(count));
}

/**
 * What was left out, as sentences, from the document's own counts only (a count of zero is
 * not mentioned): persons withheld, or that no one was; names replaced by codenames; restricted
 * notes; and always that restricted notes never leave the vault.
 */
export function footerSentences(doc: ShareDocument): string[] {
  const { footer } = DOCUMENT_TEXTS[doc.language];
  const sentences = [
    doc.withheld > 0
      ? pluralText(footer.withheld, doc.withheld, doc.language)
      : footer.noneWithheld,
  ];
  if (doc.identifyingLeftOut > 0)
    sentences.push(pluralText(footer.identifyingLeftOut, doc.identifyingLeftOut, doc.language));
  if (doc.restrictedNotesLeftOut > 0)
    sentences.push(
      pluralText(footer.restrictedNotesLeftOut, doc.restrictedNotesLeftOut, doc.language),
    );
  if (doc.sharedNotesLeftOut > 0)
    sentences.push(pluralText(footer.sharedNotesLeftOut, doc.sharedNotesLeftOut, doc.language));
  sentences.push(footer.restrictedNeverLeave);
  return sentences;
}

/**
 * The fields printed for an entry, in the order the leader chose them. The gate already left
 * out what may not go; as a second line of defence a field not chosen, or an identifying field
 * of a person shown by codename, is never printed whatever the entry carries.
 */
export function printedFields(doc: ShareDocument, entry: DocumentEntry): ShareField[] {
  return doc.fields.filter(
    (field) =>
      (entry.decision === 'named' || !IDENTIFYING_FIELDS.includes(field)) && entry[field] !== null,
  );
}

/** The name printed for an entry: none for a person shown by codename, whatever it carries. */
export function printedName(entry: DocumentEntry): string | null {
  return entry.decision === 'named' ? entry.fullName : null;
}
