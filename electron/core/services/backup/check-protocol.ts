/**
 * What the check of a backup's copy says, in order, whether it runs in a worker
 * (check-worker.ts) or on this thread: first the counts, then the integrity check's lines.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ErrorCode } from '../../../../shared/error-codes.ts';
import type { ErrorDetails } from '../../errors.ts';
import { integrityCheck, schemaVersionOf, tableCounts } from '../database-check.ts';

export interface CopyCounts {
  schemaVersion: number;
  tables: { name: string; rows: number }[];
}

export type CheckMessage =
  | { counts: CopyCounts }
  | { integrity: string[] }
  | { error: { code?: ErrorCode; details?: ErrorDetails; message: string } };

/**
 * Counts first (cheap, and what the writer waits for), then the integrity check. A database
 * too damaged to count fails its integrity check instead of throwing.
 */
export function* countsOf(db: Database): Generator<CheckMessage> {
  let counts: CopyCounts;
  try {
    counts = { schemaVersion: schemaVersionOf(db), tables: tableCounts(db) };
  } catch (error) {
    yield { integrity: [(error as Error).message] };
    return;
  }
  yield { counts };
  yield { integrity: integrityCheck(db) };
}
