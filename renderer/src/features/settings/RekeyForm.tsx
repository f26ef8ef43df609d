import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Progress } from '../../components/Progress.tsx';
import { RecoveryKeyGroups } from '../../components/RecoveryKeyGroups.tsx';
import { call } from '../../lib/api.ts';
import { useErrorText } from '../../lib/errors.ts';
import {
  PassphraseChangeFields,
  usePassphraseChangeForm,
  type PassphraseChangeValues,
} from './passphrase-form.tsx';

/**
 * "My passphrase may be known": a new master key re-encrypts the vault, a new passphrase and a
 * new recovery key replace the old ones. The new recovery key is shown once, here.
 */
export function RekeyForm({ path }: { path: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const rekey = useMutation({
    mutationFn: (values: PassphraseChangeValues) =>
      call('vault:rekey', { current: values.current, next: values.passphrase }),
    onSuccess: (result) => {
      setRecoveryKey(result.recoveryKey);
    },
    onSettled: () => {
      clear();
    },
  });
  const { form, submit, clear } = usePassphraseChangeForm((values) => {
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
      <PassphraseChangeFields form={form} path={path} isDisabled={busy} />
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
