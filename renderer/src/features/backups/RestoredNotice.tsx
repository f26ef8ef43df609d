import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { VaultStatus } from '../../../../shared/contract.ts';
import { setStatus } from '../../app/queries.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { call } from '../../lib/api.ts';
import { useErrorText } from '../../lib/errors.ts';
import { formatDateTime } from './format.ts';

/**
 * Above every screen of a restored vault until dismissed: when it was restored, and how old
 * the backup was (what was recorded after that backup is not in it).
 */
export function RestoredNotice({
  restoredFrom,
}: {
  restoredFrom: NonNullable<VaultStatus['restoredFrom']>;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const dismiss = useMutation({
    mutationFn: () => call('backup:dismissRestoredNotice', {}),
    onSuccess: setStatus,
  });
  return (
    <>
      <Alert
        tone="info"
        actions={
          <Button
            variant="quiet"
            onPress={() => {
              dismiss.mutate();
            }}
            isDisabled={dismiss.isPending}
          >
            {t('ui.backups.restored.dismiss')}
          </Button>
        }
      >
        {t('ui.backups.restored.notice', {
          restoredAt: formatDateTime(restoredFrom.restoredAt, i18n.language),
          createdAt: formatDateTime(restoredFrom.backupCreatedAt, i18n.language),
        })}
      </Alert>
      {dismiss.isError ? <Alert tone="error">{errorText(dismiss.error)}</Alert> : null}
    </>
  );
}
