/**
 * Importing people from a CSV file, all or nothing: read the file into a table (decode.ts),
 * work out which column fills which field (columns.ts), check every row with the person form's
 * own schema plus what only the vault can tell (codenames taken, agencies that exist), and
 * either report every problem or write every row in one transaction.
 *
 * Cells are plain text, always: "=HYPERLINK(…)" or "+1+1" is stored as typed, never evaluated
 * (nothing here evaluates anything; shared/csv.ts neutralises such text again on export).
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import Papa from 'papaparse';
import type { z } from 'zod';
import {
  agencyFields,
  LIMITS,
  personFields,
  type PersonFields,
  type PersonFieldsInput,
  type Sphere,
} from '../../../../shared/domain.ts';
import {
  IMPORT_FIELDS,
  IMPORT_SAMPLE_ROWS,
  MAX_IMPORT_PROBLEMS,
  MAX_IMPORT_ROWS,
  REQUIRED_IMPORT_FIELDS,
  type ImportEncoding,
  type ImportField,
  type ImportMapping,
  type ImportPreview,
  type ImportProblem,
  type ImportProblemCode,
} from '../../../../shared/import.ts';
import { VaultError } from '../../errors.ts';
import { agencyIdByName, agencyNameKey, insertAgency } from '../../repos/agencies.ts';
import { insertPerson, personIdByCodename } from '../../repos/persons.ts';
import { codenameConflict, codenameKey, generateCodename } from '../codenames.ts';
import { consentOf, isoDateOf, sphereOf, stageOf, suggestMapping, tagsOf } from './columns.ts';
import { decodeFile, fileBytes, type TextEncoding } from './decode.ts';

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
// Checking the rows

interface PlannedPerson {
  line: number;
  fields: PersonFields;
  /** The agency by name key when the import creates it. */
  newAgencyKey: string | null;
}

interface NewAgency {
  name: string;
  sphere: Sphere;
  region: string;
}

export interface ImportPlan {
  persons: PlannedPerson[];
  newAgencies: Map<string, NewAgency>;
  problems: ImportProblem[];
}

const VALUE_LENGTH = 80;

function problemOf(
  line: number,
  field: ImportField,
  problem: ImportProblemCode,
  value: string,
  limit: number | null = null,
): ImportProblem {
  return { line, field, problem, value: value.slice(0, VALUE_LENGTH), limit };
}

/** A zod issue on the person form → the import's words for it. */
function problemFromIssue(
  issue: z.core.$ZodIssue,
  line: number,
  cell: (field: ImportField) => string,
  tags: readonly string[],
): ImportProblem {
  const [key, index] = issue.path;
  const field: ImportField = IMPORT_FIELDS.includes(key as ImportField)
    ? (key as ImportField)
    : key === 'agencyId'
      ? 'agency'
      : 'fullName';
  const value = field === 'tags' && typeof index === 'number' ? (tags[index] ?? '') : cell(field);
  const limit = 'maximum' in issue ? Number(issue.maximum) : null;
  switch (issue.code) {
    case 'too_big':
      return problemOf(line, field, 'tooLong', value, limit);
    case 'too_small':
      return problemOf(line, field, field === 'codename' ? 'invalidCodename' : 'required', value);
    case 'invalid_format':
      return problemOf(
        line,
        field,
        field === 'codename'
          ? 'invalidCodename'
          : field === 'nextFollowUp'
            ? 'invalidDate'
            : 'invalid',
        value,
      );
    case 'invalid_value':
      return problemOf(line, field, 'unknownValue', value);
    default:
      return problemOf(line, field, 'invalid', value);
  }
}

/**
 * Every row checked, in file order. Nothing is written; `commitImport` writes a plan without
 * problems.
 */
