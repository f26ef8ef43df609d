/**
 * The one path every IPC call takes once main has checked who sent it: validate the input
 * against the contract, run the handler, validate the output, and turn any failure into an
 * error code the renderer can put into words. The browser test bench calls this too, so the
 * end-to-end tests exercise the same validation as the app.
 */
import { contract, type ApiResult, type Channel, type Handlers } from '../../../shared/contract.ts';
import { isErrorCode, type ErrorCode } from '../../../shared/error-codes.ts';
import { isVaultError } from '../errors.ts';

export async function dispatch(
  handlers: Handlers,
  channel: string,
  rawInput: unknown,
): Promise<ApiResult<unknown>> {
  if (!Object.hasOwn(contract, channel)) {
    return failure('VALIDATION', { reason: 'unknown channel' });
  }
  const known = channel as Channel;
  const input = contract[known].in.safeParse(rawInput);
  if (!input.success) {
    const issue = input.error.issues[0];
    const maximum = issue && 'maximum' in issue ? Number(issue.maximum) : undefined;
    const minimum = issue && 'minimum' in issue ? Number(issue.minimum) : undefined;
    // A number out of its range (a risk score of 7) reads "at most 5", not "too long".
    const numberRange =
      issue !== undefined &&
      (issue.code === 'too_big' || issue.code === 'too_small') &&
      issue.origin === 'number'
        ? `number_${issue.code}`
        : undefined;
    // 2.5 where a whole number is wanted is not "missing or of the wrong kind".
    const notInteger = issue?.code === 'invalid_type' && issue.expected === 'int';
    // A refinement names its own problem (shared/risk.ts: intervals out of order).
    const customReason =
      issue?.code === 'custom' && typeof issue.params?.reason === 'string'
        ? issue.params.reason
        : undefined;
    return failure('VALIDATION', {
      channel: known,
      field: issue?.path.filter((key) => typeof key !== 'number').join('.') ?? '',
      reason:
        numberRange ??
        customReason ??
        (notInteger ? 'not_integer' : undefined) ??
        issue?.code ??
        'invalid',
      ...(maximum !== undefined && Number.isFinite(maximum) ? { maximum } : {}),
      ...(minimum !== undefined && Number.isFinite(minimum) ? { minimum } : {}),
    });
  }
  try {
    const handler = handlers[known] as (value: unknown) => Promise<unknown>;
    const value = await handler(input.data);
    const output = contract[known].out.safeParse(value);
    // A handler that returns the wrong shape is our bug; never pass it on.
    if (!output.success) return failure('INTERNAL', { channel: known, reason: 'output' });
    return { ok: true, value: output.data };
  } catch (error) {
    if (isVaultError(error) && isErrorCode(error.code))
      return failure(error.code, { ...error.details });
    return failure('INTERNAL', { channel: known });
  }
}

function failure(code: ErrorCode, details: Record<string, string | number>): ApiResult<never> {
  return { ok: false, error: { code, details } };
}
