import { TextField, type TextFieldProps } from './TextField.tsx';

/**
 * A calendar date as YYYY-MM-DD — the vault's format — through the browser's own date input,
 * which is keyboard-accessible and shows the date in the user's locale. Empty means no date.
 */
export function DateField(props: Omit<TextFieldProps, 'type'>) {
  return <TextField {...props} type="date" inputClassName="field__input--date" />;
}
