import { useState } from 'react';
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

  if (!prepared) {
    return (
      <CreateVaultForm
        onPrepared={(vault) => {
          setPrepared(vault);
          setStep('key');
        }}
        onOpenExisting={onOpenExisting}
      />
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
