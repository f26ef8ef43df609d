import type { TFunction } from 'i18next';
import type { ErrorCode } from '../error-codes.ts';
import { MAX_PASSPHRASE_LENGTH, MIN_PASSPHRASE_LENGTH } from '../passphrase-policy.ts';

export interface ErrorLike {
  code: ErrorCode;
  details?: Readonly<Record<string, string | number>>;
}

/**
 * The sentence a user reads for an error, in the translator's language. Variants (a previous
 * copy exists, why a file is not a vault) are chosen here so every surface words them alike.
 */
export function errorMessage(t: TFunction, error: ErrorLike): string {
  const details = error.details ?? {};
  if (error.code === 'VALIDATION' && typeof details.field === 'string') {
    // The most precise named part of the path: "factors.visibility" is about "visibility".
    const field =
      details.field
        .split('.')
        .reverse()
        .find((part) => t(`fields.${part}`, { defaultValue: '' }) !== '') ?? '';
    if (field !== '') {
      const reason = typeof details.reason === 'string' ? details.reason : 'invalid';
      const problem = t(`problems.${reason}`, {
        maximum: details.maximum ?? '',
        minimum: details.minimum ?? '',
        defaultValue: t('problems.invalid'),
      });
      return t('errors.VALIDATION', {
        context: 'field',
        field: t(`fields.${field}`),
        problem,
      });
    }
  }
  return t(`errors.${error.code}`, {
    ...details,
    ...datesIn(t, details),
    file: details.file ?? '',
    min: MIN_PASSPHRASE_LENGTH,
    max: MAX_PASSPHRASE_LENGTH,
    context: errorContext(error.code, details),
  });
}

function errorContext(
  code: ErrorCode,
  details: Readonly<Record<string, string | number>>,
): string | undefined {
  switch (code) {
    case 'CORRUPT_VAULT':
    case 'TRUNCATED_VAULT':
      return details.previous ? 'previous' : undefined;
    case 'NOT_A_VAULT':
    case 'NOT_A_BACKUP':
      return typeof details.reason === 'string' ? details.reason : undefined;
    case 'WRONG_PASSPHRASE':
      return details.kind === 'backup' ? 'backup' : undefined;
    case 'BACKUP_DAMAGED':
      return details.reason === 'written' ? 'written' : undefined;
    case 'VAULT_IN_USE':
      return details.pid ? undefined : 'unknown';
    default:
      return undefined;
  }
}

/** Calendar dates in details (a review date) as the user's language writes them. */
function datesIn(
  t: TFunction,
  details: Readonly<Record<string, string | number>>,
): Record<string, string> {
  const format = new Intl.DateTimeFormat(t('dateLocale'), { dateStyle: 'long' });
  const dates: Record<string, string> = {};
  for (const [key, value] of Object.entries(details)) {
    const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
    if (match)
      dates[key] = format.format(
        new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])),
      );
  }
  return dates;
}
