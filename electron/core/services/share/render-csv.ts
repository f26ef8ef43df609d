/**
 * The list: a ShareDocument as a spreadsheet. UTF-8 with a byte order mark (Excel reads
 * Cyrillic right only with it), commas, CRLF line ends; one row per person, then an empty row
 * and the footer sentences, one per row. Every cell goes through shared/csv.ts, which quotes
 * it and neutralises formula injection (a cell starting with = + - @ is kept as text).
 */
import { csvRow } from '../../../../shared/csv.ts';
import type { ShareField } from '../../../../shared/share.ts';
import type { DocumentEntry, ShareDocument } from './document.ts';
import {
  DOCUMENT_TEXTS,
  type DocumentTexts,
  footerSentences,
  printedFields,
  printedName,
} from './document-texts.ts';

const BOM = '\uFEFF';
const CRLF = '\r\n';

function cellFor(
  entry: DocumentEntry,
  field: ShareField,
  printed: readonly ShareField[],
  texts: DocumentTexts,
): string {
  if (!printed.includes(field)) return '';
  switch (field) {
    case 'sphere':
      return entry.sphere === null ? '' : texts.spheres[entry.sphere];
    case 'region':
    case 'position':
    case 'agency':
    case 'about':
      return entry[field] ?? '';
    case 'notes':
      return entry.notes === null ? '' : String(entry.notes.length);
  }
}

/** The list as CSV text, starting with the byte order mark. */
export function renderListCsv(doc: ShareDocument): string {
  const texts = DOCUMENT_TEXTS[doc.language];
  const header = [
    texts.list.name,
    texts.codename,
    texts.list.shownAs,
    ...doc.fields.map((field) => (field === 'notes' ? texts.list.notesCount : texts.fields[field])),
  ];
  const rows = doc.entries.map((entry) => {
    const printed = printedFields(doc, entry);
    return [
      printedName(entry) ?? '',
      // Never a name and its codename side by side (see render-html.ts).
      entry.decision === 'named' ? '' : entry.codename,
      entry.decision === 'named' ? texts.list.named : texts.list.codenameOnly,
      ...doc.fields.map((field) => cellFor(entry, field, printed, texts)),
    ];
  });
  const lines = [
    csvRow(header),
    ...rows.map((row) => csvRow(row)),
    '',
    ...footerSentences(doc).map((sentence) => csvRow([sentence])),
  ];
  return BOM + lines.join(CRLF) + CRLF;
}
