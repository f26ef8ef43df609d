import { Controller, useWatch, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/i18n/error-message.ts';
import { checkNewPassphrase } from '../../../shared/passphrase-policy.ts';
import { usePassphraseStrength } from '../lib/use-strength.ts';
import { PassphraseField } from './PassphraseField.tsx';
import { StrengthMeter } from './StrengthMeter.tsx';

/** Forms that set a passphrase name its two fields like this. */
export interface NewPassphraseValues extends FieldValues {
  passphrase: string;
  repeat: string;
}

/**
 * Choosing a passphrase, the same wherever it happens (first run, Settings): the shared
 * length rule, the strength meter, and the repeat. The strength floor is checked on submit
 * with `isTooWeak` (the estimator loads on demand).
 */
export function NewPassphraseFields<T extends NewPassphraseValues>({
  control,
  labels,
  description,
  file,
  userInputs = [],
  isDisabled,
}: {
  control: Control<T>;
  labels: { passphrase: string; repeat: string };
  description?: string;
  /** The vault the passphrase is for: error messages name it. */
  file: string;
  userInputs?: string[];
  isDisabled: boolean;
}) {
  const { t } = useTranslation();
  const passphraseName = 'passphrase' as Path<T>;
  const repeatName = 'repeat' as Path<T>;
  const passphrase = useWatch({ control, name: passphraseName }) as string;
  const strength = usePassphraseStrength(passphrase, userInputs);
  return (
    <>
      <Controller
        control={control}
        name={passphraseName}
        rules={{
          validate: (value: string) => {
            const problem = checkNewPassphrase(value);
            return problem ? errorMessage(t, { code: problem, details: { file } }) : true;
          },
        }}
        render={({ field, fieldState }) => (
          <PassphraseField
            label={labels.passphrase}
            description={description}
            autoComplete="new-password"
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            name={field.name}
            isDisabled={isDisabled}
            errorMessage={fieldState.error?.message}
          >
            <StrengthMeter strength={strength} />
          </PassphraseField>
        )}
      />
      <Controller
        control={control}
        name={repeatName}
        rules={{
          validate: (value: string, values: T) =>
            value === values.passphrase || t('ui.create.mismatch'),
        }}
        render={({ field, fieldState }) => (
          <PassphraseField
            label={labels.repeat}
            autoComplete="new-password"
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            name={field.name}
            isDisabled={isDisabled}
            errorMessage={fieldState.error?.message}
          />
        )}
      />
    </>
  );
}
