/**
 * Restoring a backup, from the Backups area, the lock screen or the first-run screen: the
 * backup is chosen and opened with its secret (the core checks it from end to end and holds
 * it for ten minutes), then what it holds is shown and the user says where the restored vault
 * goes. An existing file is replaced only when the user ticks the box the core's FILE_EXISTS
 * brings up. Once restored, the app switches to the restored vault, open.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { BackupReport } from '../../../../shared/backup.ts';
import { absolutePath } from '../../../../shared/contract.ts';
import { useAppInfo } from '../../app/app-info.ts';
import { setStatus, useVaultStatus } from '../../app/queries.ts';
import { queryClient, resetAfterLock, SETTINGS_KEY } from '../../app/session.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { Progress } from '../../components/Progress.tsx';
import { call, isApiError } from '../../lib/api.ts';
import { useErrorText } from '../../lib/errors.ts';
import { BackupReportView } from './BackupReportView.tsx';
import { suggestedRestorePath } from './format.ts';
import { PathField } from './PathField.tsx';
import { secretOf, WRONG_SECRET, type SecretMethod } from './SecretFields.tsx';
import { BackupSourceFields } from './BackupSourceFields.tsx';
import './backups.css';

/** After a restore into an open app, nothing of the previous vault may stay on screen. */
async function forgetPreviousVault(): Promise<void> {
  await queryClient.resetQueries({
    predicate: ({ queryKey }) =>
      queryKey[0] === 'domain' ||
      (queryKey[0] === SETTINGS_KEY[0] && queryKey[1] === SETTINGS_KEY[1]),
  });
}

export function RestoreBackup({
  closeLabel,
  onClose,
  headingLevel,
  autoFocus = false,
}: {
  /** "Back" on the screens before a vault is open, "Cancel" in the Backups area. */
  closeLabel: string;
  onClose: () => void;
  /** The level of the report's heading under the screen's or section's own. */
  headingLevel: 2 | 3;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const info = useAppInfo();
  const status = useVaultStatus().data;
  const vaultOpen = status?.state === 'unlocked';
  const k = 'ui.backups.restore';
  const reportId = useId();
  const reportHeading = useRef<HTMLHeadingElement>(null);

  const [path, setPath] = useState('');
  const [method, setMethod] = useState<SecretMethod>('passphrase');
  const [secret, setSecret] = useState('');
  const [report, setReport] = useState<BackupReport | null>(null);
  const [destination, setDestination] = useState('');
  const [existsFor, setExistsFor] = useState<string | null>(null);
  const [replace, setReplace] = useState(false);
  const [tried, setTried] = useState(false);

  const open = useMutation({
    mutationFn: () => call('backup:openForRestore', { path, secret: secretOf(method, secret) }),
    onSuccess: (opened) => {
      setSecret('');
      setReport(opened);
      setDestination(suggestedRestorePath(status?.path ?? info.defaultVaultPath, new Date()));
      setExistsFor(null);
      setReplace(false);
      setTried(false);
    },
    onError: (error) => {
      if (WRONG_SECRET.some((code) => isApiError(error, code))) setSecret('');
    },
  });

  const restore = useMutation({
    mutationFn: (input: { destination: string; replaceExisting: boolean }) =>
      call('backup:restore', input),
    onSuccess: async (restored) => {
      setStatus(restored);
      if (vaultOpen) await forgetPreviousVault();
      onClose();
    },
    onError: async (error, input) => {
      if (isApiError(error, 'FILE_EXISTS')) setExistsFor(input.destination);
      if (!vaultOpen) return;
      // The core locks the open vault before it writes the restored one: if it did, and the
      // restore then failed, the page must be wiped as after any lock.
      const now = await call('vault:status', {}).catch(() => null);
      if (now && now.state !== 'unlocked') resetAfterLock();
    },
  });

  useEffect(() => {
    if (report) reportHeading.current?.focus();
  }, [report]);

  // Leaving the flow, however it is left, lets the core forget the backup it holds.
  useEffect(
    () => () => {
      void call('backup:cancelRestore', {}).catch(() => undefined);
    },
    [],
  );

  const busy = open.isPending || restore.isPending;

  if (!report) {
    return (
      <Form
        className="stack"
        validationBehavior="aria"
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (busy || !secret || !absolutePath.safeParse(path).success) return;
          open.mutate();
        }}
      >
        <p className="muted">{t(`${k}.intro`)}</p>
        <BackupSourceFields
          path={path}
          onPath={setPath}
          showProblems={tried}
          method={method}
          onMethod={setMethod}
          secret={secret}
          onSecret={setSecret}
          isDisabled={busy}
          autoFocus={autoFocus}
        />
        {open.isError ? <Alert tone="error">{errorText(open.error)}</Alert> : null}
        {open.isPending ? <Progress label={t(`${k}.opening`)} /> : null}
        <div className="actions">
          <Button type="submit" variant="primary" isDisabled={busy || !secret}>
            {t(`${k}.open`)}
          </Button>
          <Button variant="quiet" onPress={onClose} isDisabled={busy}>
            {closeLabel}
          </Button>
        </div>
      </Form>
    );
  }

  const error = restore.error;
  const exists = isApiError(error, 'FILE_EXISTS') && existsFor === destination;
  const destinationValid = absolutePath.safeParse(destination).success;
  const destinationProblem =
    tried && !destinationValid
      ? t('ui.backups.pathInvalid', {
          example: suggestedRestorePath(info.defaultVaultPath, new Date()),
        })
      : undefined;
  return (
    <Form
      className="stack"
      validationBehavior="aria"
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (busy || !destinationValid) return;
        restore.mutate({ destination, replaceExisting: exists && replace });
      }}
    >
      <BackupReportView
        report={report}
        headingLevel={headingLevel}
        headingId={reportId}
        headingRef={reportHeading}
      />
      <p className="muted">{t(`${k}.held`)}</p>
      <PathField
        label={t(`${k}.destination`)}
        description={t(`${k}.destinationHelp`)}
        value={destination}
        onChange={(next) => {
          setDestination(next);
          setReplace(false);
          restore.reset();
        }}
        onChoose={async () =>
          (
            await call('dialog:chooseRestorePath', {
              suggestedName: destination.split(/[\\/]/).pop() || 'Restored.confidant',
            })
          ).path
        }
        errorMessage={destinationProblem}
        isDisabled={busy}
      />
      {exists ? (
        <>
          <Alert tone="warning">{t(`${k}.exists`, { file: destination })}</Alert>
          <CheckboxField
            label={t(`${k}.replace`)}
            isSelected={replace}
            onChange={setReplace}
            isDisabled={busy}
          />
        </>
      ) : error ? (
        <Alert
          tone="error"
          actions={
            isApiError(error, 'RESTORE_NOT_OPENED') ? (
              <Button
                onPress={() => {
                  restore.reset();
                  setReport(null);
                }}
              >
                {t(`${k}.openAgain`)}
              </Button>
            ) : null
          }
        >
          {errorText(error)}
        </Alert>
      ) : null}
      {vaultOpen ? (
        <Alert tone="info" live={false}>
          {t(`${k}.locksFirst`)}
        </Alert>
      ) : null}
      {restore.isPending ? <Progress label={t(`${k}.working`)} /> : null}
      <div className="actions">
        <Button type="submit" variant="primary" isDisabled={busy || (exists && !replace)}>
          {t(`${k}.submit`)}
        </Button>
        <Button variant="quiet" onPress={onClose} isDisabled={busy}>
          {closeLabel}
        </Button>
      </div>
    </Form>
  );
}
