import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.tsx';
import { CenteredScreen } from '../../components/CenteredScreen.tsx';
import { RecoveryKeyGroups } from '../../components/RecoveryKeyGroups.tsx';
import type { PreparedVault } from './CreateVaultScreen.tsx';

/** The recovery key, once, large and grouped; printable on its own sheet. */
export function RecoveryKeyStep({
  vault,
  onWrittenDown,
}: {
  vault: PreparedVault;
  onWrittenDown: () => void;
}) {
  const { t, i18n } = useTranslation();
  const today = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date());
  return (
    <CenteredScreen title={t('ui.recovery.title')} wide>
      <p className="card__intro">{t('ui.recovery.explain')}</p>
      <div className="recovery-sheet">
        <div className="recovery-sheet__print-only">
          <h2>{t('ui.recovery.sheetTitle')}</h2>
          <p className="mono">{t('ui.recovery.sheetFile', { file: vault.path })}</p>
          <p>{t('ui.recovery.sheetDate', { date: today })}</p>
        </div>
        <RecoveryKeyGroups recoveryKey={vault.recoveryKey} />
        <p className="recovery-sheet__print-only">{t('ui.recovery.sheetAdvice')}</p>
      </div>
      <p className="muted small">{t('ui.recovery.printNote')}</p>
      <div className="actions">
        <Button variant="primary" onPress={onWrittenDown}>
          {t('ui.recovery.writtenDown')}
        </Button>
        <Button
          onPress={() => {
            window.print();
          }}
        >
          {t('ui.recovery.print')}
        </Button>
      </div>
    </CenteredScreen>
  );
}
