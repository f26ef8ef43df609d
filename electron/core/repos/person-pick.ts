/**
 * What a person picker reads (services/person-pick.ts ranks it): every person's name and
 * codename, nothing else — a picker never matches on owner, notes or any other field — then
 * the columns that tell the chosen few apart (position, agency, stage).
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { STAGES } from '../../../shared/domain.ts';
import { parseRows, sqlBoolean } from './rows.ts';

const pickableRow = z.object({
  id: z.number(),
  /** The name folded as search folds it (lower case, ё → е): what the list sorts by. */
  name_key: z.string(),
  /** The codename lower-cased (NFC), as uniqueness compares it. */
  codename_key: z.string(),
  archived: sqlBoolean,
});
export type PickableRow = z.output<typeof pickableRow>;

/**
 * Every person's id, folded name and codename (archived ones only when asked): what to rank.
 * The stored keys, already lower-cased, spare folding 10,000 names on every keystroke.
 */
export function pickablePersons(db: Database, includeArchived: boolean): PickableRow[] {
  return parseRows(
    pickableRow,
    db
      .prepare(
        `SELECT id, name_key, codename_key, archived_at IS NOT NULL AS archived FROM persons
         ${includeArchived ? '' : 'WHERE archived_at IS NULL'}`,
      )
      .all(),
  );
}

const candidateRow = z.object({
  id: z.number(),
  full_name: z.string(),
  codename: z.string(),
  position: z.string(),
  agency_name: z.string().nullable(),
  stage: z.enum(STAGES),
  archived: sqlBoolean,
});
export type CandidateRow = z.output<typeof candidateRow>;

/** The persons with these ids, with their agency's name (in no particular order). */
export function pickCandidates(db: Database, ids: readonly number[]): CandidateRow[] {
  if (ids.length === 0) return [];
  return parseRows(
    candidateRow,
    db
      .prepare(
        `SELECT p.id, p.full_name, p.codename, p.position, a.name AS agency_name, p.stage,
           p.archived_at IS NOT NULL AS archived
         FROM persons p LEFT JOIN agencies a ON a.id = p.agency_id
         WHERE p.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids)),
  );
}
