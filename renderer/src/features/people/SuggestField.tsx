import {
  Button as AriaButton,
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from 'react-aria-components';

/**
 * Free text with suggestions from what the vault already uses (owners): type anything, or pick
 * one of the values offered as you type (arrow keys, Enter).
 */
export function SuggestField({
  label,
  description,
  value,
  onChange,
  suggestions,
  errorMessage,
  name,
}: {
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  suggestions: readonly string[];
  errorMessage?: string | undefined;
  name?: string;
}) {
  const needle = value.trim().toLocaleLowerCase();
  const items = suggestions
    .filter((item) => item !== value && item.toLocaleLowerCase().includes(needle))
    .map((item) => ({ id: item, name: item }));
  return (
    <ComboBox
      className="field"
      allowsCustomValue
      allowsEmptyCollection
      menuTrigger="focus"
      inputValue={value}
      onInputChange={onChange}
      items={items}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      name={name}
    >
      <Label className="field__label">{label}</Label>
      <div className="field__control">
        <Input className="field__input" autoCorrect="off" autoCapitalize="off" spellCheck="false" />
        <AriaButton className="field__reveal" excludeFromTabOrder>
          <span aria-hidden="true">▾</span>
        </AriaButton>
      </div>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <FieldError className="field__error">{errorMessage}</FieldError>
      <Popover className="popover" placement="bottom start">
        <ListBox className="listbox">
          {(item: { id: string; name: string }) => (
            <ListBoxItem id={item.id} textValue={item.name} className="listbox__item">
              {item.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
