import { useMutation } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { NewPassphraseFields } from '../../components/NewPassphraseFields.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { Progress } from '../../components/Progress.tsx';
import { call } from '../../lib/api.ts';
import { useErrorText } from '../../lib/errors.ts';
import { isTooWeak } from '../../lib/use-strength.ts';

interface Values {
  current: string;
  passphrase: string;
  repeat: string;
}

const EMPTY: Values = { current: '', passphrase: '', repeat: '' };

export function ChangePassphraseForm({ path }: { path: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const form = useForm<Values>({
    defaultValues: EMPTY,
    // Errors wait for the first submit, then follow the typing.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const change = useMutation({
    mutationFn: (values: Values) =>
      call('vault:changePassphrase', { current: values.current, next: values.passphrase }),
    onSettled: () => {
      // Passphrases never stay in the form longer than the attempt.
      form.reset(EMPTY);
    },
  });
  const submit = form.handleSubmit(async (values) => {
    if (await isTooWeak(values.passphrase)) {
      form.setError('passphrase', { message: t('ui.create.tooWeak') });
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
      <NewPassphraseFields
        control={form.control}
        labels={{ passphrase: t('ui.settings.next'), repeat: t('ui.settings.repeat') }}
        file={path}
        isDisabled={busy}
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
