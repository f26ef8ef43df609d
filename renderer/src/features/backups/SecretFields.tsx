import { useId } from 'react';
import { ToggleButton, ToggleButtonGroup, type Key } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { TextField } from '../../components/TextField.tsx';

export type SecretMethod = 'passphrase' | 'recovery';

/** What a backup is opened with, as the contract takes it. */
export function secretOf(method: SecretMethod, secret: string) {
  return method === 'passphrase' ? { passphrase: secret } : { recoveryKey: secret };
}

/** The error codes after which the secret is cleared, so the next try is typed afresh. */
export const WRONG_SECRET = [
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'RECOVERY_KEY_MALFORMED',
  'TOO_MANY_ATTEMPTS',
] as const;

/** Passphrase or recovery key, as on the unlock screen: a switch, then the one field. */
export function SecretFields({
  method,
  onMethod,
  secret,
  onSecret,
  isDisabled,
}: {
  method: SecretMethod;
  onMethod: (method: SecretMethod) => void;
  secret: string;
  onSecret: (secret: string) => void;
  isDisabled: boolean;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <>
      <div className="choice">
        <div className="field__label" id={labelId}>
          {t('ui.backups.secret.method')}
        </div>
        <ToggleButtonGroup
          aria-labelledby={labelId}
          selectionMode="single"
          disallowEmptySelection
          selectedKeys={new Set<Key>([method])}
          onSelectionChange={(keys) => {
            const [next] = [...keys];
            if (next === 'passphrase' || next === 'recovery') {
              onMethod(next);
              onSecret('');
            }
          }}
          className="segmented"
          isDisabled={isDisabled}
        >
          <ToggleButton id="passphrase" className="segmented__item">
            {t('ui.backups.secret.withPassphrase')}
          </ToggleButton>
          <ToggleButton id="recovery" className="segmented__item">
            {t('ui.backups.secret.withRecoveryKey')}
          </ToggleButton>
        </ToggleButtonGroup>
      </div>
      {method === 'passphrase' ? (
        <PassphraseField
          label={t('ui.backups.secret.passphrase')}
          description={t('ui.backups.secret.passphraseHelp')}
          autoComplete="current-password"
          value={secret}
          onChange={onSecret}
          isDisabled={isDisabled}
        />
      ) : (
        <TextField
          label={t('ui.backups.secret.recoveryKey')}
          description={t('ui.backups.secret.recoveryKeyHelp')}
          value={secret}
          onChange={onSecret}
          autoComplete="off"
          inputClassName="mono"
          isDisabled={isDisabled}
        />
      )}
    </>
  );
}
