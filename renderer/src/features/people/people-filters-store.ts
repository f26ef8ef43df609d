/**
 * The people list's search, filters and sorting, kept outside the component so they survive
 * opening a person and coming Back (the list is unmounted meanwhile). Locking reloads the page,
 * which forgets them with everything else.
 */
import { useSyncExternalStore } from 'react';
import type { PersonQuery } from '../../../../shared/records.ts';

/** What the list shows: the query without its paging (use-people-pages.ts adds that). */
export type PeopleFilters = Omit<PersonQuery, 'limit' | 'after'>;

export const DEFAULT_FILTERS: PeopleFilters = {
  text: '',
  spheres: [],
  stages: [],
  agencyIds: [],
  regions: [],
  owners: [],
  consents: [],
  tags: [],
  followUpDue: false,
  archived: 'active',
  riskLevels: [],
  sort: 'name',
  descending: false,
};

let filters: PeopleFilters = DEFAULT_FILTERS;
/** What is typed in the search box (the query follows it after a short pause). */
let typed = '';
/** Whether the filters' row is open (closed, the list has the height). */
let filtersOpen = false;
/**
 * Where the list was scrolled to, and for which filters: coming Back to the same list puts
 * the reader where they were (the pages are still cached).
 */
let scroll: { filters: PeopleFilters; top: number } | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setFilters(change: Partial<PeopleFilters>): void {
  filters = { ...filters, ...change };
  emit();
}

export function setTyped(text: string): void {
  typed = text;
  emit();
}

/** Everything but the sort order back to the start (the "Clear filters" button). */
export function clearFilters(): void {
  filters = { ...DEFAULT_FILTERS, sort: filters.sort, descending: filters.descending };
  typed = '';
  emit();
}

export function usePeopleFilters(): PeopleFilters {
  return useSyncExternalStore(subscribe, () => filters);
}

export function useTyped(): string {
  return useSyncExternalStore(subscribe, () => typed);
}

export function setFiltersOpen(open: boolean): void {
  filtersOpen = open;
  emit();
}

export function useFiltersOpen(): boolean {
  return useSyncExternalStore(subscribe, () => filtersOpen);
}

/** Remembers where the list was scrolled to (read back only for the same filters). */
export function rememberScroll(top: number): void {
  scroll = { filters, top };
}

export function rememberedScroll(): number {
  return scroll?.filters === filters ? scroll.top : 0;
}

/** How many filters narrow the list (search text and sorting aside): the Filters button says. */
export function activeFilterCount(value: PeopleFilters): number {
  return (
    [
      value.spheres,
      value.stages,
      value.agencyIds,
      value.regions,
      value.owners,
      value.consents,
      value.tags,
      value.riskLevels,
    ].filter((list) => list.length > 0).length +
    (value.followUpDue ? 1 : 0) +
    (value.archived === 'active' ? 0 : 1)
  );
}

/** Whether anything narrows the list (search text or a filter), sorting aside. */
export function isFiltered(value: PeopleFilters): boolean {
  return (
    value.text.trim() !== '' ||
    value.spheres.length > 0 ||
    value.stages.length > 0 ||
    value.agencyIds.length > 0 ||
    value.regions.length > 0 ||
    value.owners.length > 0 ||
    value.consents.length > 0 ||
    value.tags.length > 0 ||
    value.riskLevels.length > 0 ||
    value.followUpDue ||
    value.archived !== 'active'
  );
}

/** For component tests. */
export function resetPeopleFilters(): void {
  filters = DEFAULT_FILTERS;
  typed = '';
  filtersOpen = false;
  scroll = null;
  emit();
}
