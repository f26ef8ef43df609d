/**
 * Importing people from a spreadsheet (CSV): which person fields a column can fill, how the
 * user maps columns to them, and what the preview reports. The reading itself is in
 * electron/core/services/import/; every row is checked with the same personFields schema as
 * the person form, so an import can store nothing the form would refuse.
 */
import { z } from 'zod';

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
});
export type ImportPreview = z.output<typeof importPreview>;
