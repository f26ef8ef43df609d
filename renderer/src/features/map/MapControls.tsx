/** The map's controls bar: the person picker, and (around a person) the depth and "whole network". */
import { useDeferredValue, useState } from 'react';
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
import type { PersonListRow } from '../../../../shared/records.ts';
import { navigate } from '../../app/navigation.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useVaultQuery } from '../../lib/vault-mutation.ts';
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

/** Search persons by name, codename or position, and centre the map on the one chosen. */
function PersonPicker() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const deferred = useDeferredValue(text.trim());
  const persons = useVaultQuery(
    'persons:list',
    { text: deferred, archived: 'all' },
    { enabled: deferred !== '' },
  );
  const items = deferred === '' ? [] : (persons.data?.rows.slice(0, 20) ?? []);
  return (
    <ComboBox<PersonListRow>
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
        <ListBox<PersonListRow>
          className="listbox"
          renderEmptyState={() => <p className="map__picker-empty">{t('ui.map.pickerEmpty')}</p>}
        >
          {(person) => (
            <ListBoxItem
              id={person.id}
              className="listbox__item map__option"
              textValue={person.fullName}
            >
              <span
                className="map__swatch"
                aria-hidden="true"
                style={{ backgroundColor: stageColour(person.stage) }}
              />
              <span>
                {person.fullName}{' '}
                <span className="map__codename">
                  {person.codename} · {t(`ui.domain.stage.${person.stage}`)}
                </span>
              </span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
