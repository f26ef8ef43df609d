import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RestoreEntryButton, RestoreScreen } from '../backups/RestoreScreen.tsx';
import { ConfirmKeyStep } from './ConfirmKeyStep.tsx';
import { CreateVaultForm } from './CreateVaultForm.tsx';
import { RecoveryKeyStep } from './RecoveryKeyStep.tsx';

export interface PreparedVault {
  path: string;
  recoveryKey: string;
  groupsToConfirm: [number, number];
}

/**
 * First run: where and with what passphrase → the recovery key, shown once → the user types
 * two of its groups back → the vault is written (not before) and opens.
 */
export function CreateVaultScreen({ onOpenExisting }: { onOpenExisting: () => void }) {
  const [prepared, setPrepared] = useState<PreparedVault | null>(null);
  const [step, setStep] = useState<'key' | 'confirm'>('key');
  const [restoring, setRestoring] = useState(false);
  const { t } = useTranslation();

  if (restoring) {
    return (
      <RestoreScreen
        onBack={() => {
          setRestoring(false);
        }}
      />
    );
  }
  if (!prepared) {
    // A new laptop may have nothing but the backup drive: restoring is offered under the form.
    return (
      <div className="restore-entry-frame">
        <CreateVaultForm
          onPrepared={(vault) => {
            setPrepared(vault);
            setStep('key');
          }}
          onOpenExisting={onOpenExisting}
        />
        <footer className="restore-entry" aria-label={t('ui.backups.restore.screenTitle')}>
          <RestoreEntryButton
            onPress={() => {
              setRestoring(true);
            }}
          />
        </footer>
      </div>
    );
  }
  if (step === 'key') {
    return (
      <RecoveryKeyStep
        vault={prepared}
        onWrittenDown={() => {
          setStep('confirm');
        }}
      />
    );
  }
  return (
    <ConfirmKeyStep
      vault={prepared}
      onBack={() => {
        setStep('key');
      }}
    />
  );
}
