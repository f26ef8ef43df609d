/**
 * Columns of a spreadsheet that no person field takes (a phone number, "Комментарий куратора",
 * a column the user set to "Not imported"): kept rather than dropped silently. Each person's
 * cells in them become one note on the person, titled with the file's name, in the app's
 * language: "Other columns from people.csv", then "- Phone: +7 900 …", a list item a column.
 *
 * The note is restricted (it never leaves the vault in any export) because nobody has looked
 * at what those columns hold; the user can open it up like any note.
 */
import { LIMITS } from '../../../../shared/domain.ts';
import { IMPORT_FIELDS, type ImportMapping } from '../../../../shared/import.ts';

export interface OtherColumn {
  index: number;
  /** The column's title as in the file; '' when it has none. */
  header: string;
}

/** The columns no field is mapped to that have a value in at least one row. */
export function otherColumnsOf(
  headers: readonly string[],
  rows: readonly { cells: readonly string[] }[],
  mapping: ImportMapping,
): OtherColumn[] {
  const mapped = new Set(
    IMPORT_FIELDS.map((field) => mapping[field]).filter(
      (column): column is number => column !== undefined && column !== null,
    ),
  );
  const width = Math.max(headers.length, ...rows.map((row) => row.cells.length));
  const columns: OtherColumn[] = [];
  for (let index = 0; index < width; index += 1) {
    if (mapped.has(index)) continue;
    const header = (headers[index] ?? '').trim();
    const used = rows.some((row) => (row.cells[index] ?? '').trim() !== '');
    if (used) columns.push({ index, header });
  }
  return columns;
}

export type NoteLanguage = 'en' | 'ru';

const WORDS = {
  en: {
    title: (file: string) => `Other columns from ${file}`,
    column: (number: number) => `Column ${String(number)}`,
  },
  ru: {
    title: (file: string) => `Другие столбцы из ${file}`,
    column: (number: number) => `Столбец ${String(number)}`,
  },
} as const;

/**
 * Note bodies are markdown: what the file says is shown as written, never as markup (a cell
 * "[x](http://…)" is text, not a link).
 */
function literal(text: string): string {
  return text.replace(/[\\`*_[\]<>]/gu, '\\$&');
}

/**
 * "- Phone: +7 900 …", a list item for each other column with a value in this row (a value's
 * further lines stay in its item); '' when none has one.
 */
export function otherColumnsBlock(
  columns: readonly OtherColumn[],
  cells: readonly string[],
  language: NoteLanguage,
): string {
  return columns
    .flatMap((column) => {
      const value = (cells[column.index] ?? '').trim();
      if (value === '') return [];
      const name = column.header === '' ? WORDS[language].column(column.index + 1) : column.header;
      return [`- ${literal(name)}: ${literal(value).replace(/\r?\n/gu, '\n  ')}`];
    })
    .join('\n');
}

/** The note's title and body for one person (the blocks of every row merged into them). */
export function otherColumnsNote(
  fileName: string,
  blocks: readonly string[],
  language: NoteLanguage,
): { title: string; body: string } {
  return {
    title: WORDS[language].title(fileName).slice(0, LIMITS.short),
    body: blocks.join('\n\n').slice(0, LIMITS.noteBody),
  };
}
