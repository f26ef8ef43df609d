/**
 * Every failure that crosses a boundary (core → CLI, core → IPC → renderer) carries one of
 * these codes. The words a user reads come from i18n, keyed by the code, never from
 * `Error.message` (which is for developers and must never contain vault data).
 */
export const ERROR_CODES = [
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'RECOVERY_KEY_MALFORMED',
  'PASSPHRASE_EMPTY',
  'PASSPHRASE_TOO_SHORT',
  'PASSPHRASE_TOO_LONG',
  'NOT_A_VAULT',
  'CORRUPT_VAULT',
  'TRUNCATED_VAULT',
  'NEWER_VERSION',
  'VAULT_IN_USE',
  'VAULT_LOCKED',
  'VAULT_READ_ONLY',
  'FILE_NOT_FOUND',
  'FILE_EXISTS',
  'FOLDER_NOT_FOUND',
  'NOT_WRITABLE',
  'DISK_FULL',
  'UNSAVED_CHANGES',
  'TOO_MANY_ATTEMPTS',
  'RECOVERY_CONFIRMATION_MISMATCH',
  'NO_PENDING_VAULT',
  'NOT_FOUND',
  'DUPLICATE_CODENAME',
  'CODENAME_REVEALS_NAME',
  'DUPLICATE_AGENCY',
  'AGENCY_CYCLE',
  'SELF_RELATIONSHIP',
  'DUPLICATE_RELATIONSHIP',
  'NOTE_WITHOUT_PERSON',
  'CONFIRMATION_MISMATCH',
  'PERSON_ARCHIVED',
  'ASSESSMENT_NOT_LATEST',
  'NOTHING_TO_CORRECT',
  'CORRECTION_NEEDS_REASON',
  'REVIEW_DATE_PAST',
  'REVIEW_DATE_TOO_LATE',
  'CONSENT_DATE_FUTURE',
  'CONSENT_NOT_ASKED_DATE',
  'PLAN_INCOMPLETE',
  'DECISION_NEEDS_REASON',
  'IMPORT_NOT_TEXT',
  'IMPORT_ENCODING',
  'IMPORT_EMPTY',
  'IMPORT_MISSING_COLUMNS',
  'IMPORT_TOO_MANY_ROWS',
  'IMPORT_TOO_LARGE',
  'IMPORT_BAD_ROWS',
  'FORBIDDEN',
  'VALIDATION',
  'IO_ERROR',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
