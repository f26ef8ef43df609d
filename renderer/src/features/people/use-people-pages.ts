/**
 * The people list from the core a page at a time (issue 15): the first page when the list
 * opens or its filters change, the next one as the reader scrolls near the end of what is
 * loaded. The pages stay cached while the reader is on a person's page, so Back shows the
 * list at once. No answer is ever the whole vault.
 */
import { keepPreviousData, useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import type { PersonListPage } from '../../../../shared/records.ts';
import { call } from '../../lib/api.ts';
import type { PeopleFilters } from './people-filters-store.ts';

/** Rows a page: three screens of the densest list, small enough to answer in milliseconds. */
export const PEOPLE_PAGE_ROWS = 100;

/** Pages stay cached this long after the list leaves the screen (a visit to a person). */
const KEEP_MS = 10 * 60_000;

export function peoplePagesKey(filters: PeopleFilters) {
  return ['domain', 'persons:list', 'pages', filters] as const;
}

export function usePeoplePages(filters: PeopleFilters) {
  return useInfiniteQuery<
    PersonListPage,
    Error,
    InfiniteData<PersonListPage, string | null>,
    ReturnType<typeof peoplePagesKey>,
    string | null
  >({
    queryKey: peoplePagesKey(filters),
    queryFn: ({ pageParam }) =>
      call('persons:list', { ...filters, limit: PEOPLE_PAGE_ROWS, after: pageParam }),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
    // While new filters load, the list of the old ones stays (no flash of an empty list).
    placeholderData: keepPreviousData,
    staleTime: 0,
    gcTime: KEEP_MS,
  });
}
