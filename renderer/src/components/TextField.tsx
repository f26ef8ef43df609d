import type { ReactNode } from 'react';
import {
  FieldError,
  Input,
  Label,
  Text,
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
} from 'react-aria-components';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'children'> {
  label: string;
  description?: ReactNode;
  errorMessage?: string | undefined;
  /** Shown after the input, inside the field's border (e.g. a show/hide button). */
  trailing?: ReactNode;
  inputClassName?: string;
  placeholder?: string;
}

/** A labelled text input with its help text and its error, wired for screen readers. */
/** Paths, passphrases and key groups: never spell-checked, corrected or capitalised. */
export function TextField({
  label,
  description,
  errorMessage,
  trailing,
  inputClassName,
  placeholder,
  ...props
}: TextFieldProps) {
  return (
    <AriaTextField
      spellCheck="false"
      {...props}
      isInvalid={props.isInvalid ?? Boolean(errorMessage)}
      validationBehavior="aria"
      className="field"
    >
      <Label className="field__label">{label}</Label>
      <div className="field__control">
        <Input
          className={`field__input ${inputClassName ?? ''}`}
          placeholder={placeholder}
          autoCorrect="off"
          autoCapitalize="off"
        />
        {trailing}
      </div>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <FieldError className="field__error">{errorMessage}</FieldError>
    </AriaTextField>
  );
}
