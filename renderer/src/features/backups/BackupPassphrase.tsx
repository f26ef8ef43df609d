import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Form, Label, RadioButton, RadioField, RadioGroup, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { OPENS_WITH, type BackupOverview, type OpensWith } from '../../../../shared/backup.ts';
import { queryClient } from '../../app/session.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { NewPassphraseFields } from '../../components/NewPassphraseFields.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { Progress } from '../../components/Progress.tsx';
import { call } from '../../lib/api.ts';
import { useErrorText } from '../../lib/errors.ts';
import { isTooWeak } from '../../lib/use-strength.ts';
import { domainKey } from '../../lib/vault-mutation.ts';

interface Values {
  current: string;
  passphrase: string;
  repeat: string;
}

const EMPTY: Values = { current: '', passphrase: '', repeat: '' };

function isOpensWith(value: unknown): value is OpensWith {
  return (OPENS_WITH as readonly unknown[]).includes(value);
}

/**
 * What opens the backups written from now on: the vault's own passphrase, or a separate one
 * (which wraps the same master key, so it also opens the vault file: docs/threat-model.md).
 * Either way the recovery key does.
 * Setting, changing or removing it asks for the vault's current passphrase first.
 */
export function BackupPassphrase({
  overview,
  vaultPath,
}: {
  overview: BackupOverview;
  vaultPath: string;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const k = 'ui.backups.opens';
  const [choice, setChoice] = useState<OpensWith>(overview.opensWith);
  const form = useForm<Values>({
    defaultValues: EMPTY,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const save = useMutation({
    mutationFn: (input: { current: string; backupPassphrase: string | null }) =>
      call('backup:setPassphrase', input),
    onSuccess: (saved) => {
      queryClient.setQueryData(domainKey('backup:overview', {}), saved);
      setChoice(saved.opensWith);
    },
    onSettled: () => {
      // Passphrases never stay in the form longer than the attempt.
      form.reset(EMPTY);
    },
  });
  const submit = form.handleSubmit(async (values) => {
    if (choice === 'vault') {
      save.mutate({ current: values.current, backupPassphrase: null });
      return;
    }
    if (await isTooWeak(values.passphrase)) {
      form.setError('passphrase', { message: t('ui.create.tooWeak') });
      return;
    }
    save.mutate({ current: values.current, backupPassphrase: values.passphrase });
  });
  const busy = save.isPending;
  const current = overview.opensWith;
  // Nothing to do when the vault's passphrase is chosen and already in use.
  const action =
    choice === 'backup-passphrase'
      ? current === 'backup-passphrase'
        ? 'change'
        : 'set'
      : current === 'backup-passphrase'
        ? 'remove'
        : null;

  return (
    <section className="panel backups__section" aria-labelledby="backups-opens">
      <h2 id="backups-opens">{t(`${k}.title`)}</h2>
      <p>{t(`${k}.current.${current}`)}</p>
      <p className="muted">{t(`${k}.explain`)}</p>
      <Form
        className="stack"
        validationBehavior="aria"
        onSubmit={(event) => {
          void submit(event);
        }}
      >
        <RadioGroup
          className="backups-choice"
          value={choice}
          isDisabled={busy}
          onChange={(value) => {
            if (isOpensWith(value)) {
              setChoice(value);
              save.reset();
              form.reset(EMPTY);
            }
          }}
        >
          <Label className="field__label">{t(`${k}.choice`)}</Label>
          <div className="backups-options">
            {OPENS_WITH.map((option) => (
              <RadioField key={option} value={option} className="choice-card">
                <RadioButton className="choice-card__button">
                  <span className="choice-card__dot" aria-hidden="true" />
                  <span>{t(`${k}.options.${option}`)}</span>
                </RadioButton>
                <Text slot="description" className="choice-card__help">
                  {t(`${k}.optionHelp.${option}`)}
                </Text>
              </RadioField>
            ))}
          </div>
        </RadioGroup>
        {action ? (
          <>
            <Controller
              control={form.control}
              name="current"
              rules={{ required: t(`${k}.currentMissing`) }}
              render={({ field, fieldState }) => (
                <PassphraseField
                  label={t(`${k}.currentPassphrase`)}
                  description={t(`${k}.currentHelp`)}
                  autoComplete="current-password"
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  isDisabled={busy}
                  errorMessage={fieldState.error?.message}
                />
              )}
            />
            {action === 'remove' ? null : (
              <NewPassphraseFields
                control={form.control}
                labels={{ passphrase: t(`${k}.next`), repeat: t(`${k}.repeat`) }}
                file={vaultPath}
                isDisabled={busy}
              />
            )}
          </>
        ) : null}
        {save.isError ? <Alert tone="error">{errorText(save.error)}</Alert> : null}
        {save.isSuccess ? (
          <Alert tone="success">
            {t(save.data.opensWith === 'vault' ? `${k}.doneRemoved` : `${k}.doneSet`)}
          </Alert>
        ) : null}
        {busy ? <Progress label={t(`${k}.working`)} /> : null}
        {action ? (
          <div className="actions">
            <Button
              type="submit"
              variant={action === 'remove' ? 'danger' : 'primary'}
              isDisabled={busy}
            >
              {t(`${k}.${action}`)}
            </Button>
          </div>
        ) : null}
      </Form>
    </section>
  );
}
