import { useMutation } from '@tanstack/react-query';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Progress } from '../../components/Progress.tsx';
import { call } from '../../lib/api.ts';
import { useErrorText } from '../../lib/errors.ts';
import {
  PassphraseChangeFields,
  usePassphraseChangeForm,
  type PassphraseChangeValues,
} from './passphrase-form.tsx';

/** A new passphrase for the same master key: the recovery key and the data stay as they are. */
export function ChangePassphraseForm({ path }: { path: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const change = useMutation({
    mutationFn: (values: PassphraseChangeValues) =>
      call('vault:changePassphrase', { current: values.current, next: values.passphrase }),
    onSettled: () => {
      clear();
    },
  });
  const { form, submit, clear } = usePassphraseChangeForm((values) => {
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
      <PassphraseChangeFields form={form} path={path} isDisabled={busy} />
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
