import { useMutation } from '@tanstack/react-query';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { absolutePath } from '../../../../shared/contract.ts';
import { useAppInfo } from '../../app/app-info.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { CenteredScreen } from '../../components/CenteredScreen.tsx';
import { NewPassphraseFields } from '../../components/NewPassphraseFields.tsx';
import { Progress } from '../../components/Progress.tsx';
import { TextField } from '../../components/TextField.tsx';
import { call } from '../../lib/api.ts';
import { useErrorText } from '../../lib/errors.ts';
import { isTooWeak } from '../../lib/use-strength.ts';
import type { PreparedVault } from './CreateVaultScreen.tsx';

interface Values {
  path: string;
  passphrase: string;
  repeat: string;
}

/** The vault's file name is an obvious guess: the strength estimate counts it against. */
function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? '';
}

export function CreateVaultForm({
  onPrepared,
  onOpenExisting,
}: {
  onPrepared: (vault: PreparedVault) => void;
  onOpenExisting: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const info = useAppInfo();
  const form = useForm<Values>({
    defaultValues: { path: info.defaultVaultPath, passphrase: '', repeat: '' },
    // Errors wait for the first submit, then follow the typing.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const path = useWatch({ control: form.control, name: 'path' });

  const prepare = useMutation({
    mutationFn: (values: Values) =>
      call('vault:prepareCreate', { path: values.path, passphrase: values.passphrase }),
    onSuccess: (result, values) => {
      form.reset({ path: values.path, passphrase: '', repeat: '' });
      onPrepared({ path: values.path, ...result });
    },
  });

  const choose = async () => {
    const { path: chosen } = await call('dialog:chooseNewVaultPath', {
      suggested: form.getValues('path') || info.defaultVaultPath,
    });
    if (chosen) form.setValue('path', chosen, { shouldValidate: true });
  };

  const submit = form.handleSubmit(async (values) => {
    if (await isTooWeak(values.passphrase, [fileName(values.path)])) {
      form.setError('passphrase', { message: t('ui.create.tooWeak') });
      return;
    }
    prepare.mutate(values);
  });

  const busy = prepare.isPending;
  return (
    <CenteredScreen title={t('ui.create.title')}>
      <p className="card__intro">{t('ui.create.intro')}</p>
      <Form
        onSubmit={(event) => {
          void submit(event);
        }}
        validationBehavior="aria"
        className="stack"
      >
        <div className="field-with-action">
          <Controller
            control={form.control}
            name="path"
            rules={{
              validate: (value) =>
                absolutePath.safeParse(value).success ||
                t('ui.create.locationInvalid', { example: info.defaultVaultPath }),
            }}
            render={({ field, fieldState }) => (
              <TextField
                label={t('ui.create.location')}
                description={t('ui.create.locationHelp')}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                name={field.name}
                isDisabled={busy}
                errorMessage={fieldState.error?.message}
                inputClassName="mono field__input--path"
              />
            )}
          />
          {info.fileDialogs ? (
            <Button onPress={() => void choose()} isDisabled={busy}>
              {t('ui.create.choose')}
            </Button>
          ) : null}
        </div>
        <NewPassphraseFields
          control={form.control}
          labels={{ passphrase: t('ui.create.passphrase'), repeat: t('ui.create.repeat') }}
          description={t('ui.create.passphraseHelp')}
          file={path}
          userInputs={[fileName(path)]}
          isDisabled={busy}
        />
        {prepare.isError ? <Alert tone="error">{errorText(prepare.error)}</Alert> : null}
        {busy ? <Progress label={t('ui.create.working')} /> : null}
        <div className="actions">
          <Button type="submit" variant="primary" isDisabled={busy}>
            {t('ui.create.submit')}
          </Button>
          <Button variant="quiet" onPress={onOpenExisting} isDisabled={busy}>
            {t('ui.create.haveVault')}
          </Button>
        </div>
      </Form>
    </CenteredScreen>
  );
}
