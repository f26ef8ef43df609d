import { useForm, Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { NewPassphraseFields } from '../../components/NewPassphraseFields.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { isTooWeak } from '../../lib/use-strength.ts';

/** The current passphrase, and a new one typed twice: what both passphrase forms ask for. */
export interface PassphraseChangeValues {
  current: string;
  passphrase: string;
  repeat: string;
}

const EMPTY: PassphraseChangeValues = { current: '', passphrase: '', repeat: '' };

/**
 * The form state both Settings forms share: errors wait for the first submit, then follow the
 * typing; a new passphrase under the strength floor is refused before anything is sent.
 */
export function usePassphraseChangeForm(onValid: (values: PassphraseChangeValues) => void) {
  const { t } = useTranslation();
  const form = useForm<PassphraseChangeValues>({
    defaultValues: EMPTY,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const submit = form.handleSubmit(async (values) => {
    if (await isTooWeak(values.passphrase)) {
      form.setError('passphrase', { message: t('ui.create.tooWeak') });
      return;
    }
    onValid(values);
  });
  /** Passphrases never stay in the form longer than the attempt. */
  const clear = () => {
    form.reset(EMPTY);
  };
  return { form, submit, clear };
}

export function PassphraseChangeFields({
  form,
  path,
  isDisabled,
}: {
  form: ReturnType<typeof usePassphraseChangeForm>['form'];
  path: string;
  isDisabled: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Controller
        control={form.control}
        name="current"
        rules={{ required: true }}
        render={({ field }) => (
          <PassphraseField
            label={t('ui.settings.current')}
            autoComplete="current-password"
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            isDisabled={isDisabled}
          />
        )}
      />
      <NewPassphraseFields
        control={form.control}
        labels={{ passphrase: t('ui.settings.next'), repeat: t('ui.settings.repeat') }}
        file={path}
        isDisabled={isDisabled}
      />
    </>
  );
}
