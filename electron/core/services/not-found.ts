/**
 * The error every layer above the repos throws when the record the user acted on is gone
 * (deleted meanwhile, or a stale screen). Services and handlers both use it, so it lives here.
 */
import type { ErrorDetails } from '../errors.ts';
import { VaultError } from '../errors.ts';

export function notFound(record: string, details: ErrorDetails = {}): VaultError {
  return new VaultError('NOT_FOUND', { record, ...details });
}
