import { useState } from 'react';
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
import { clearFilters, usePeopleFilters } from './people-filters-store.ts';
import './people.css';

/** The People area: everyone in the vault, searched, filtered and sorted, one click from their page. */
export function PeopleArea() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const filters = usePeopleFilters();
  const list = useVaultQuery('persons:list', filters);
  const facets = useVaultQuery('persons:facets', {});
  const [adding, setAdding] = useState(false);

  const total = list.data?.total ?? 0;
  const rows = list.data?.rows ?? [];

  return (
    <div className="people">
      <div className="screen-header">
        <ScreenTitle>{t('ui.people.title')}</ScreenTitle>
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
      {list.data === undefined ? (
        list.isError ? null : (
          <Progress label={t('ui.people.loading')} />
        )
      ) : total === 0 ? (
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
          <p className="people__count" role="status">
            {t('ui.people.count', { shown: rows.length, count: total })}
          </p>
          {rows.length === 0 ? (
            <div className="empty-state">
              <h2 className="empty-state__title">{t('ui.people.noMatch.title')}</h2>
              <p className="empty-state__text">{t('ui.people.noMatch.text')}</p>
              <div className="actions">
                <Button onPress={clearFilters}>{t('ui.people.filters.clear')}</Button>
              </div>
            </div>
          ) : (
            <PeopleTable rows={rows} />
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
