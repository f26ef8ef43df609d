/**
 * Who a note (or a share) is about: a combo box over the core's person picker (persons:pick:
 * name and codename only, the best match first), each candidate with position, agency and
 * codename; and the persons chosen so far as a tag group — each removable with its button,
 * or with Delete/Backspace when the tag has the focus.
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
import type { PersonCandidate } from '../../../../shared/contract.ts';
import { MoreMatches, PersonCandidateText, useCandidateLabel } from '../people/PersonCandidate.tsx';
import { usePersonPick } from '../people/use-person-pick.ts';

export interface ChosenPerson {
  id: number;
  fullName: string;
  codename: string;
  /** Known when chosen in the picker or loaded with the person (the share review shows them). */
  position?: string | undefined;
  agencyName?: string | null | undefined;
}

const SHOWN = 20;

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
  const text = input.trim();
  const found = usePersonPick(input, {
    excludeIds: value.map((person) => person.id),
    limit: SHOWN,
  });
  const options = found.candidates;
  const candidateLabel = useCandidateLabel();

  return (
    <div className="person-picker">
      <ComboBox<PersonCandidate>
        className="field"
        items={options}
        value={null}
        onChange={(key) => {
          const row = options.find((option) => option.id === key);
          if (row) {
            onChange([
              ...value,
              {
                id: row.id,
                fullName: row.fullName,
                codename: row.codename,
                position: row.position,
                agencyName: row.agencyName,
              },
            ]);
          }
          setInput('');
        }}
        inputValue={input}
        onInputChange={setInput}
        onBlur={onBlur}
        isDisabled={isDisabled}
        isInvalid={Boolean(errorMessage)}
        validationBehavior="aria"
        allowsEmptyCollection={text !== ''}
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
          <ListBox<PersonCandidate>
            className="listbox"
            renderEmptyState={() => (
              <p className="listbox__empty">
                {text === '' || found.searching
                  ? t('ui.people.pick.searching')
                  : t('ui.people.pick.noMatch', { text })}
              </p>
            )}
          >
            {(row) => (
              <ListBoxItem
                className="listbox__item person-option"
                id={row.id}
                textValue={candidateLabel(row)}
              >
                <PersonCandidateText candidate={row} />
              </ListBoxItem>
            )}
          </ListBox>
          <MoreMatches shown={options.length} total={found.total} />
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
