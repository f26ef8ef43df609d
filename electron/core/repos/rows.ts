/**
 * Rows are parsed, not cast: each repo describes its rows with a zod schema, and what SQLite
 * returns is checked against it on the way out. A row that does not fit is a bug or a damaged
 * vault, and fails loudly here rather than as a wrong value on a screen.
 */
import { z } from 'zod';

/** A column SQLite stores as INTEGER 0/1. */
export const sqlBoolean = z.union([z.literal(0), z.literal(1)]);

export function parseRow<Schema extends z.ZodType>(schema: Schema, row: unknown): z.output<Schema> {
  return schema.parse(row);
}

/** A row that may be missing (`.get()` found nothing). */
export function parseOptionalRow<Schema extends z.ZodType>(
  schema: Schema,
  row: unknown,
): z.output<Schema> | undefined {
  return row === undefined ? undefined : schema.parse(row);
}

export function parseRows<Schema extends z.ZodType>(
  schema: Schema,
  rows: unknown[],
): z.output<Schema>[] {
  return rows.map((row) => schema.parse(row));
}

/** A TEXT column holding JSON, parsed and then checked against `schema`. */
export function jsonText<Schema extends z.ZodType>(schema: Schema) {
  return z
    .string()
    .transform((text): unknown => JSON.parse(text))
    .pipe(schema);
}

/** A row of text columns read for search (a hit's title and snippet): any names, text or null. */
export const searchTextRow = z.record(z.string(), z.string().nullable());
