import { useTranslation } from 'react-i18next';
import { absolutePath } from '../../../../shared/contract.ts';
import { useAppInfo } from '../../app/app-info.ts';
import { call } from '../../lib/api.ts';
import { nextTo } from './format.ts';
import { PathField } from './PathField.tsx';
import { SecretFields, type SecretMethod } from './SecretFields.tsx';

/** The backup to open, for Verify and Restore: its file, then its passphrase or recovery key. */
export function BackupSourceFields({
  path,
  onPath,
  showProblems,
  method,
  onMethod,
  secret,
  onSecret,
  isDisabled,
  autoFocus = false,
}: {
  path: string;
  onPath: (path: string) => void;
  /** After a first submit: an unusable path says what a usable one looks like. */
  showProblems: boolean;
  method: SecretMethod;
  onMethod: (method: SecretMethod) => void;
  secret: string;
  onSecret: (secret: string) => void;
  isDisabled: boolean;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const info = useAppInfo();
  const problem =
    showProblems && !absolutePath.safeParse(path).success
      ? t('ui.backups.pathInvalid', {
          example: nextTo(info.defaultVaultPath, 'Office.confidant-backup'),
        })
      : undefined;
  return (
    <>
      <PathField
        label={t('ui.backups.file')}
        description={t('ui.backups.fileHelp')}
        value={path}
        onChange={onPath}
        onChoose={async () => (await call('dialog:chooseBackupFile', {})).path}
        errorMessage={problem}
        isDisabled={isDisabled}
        autoFocus={autoFocus}
      />
      <SecretFields
        method={method}
        onMethod={onMethod}
        secret={secret}
        onSecret={onSecret}
        isDisabled={isDisabled}
      />
    </>
  );
}
