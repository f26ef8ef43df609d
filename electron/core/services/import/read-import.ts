/**
 * Importing people from a CSV file, all or nothing: read the file into a table (decode.ts),
 * work out which column fills which field (columns.ts), check every row and decide what to do
 * with it — add, merge into a person already there, or skip as a duplicate (plan-import.ts) —
 * and either report every problem or write the whole plan in one transaction.
 *
 * Cells are plain text, always: "=HYPERLINK(…)" or "+1+1" is stored as typed, never evaluated
 * (nothing here evaluates anything; shared/csv.ts neutralises such text again on export).
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import Papa from 'papaparse';
import { agencyFields, localDate } from '../../../../shared/domain.ts';
import {
  IMPORT_FIELDS,
  IMPORT_SAMPLE_ROWS,
  MAX_IMPORT_PROBLEMS,
  MAX_IMPORT_ROWS,
  REQUIRED_IMPORT_FIELDS,
  type ImportChoices,
  type ImportEncoding,
  type ImportMapping,
  type ImportPreview,
} from '../../../../shared/import.ts';
import { VaultError } from '../../errors.ts';
import { insertAgency } from '../../repos/agencies.ts';
import { insertMaterialsNote } from '../../repos/case-notes.ts';
import { personHasNote } from '../../repos/person-duplicates.ts';
import { insertPerson, personIdByCodename, updatePerson } from '../../repos/persons.ts';
import { codenameKey, generateCodename } from '../codenames.ts';
import { suggestMapping } from './columns.ts';
import { decodeFile, fileBytes, type TextEncoding } from './decode.ts';
import { otherColumnsNote, type NoteLanguage } from './other-columns.ts';
import { planImport } from './plan-import.ts';

export interface ImportFile {
  fileName: string;
  base64: string;
  encoding: ImportEncoding;
}

// ---------------------------------------------------------------------------------------------
// The file as a table

export interface ImportTable {
  encoding: TextEncoding;
  delimiter: string;
  headers: string[];
  /** Data rows with their line as a spreadsheet numbers it (the header is line 1). */
  rows: { line: number; cells: string[] }[];
  /** Lines where a quoted cell never ends: the rest of the file ran into one cell. */
  brokenLines: number[];
}

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter of the header row: the one of , ; and tab it uses most outside quotes. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: string = ',';
  for (const delimiter of DELIMITERS) {
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}

/** Excel's "sep=;" first line names the delimiter; Excel hides it, so lines count after it. */
const SEP_LINE = /^sep=(.)\r?\n/iu;

export function readTable(file: ImportFile): ImportTable {
  const { text: decoded, encoding } = decodeFile(
    fileBytes(file.base64, file.fileName),
    file.encoding,
    file.fileName,
  );
  const sep = SEP_LINE.exec(decoded);
  const text = sep ? decoded.slice(sep[0].length) : decoded;
  const delimiter = sep?.[1] ?? detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const [header, ...data] = parsed.data;
  if (!header || header.every((cell) => cell.trim() === '')) {
    throw new VaultError('IMPORT_EMPTY', { file: file.fileName });
  }
  const rows: ImportTable['rows'] = [];
  data.forEach((cells, index) => {
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ line: index + 2, cells });
  });
  if (rows.length === 0) throw new VaultError('IMPORT_EMPTY', { file: file.fileName });
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new VaultError('IMPORT_TOO_MANY_ROWS', {
      file: file.fileName,
      rows: rows.length,
      max: MAX_IMPORT_ROWS,
    });
  }
  const brokenLines = parsed.errors
    .filter((error) => error.code === 'MissingQuotes' && error.row !== undefined)
    .map((error) => (error.row ?? 0) + 1);
  return {
    encoding,
    delimiter,
    headers: header.map((cell) => cell.trim()),
    rows,
    brokenLines,
  };
}

/**
 * The mapping to import with: the one given, or the one the headers suggest. A given mapping
 * must name columns that exist and fill every required field.
 */
export function mappingFor(
  table: ImportTable,
  given: ImportMapping | undefined,
  fileName: string,
): ImportMapping {
  if (!given) return suggestMapping(table.headers);
  for (const field of IMPORT_FIELDS) {
    const column = given[field];
    if (column !== undefined && column !== null && column >= table.headers.length) {
      throw new VaultError('VALIDATION', { field: 'mapping', reason: 'no such column' });
    }
  }
  const missing = REQUIRED_IMPORT_FIELDS.filter(
    (field) => given[field] === undefined || given[field] === null,
  );
  if (missing.length > 0) {
    throw new VaultError('IMPORT_MISSING_COLUMNS', { file: fileName, fields: missing.join(', ') });
  }
  return given;
}

// ---------------------------------------------------------------------------------------------
// Preview and commit

