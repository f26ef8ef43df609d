import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { BackupOverview } from '../../../../shared/backup.ts';
import { absolutePath } from '../../../../shared/contract.ts';
import { useAppInfo } from '../../app/app-info.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Progress } from '../../components/Progress.tsx';
import { call } from '../../lib/api.ts';
import { useErrorText } from '../../lib/errors.ts';
import { invalidateVaultQueries } from '../../lib/vault-mutation.ts';
import { baseName, folderOf, formatBytes, rowsOf } from './format.ts';
import { PathField } from './PathField.tsx';

/** One backup, now, into the automatic backups' folder or another one. */
export function BackUpNow({ overview }: { overview: BackupOverview }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const info = useAppInfo();
  const k = 'ui.backups.now';
  // What the user typed or chose; until then, the automatic backups' folder.
  const [draft, setDraft] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const folder = draft ?? overview.settings.folder ?? '';
  const valid = absolutePath.safeParse(folder).success;

  const create = useMutation({
    mutationFn: (target: string) => call('backup:create', { folder: target }),
    onSuccess: () => invalidateVaultQueries(),
  });

  const problem = !tried
    ? undefined
    : folder.trim() === ''
      ? t(`${k}.folderMissing`)
      : !valid
        ? t('ui.backups.pathInvalid', { example: folderOf(info.defaultVaultPath) })
        : undefined;
  const written = create.data;
  return (
    <section className="panel backups__section" aria-labelledby="backups-now">
      <h2 id="backups-now">{t(`${k}.title`)}</h2>
      <p className="muted">{t(`${k}.help`)}</p>
      <Form
        className="stack"
        validationBehavior="aria"
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (valid && !create.isPending) create.mutate(folder);
        }}
      >
        <PathField
          label={t(`${k}.folder`)}
          description={t(`${k}.folderHelp`)}
          value={folder}
          onChange={setDraft}
          onChoose={async () => (await call('dialog:chooseFolder', {})).path}
          errorMessage={problem}
          isDisabled={create.isPending}
        />
        {create.isPending ? <Progress label={t(`${k}.working`)} /> : null}
        {written ? (
          <Alert tone="success">
            {t(`${k}.done`, {
              file: baseName(written.file),
              size: formatBytes(written.fileBytes, i18n.language),
            })}
            <span className="alert__detail">
              {t(`${k}.holds`, {
                persons: t(`${k}.persons`, { count: rowsOf(written.tables, 'persons') }),
                notes: t(`${k}.notes`, { count: rowsOf(written.tables, 'case_notes') }),
              })}
              {written.removed.length > 0
                ? ` ${t(`${k}.removed`, { count: written.removed.length })}`
                : ''}
            </span>
          </Alert>
        ) : null}
        {create.isError ? <Alert tone="error">{errorText(create.error)}</Alert> : null}
        <div className="actions">
          <Button type="submit" variant="primary" isDisabled={create.isPending}>
            {t(`${k}.submit`)}
          </Button>
        </div>
      </Form>
    </section>
  );
}
