import {
  FieldError,
  Label,
  Text,
  TextArea,
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
} from 'react-aria-components';

export interface TextAreaFieldProps extends Omit<AriaTextFieldProps, 'children'> {
  label: string;
  description?: string;
  errorMessage?: string | undefined;
  rows?: number;
}

/** A labelled multi-line text input (notes, problems, the body of a case note). */
export function TextAreaField({
  label,
  description,
  errorMessage,
  rows = 4,
  ...props
}: TextAreaFieldProps) {
  return (
    <AriaTextField
      {...props}
      isInvalid={props.isInvalid ?? Boolean(errorMessage)}
      validationBehavior="aria"
      className="field"
    >
      <Label className="field__label">{label}</Label>
      <TextArea className="field__input field__textarea" rows={rows} />
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <FieldError className="field__error">{errorMessage}</FieldError>
    </AriaTextField>
  );
}
