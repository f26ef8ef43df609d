/** The map's controls bar: the person picker, and (around a person) the depth and "whole network". */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button as AriaButton,
  ComboBox,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
} from 'react-aria-components';
import type { PersonCandidate } from '../../../../shared/contract.ts';
import { navigate } from '../../app/navigation.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { MoreMatches, PersonCandidateText, useCandidateLabel } from '../people/PersonCandidate.tsx';
import { usePersonPick } from '../people/use-person-pick.ts';
import { centre } from './map-links.ts';
import { stageColour } from './stage-colours.ts';

const DEPTHS = ['1', '2', '3'] as const;
export type Depth = (typeof DEPTHS)[number];

export function MapControls({
  focusPersonId,
  depth,
  onDepth,
}: {
  focusPersonId: number | null;
  depth: Depth;
  onDepth: (depth: Depth) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="map__controls" role="group" aria-label={t('ui.map.controls')}>
      <PersonPicker />
      {focusPersonId !== null ? (
        <>
          <div className="map__depth">
            <SelectField
              label={t('ui.map.depth')}
              options={DEPTHS.map((value) => ({ value, label: t(`ui.map.depths.${value}`) }))}
              value={depth}
              onChange={onDepth}
            />
          </div>
          <Button
            onPress={() => {
              navigate({ area: 'map', focusPersonId: null });
            }}
          >
            {t('ui.map.whole')}
          </Button>
        </>
      ) : null}
    </div>
  );
}

/** Find a person by name or codename (the core ranks them), and centre the map on them. */
function PersonPicker() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const persons = usePersonPick(text, { includeArchived: true, limit: 20 });
  const items = persons.candidates;
  const candidateLabel = useCandidateLabel();
  return (
    <ComboBox<PersonCandidate>
      className="field map__picker"
      inputValue={text}
      onInputChange={setText}
      items={items}
      menuTrigger="input"
      allowsEmptyCollection
      onChange={(key) => {
        if (key !== null) centre(Number(key));
      }}
    >
      <Label className="field__label">{t('ui.map.picker')}</Label>
      <div className="field__control">
        <Input className="field__input" placeholder={t('ui.map.pickerPlaceholder')} />
        <AriaButton className="field__reveal" aria-label={t('ui.map.showOptions')}>
          <span aria-hidden="true">▾</span>
        </AriaButton>
      </div>
      <Popover className="popover">
        <ListBox<PersonCandidate>
          className="listbox"
          renderEmptyState={() => (
            <p className="map__picker-empty">
              {persons.searching ? t('ui.people.pick.searching') : t('ui.map.pickerEmpty')}
            </p>
          )}
        >
          {(person) => (
            <ListBoxItem
              id={person.id}
              className="listbox__item map__option"
              textValue={`${candidateLabel(person)} · ${t(`ui.domain.stage.${person.stage}`)}`}
            >
              <span
                className="map__swatch"
                aria-hidden="true"
                style={{ backgroundColor: stageColour(person.stage) }}
              />
              <PersonCandidateText candidate={person} />
              <span className="person-candidate__details">
                {t(`ui.domain.stage.${person.stage}`)}
              </span>
            </ListBoxItem>
          )}
        </ListBox>
        <MoreMatches shown={items.length} total={persons.total} />
      </Popover>
    </ComboBox>
  );
}
