import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Form, ToggleButton, ToggleButtonGroup, type Key } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { absolutePath, type VaultStatus } from '../../../../shared/contract.ts';
import { useAppInfo } from '../../app/app-info.ts';
import { setStatus } from '../../app/queries.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { CenteredScreen } from '../../components/CenteredScreen.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { Progress } from '../../components/Progress.tsx';
import { TextField } from '../../components/TextField.tsx';
import { ApiError, call, isApiError } from '../../lib/api.ts';
import { useErrorText } from '../../lib/errors.ts';
import { useCountdown } from '../../lib/use-countdown.ts';
import { LockScreenReminder } from '../backups/LockScreenReminder.tsx';
import { RestoreEntryButton, RestoreScreen } from '../backups/RestoreScreen.tsx';

type Method = 'passphrase' | 'recovery';

const WRONG_SECRET = [
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'RECOVERY_KEY_MALFORMED',
  'TOO_MANY_ATTEMPTS',
] as const;

/** The generation number of a previous copy's path: "…/v.confidant.2" → 2. */
function generationOf(previous: string | number | undefined): number | undefined {
  const match = typeof previous === 'string' ? /\.(\d)$/.exec(previous) : null;
  return match ? Number(match[1]) : undefined;
}

export function UnlockScreen({
  status,
  onCreateNew,
}: {
  status: VaultStatus;
  onCreateNew: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const info = useAppInfo();
  const [path, setPath] = useState(status.path ?? '');
  const [method, setMethod] = useState<Method>('passphrase');
  const [secret, setSecret] = useState('');
  const [wait, startWait] = useCountdown(status.retryAfterSeconds);
  const secretField = useRef<HTMLDivElement>(null);
  const [restoring, setRestoring] = useState(false);

  const unlock = useMutation({
    mutationFn: (generation?: number) =>
      call('vault:unlock', {
        path,
        secret: method === 'passphrase' ? { passphrase: secret } : { recoveryKey: secret },
        ...(generation === undefined ? {} : { generation }),
      }),
    onSuccess: setStatus,
    onError: (error) => {
      // A wrong secret is cleared, so the next try is typed afresh; after other errors (a
      // damaged file) it stays, to open the previous copy with it.
      if (WRONG_SECRET.some((code) => isApiError(error, code))) setSecret('');
      if (error instanceof ApiError && typeof error.details.retryAfterSeconds === 'number') {
        startWait(error.details.retryAfterSeconds);
      }
      secretField.current?.querySelector('input')?.focus();
    },
  });

  const chooseAnother = async () => {
    const { path: chosen } = await call('dialog:chooseExistingVault', {});
    if (chosen) setPath(chosen);
  };

  const busy = unlock.isPending;
  const pathValid = absolutePath.safeParse(path).success;
  const error = unlock.error;
  const previous = isApiError(error) ? generationOf(error.details.previous) : undefined;
  const lockedBecause = status.lockedBecause;
  // The reminder is about the vault offered here; it needs no unlock.
  const showReminder = status.path !== null;

  if (restoring) {
    return (
      <RestoreScreen
        onBack={() => {
          setRestoring(false);
        }}
      />
    );
  }

  return (
    <CenteredScreen title={t('ui.unlock.title')}>
      {(lockedBecause && !error) || showReminder ? (
        <div className="stack notices">
          {lockedBecause && !error ? (
            <Alert tone="info" live={false}>
              {t(`ui.unlock.lockedBecause.${lockedBecause}`)}
            </Alert>
          ) : null}
          {showReminder ? (
            <LockScreenReminder reminder={status.backup} writing={status.backupWriting} />
          ) : null}
        </div>
      ) : null}
      <Form
        className="stack"
        validationBehavior="aria"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy && wait === 0 && secret && pathValid) unlock.mutate(undefined);
        }}
      >
        {info.fileDialogs ? (
          <div className="vault-choice">
            <div>
              <div className="vault-choice__label">{t('ui.unlock.vault')}</div>
              <div className="vault-choice__path mono">{path}</div>
            </div>
            <Button variant="quiet" onPress={() => void chooseAnother()} isDisabled={busy}>
              {t('ui.unlock.chooseAnother')}
            </Button>
          </div>
        ) : (
          <TextField
            label={t('ui.unlock.path')}
            description={t('ui.unlock.pathHelp')}
            value={path}
            onChange={setPath}
            inputClassName="mono field__input--path"
            isDisabled={busy}
          />
        )}
        <div className="choice">
          <div className="field__label" id="unlock-method">
            {t('ui.unlock.method')}
          </div>
          <ToggleButtonGroup
            aria-labelledby="unlock-method"
            selectionMode="single"
            disallowEmptySelection
            selectedKeys={new Set<Key>([method])}
            onSelectionChange={(keys) => {
              const [next] = [...keys];
              if (next === 'passphrase' || next === 'recovery') {
                setMethod(next);
                setSecret('');
              }
            }}
            className="segmented"
            isDisabled={busy}
          >
            <ToggleButton id="passphrase" className="segmented__item">
              {t('ui.unlock.withPassphrase')}
            </ToggleButton>
            <ToggleButton id="recovery" className="segmented__item">
              {t('ui.unlock.withRecoveryKey')}
            </ToggleButton>
          </ToggleButtonGroup>
        </div>
        <div ref={secretField}>
          {method === 'passphrase' ? (
            <PassphraseField
              label={t('ui.unlock.passphrase')}
              autoComplete="current-password"
              value={secret}
              onChange={setSecret}
              isDisabled={busy}
              autoFocus
            />
          ) : (
            <TextField
              label={t('ui.unlock.recoveryKey')}
              description={t('ui.unlock.recoveryKeyHelp')}
              value={secret}
              onChange={setSecret}
              autoComplete="off"
              inputClassName="mono"
              isDisabled={busy}
              autoFocus
            />
          )}
        </div>
        {error ? (
          <Alert
            tone="error"
            actions={
              previous !== undefined ? (
                <Button
                  onPress={() => {
                    unlock.mutate(previous);
                  }}
                  isDisabled={busy || !secret}
                >
                  {t('ui.unlock.openPrevious')}
                </Button>
              ) : null
            }
          >
            {errorText(error)}
            {isApiError(error) && typeof error.details.failedAttempts === 'number' ? (
              <span className="alert__detail">
                {t('ui.unlock.attempts', { count: error.details.failedAttempts })}
              </span>
            ) : null}
          </Alert>
        ) : null}
        {wait > 0 ? (
          <p className="muted" aria-live="off">
            {t('ui.unlock.retryIn', { count: wait })}
          </p>
        ) : null}
        {busy ? <Progress label={t('ui.unlock.working')} /> : null}
        <div className="actions">
          <Button
            type="submit"
            variant="primary"
            isDisabled={busy || wait > 0 || !secret || !pathValid}
          >
            {t('ui.unlock.submit')}
          </Button>
          <Button variant="quiet" onPress={onCreateNew} isDisabled={busy}>
            {t('ui.unlock.createNew')}
          </Button>
          <RestoreEntryButton
            onPress={() => {
              setRestoring(true);
            }}
            isDisabled={busy}
          />
        </div>
      </Form>
    </CenteredScreen>
  );
}
