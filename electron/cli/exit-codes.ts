import type { ErrorCode } from '../../shared/error-codes.ts';

/** The exit codes documented in the README; scripts rely on them. */
export const EXIT = {
  ok: 0,
  error: 1,
  usage: 2,
  wrongSecret: 3,
  damaged: 4,
  newerVersion: 5,
  inUse: 6,
  keysDamaged: 7,
  foreignDatabase: 8,
} as const;

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'WRONG_PASSPHRASE':
    case 'WRONG_RECOVERY_KEY':
    case 'RECOVERY_KEY_MALFORMED':
      return EXIT.wrongSecret;
    case 'NOT_A_VAULT':
    case 'CORRUPT_VAULT':
    case 'TRUNCATED_VAULT':
    case 'NOT_A_BACKUP':
    case 'BACKUP_DAMAGED':
    case 'BACKUP_TRUNCATED':
      return EXIT.damaged;
    case 'DATABASE_MISSING':
      return EXIT.damaged;
    case 'VAULT_KEYS_MISSING':
    case 'VAULT_KEYS_DAMAGED':
      return EXIT.keysDamaged;
    case 'FOREIGN_DATABASE':
      return EXIT.foreignDatabase;
    case 'NEWER_VERSION':
      return EXIT.newerVersion;
    case 'VAULT_IN_USE':
      return EXIT.inUse;
    default:
      return EXIT.error;
  }
}
