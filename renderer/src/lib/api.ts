/**
 * The renderer's only door to the vault: typed calls over window.confidant (the preload's
 * bridge). A failed call throws ApiError with the error code the core chose; the words come
 * from i18n (errorText in lib/errors.ts).
 */
import type { ApiResult, Bridge, Channel, Input, Output } from '../../../shared/contract.ts';
import type { ErrorCode } from '../../../shared/error-codes.ts';

declare global {
  interface Window {
    confidant: Bridge;
  }
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, string | number>>;

  constructor(code: ErrorCode, details: Readonly<Record<string, string | number>>) {
    super(code);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
}

type Method = (input: unknown) => Promise<ApiResult<unknown>>;

export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const [domain = '', verb = ''] = channel.split(':');
  const bridge = window.confidant as unknown as Record<
    string,
    Record<string, Method | undefined> | undefined
  >;
  const method = bridge[domain]?.[verb];
  if (!method) throw new ApiError('INTERNAL', { channel });
  const result = await method(input);
  if (!result.ok) throw new ApiError(result.error.code, result.error.details);
  return result.value as Output<C>;
}

export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
