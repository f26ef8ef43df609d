/**
 * Importing people from a spreadsheet (CSV): which person fields a column can fill, how the
 * user maps columns to them, and what the preview reports. The reading itself is in
 * electron/core/services/import/; every row is checked with the same personFields schema as
 * the person form, so an import can store nothing the form would refuse.
 */
import { z } from 'zod';
import { CONSENT_LEVELS, id, SPHERES, STAGES } from './domain.ts';

export const IMPORT_ENCODINGS = ['auto', 'utf-8', 'windows-1251'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/** More rows than this is not a list of officials but a mistake (or a different file). */
export const MAX_IMPORT_ROWS = 20_000;
/** The preview shows this many rows, and at most this many problems. */
export const IMPORT_SAMPLE_ROWS = 20;
export const MAX_IMPORT_PROBLEMS = 200;

/** Person fields a column can fill, in the order the mapping form shows them. */
export const IMPORT_FIELDS = [
  'fullName',
  'codename',
  'position',
  'rank',
  'agency',
  'unit',
  'sphere',
  'region',
  'stage',
  'consent',
  'owner',
  'nextFollowUp',
  'tags',
  'needs',
  'about',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['fullName'];

/** Field → zero-based column index, or null for "not imported". */
export const importMapping = z.partialRecord(
  z.enum(IMPORT_FIELDS),
  z.number().int().min(0).max(500).nullable(),
);
export type ImportMapping = z.output<typeof importMapping>;

/** Why a row cannot be imported; the renderer words each one. */
export const IMPORT_PROBLEMS = [
  'required',
  'tooLong',
  'invalidDate',
  'unknownValue',
  'invalidCodename',
  'duplicateCodename',
  'tooManyTags',
  'invalid',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEMS)[number];

export const importProblem = z.strictObject({
  /** The line in the file (1 = the header row), as a spreadsheet numbers it. */
  line: z.number().int().min(1),
  field: z.enum(IMPORT_FIELDS),
  problem: z.enum(IMPORT_PROBLEMS),
  /** The offending cell, cut to 80 characters so the report stays readable. */
  value: z.string().max(80),
  /** E.g. the limit for tooLong. */
  limit: z.number().int().nullable(),
});
export type ImportProblem = z.output<typeof importProblem>;

/**
 * Fields filled from a closed list. A cell that is none of the list's spellings is an unknown
 * value: the preview lists each distinct one with a suggestion, and the user maps it to a
 * value of the list or leaves the field empty (its default) instead of fixing the file.
 */
export const IMPORT_VALUE_FIELDS = ['sphere', 'stage', 'consent'] as const;
export type ImportValueField = (typeof IMPORT_VALUE_FIELDS)[number];
/** Distinct unknown values offered for mapping per field; rows with any others are problems. */
export const MAX_UNKNOWN_VALUES = 50;

const valueChoices = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .record(z.string().max(200), z.enum(values).nullable())
    .refine((choices) => Object.keys(choices).length <= MAX_UNKNOWN_VALUES * 2, 'too many');

/**
 * For each closed-list field: an unknown value (its key, as the preview gives it) → the
 * value of the list it means, or null to leave the field empty. Values not here are problems.
 */
export const importValueMapping = z.strictObject({
  sphere: valueChoices(SPHERES).optional(),
  stage: valueChoices(STAGES).optional(),
  consent: valueChoices(CONSENT_LEVELS).optional(),
});
export type ImportValueMapping = z.output<typeof importValueMapping>;

export const importUnknownValue = z.strictObject({
  field: z.enum(IMPORT_VALUE_FIELDS),
  /** The value folded (case, ё, punctuation): the key of importValueMapping. */
  key: z.string().max(200),
  /** As the file first writes it, cut to 80 characters. */
  value: z.string().max(80),
  /** How many rows have it. */
  rows: z.number().int().min(1),
  /** What the core guesses it means ("контакт" → in_contact), or null. */
  suggestion: z.string().max(40).nullable(),
});
export type ImportUnknownValue = z.output<typeof importUnknownValue>;

/**
 * Rows whose full name (case, ё/е and spacing aside) is already a person in the vault, or an
 * earlier row of the file: skipped (the default), or merged into that person — only the
 * person's empty fields are filled, nothing is overwritten.
 */
export const IMPORT_DUPLICATE_MODES = ['skip', 'merge'] as const;
export type ImportDuplicateMode = (typeof IMPORT_DUPLICATE_MODES)[number];
/** Duplicates listed in the preview; the rest are counted. */
export const MAX_LISTED_DUPLICATES = 200;

export const importDuplicate = z.strictObject({
  line: z.number().int().min(2),
  fullName: z.string().max(200),
  /** The person in the vault with that name (the oldest, if several): a merge fills theirs. */
  existing: z.strictObject({ id, codename: z.string(), fullName: z.string() }).nullable(),
  /** Else the earlier line of the file with that name. */
  sameAsLine: z.number().int().min(2).nullable(),
});
export type ImportDuplicate = z.output<typeof importDuplicate>;

/** The choices of the preview step beyond the columns, sent again with the commit. */
export const importChoices = z.strictObject({
  values: importValueMapping.default({}),
  duplicates: z.enum(IMPORT_DUPLICATE_MODES).default('skip'),
  /**
   * Keep the columns no field takes: their cells become a note on each person, titled with
   * the file's name, rather than being dropped.
   */
  keepOtherColumns: z.boolean().default(true),
});
export type ImportChoices = z.output<typeof importChoices>;

export const importPreview = z.strictObject({
  encoding: z.enum(['utf-8', 'windows-1251']),
  delimiter: z.string().max(1),
  headers: z.array(z.string()),
  mapping: importMapping,
  rowCount: z.number().int().min(0),
  /** The first rows as they would be imported: field → the cell's text. */
  sample: z.array(
    z.strictObject({
      line: z.number().int(),
      cells: z.partialRecord(z.enum(IMPORT_FIELDS), z.string()),
    }),
  ),
  problems: z.array(importProblem),
  /** Problems beyond those listed. */
  moreProblems: z.number().int().min(0),
  /** Agency names in the file that are not in the vault yet: the import will create them. */
  newAgencies: z.array(z.string()),
  /** Unknown values of the closed-list columns, at most MAX_UNKNOWN_VALUES per field. */
  unknownValues: z.array(importUnknownValue).max(MAX_UNKNOWN_VALUES * IMPORT_VALUE_FIELDS.length),
  /** The value mapping in force: the user's choices, else the suggestions. */
  values: importValueMapping,
  /** Rows that are duplicates (the first MAX_LISTED_DUPLICATES), and how many in all. */
  duplicates: z.array(importDuplicate).max(MAX_LISTED_DUPLICATES),
  duplicateCount: z.number().int().min(0),
  duplicateMode: z.enum(IMPORT_DUPLICATE_MODES),
  /** What the import would do: rows added as new persons, merged, skipped as duplicates. */
  counts: z.strictObject({
    add: z.number().int().min(0),
    merge: z.number().int().min(0),
    skip: z.number().int().min(0),
  }),
  /** Columns no field takes (their titles as in the file; '' for a column without one). */
  otherColumns: z.array(z.strictObject({ index: z.number().int().min(0), header: z.string() })),
  keepOtherColumns: z.boolean(),
  /** The title of that note, in the app's language: "Other columns from people.csv". */
  otherColumnsTitle: z.string().max(200),
});
export type ImportPreview = z.output<typeof importPreview>;
