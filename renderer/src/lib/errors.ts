import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/i18n/error-message.ts';
import { ApiError } from './api.ts';

/** The sentence for an error, in the current language; unknown errors get the INTERNAL one. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) =>
    error instanceof ApiError
      ? errorMessage(t, { code: error.code, details: error.details })
      : errorMessage(t, { code: 'INTERNAL', details: {} });
}
