/**
 * The dossier: a ShareDocument as one self-contained HTML5 page, to open in a browser or to
 * print to PDF (A4). Nothing is loaded from anywhere (a CSP forbids it), there is no script,
 * and every text from the document is escaped and shown as plain text (never read as markdown
 * or HTML). The only words on the page come from the document or DOCUMENT_TEXTS.
 */
import type { ShareField } from '../../../../shared/share.ts';
import type { DocumentEntry, ShareDocument } from './document.ts';
import {
  DOCUMENT_TEXTS,
  type DocumentTexts,
  footerSentences,
  formatDocumentDate,
  printedFields,
  printedName,
} from './document-texts.ts';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'";

const STYLE = `
@page { size: A4; margin: 18mm; }
* { box-sizing: border-box; }
html { color: #111; background: #fff; }
body {
  margin: 0 auto;
  max-width: 48rem;
  padding: 1.5rem;
  font-family: Georgia, "Noto Serif", "PT Serif", "DejaVu Serif", "Times New Roman", serif;
  font-size: 11pt;
  line-height: 1.45;
}
h1, h2, h3, .mark, .marker, dt, .meta, footer {
  font-family: "Segoe UI", "Noto Sans", "PT Sans", "DejaVu Sans", Arial, Helvetica, sans-serif;
}
.mark {
  margin: 0 0 0.75rem;
  font-size: 10pt;
  font-weight: 700;
  letter-spacing: 0.12em;
  text-transform: uppercase;
  color: #8a1c1c;
}
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0; font-size: 10pt; }
.meta dt { font-weight: 600; color: #444; }
.meta dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
header { border-bottom: 2px solid #111; padding-bottom: 0.75rem; margin-bottom: 1.25rem; }
section.entry { margin: 0 0 1.25rem; padding-bottom: 1rem; border-bottom: 1px solid #ccc; }
h2 { margin: 0 0 0.5rem; font-size: 14pt; break-after: avoid; page-break-after: avoid; }
h2 .name { overflow-wrap: anywhere; }
.marker {
  display: inline-block;
  margin-left: 0.6rem;
  padding: 0.05rem 0.45rem;
  border: 1px solid #8a1c1c;
  border-radius: 0.25rem;
  font-size: 8.5pt;
  font-weight: 600;
  vertical-align: middle;
  color: #8a1c1c;
}
dl.fields { margin: 0; }
dl.fields dt { margin-top: 0.45rem; font-size: 9pt; font-weight: 600; color: #444; break-after: avoid; page-break-after: avoid; }
dl.fields dd { margin: 0.1rem 0 0; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
ol.notes { list-style: none; margin: 0; padding: 0; }
ol.notes li { margin: 0.35rem 0 0.6rem; }
.note-head { margin: 0; font-weight: 600; break-after: avoid; page-break-after: avoid; }
.note-head time { margin-right: 0.75rem; font-weight: 400; color: #444; }
.note-body { margin: 0.15rem 0 0; }
footer { margin-top: 1.5rem; padding-top: 0.75rem; border-top: 2px solid #111; font-size: 9.5pt; break-inside: avoid; page-break-inside: avoid; }
footer p { margin: 0 0 0.3rem; }
@media print { body { max-width: none; padding: 0; } }
`;

/** Escapes text for HTML content and quoted attribute values. */
function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function headerHtml(doc: ShareDocument, texts: DocumentTexts): string {
  const row = (label: string, value: string) =>
    `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`;
  return [
    '<header>',
    `<h1 class="mark">${escapeHtml(texts.confidential)}</h1>`,
    '<dl class="meta">',
    row(texts.preparedFor, recipientLabel(doc)),
    row(texts.purpose, doc.purpose),
    row(texts.reviewedBy, doc.reviewedBy),
    `<dt>${escapeHtml(texts.date)}</dt><dd><time datetime="${escapeHtml(doc.createdAt)}">${escapeHtml(
      formatDocumentDate(doc.createdAt, doc.language),
    )}</time></dd>`,
    '</dl>',
    '</header>',
  ].join('\n');
}

function fieldValueHtml(
  doc: ShareDocument,
  entry: DocumentEntry,
  field: ShareField,
  texts: DocumentTexts,
): string | null {
  switch (field) {
    case 'sphere':
      return entry.sphere === null ? null : escapeHtml(texts.spheres[entry.sphere]);
    case 'region':
    case 'position':
    case 'agency':
      return entry[field] === null ? null : escapeHtml(entry[field]);
    case 'about':
      return entry.about === null ? null : `<div class="text">${escapeHtml(entry.about)}</div>`;
    case 'notes': {
      if (entry.notes === null || entry.notes.length === 0) return null;
      const items = entry.notes.map(
        (note) =>
          `<li><p class="note-head"><time datetime="${escapeHtml(note.occurredOn)}">${escapeHtml(
            formatDocumentDate(note.occurredOn, doc.language),
          )}</time><span class="note-title">${escapeHtml(note.title)}</span></p>` +
          `<div class="note-body text">${escapeHtml(note.body)}</div></li>`,
      );
      return `<ol class="notes">${items.join('\n')}</ol>`;
    }
  }
}

/** Internal leadership is stored as a kind, not a name: worded in the document's language. */
export function recipientLabel(doc: ShareDocument): string {
  return doc.recipientKind === 'internal'
    ? DOCUMENT_TEXTS[doc.language].internalRecipient
    : doc.recipientLabel;
}

function entryHtml(doc: ShareDocument, entry: DocumentEntry, texts: DocumentTexts): string {
  const name = printedName(entry);
  const heading =
    name === null
      ? `<h2><span class="name">${escapeHtml(entry.codename)}</span><span class="marker">${escapeHtml(
          texts.shownByCodenameOnly,
        )}</span></h2>`
      : `<h2><span class="name">${escapeHtml(name)}</span></h2>`;
  // A named person's codename is not printed: a document that pairs them would unmask every
  // later output that shows the same person by codename only.
  const rows: string[] = [];
  for (const field of printedFields(doc, entry)) {
    const value = fieldValueHtml(doc, entry, field, texts);
    if (value !== null) rows.push(`<dt>${escapeHtml(texts.fields[field])}</dt><dd>${value}</dd>`);
  }
  const fields = rows.length > 0 ? `<dl class="fields">\n${rows.join('\n')}\n</dl>` : '';
  return `<section class="entry">\n${heading}\n${fields}\n</section>`;
}

/** The dossier as a complete HTML5 document (A4 print CSS, no script, nothing external). */
export function renderDossierHtml(doc: ShareDocument): string {
  const texts = DOCUMENT_TEXTS[doc.language];
  const footer = footerSentences(doc)
    .map((sentence) => `<p>${escapeHtml(sentence)}</p>`)
    .join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(doc.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(texts.confidential)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    headerHtml(doc, texts),
    '<main>',
    ...doc.entries.map((entry) => entryHtml(doc, entry, texts)),
    '</main>',
    `<footer>\n${footer}\n</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
