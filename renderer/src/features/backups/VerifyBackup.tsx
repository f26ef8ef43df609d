import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { absolutePath } from '../../../../shared/contract.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Progress } from '../../components/Progress.tsx';
import { call, isApiError } from '../../lib/api.ts';
import { useErrorText } from '../../lib/errors.ts';
import { BackupReportView } from './BackupReportView.tsx';
import { baseName } from './format.ts';
import { BackupSourceFields } from './BackupSourceFields.tsx';
import { secretOf, WRONG_SECRET, type SecretMethod } from './SecretFields.tsx';

/** Any backup, checked from end to end with its secret; nothing is written. */
export function VerifyBackup() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const k = 'ui.backups.verify';
  const [path, setPath] = useState('');
  const [method, setMethod] = useState<SecretMethod>('passphrase');
  const [secret, setSecret] = useState('');
  const [tried, setTried] = useState(false);
  const valid = absolutePath.safeParse(path).success;

  const verify = useMutation({
    mutationFn: (input: { path: string; secret: string; method: SecretMethod }) =>
      call('backup:verify', { path: input.path, secret: secretOf(input.method, input.secret) }),
    onSuccess: () => {
      setSecret('');
    },
    onError: (error) => {
      if (WRONG_SECRET.some((code) => isApiError(error, code))) setSecret('');
    },
  });
  const busy = verify.isPending;
  const report = verify.data;

  return (
    <section className="panel backups__section" aria-labelledby="backups-verify">
      <h2 id="backups-verify">{t(`${k}.title`)}</h2>
      <p className="muted">{t(`${k}.help`)}</p>
      <Form
        className="stack"
        validationBehavior="aria"
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (!busy && valid && secret) verify.mutate({ path, secret, method });
        }}
      >
        <BackupSourceFields
          path={path}
          onPath={(value) => {
            setPath(value);
            verify.reset();
          }}
          showProblems={tried}
          method={method}
          onMethod={setMethod}
          secret={secret}
          onSecret={setSecret}
          isDisabled={busy}
        />
        {busy ? <Progress label={t(`${k}.working`)} /> : null}
        {verify.isError ? <Alert tone="error">{errorText(verify.error)}</Alert> : null}
        {report && !busy ? (
          <Alert tone="success">{t(`${k}.ok`, { file: baseName(report.file) })}</Alert>
        ) : null}
        <div className="actions">
          <Button type="submit" variant="primary" isDisabled={busy || !secret}>
            {t(`${k}.submit`)}
          </Button>
        </div>
      </Form>
      {report && !busy ? (
        <BackupReportView report={report} headingLevel={3} headingId="backups-verify-report" />
      ) : null}
    </section>
  );
}
