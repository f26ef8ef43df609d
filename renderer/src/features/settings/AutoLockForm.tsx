import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Form, Group, Input, Label, NumberField, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { MAX_AUTO_LOCK_MINUTES, MIN_AUTO_LOCK_MINUTES } from '../../../../shared/contract.ts';
import { queryClient, SETTINGS_KEY } from '../../app/session.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { call } from '../../lib/api.ts';
import { useErrorText } from '../../lib/errors.ts';

export function AutoLockForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: () => call('settings:get', {}) });
  // What the user typed, until saved; otherwise what the vault holds.
  const [draft, setDraft] = useState<number | null>(null);
  const minutes = draft ?? settings.data?.autoLockMinutes ?? NaN;
  const save = useMutation({
    mutationFn: (value: number) => call('settings:update', { autoLockMinutes: value }),
    onSuccess: (saved) => {
      queryClient.setQueryData(SETTINGS_KEY, saved);
      setDraft(null);
    },
  });
  return (
    <Form
      className="stack subsection"
      aria-labelledby="auto-lock"
      onSubmit={(event) => {
        event.preventDefault();
        if (Number.isInteger(minutes)) save.mutate(minutes);
      }}
    >
      <h3 id="auto-lock">{t('ui.settings.autoLock')}</h3>
      <div className="field-with-action field-with-action--narrow">
        <NumberField
          className="field"
          value={minutes}
          onChange={setDraft}
          minValue={MIN_AUTO_LOCK_MINUTES}
          maxValue={MAX_AUTO_LOCK_MINUTES}
          step={1}
          formatOptions={{ maximumFractionDigits: 0 }}
          isDisabled={!settings.data || save.isPending}
        >
          <Label className="field__label">{t('ui.settings.autoLockMinutes')}</Label>
          <Group className="field__control">
            <Input className="field__input field__input--number" />
          </Group>
          <Text slot="description" className="field__description">
            {t('ui.settings.autoLockHelp')}
          </Text>
        </NumberField>
        <Button
          type="submit"
          isDisabled={!settings.data || save.isPending || !Number.isInteger(minutes)}
        >
          {t('ui.settings.save')}
        </Button>
      </div>
      {save.isSuccess ? <Alert tone="success">{t('ui.settings.saved')}</Alert> : null}
      {save.isError ? <Alert tone="error">{errorText(save.error)}</Alert> : null}
    </Form>
  );
}
