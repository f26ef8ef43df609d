/**
 * Every row of a spreadsheet checked, in file order, and what the import would do with it:
 * add a new person, merge it into a person already there, or skip it. Nothing is written;
 * read-import.ts writes a plan without problems.
 *
 * - Each row is checked with the person form's own schema plus what only the vault can tell
 *   (codenames taken, agencies that exist).
 * - A closed-list cell none of the list's spellings (values.ts) is mapped by the user's
 *   choice, else by the suggestion; with neither it is a problem of its row.
 * - A row whose full name — case, ё/е and spacing aside — is already a person, or an earlier
 *   row, is a duplicate: skipped (nothing checked, nothing created), or merged: the person's
 *   empty text fields, agency, follow-up and tags are filled from it, nothing is overwritten,
 *   and its codename, sphere, stage and consent are not taken.
 * - The cells of columns no field takes are kept for a note on the person (other-columns.ts).
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import {
  agencyFields,
  CONSENT_LEVELS,
  LIMITS,
  personFields,
  SPHERES,
  STAGES,
  type PersonFields,
  type PersonFieldsInput,
  type Sphere,
} from '../../../../shared/domain.ts';
import {
  IMPORT_FIELDS,
  IMPORT_VALUE_FIELDS,
  MAX_LISTED_DUPLICATES,
  MAX_UNKNOWN_VALUES,
  type ImportChoices,
  type ImportDuplicate,
  type ImportField,
  type ImportMapping,
  type ImportProblem,
  type ImportProblemCode,
  type ImportUnknownValue,
  importValueMapping,
  type ImportValueField,
  type ImportValueMapping,
} from '../../../../shared/import.ts';
import type { Person } from '../../../../shared/records.ts';
import { agencyIdByName, agencyNameKey } from '../../repos/agencies.ts';
import {
  duplicateDetails,
  personIdsByNameKey,
  personNameKey,
} from '../../repos/person-duplicates.ts';
import { getPerson } from '../../repos/persons.ts';
import { codenameConflict, codenameKey } from '../codenames.ts';
import { consentOf, isoDateOf, normalizeLabel, sphereOf, stageOf, tagsOf } from './columns.ts';
import {
  otherColumnsBlock,
  otherColumnsOf,
  type NoteLanguage,
  type OtherColumn,
} from './other-columns.ts';
import type { ImportTable } from './read-import.ts';
import { suggestValue } from './values.ts';

export type StoredPerson = PersonFields & { codename: string };

export interface PlannedPerson {
  line: number;
  fields: PersonFields;
  /** The agency by name key when the import creates it. */
  newAgencyKey: string | null;
  /** Other columns' cells of this row and of the rows merged into it. */
  otherBlocks: string[];
}

/** A person already in the vault that rows are merged into. */
export interface PlannedMerge {
  id: number;
  /** The person as stored, with the empty fields the rows fill. */
  fields: StoredPerson;
  newAgencyKey: string | null;
  /** Whether any field was filled (else the person is not written). */
  changed: boolean;
  otherBlocks: string[];
}

export interface NewAgency {
  name: string;
  sphere: Sphere;
  region: string;
}

