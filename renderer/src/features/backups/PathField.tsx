import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../app/app-info.ts';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/TextField.tsx';

/**
 * A path typed in full, with a "Choose…" button beside it when the native dialogs exist (in
 * the browser test bench there are none: the path is typed).
 */
export function PathField({
  label,
  description,
  value,
  onChange,
  onChoose,
  errorMessage,
  isDisabled = false,
  autoFocus = false,
}: {
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  /** Opens the native dialog; null when the user cancelled it. */
  onChoose: () => Promise<string | null>;
  errorMessage?: string | undefined;
  isDisabled?: boolean;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const info = useAppInfo();
  const choose = async () => {
    const chosen = await onChoose();
    if (chosen) onChange(chosen);
  };
  return (
    <div className="field-with-action">
      <TextField
        label={label}
        description={description}
        value={value}
        onChange={onChange}
        errorMessage={errorMessage}
        isDisabled={isDisabled}
        autoFocus={autoFocus}
        autoComplete="off"
        inputClassName="mono field__input--path"
      />
      {info.fileDialogs ? (
        <Button onPress={() => void choose()} isDisabled={isDisabled}>
          {t('ui.backups.choose')}
        </Button>
      ) : null}
    </div>
  );
}
