import { useMutation } from '@tanstack/react-query';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../../shared/i18n/error-message.ts';
import { checkNewPassphrase } from '../../../../shared/passphrase-policy.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { Progress } from '../../components/Progress.tsx';
import { StrengthMeter } from '../../components/StrengthMeter.tsx';
import { call } from '../../lib/api.ts';
import { useErrorText } from '../../lib/errors.ts';
import { usePassphraseStrength } from '../../lib/use-strength.ts';

interface Values {
  current: string;
  next: string;
  repeat: string;
}

export function ChangePassphraseForm({ path }: { path: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const form = useForm<Values>({
    defaultValues: { current: '', next: '', repeat: '' },
    // Errors wait for the first submit, then follow the typing.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const strength = usePassphraseStrength(useWatch({ control: form.control, name: 'next' }));
  const change = useMutation({
    mutationFn: (values: Values) =>
      call('vault:changePassphrase', { current: values.current, next: values.next }),
    onSettled: () => {
      // Passphrases never stay in the form longer than the attempt.
      form.reset({ current: '', next: '', repeat: '' });
    },
  });
  const submit = form.handleSubmit(async (values) => {
    const { estimateStrength } = await import('../../lib/passphrase-strength.ts');
    if (estimateStrength(values.next).score < 2) {
      form.setError('next', { message: t('ui.create.tooWeak') });
      return;
    }
    change.mutate(values);
  });
  const busy = change.isPending;
  return (
    <Form
      className="stack subsection"
      validationBehavior="aria"
      aria-labelledby="change-passphrase"
      onSubmit={(event) => {
        void submit(event);
      }}
    >
      <h3 id="change-passphrase">{t('ui.settings.changePassphrase')}</h3>
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
            isDisabled={busy}
          />
        )}
      />
      <Controller
        control={form.control}
        name="next"
        rules={{
          validate: (value) => {
            const problem = checkNewPassphrase(value);
            return problem ? errorMessage(t, { code: problem, details: { file: path } }) : true;
          },
        }}
        render={({ field, fieldState }) => (
          <PassphraseField
            label={t('ui.settings.next')}
            autoComplete="new-password"
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            isDisabled={busy}
            errorMessage={fieldState.error?.message}
          >
            <StrengthMeter strength={strength} />
          </PassphraseField>
        )}
      />
      <Controller
        control={form.control}
        name="repeat"
        rules={{ validate: (value) => value === form.getValues('next') || t('ui.create.mismatch') }}
        render={({ field, fieldState }) => (
          <PassphraseField
            label={t('ui.settings.repeat')}
            autoComplete="new-password"
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            isDisabled={busy}
            errorMessage={fieldState.error?.message}
          />
        )}
      />
      {change.isError ? <Alert tone="error">{errorText(change.error)}</Alert> : null}
      {change.isSuccess ? <Alert tone="success">{t('ui.settings.changed')}</Alert> : null}
      {busy ? <Progress label={t('ui.settings.changing')} /> : null}
      <div className="actions">
        <Button type="submit" variant="primary" isDisabled={busy}>
          {t('ui.settings.change')}
        </Button>
      </div>
    </Form>
  );
}
