import {
  Button as AriaButton,
  FieldError,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Text,
} from 'react-aria-components';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

export interface SelectFieldProps<V extends string> {
  label: string;
  options: readonly SelectOption<V>[];
  value: V | null;
  onChange: (value: V) => void;
  description?: string;
  errorMessage?: string | undefined;
  placeholder?: string;
  isDisabled?: boolean;
  name?: string;
}

/** A labelled drop-down (react-aria Select): keyboard, typeahead and screen readers included. */
export function SelectField<V extends string>({
  label,
  options,
  value,
  onChange,
  description,
  errorMessage,
  placeholder,
  isDisabled,
  name,
}: SelectFieldProps<V>) {
  return (
    <Select
      className="field"
      value={value}
      onChange={(key) => {
        if (key !== null) onChange(String(key) as V);
      }}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      placeholder={placeholder}
      isDisabled={isDisabled}
      name={name}
    >
      <Label className="field__label">{label}</Label>
      <AriaButton className="field__control select__button">
        <SelectValue className="select__value" />
        <span aria-hidden="true" className="select__chevron">
          ▾
        </span>
      </AriaButton>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <FieldError className="field__error">{errorMessage}</FieldError>
      <Popover className="popover">
        <ListBox
          className="listbox"
          items={options.map((option) => ({ ...option, id: option.value }))}
        >
          {(option) => (
            <ListBoxItem className="listbox__item" id={option.value} textValue={option.label}>
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
