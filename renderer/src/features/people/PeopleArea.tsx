import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/navigation.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Progress } from '../../components/Progress.tsx';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { useErrorText } from '../../lib/errors.ts';
import { useVaultQuery } from '../../lib/vault-mutation.ts';
import { PeopleFilters } from './PeopleFilters.tsx';
import { PeopleTable } from './PeopleTable.tsx';
import { PersonForm } from './PersonForm.tsx';
import { clearFilters, useFiltersOpen, usePeopleFilters } from './people-filters-store.ts';
import { usePeoplePages } from './use-people-pages.ts';
import './people.css';

/**
 * The People area: everyone in the vault, searched, filtered and sorted, one click from their
 * page. The list is read a page at a time (use-people-pages.ts) as it is scrolled; the title,
 * the count and the filters take three short lines, the rows the rest of the window.
 */
export function PeopleArea() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const filters = usePeopleFilters();
  const list = usePeoplePages(filters);
  const [adding, setAdding] = useState(false);
  // The values the filters and the form offer: read when one of them is open, not before.
  const facets = useVaultQuery('persons:facets', {}, { enabled: useFiltersOpen() || adding });

  const pages = list.data?.pages;
  const first = pages?.[0];
  const rows = useMemo(() => pages?.flatMap((page) => page.rows) ?? [], [pages]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const listed = first !== undefined && first.inVault > 0;

  return (
    <div className="people">
      <div className="screen-header">
        <div className="people__title">
          <ScreenTitle>{t('ui.people.title')}</ScreenTitle>
          {listed ? (
            <p className="people__count" role="status">
              {t('ui.people.count', { shown: first.total, count: first.inVault })}
            </p>
          ) : null}
        </div>
        <div className="screen-header__actions">
          <Button
            variant="secondary"
            onPress={() => {
              navigate({ area: 'import' });
            }}
          >
            {t('ui.people.import')}
          </Button>
          <Button
            variant="primary"
            onPress={() => {
              setAdding(true);
            }}
          >
            {t('ui.people.addPerson')}
          </Button>
        </div>
      </div>
      {list.isError ? <Alert tone="error">{errorText(list.error)}</Alert> : null}
      {first === undefined ? (
        list.isError ? null : (
          <Progress label={t('ui.people.loading')} />
        )
      ) : !listed ? (
        <div className="empty-state">
          <h2 className="empty-state__title">{t('ui.people.empty.title')}</h2>
          <p className="empty-state__text">{t('ui.people.empty.text')}</p>
          <div className="actions">
            <Button
              variant="primary"
              onPress={() => {
                setAdding(true);
              }}
            >
              {t('ui.people.addPerson')}
            </Button>
            <Button
              onPress={() => {
                navigate({ area: 'import' });
              }}
            >
              {t('ui.people.import')}
            </Button>
          </div>
        </div>
      ) : (
        <>
          <PeopleFilters facets={facets.data} />
          {rows.length === 0 ? (
            <div className="empty-state">
              <h2 className="empty-state__title">{t('ui.people.noMatch.title')}</h2>
              <p className="empty-state__text">{t('ui.people.noMatch.text')}</p>
              <div className="actions">
                <Button onPress={clearFilters}>{t('ui.people.filters.clear')}</Button>
              </div>
            </div>
          ) : (
            <PeopleTable
              rows={rows}
              hasMore={hasNextPage}
              loadingMore={isFetchingNextPage}
              onLoadMore={() => {
                if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
              }}
            />
          )}
        </>
      )}
      {adding ? (
        <PersonForm
          mode={{ kind: 'create' }}
          facets={facets.data}
          onClose={() => {
            setAdding(false);
          }}
          onSaved={(id) => {
            setAdding(false);
            navigate({ area: 'person', id });
          }}
        />
      ) : null}
    </div>
  );
}
