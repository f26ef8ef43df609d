import type { ErrorCode } from '../../shared/error-codes.ts';

/** Values that may travel with an error: file paths, numbers, format versions. Never vault data. */
export type ErrorDetails = Readonly<Record<string, string | number>>;

/**
 * The one error type the core throws on purpose. `code` decides what the user is told
 * (and the CLI's exit code); `details` fills in the sentence (which file, which version).
 */
export class VaultError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, details: ErrorDetails = {}, options?: { cause?: unknown }) {
    super(`${code}${Object.keys(details).length ? ` ${JSON.stringify(details)}` : ''}`, options);
    this.name = 'VaultError';
    this.code = code;
    this.details = details;
  }
}

export function isVaultError(error: unknown, code?: ErrorCode): error is VaultError {
  return error instanceof VaultError && (code === undefined || error.code === code);
}

/** Maps an operating-system error from a write in `folder` to what the user can act on. */
export function fromFsError(error: unknown, details: ErrorDetails): VaultError {
  if (error instanceof VaultError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new VaultError('DISK_FULL', details, { cause: error });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new VaultError('NOT_WRITABLE', details, { cause: error });
    case 'ENOENT':
    case 'ENOTDIR':
      return new VaultError('FOLDER_NOT_FOUND', details, { cause: error });
    default:
      return new VaultError(
        'IO_ERROR',
        { ...details, reason: code ?? 'unknown' },
        { cause: error },
      );
  }
}

/** Maps an error from opening or reading the vault file `file` itself. */
export function fromReadError(error: unknown, file: string): VaultError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new VaultError('FILE_NOT_FOUND', { file }, { cause: error });
  if (code === 'EISDIR')
    return new VaultError('NOT_A_VAULT', { file, reason: 'directory' }, { cause: error });
  return fromFsError(error, { file });
}

/**
 * What SQLite said while reading or writing the open vault's database, in the user's terms: a
 * full disk, a read-only drive, a failing drive, or a damaged page (whose way back is the
 * newest backup). Anything else is not a storage problem and is returned as it was.
 */
export function fromSqliteError(error: unknown, file: string): unknown {
  if (error instanceof VaultError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  if (code === 'SQLITE_FULL') return new VaultError('DISK_FULL', { file }, { cause: error });
  if (code.startsWith('SQLITE_READONLY'))
    return new VaultError('NOT_WRITABLE', { file }, { cause: error });
  if (code.startsWith('SQLITE_IOERR'))
    return new VaultError('IO_ERROR', { file, reason: code }, { cause: error });
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'))
    return new VaultError('CORRUPT_VAULT', { file, reason: 'database' }, { cause: error });
  return error;
}
