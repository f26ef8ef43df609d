import { useEffect, useId } from 'react';
import {
  Button as AriaButton,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  SearchField,
  Select,
  SelectValue,
  ToggleButton,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { CONSENT_LEVELS, SPHERES, STAGES } from '../../../../shared/domain.ts';
import {
  ARCHIVE_FILTERS,
  PERSON_SORTS,
  RISK_FILTERS,
  type Facets,
  type PersonSort,
  type RiskFilter,
} from '../../../../shared/records.ts';
import { Button } from '../../components/Button.tsx';
import { MultiSelectFilter } from '../../components/MultiSelectFilter.tsx';
import { Icon } from '../shell/icons.tsx';
import {
  activeFilterCount,
  clearFilters,
  isFiltered,
  setFilters,
  setFiltersOpen,
  setTyped,
  useFiltersOpen,
  usePeopleFilters,
  useTyped,
} from './people-filters-store.ts';

/** How long typing pauses before the list follows: instant to the eye, one query per word. */
const SEARCH_DELAY_MS = 150;

type Archived = (typeof ARCHIVE_FILTERS)[number];

/**
 * The search box, the sort order and the filters above the people list, in one line: the
 * filters themselves open below it on demand ("Filters", which counts those in use), so the
 * list keeps the height of the window.
 */
export function PeopleFilters({ facets }: { facets: Facets | undefined }) {
  const { t } = useTranslation();
  const filters = usePeopleFilters();
  const typed = useTyped();
  const open = useFiltersOpen();
  const panelId = useId();
  const active = activeFilterCount(filters);

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
  const riskOptions = RISK_FILTERS.map((value) => ({
    value,
    label:
      value === 'unassessed' ? t('ui.people.riskNotAssessed') : t(`ui.domain.riskLevel.${value}`),
  }));

  return (
    <section className="people-filters" aria-label={t('ui.people.filters.label')}>
      <div className="people-filters__bar">
        <SearchField
          className="people-filters__search"
          value={typed}
          onChange={setTyped}
          onSubmit={() => {
            // Enter searches at once rather than after the pause.
            setFilters({ text: typed });
          }}
        >
          <Label className="visually-hidden">{t('ui.people.search')}</Label>
          <span className="people-filters__search-icon">
            <Icon name="search" size={16} />
          </span>
          <Input
            className="field__input people-filters__search-input"
            placeholder={t('ui.people.searchHelp')}
            autoCorrect="off"
            autoCapitalize="off"
            spellCheck="false"
          />
          {typed !== '' ? (
            <AriaButton
              className="people-filters__search-clear"
              aria-label={t('ui.people.clearSearch')}
            >
              ✕
            </AriaButton>
          ) : null}
        </SearchField>
        <Select<{ id: PersonSort; label: string }>
          className="filter-select people-filters__sort"
          value={filters.sort}
          onChange={(key) => {
            if (key !== null) setFilters({ sort: String(key) as PersonSort });
          }}
        >
          <Label className="filter-select__label">{t('ui.people.sort.label')}</Label>
          <AriaButton className="filter-button">
            <SelectValue className="filter-button__value" />
            <span aria-hidden="true" className="select__chevron">
              ▾
            </span>
          </AriaButton>
          <Popover className="popover" placement="bottom start">
            <ListBox
              className="listbox"
              items={labelled(PERSON_SORTS, 'ui.people.sort.options').map((option) => ({
                id: option.value,
                label: option.label,
              }))}
            >
              {(option) => (
                <ListBoxItem id={option.id} textValue={option.label} className="listbox__item">
                  {option.label}
                </ListBoxItem>
              )}
            </ListBox>
          </Popover>
        </Select>
        <ToggleButton
          className="filter-button filter-button--toggle"
          isSelected={filters.descending}
          onChange={(descending) => {
            setFilters({ descending });
          }}
        >
          {filters.descending ? (
            <span aria-hidden="true" className="tick">
              ✓
            </span>
          ) : null}
          {t('ui.people.sort.descending')}
        </ToggleButton>
        <AriaButton
          className={`filter-button ${active > 0 ? 'filter-button--active' : ''}`}
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          onPress={() => {
            setFiltersOpen(!open);
          }}
        >
          <span className="filter-button__label">
            {active > 0
              ? t('ui.people.filters.toggleActive', { active })
              : t('ui.people.filters.toggle')}
          </span>
          <span aria-hidden="true" className="select__chevron">
            {open ? '▴' : '▾'}
          </span>
        </AriaButton>
        {isFiltered(filters) ? (
          <Button variant="quiet" onPress={clearFilters}>
            {t('ui.people.filters.clear')}
          </Button>
        ) : null}
      </div>
      {open ? (
        <div className="people-filters__row" id={panelId}>
          <MultiSelectFilter
            label={t('ui.people.filters.stage')}
            options={labelled(STAGES, 'ui.domain.stage')}
            selected={filters.stages}
            onChange={(values) => {
              setFilters({ stages: values as PeopleStage[] });
            }}
          />
          <MultiSelectFilter
            label={t('ui.people.filters.risk')}
            options={riskOptions}
            selected={filters.riskLevels}
            onChange={(values) => {
              setFilters({ riskLevels: values as RiskFilter[] });
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
        </div>
      ) : null}
    </section>
  );
}

type PeopleStage = (typeof STAGES)[number];
type PeopleSphere = (typeof SPHERES)[number];
type PeopleConsent = (typeof CONSENT_LEVELS)[number];
