/**
 * Form problems in the user's language: a zod issue code worded by the shared `problems.*`
 * texts (the same words the core's VALIDATION errors use), so a form says "Needed." rather
 * than zod's English.
 */
import type { TFunction } from 'i18next';
import type { FieldError } from 'react-hook-form';

/** "too long (at most 200)." for a zod issue code; unknown codes read "not valid.". */
export function problemText(t: TFunction, code: string, maximum?: unknown): string {
  return t(`problems.${code}`, {
    maximum: typeof maximum === 'number' || typeof maximum === 'bigint' ? String(maximum) : '',
    defaultValue: t('problems.invalid'),
  });
}

/**
 * The sentence under a field (react-hook-form's zodResolver puts the zod issue code in
 * `type`). Used by the agency and partner forms.
 */
export function fieldErrorText(
  t: TFunction,
  error: FieldError | undefined,
  maximum?: number,
): string | undefined {
  if (!error) return undefined;
  // Set by the form itself from the core's answer (e.g. DUPLICATE_AGENCY), already worded.
  if (error.type === 'server' && error.message) return error.message;
  const problem = problemText(t, error.type, maximum);
  return problem.charAt(0).toLocaleUpperCase() + problem.slice(1);
}
