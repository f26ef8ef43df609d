import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { NewPassphraseFields } from '../../components/NewPassphraseFields.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { Progress } from '../../components/Progress.tsx';
import { RecoveryKeyGroups } from '../../components/RecoveryKeyGroups.tsx';
import { call } from '../../lib/api.ts';
import { useErrorText } from '../../lib/errors.ts';
import { isTooWeak } from '../../lib/use-strength.ts';

interface Values {
  current: string;
  passphrase: string;
  repeat: string;
}

const EMPTY: Values = { current: '', passphrase: '', repeat: '' };

/**
 * "My passphrase may be known": a new master key re-encrypts the vault, a new passphrase and a
 * new recovery key replace the old ones. The new recovery key is shown once, here.
 */
export function RekeyForm({ path }: { path: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const form = useForm<Values>({
    defaultValues: EMPTY,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const rekey = useMutation({
    mutationFn: (values: Values) =>
      call('vault:rekey', { current: values.current, next: values.passphrase }),
    onSuccess: (result) => {
      setRecoveryKey(result.recoveryKey);
    },
    onSettled: () => {
      form.reset(EMPTY);
    },
  });
  const submit = form.handleSubmit(async (values) => {
    if (await isTooWeak(values.passphrase)) {
      form.setError('passphrase', { message: t('ui.create.tooWeak') });
      return;
    }
    rekey.mutate(values);
  });
  const k = 'ui.settings.rekey';
  if (recoveryKey !== null) {
    return (
      <section className="stack subsection" aria-labelledby="rekey-done">
        <h3 id="rekey-done">{t(`${k}.doneTitle`)}</h3>
        <Alert tone="success">{t(`${k}.done`)}</Alert>
        <RecoveryKeyGroups recoveryKey={recoveryKey} />
        <div className="actions">
          <Button
            variant="primary"
            onPress={() => {
              setRecoveryKey(null);
              rekey.reset();
            }}
          >
            {t('ui.recovery.writtenDown')}
          </Button>
        </div>
      </section>
    );
  }
  const busy = rekey.isPending;
  return (
    <Form
      className="stack subsection"
      validationBehavior="aria"
      aria-labelledby="rekey"
      onSubmit={(event) => {
        void submit(event);
      }}
    >
      <h3 id="rekey">{t(`${k}.title`)}</h3>
      <p className="muted">{t(`${k}.explain`)}</p>
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
      {rekey.isError ? <Alert tone="error">{errorText(rekey.error)}</Alert> : null}
      {busy ? <Progress label={t(`${k}.working`)} /> : null}
      <div className="actions">
        <Button type="submit" variant="primary" isDisabled={busy}>
          {t(`${k}.submit`)}
        </Button>
      </div>
    </Form>
  );
}
