import { useEffect } from 'react';
import {
  Button as AriaButton,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  ToggleButton,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { CONSENT_LEVELS, SPHERES, STAGES } from '../../../../shared/domain.ts';
import { ARCHIVE_FILTERS, PERSON_SORTS, type Facets } from '../../../../shared/records.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { MultiSelectFilter } from '../../components/MultiSelectFilter.tsx';
import {
  clearFilters,
  isFiltered,
  setFilters,
  setTyped,
  usePeopleFilters,
  useTyped,
} from './people-filters-store.ts';

/** How long typing pauses before the list follows: instant to the eye, one query per word. */
const SEARCH_DELAY_MS = 150;

type Sort = (typeof PERSON_SORTS)[number];
type Archived = (typeof ARCHIVE_FILTERS)[number];

/** The search box, the filters and the sort order above the people list. */
export function PeopleFilters({ facets }: { facets: Facets | undefined }) {
  const { t } = useTranslation();
  const filters = usePeopleFilters();
  const typed = useTyped();

  useEffect(() => {
    if (typed === filters.text) return;
    const timer = setTimeout(() => {
      setFilters({ text: typed });
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [typed, filters.text]);

  const labelled = <V extends string>(values: readonly V[], prefix: string) =>
    values.map((value) => {
      const key: string = `${prefix}.${value}`;
      return { value, label: t(key) };
    });
  const plain = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

  return (
    <section className="people-filters" aria-label={t('ui.people.filters.label')}>
      <div className="people-filters__search">
        <TextField
          label={t('ui.people.search')}
          placeholder={t('ui.people.searchHelp')}
          type="search"
          value={typed}
          onChange={setTyped}
          onKeyDown={(event) => {
            // Enter searches at once rather than after the pause.
            if (event.key === 'Enter') setFilters({ text: typed });
          }}
        />
        <div className="people-filters__sort">
          <SelectField<Sort>
            label={t('ui.people.sort.label')}
            options={labelled(PERSON_SORTS, 'ui.people.sort.options')}
            value={filters.sort}
            onChange={(sort) => {
              setFilters({ sort });
            }}
          />
          <SelectField<'asc' | 'desc'>
            label={t('ui.people.sort.direction')}
            options={[
              { value: 'asc', label: t('ui.people.sort.ascending') },
              { value: 'desc', label: t('ui.people.sort.descending') },
            ]}
            value={filters.descending ? 'desc' : 'asc'}
            onChange={(direction) => {
              setFilters({ descending: direction === 'desc' });
            }}
          />
        </div>
      </div>
      <div className="people-filters__row">
        <MultiSelectFilter
          label={t('ui.people.filters.stage')}
          options={labelled(STAGES, 'ui.domain.stage')}
          selected={filters.stages}
          onChange={(values) => {
            setFilters({ stages: values as PeopleStage[] });
          }}
        />
        <MultiSelectFilter
          label={t('ui.people.filters.sphere')}
          options={labelled(SPHERES, 'ui.domain.sphere')}
          selected={filters.spheres}
          onChange={(values) => {
            setFilters({ spheres: values as PeopleSphere[] });
          }}
        />
        <MultiSelectFilter
          label={t('ui.people.filters.agency')}
          options={(facets?.agencies ?? []).map((agency) => ({
            value: String(agency.id),
            label: agency.name,
          }))}
          selected={filters.agencyIds.map(String)}
          onChange={(values) => {
            setFilters({ agencyIds: values.map(Number) });
          }}
        />
        <MultiSelectFilter
          label={t('ui.people.filters.region')}
          options={plain(facets?.regions ?? [])}
          selected={filters.regions}
          onChange={(regions) => {
            setFilters({ regions });
          }}
        />
        <MultiSelectFilter
          label={t('ui.people.filters.owner')}
          options={plain(facets?.owners ?? [])}
          selected={filters.owners}
          onChange={(owners) => {
            setFilters({ owners });
          }}
        />
        <MultiSelectFilter
          label={t('ui.people.filters.consent')}
          options={labelled(CONSENT_LEVELS, 'ui.domain.consent')}
          selected={filters.consents}
          onChange={(values) => {
            setFilters({ consents: values as PeopleConsent[] });
          }}
        />
        <MultiSelectFilter
          label={t('ui.people.filters.tags')}
          options={plain(facets?.tags ?? [])}
          selected={filters.tags}
          onChange={(tags) => {
            setFilters({ tags });
          }}
        />
        <ToggleButton
          className="filter-button filter-button--toggle"
          isSelected={filters.followUpDue}
          onChange={(followUpDue) => {
            setFilters({ followUpDue });
          }}
        >
          {filters.followUpDue ? (
            <span aria-hidden="true" className="tick">
              ✓
            </span>
          ) : null}
          {t('ui.people.filters.followUpDue')}
        </ToggleButton>
        <Select
          className="filter-select"
          value={filters.archived}
          onChange={(key) => {
            if (key !== null) setFilters({ archived: String(key) as Archived });
          }}
        >
          <Label className="filter-select__label">{t('ui.people.filters.archived')}</Label>
          <AriaButton
            className={`filter-button ${filters.archived === 'active' ? '' : 'filter-button--active'}`}
          >
            <SelectValue className="filter-button__value" />
            <span aria-hidden="true" className="select__chevron">
              ▾
            </span>
          </AriaButton>
          <Popover className="popover" placement="bottom start">
            <ListBox
              className="listbox"
              items={labelled(ARCHIVE_FILTERS, 'ui.people.filters.archivedOptions').map(
                (option) => ({ ...option, id: option.value }),
              )}
            >
              {(option) => (
                <ListBoxItem id={option.value} textValue={option.label} className="listbox__item">
                  {option.label}
                </ListBoxItem>
              )}
            </ListBox>
          </Popover>
        </Select>
        {isFiltered(filters) ? (
          <Button variant="quiet" onPress={clearFilters}>
            {t('ui.people.filters.clear')}
          </Button>
        ) : null}
      </div>
    </section>
  );
}

type PeopleStage = (typeof STAGES)[number];
type PeopleSphere = (typeof SPHERES)[number];
type PeopleConsent = (typeof CONSENT_LEVELS)[number];