export function previewImport(
  db: Database,
  file: ImportFile,
  given: ImportMapping | undefined,
  choices: ImportChoices,
  language: NoteLanguage,
): ImportPreview {
  const table = readTable(file);
  const mapping = mappingFor(table, given, file.fileName);
  const plan = planImport(db, table, mapping, choices, language);
  const mapped = IMPORT_FIELDS.filter(
    (field) => mapping[field] !== undefined && mapping[field] !== null,
  );
  return {
    encoding: table.encoding,
    delimiter: table.delimiter,
    headers: table.headers,
    mapping,
    rowCount: table.rows.length,
    sample: table.rows.slice(0, IMPORT_SAMPLE_ROWS).map(({ line, cells }) => ({
      line,
      cells: Object.fromEntries(
        mapped.map((field) => [field, (cells[mapping[field] ?? -1] ?? '').trim()]),
      ),
    })),
    problems: plan.problems.slice(0, MAX_IMPORT_PROBLEMS),
    moreProblems: Math.max(0, plan.problems.length - MAX_IMPORT_PROBLEMS),
    newAgencies: [...plan.newAgencies.values()].map((agency) => agency.name),
    unknownValues: plan.unknownValues,
    values: plan.values,
    duplicates: plan.duplicates,
    duplicateCount: plan.duplicateCount,
    duplicateMode: choices.duplicates,
    counts: plan.counts,
    otherColumns: plan.otherColumns,
    keepOtherColumns: choices.keepOtherColumns,
    otherColumnsTitle: otherColumnsNote(file.fileName, [], language).title,
  };
}

export interface ImportResult {
  imported: number;
  merged: number;
  skipped: number;
  agenciesCreated: number;
  otherColumnNotes: number;
  encoding: TextEncoding;
}

/**
 * Writes the plan of the file, or nothing: call inside the transaction of `ctx.commit`.
 * Any problem throws IMPORT_BAD_ROWS before the first write. Merged persons are written only
 * if a field of theirs was filled, and get the other columns' note only if they do not have
 * the very same one already: the same file merged twice changes nothing the second time.
 */
export function commitImport(
  db: Database,
  file: ImportFile,
  given: ImportMapping,
  choices: ImportChoices,
  now: Date,
  language: NoteLanguage,
): ImportResult {
  const table = readTable(file);
  const mapping = mappingFor(table, given, file.fileName);
  const plan = planImport(db, table, mapping, choices, language);
  if (plan.problems.length > 0) {
    throw new VaultError('IMPORT_BAD_ROWS', {
      file: file.fileName,
      count: new Set(plan.problems.map((problem) => problem.line)).size,
    });
  }
  const agencyIds = new Map<string, number>();
  for (const [key, agency] of plan.newAgencies) {
    agencyIds.set(key, insertAgency(db, agencyFields.parse(agency), now));
  }
  const taken = new Set(
    plan.persons.flatMap((person) =>
      person.fields.codename === undefined ? [] : [codenameKey(person.fields.codename)],
    ),
  );
  const isTaken = (candidate: string) =>
    taken.has(codenameKey(candidate)) || personIdByCodename(db, candidate) !== undefined;
  const today = localDate(now);
  let otherColumnNotes = 0;
  const addNote = (personId: number, blocks: readonly string[], onlyIfNew: boolean) => {
    if (blocks.length === 0) return;
    const note = otherColumnsNote(file.fileName, blocks, language);
    if (onlyIfNew && personHasNote(db, personId, note.title, note.body)) return;
    insertMaterialsNote(
      db,
      { personId, occurredOn: today, title: note.title, body: note.body },
      now,
    );
    otherColumnNotes += 1;
  };

  for (const person of plan.persons) {
    const codename = person.fields.codename ?? generateCodename(isTaken, person.fields.fullName);
    taken.add(codenameKey(codename));
    const agencyId =
      person.newAgencyKey === null
        ? person.fields.agencyId
        : (agencyIds.get(person.newAgencyKey) ?? null);
    const id = insertPerson(db, { ...person.fields, agencyId, codename }, now);
    addNote(id, person.otherBlocks, false);
  }
  for (const merge of plan.merges.values()) {
    if (merge.changed) {
      const agencyId =
        merge.newAgencyKey === null
          ? merge.fields.agencyId
          : (agencyIds.get(merge.newAgencyKey) ?? null);
      updatePerson(db, merge.id, { ...merge.fields, agencyId }, now);
    }
    addNote(merge.id, merge.otherBlocks, true);
  }
  return {
    imported: plan.persons.length,
    merged: plan.counts.merge,
    skipped: plan.counts.skip,
    agenciesCreated: agencyIds.size,
    otherColumnNotes,
    encoding: table.encoding,
  };
}
