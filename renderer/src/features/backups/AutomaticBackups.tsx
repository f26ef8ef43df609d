import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Form, Group, Input, Label, NumberField, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  MAX_BACKUP_WARN_DAYS,
  MAX_BACKUPS_KEPT,
  type BackupOverview,
  type BackupSettings,
} from '../../../../shared/backup.ts';
import { absolutePath } from '../../../../shared/contract.ts';
import { useAppInfo } from '../../app/app-info.ts';
import { queryClient } from '../../app/session.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { call } from '../../lib/api.ts';
import { useErrorText } from '../../lib/errors.ts';
import { domainKey, invalidateVaultQueries } from '../../lib/vault-mutation.ts';
import { folderOf } from './format.ts';
import { PathField } from './PathField.tsx';

function Count({
  label,
  description,
  value,
  max,
  onChange,
  isDisabled,
}: {
  label: string;
  description: string;
  value: number;
  max: number;
  onChange: (value: number) => void;
  isDisabled: boolean;
}) {
  return (
    <NumberField
      className="field"
      value={value}
      onChange={onChange}
      minValue={1}
      maxValue={max}
      step={1}
      formatOptions={{ maximumFractionDigits: 0 }}
      isDisabled={isDisabled}
    >
      <Label className="field__label">{label}</Label>
      <Group className="field__control">
        <Input className="field__input field__input--number" />
      </Group>
      <Text slot="description" className="field__description">
        {description}
      </Text>
    </NumberField>
  );
}

/** Where rolling backups go, whether every lock writes one, how many are kept, when to warn. */
export function AutomaticBackups({ overview }: { overview: BackupOverview }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const info = useAppInfo();
  const k = 'ui.backups.auto';
  // What the user changed, until saved; otherwise what the vault holds.
  const [draft, setDraft] = useState<Partial<BackupSettings>>({});
  const [tried, setTried] = useState(false);
  const { folder: storedFolder, ...stored } = overview.settings;
  const folder = draft.folder ?? storedFolder ?? '';
  const onLock = draft.onLock ?? stored.onLock;
  const keep = draft.keep ?? stored.keep;
  const warnDays = draft.warnDays ?? stored.warnDays;

  const save = useMutation({
    mutationFn: (settings: BackupSettings) => call('backup:updateSettings', settings),
    onSuccess: async (saved) => {
      queryClient.setQueryData(domainKey('backup:overview', {}), saved);
      setDraft({});
      setTried(false);
      // The dashboard warns after warnDays: let it reread them.
      await invalidateVaultQueries();
    },
  });

  const trimmed = folder.trim();
  const folderProblem =
    trimmed !== '' && !absolutePath.safeParse(trimmed).success
      ? t('ui.backups.pathInvalid', { example: folderOf(info.defaultVaultPath) })
      : onLock && trimmed === ''
        ? t(`${k}.needsFolder`)
        : undefined;
  const complete = Number.isInteger(keep) && Number.isInteger(warnDays);
  const busy = save.isPending;
  const change = (patch: Partial<BackupSettings>) => {
    setDraft((current) => ({ ...current, ...patch }));
    save.reset();
  };

  return (
    <section className="panel backups__section" aria-labelledby="backups-auto">
      <h2 id="backups-auto">{t(`${k}.title`)}</h2>
      <Form
        className="stack"
        validationBehavior="aria"
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (busy || folderProblem !== undefined || !complete) return;
          save.mutate({ folder: trimmed === '' ? null : trimmed, onLock, keep, warnDays });
        }}
      >
        <PathField
          label={t(`${k}.folder`)}
          description={t(`${k}.folderHelp`)}
          value={folder}
          onChange={(value) => {
            change({ folder: value });
          }}
          onChoose={async () => (await call('dialog:chooseFolder', {})).path}
          errorMessage={tried ? folderProblem : undefined}
          isDisabled={busy}
        />
        <CheckboxField
          label={t(`${k}.onLock`)}
          description={t(`${k}.onLockHelp`)}
          isSelected={onLock}
          onChange={(value) => {
            change({ onLock: value });
          }}
          isDisabled={busy}
        />
        <div className="backups__counts">
          <Count
            label={t(`${k}.keep`)}
            description={t(`${k}.keepHelp`, { max: MAX_BACKUPS_KEPT })}
            value={keep}
            max={MAX_BACKUPS_KEPT}
            onChange={(value) => {
              change({ keep: value });
            }}
            isDisabled={busy}
          />
          <Count
            label={t(`${k}.warnDays`)}
            description={t(`${k}.warnDaysHelp`, { max: MAX_BACKUP_WARN_DAYS })}
            value={warnDays}
            max={MAX_BACKUP_WARN_DAYS}
            onChange={(value) => {
              change({ warnDays: value });
            }}
            isDisabled={busy}
          />
        </div>
        {save.isSuccess ? <Alert tone="success">{t(`${k}.saved`)}</Alert> : null}
        {save.isError ? <Alert tone="error">{errorText(save.error)}</Alert> : null}
        <div className="actions">
          <Button type="submit" isDisabled={busy || !complete}>
            {t(`${k}.save`)}
          </Button>
        </div>
      </Form>
    </section>
  );
}
