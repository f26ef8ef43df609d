import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.tsx';
import { CenteredScreen } from '../../components/CenteredScreen.tsx';
import { RestoreBackup } from './RestoreBackup.tsx';
import './backups.css';

/**
 * The restore flow in place of the lock screen's or the first-run screen's form: a new
 * laptop may have nothing but the backup drive. "Back" returns to the form.
 */
export function RestoreScreen({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <CenteredScreen title={t('ui.backups.restore.screenTitle')} wide>
      <RestoreBackup closeLabel={t('ui.backups.restore.back')} onClose={onBack} headingLevel={2} />
    </CenteredScreen>
  );
}

/** The quiet way into the restore flow from a screen before a vault is open. */
export function RestoreEntryButton({
  onPress,
  isDisabled = false,
}: {
  onPress: () => void;
  isDisabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Button variant="quiet" onPress={onPress} isDisabled={isDisabled}>
      {t('ui.backups.restore.entry')}
    </Button>
  );
}