export interface ImportPlan {
  persons: PlannedPerson[];
  merges: Map<number, PlannedMerge>;
  newAgencies: Map<string, NewAgency>;
  problems: ImportProblem[];
  unknownValues: ImportUnknownValue[];
  /** The value mapping in force: the user's choices, else the suggestions. */
  values: ImportValueMapping;
  duplicates: ImportDuplicate[];
  duplicateCount: number;
  counts: { add: number; merge: number; skip: number };
  otherColumns: OtherColumn[];
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

/** The text fields a merge fills when the person's are empty. */
const MERGED_TEXT = ['position', 'rank', 'unit', 'region', 'owner', 'needs', 'about'] as const;

/** Fills `target`'s empty fields from `source`; true if any was filled. Agencies aside. */
function fillEmpty(target: PersonFields, source: PersonFields): boolean {
  let changed = false;
  for (const field of MERGED_TEXT) {
    if (target[field] === '' && source[field] !== '') {
      target[field] = source[field];
      changed = true;
    }
  }
  if (target.nextFollowUp === null && source.nextFollowUp !== null) {
    target.nextFollowUp = source.nextFollowUp;
    changed = true;
  }
  if (target.tags.length === 0 && source.tags.length > 0) {
    target.tags = [...source.tags];
    changed = true;
  }
  return changed;
}

function storedOf(person: Person): StoredPerson {
  return {
    fullName: person.fullName,
    codename: person.codename,
    position: person.position,
    rank: person.rank,
    agencyId: person.agencyId,
    unit: person.unit,
    sphere: person.sphere,
    region: person.region,
    stage: person.stage,
    closedReason: person.closedReason,
    professionalism: person.professionalism,
    influence: person.influence,
    reformOrientation: person.reformOrientation,
    sincerityConcern: person.sincerityConcern,
    needs: person.needs,
    consent: person.consent,
    owner: person.owner,
    nextFollowUp: person.nextFollowUp,
    tags: person.tags,
    about: person.about,
  };
}

/** An agency a row names: one in the vault, or one the import would create. */
type RowAgency = { id: number } | { key: string; agency: NewAgency } | null;

export function planImport(
  db: Database,
  table: ImportTable,
  mapping: ImportMapping,
  choices: ImportChoices,
  language: NoteLanguage = 'en',
): ImportPlan {
  const persons: PlannedPerson[] = [];
  const plannedByLine = new Map<number, PlannedPerson>();
  const merges = new Map<number, PlannedMerge>();
  const problems: ImportProblem[] = [];
  const newAgencies = new Map<string, NewAgency>();
  const existingAgencies = new Map<string, number | undefined>();
  /** Codename key → the line that gives it first. */
  const codenamesInFile = new Map<string, number>();
  const broken = new Set(table.brokenLines);
  const counts = { add: 0, merge: 0, skip: 0 };
  const duplicates: ImportDuplicate[] = [];
  let duplicateCount = 0;
  const unknown: Record<ImportValueField, Map<string, ImportUnknownValue>> = {
    sphere: new Map(),
    stage: new Map(),
    consent: new Map(),
  };
  const otherColumns = otherColumnsOf(table.headers, table.rows, mapping);

  const cellOf = (cells: readonly string[], field: ImportField): string => {
    const column = mapping[field];
    return column === undefined || column === null ? '' : (cells[column] ?? '').trim();
  };
  // Who is in the vault already, by folded name: one read for the whole file.
  const nameKeys = new Set(
    table.rows.map(({ cells }) => personNameKey(cellOf(cells, 'fullName'))).filter(Boolean),
  );
  const existingByName = personIdsByNameKey(db, nameKeys);
  /** Folded name → the first line of the file with it. */
  const firstLineByName = new Map<string, number>();

  const useAgency = (
    agency: RowAgency,
  ): { agencyId: number | null; newAgencyKey: string | null } => {
    if (agency === null) return { agencyId: null, newAgencyKey: null };
    if ('id' in agency) return { agencyId: agency.id, newAgencyKey: null };
    const known = newAgencies.get(agency.key);
    if (!known) newAgencies.set(agency.key, { ...agency.agency });
    else if (known.sphere === 'other' && agency.agency.sphere !== 'other') {
      known.sphere = agency.agency.sphere;
    }
    return { agencyId: null, newAgencyKey: agency.key };
  };

  const mergeTarget = (id: number): PlannedMerge | undefined => {
    let target = merges.get(id);
    if (!target) {
      const person = getPerson(db, id);
      if (!person) return undefined;
      target = {
        id,
        fields: storedOf(person),
        newAgencyKey: null,
        changed: false,
        otherBlocks: [],
      };
      merges.set(id, target);
    }
    return target;
  };

  for (const { line, cells } of table.rows) {
    const cell = (field: ImportField) => cellOf(cells, field);
    const rowProblems: ImportProblem[] = [];
    const isBroken = broken.has(line);
    if (isBroken) {
      rowProblems.push(problemOf(line, 'fullName', 'invalid', cells.join(table.delimiter)));
    }

    // Duplicates first: a skipped row is neither checked nor creates anything.
    const nameKey = personNameKey(cell('fullName'));
    const existingId = nameKey === '' ? undefined : existingByName.get(nameKey)?.[0];
    const earlierLine = nameKey === '' ? undefined : firstLineByName.get(nameKey);
    if (nameKey !== '' && earlierLine === undefined) firstLineByName.set(nameKey, line);
    const duplicate = existingId !== undefined || earlierLine !== undefined;
    if (duplicate) {
      duplicateCount += 1;
      if (duplicates.length < MAX_LISTED_DUPLICATES) {
        duplicates.push({
          line,
          fullName: cell('fullName').slice(0, LIMITS.name),
          existing:
            existingId === undefined ? null : { id: existingId, codename: '', fullName: '' },
          sameAsLine: earlierLine ?? null,
        });
      }
      if (choices.duplicates === 'skip' && !isBroken) {
        counts.skip += 1;
        continue;
      }
    }

    const input: PersonFieldsInput = { fullName: cell('fullName') };
    for (const field of MERGED_TEXT) {
      const text = cell(field);
      if (text !== '') input[field] = text;
    }
    // A merged row's codename is not taken: the person keeps theirs.
    const codename = duplicate ? '' : cell('codename');
    if (codename !== '') input.codename = codename;

    const closedList = <T extends string>(
      field: ImportValueField,
      read: (text: string) => T | undefined,
      list: readonly T[],
    ): T | undefined => {
      const text = cell(field);
      if (text === '') return undefined;
      const known = read(text);
      if (known !== undefined) return known;
      const key = normalizeLabel(text);
      // Only punctuation ("—", "?"): nothing was said.
      if (key === '') return undefined;
      let entry = unknown[field].get(key);
      if (!entry && unknown[field].size < MAX_UNKNOWN_VALUES) {
        entry = {
          field,
          key,
          value: text.slice(0, VALUE_LENGTH),
          rows: 0,
          suggestion: suggestValue(field, text),
        };
        unknown[field].set(key, entry);
      }
      if (entry) {
        entry.rows += 1;
        const given = choices.values[field];
        if (given && Object.hasOwn(given, key)) {
          const chosen = given[key];
          if (chosen === null || chosen === undefined) return undefined; // left empty
          const value = list.find((candidate) => candidate === chosen);
          if (value !== undefined) return value;
        } else if (entry.suggestion !== null) {
          const { suggestion } = entry;
          const value = list.find((candidate) => candidate === suggestion);
          if (value !== undefined) return value;
        }
      }
      rowProblems.push(problemOf(line, field, 'unknownValue', text));
      return undefined;
    };
    const sphere = closedList('sphere', sphereOf, SPHERES);
    if (sphere) input.sphere = sphere;
    const stage = closedList('stage', stageOf, STAGES);
    if (stage) input.stage = stage;
    const consent = closedList('consent', consentOf, CONSENT_LEVELS);
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

    let agency: RowAgency = null;
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
          agency = { id };
          input.agencyId = id;
        } else {
          const region = cell('region');
          agency = {
            key,
            agency: {
              name: checked.data,
              sphere: sphere ?? 'other',
              region: region.length <= LIMITS.short ? region : '',
            },
          };
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

    if (rowProblems.length > 0 || !parsed.success) {
      problems.push(...rowProblems);
      continue;
    }
    const block = choices.keepOtherColumns ? otherColumnsBlock(otherColumns, cells, language) : '';

    if (!duplicate) {
      const planned: PlannedPerson = {
        line,
        fields: parsed.data,
        newAgencyKey: useAgency(agency).newAgencyKey,
        otherBlocks: block === '' ? [] : [block],
      };
      persons.push(planned);
      plannedByLine.set(line, planned);
      counts.add += 1;
      continue;
    }

    // A duplicate to merge: into the person in the vault, else into the earlier row.
    counts.merge += 1;
    const target =
      existingId !== undefined
        ? mergeTarget(existingId)
        : earlierLine === undefined
          ? undefined
          : plannedByLine.get(earlierLine);
    // The earlier row had problems: the import is refused anyway.
    if (!target) continue;
    if (fillEmpty(target.fields, parsed.data) && 'changed' in target) target.changed = true;
    if (target.fields.agencyId === null && target.newAgencyKey === null && agency !== null) {
      const used = useAgency(agency);
      target.fields.agencyId = used.agencyId;
      target.newAgencyKey = used.newAgencyKey;
      if ('changed' in target) target.changed = true;
    }
    if (block !== '') target.otherBlocks.push(block);
  }

  // The listed duplicates name the person in the vault they match.
  const details = new Map(
    duplicateDetails(db, [
      ...new Set(duplicates.flatMap((entry) => (entry.existing ? [entry.existing.id] : []))),
    ]).map((person) => [person.id, person]),
  );
  for (const entry of duplicates) {
    const person = entry.existing ? details.get(entry.existing.id) : undefined;
    if (entry.existing && person) {
      entry.existing = { id: person.id, codename: person.codename, fullName: person.fullName };
    }
  }

  const unknownValues = IMPORT_VALUE_FIELDS.flatMap((field) => [...unknown[field].values()]);
  // In force for each unknown value of the file: the user's choice, else the suggestion.
  const inForce = (field: ImportValueField): Record<string, string | null> => {
    const given = choices.values[field] ?? {};
    const chosen: Record<string, string | null> = {};
    for (const entry of unknown[field].values()) {
      if (Object.hasOwn(given, entry.key)) chosen[entry.key] = given[entry.key] ?? null;
      else if (entry.suggestion !== null) chosen[entry.key] = entry.suggestion;
    }
    return chosen;
  };
  const values = importValueMapping.parse({
    sphere: inForce('sphere'),
    stage: inForce('stage'),
    consent: inForce('consent'),
  });

  return {
    persons,
    merges,
    newAgencies,
    problems,
    unknownValues,
    values,
    duplicates,
    duplicateCount,
    counts,
    otherColumns,
  };
}
