import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultStatus } from '../../../../shared/contract.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Progress } from '../../components/Progress.tsx';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { useErrorText } from '../../lib/errors.ts';
import { useVaultQuery } from '../../lib/vault-mutation.ts';
import { AutomaticBackups } from './AutomaticBackups.tsx';
import { BackupPassphrase } from './BackupPassphrase.tsx';
import { BackUpNow } from './BackUpNow.tsx';
import { NewestBackup } from './NewestBackup.tsx';
import { RestoreBackup } from './RestoreBackup.tsx';
import { VerifyBackup } from './VerifyBackup.tsx';
import './backups.css';

/**
 * Backups of the open vault: how old the newest is, one now, automatic ones at every lock,
 * what opens them; and, for any backup, verifying it and restoring it.
 */
export function BackupsArea({ status }: { status: VaultStatus }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const overview = useVaultQuery('backup:overview', {});
  const data = overview.data;
  return (
    <div className="backups">
      <ScreenTitle>{t('ui.shell.areas.backups')}</ScreenTitle>
      <p className="muted backups__intro">{t('ui.backups.intro')}</p>
      {overview.isError ? <Alert tone="error">{errorText(overview.error)}</Alert> : null}
      {overview.isPending ? <Progress label={t('ui.backups.loading')} /> : null}
      {data ? (
        <>
          <NewestBackup overview={data} />
          <BackUpNow overview={data} />
          <AutomaticBackups overview={data} />
          <BackupPassphrase overview={data} vaultPath={status.path ?? ''} />
        </>
      ) : null}
      <VerifyBackup />
      <RestoreSection />
    </div>
  );
}

function RestoreSection() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const start = useRef<HTMLDivElement>(null);
  const k = 'ui.backups.restore';
  return (
    <section className="panel backups__section" aria-labelledby="backups-restore">
      <h2 id="backups-restore">{t(`${k}.title`)}</h2>
      <p className="muted">{t(`${k}.help`)}</p>
      {open ? (
        <RestoreBackup
          closeLabel={t(`${k}.cancel`)}
          onClose={() => {
            setOpen(false);
            requestAnimationFrame(() => start.current?.querySelector('button')?.focus());
          }}
          headingLevel={3}
          autoFocus
        />
      ) : (
        <div className="actions" ref={start}>
          <Button
            onPress={() => {
              setOpen(true);
            }}
          >
            {t(`${k}.start`)}
          </Button>
        </div>
      )}
    </section>
  );
}
