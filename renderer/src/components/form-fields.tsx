/**
 * The shared fields, bound to a react-hook-form field: value, onChange, onBlur and name come
 * from the form; everything else (label, help, the error text…) is passed through. Each form
 * still words its own errors and passes them as errorMessage.
 */
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { DateField, type DateFieldProps } from './DateField.tsx';
import { SelectField, type SelectFieldProps } from './SelectField.tsx';
import { TextAreaField, type TextAreaFieldProps } from './TextAreaField.tsx';
import { TextField, type TextFieldProps } from './TextField.tsx';

interface Bound<T extends FieldValues, TOut> {
  control: Control<T, unknown, TOut>;
  name: Path<T>;
  /** False leaves the input without a name attribute (as the note form always has). */
  htmlName?: boolean;
}

type Wired = 'value' | 'onChange' | 'onBlur' | 'name';

/** An empty text field shows '' (a missing optional text is empty, not uncontrolled). */
function text(value: unknown): string {
  return (value as string | null | undefined) ?? '';
}

export function FormTextField<T extends FieldValues, TOut = T>({
  control,
  name,
  htmlName = true,
  ...props
}: Bound<T, TOut> & Omit<TextFieldProps, Wired>) {
  const { field } = useController({ control, name });
  return (
    <TextField
      {...props}
      value={text(field.value)}
      onChange={field.onChange}
      onBlur={field.onBlur}
      name={htmlName ? field.name : undefined}
    />
  );
}

export function FormTextAreaField<T extends FieldValues, TOut = T>({
  control,
  name,
  htmlName = true,
  ...props
}: Bound<T, TOut> & Omit<TextAreaFieldProps, Wired>) {
  const { field } = useController({ control, name });
  return (
    <TextAreaField
      {...props}
      value={text(field.value)}
      onChange={field.onChange}
      onBlur={field.onBlur}
      name={htmlName ? field.name : undefined}
    />
  );
}

/** A YYYY-MM-DD date: the form holds '' for no date, as DateField does. */
export function FormDateField<T extends FieldValues, TOut = T>({
  control,
  name,
  htmlName = true,
  ...props
}: Bound<T, TOut> & Omit<DateFieldProps, Wired>) {
  const { field } = useController({ control, name });
  return (
    <DateField
      {...props}
      value={text(field.value)}
      onChange={field.onChange}
      onBlur={field.onBlur}
      name={htmlName ? field.name : undefined}
    />
  );
}

/** A drop-down; `fallback` is the option shown while the form holds no value. */
export function FormSelectField<T extends FieldValues, V extends string, TOut = T>({
  control,
  name,
  htmlName = true,
  fallback,
  ...props
}: Bound<T, TOut> & Omit<SelectFieldProps<V>, Wired> & { fallback?: V }) {
  const { field } = useController({ control, name });
  return (
    <SelectField
      {...props}
      value={field.value ?? fallback ?? null}
      onChange={field.onChange}
      name={htmlName ? field.name : undefined}
    />
  );
}