export function planImport(db: Database, table: ImportTable, mapping: ImportMapping): ImportPlan {
  const persons: PlannedPerson[] = [];
  const problems: ImportProblem[] = [];
  const newAgencies = new Map<string, NewAgency>();
  const existingAgencies = new Map<string, number | undefined>();
  /** Codename key → the line that gives it first. */
  const codenamesInFile = new Map<string, number>();
  const broken = new Set(table.brokenLines);

  for (const { line, cells } of table.rows) {
    const cell = (field: ImportField): string => {
      const column = mapping[field];
      return column === undefined || column === null ? '' : (cells[column] ?? '').trim();
    };
    const rowProblems: ImportProblem[] = [];
    const input: PersonFieldsInput = { fullName: cell('fullName') };
    if (broken.has(line)) {
      rowProblems.push(problemOf(line, 'fullName', 'invalid', cells.join(table.delimiter)));
    }
    for (const field of [
      'position',
      'rank',
      'unit',
      'region',
      'owner',
      'needs',
      'about',
    ] as const) {
      const text = cell(field);
      if (text !== '') input[field] = text;
    }
    const codename = cell('codename');
    if (codename !== '') input.codename = codename;

    const closedList = <T>(field: ImportField, read: (text: string) => T | undefined) => {
      const text = cell(field);
      if (text === '') return undefined;
      const value = read(text);
      if (value === undefined) rowProblems.push(problemOf(line, field, 'unknownValue', text));
      return value;
    };
    const sphere = closedList('sphere', sphereOf);
    if (sphere) input.sphere = sphere;
    const stage = closedList('stage', stageOf);
    if (stage) input.stage = stage;
    const consent = closedList('consent', consentOf);
    if (consent) input.consent = consent;

    const followUp = cell('nextFollowUp');
    if (followUp !== '') {
      const date = isoDateOf(followUp);
      if (date === undefined)
        rowProblems.push(problemOf(line, 'nextFollowUp', 'invalidDate', followUp));
      else input.nextFollowUp = date;
    }

    const tags = tagsOf(cell('tags'));
    if (tags.length > LIMITS.tags) {
      rowProblems.push(problemOf(line, 'tags', 'tooManyTags', cell('tags'), LIMITS.tags));
    } else if (tags.length > 0) {
      input.tags = tags;
    }

    let newAgencyKey: string | null = null;
    const agencyName = cell('agency');
    if (agencyName !== '') {
      const checked = agencyFields.shape.name.safeParse(agencyName);
      if (!checked.success) {
        rowProblems.push(problemOf(line, 'agency', 'tooLong', agencyName, LIMITS.name));
      } else {
        const key = agencyNameKey(agencyName);
        if (!existingAgencies.has(key)) existingAgencies.set(key, agencyIdByName(db, agencyName));
        const id = existingAgencies.get(key);
        if (id !== undefined) {
          input.agencyId = id;
        } else {
          newAgencyKey = key;
          const known = newAgencies.get(key);
          const region = cell('region');
          if (!known) {
            newAgencies.set(key, {
              name: checked.data,
              sphere: sphere ?? 'other',
              region: region.length <= LIMITS.short ? region : '',
            });
          } else if (known.sphere === 'other' && sphere) {
            known.sphere = sphere;
          }
        }
      }
    }

    const parsed = personFields.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        rowProblems.push(problemFromIssue(issue, line, cell, tags));
      }
    } else if (parsed.data.codename !== undefined) {
      const key = codenameKey(parsed.data.codename);
      const firstLine = codenamesInFile.get(key);
      const conflict =
        firstLine === undefined
          ? codenameConflict(db, parsed.data.codename, parsed.data.fullName)
          : 'taken';
      if (conflict === 'taken') {
        rowProblems.push(problemOf(line, 'codename', 'duplicateCodename', codename));
      } else if (conflict === 'revealsName') {
        rowProblems.push(problemOf(line, 'codename', 'invalidCodename', codename));
      }
      if (firstLine === undefined) codenamesInFile.set(key, line);
    }

    if (rowProblems.length > 0) problems.push(...rowProblems);
    else if (parsed.success) persons.push({ line, fields: parsed.data, newAgencyKey });
  }
  return { persons, newAgencies, problems };
}

// ---------------------------------------------------------------------------------------------
// Preview and commit

export function previewImport(
  db: Database,
  file: ImportFile,
  given: ImportMapping | undefined,
): ImportPreview {
  const table = readTable(file);
  const mapping = mappingFor(table, given, file.fileName);
  const plan = planImport(db, table, mapping);
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
  };
}

/**
 * Writes every row of the file, or nothing: call inside the transaction of `ctx.commit`.
 * Any problem throws IMPORT_BAD_ROWS before the first write.
 */
export function commitImport(
  db: Database,
  file: ImportFile,
  given: ImportMapping,
  now: Date,
): { imported: number; agenciesCreated: number; encoding: TextEncoding } {
  const table = readTable(file);
  const mapping = mappingFor(table, given, file.fileName);
  const plan = planImport(db, table, mapping);
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
  for (const person of plan.persons) {
    const codename = person.fields.codename ?? generateCodename(isTaken, person.fields.fullName);
    taken.add(codenameKey(codename));
    const agencyId =
      person.newAgencyKey === null
        ? person.fields.agencyId
        : (agencyIds.get(person.newAgencyKey) ?? null);
    insertPerson(db, { ...person.fields, agencyId, codename }, now);
  }
  return {
    imported: plan.persons.length,
    agenciesCreated: agencyIds.size,
    encoding: table.encoding,
  };
}
