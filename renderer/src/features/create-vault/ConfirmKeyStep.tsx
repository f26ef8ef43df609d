import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { setStatus } from '../../app/queries.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { CenteredScreen } from '../../components/CenteredScreen.tsx';
import { Progress } from '../../components/Progress.tsx';
import { TextField } from '../../components/TextField.tsx';
import { call } from '../../lib/api.ts';
import { useErrorText } from '../../lib/errors.ts';
import type { PreparedVault } from './CreateVaultScreen.tsx';

/** Two groups of the key typed back: proof the paper copy exists before the vault does. */
export function ConfirmKeyStep({ vault, onBack }: { vault: PreparedVault; onBack: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [first, second] = vault.groupsToConfirm;
  const [values, setValues] = useState<Record<number, string>>({ [first]: '', [second]: '' });
  const finish = useMutation({
    mutationFn: () =>
      call('vault:finishCreate', {
        groups: [first, second].map((index) => ({ index, value: values[index] ?? '' })),
      }),
    onSuccess: setStatus,
  });
  const busy = finish.isPending;
  return (
    <CenteredScreen title={t('ui.confirmKey.title')}>
      <p className="card__intro">{t('ui.confirmKey.explain', { first, second })}</p>
      <Form
        className="stack"
        validationBehavior="aria"
        onSubmit={(event) => {
          event.preventDefault();
          finish.mutate();
        }}
      >
        <div className="confirm-groups">
          {[first, second].map((index) => (
            <TextField
              key={index}
              label={t('ui.confirmKey.group', { n: index })}
              value={values[index] ?? ''}
              onChange={(value) => {
                setValues((current) => ({ ...current, [index]: value.toUpperCase() }));
              }}
              maxLength={8}
              autoComplete="off"
              inputClassName="mono field__input--group"
              isDisabled={busy}
            />
          ))}
        </div>
        {finish.isError ? <Alert tone="error">{errorText(finish.error)}</Alert> : null}
        {busy ? <Progress label={t('ui.confirmKey.working')} /> : null}
        <div className="actions">
          <Button type="submit" variant="primary" isDisabled={busy}>
            {t('ui.confirmKey.finish')}
          </Button>
          <Button variant="quiet" onPress={onBack} isDisabled={busy}>
            {t('ui.confirmKey.back')}
          </Button>
        </div>
      </Form>
    </CenteredScreen>
  );
}
