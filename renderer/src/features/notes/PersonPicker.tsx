/**
 * Who a note is about: a combo box that searches the vault's persons by name or codename
 * (persons:list with `text`), and the persons chosen so far as a tag group — each removable
 * with its button, or with Delete/Backspace when the tag has the focus.
 */
import { useState } from 'react';
import {
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Tag,
  TagGroup,
  TagList,
  Text,
  Button as AriaButton,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { PersonListRow } from '../../../../shared/records.ts';
import { useDebounced } from '../../lib/use-debounced.ts';
import { useVaultQuery } from '../../lib/vault-mutation.ts';

export interface ChosenPerson {
  id: number;
  fullName: string;
  codename: string;
}

const SHOWN = 20;
const DEBOUNCE_MS = 120;

export interface PersonPickerProps {
  value: ChosenPerson[];
  onChange: (persons: ChosenPerson[]) => void;
  onBlur?: () => void;
  errorMessage?: string | undefined;
  isDisabled?: boolean;
  /** The words around the box; a note's ("Who the note is about") unless given. */
  label?: string;
  description?: string;
}

export function PersonPicker({
  value,
  onChange,
  onBlur,
  errorMessage,
  isDisabled,
  label,
  description,
}: PersonPickerProps) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const text = useDebounced(input.trim(), DEBOUNCE_MS);
  const found = useVaultQuery('persons:list', { text, sort: 'name' }, { enabled: text !== '' });
  const chosen = new Set(value.map((person) => person.id));
  const options =
    text === ''
      ? []
      : (found.data?.rows ?? []).filter((row) => !chosen.has(row.id)).slice(0, SHOWN);

  return (
    <div className="person-picker">
      <ComboBox<PersonListRow>
        className="field"
        items={options}
        value={null}
        onChange={(key) => {
          const row = options.find((option) => option.id === key);
          if (row) {
            onChange([...value, { id: row.id, fullName: row.fullName, codename: row.codename }]);
          }
          setInput('');
        }}
        inputValue={input}
        onInputChange={setInput}
        onBlur={onBlur}
        isDisabled={isDisabled}
        isInvalid={Boolean(errorMessage)}
        validationBehavior="aria"
        allowsEmptyCollection={input.trim() !== ''}
        menuTrigger="input"
      >
        <Label className="field__label">{label ?? t('ui.notes.persons')}</Label>
        <div className="field__control">
          <Input className="field__input" placeholder={t('ui.notes.personsPlaceholder')} />
          <AriaButton className="person-picker__open" aria-label={label ?? t('ui.notes.persons')}>
            <span aria-hidden="true">▾</span>
          </AriaButton>
        </div>
        <Text slot="description" className="field__description">
          {description ?? t('ui.notes.personsHelp')}
        </Text>
        <FieldError className="field__error">{errorMessage}</FieldError>
        <Popover className="popover">
          <ListBox<PersonListRow>
            className="listbox"
            renderEmptyState={() => (
              <p className="listbox__empty">
                {text === '' || found.isFetching
                  ? t('ui.notes.searchingPersons')
                  : t('ui.notes.noPersonFound', { text })}
              </p>
            )}
          >
            {(row) => (
              <ListBoxItem
                className="listbox__item person-option"
                id={row.id}
                textValue={`${row.fullName} ${row.codename}`}
              >
                <span className="person-option__name">{row.fullName}</span>
                <span className="person-option__codename">{row.codename}</span>
                {row.agencyName ? (
                  <span className="person-option__agency">{row.agencyName}</span>
                ) : null}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
      <TagGroup
        className="person-tags"
        aria-label={t('ui.notes.chosenPersons')}
        onRemove={(keys) => {
          onChange(value.filter((person) => !keys.has(person.id)));
        }}
      >
        <TagList
          className="person-tags__list"
          items={value}
          renderEmptyState={() => <span className="muted">{t('ui.notes.nobodyChosen')}</span>}
        >
          {(person) => (
            <Tag
              className="person-tag"
              id={person.id}
              textValue={`${person.fullName} (${person.codename})`}
            >
              <span>
                {person.fullName} <span className="person-tag__codename">{person.codename}</span>
              </span>
              <AriaButton slot="remove" className="person-tag__remove">
                <span aria-hidden="true">×</span>
              </AriaButton>
            </Tag>
          )}
        </TagList>
      </TagGroup>
    </div>
  );
}
