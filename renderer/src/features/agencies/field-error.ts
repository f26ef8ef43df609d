/**
 * The sentence under a form field for a zod problem (react-hook-form's zodResolver puts the
 * zod issue code in `type`), worded by the shared `problems.*` texts, so a form says "Needed."
 * in the user's language rather than zod's English. Used by the agency and partner forms.
 */
import type { TFunction } from 'i18next';
import type { FieldError } from 'react-hook-form';

export function fieldErrorText(
  t: TFunction,
  error: FieldError | undefined,
  maximum?: number,
): string | undefined {
  if (!error) return undefined;
  // Set by the form itself from the core's answer (e.g. DUPLICATE_AGENCY), already worded.
  if (error.type === 'server' && error.message) return error.message;
  const problem = t(`problems.${error.type}`, {
    maximum: maximum ?? '',
    defaultValue: t('problems.invalid'),
  });
  return problem.charAt(0).toLocaleUpperCase() + problem.slice(1);
}
