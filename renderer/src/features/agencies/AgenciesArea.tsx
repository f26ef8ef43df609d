import { useMemo, useState } from 'react';
import {
  Cell,
  Column,
  Row,
  Table,
  TableBody,
  TableHeader,
  type SortDescriptor,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { SPHERES, type Sphere } from '../../../../shared/domain.ts';
import type { AgencyListRow } from '../../../../shared/records.ts';
import { navigate } from '../../app/navigation.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { SelectField, type SelectOption } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useErrorText } from '../../lib/errors.ts';
import { formatNumber } from '../../lib/format-number.ts';
import { useVaultQuery } from '../../lib/vault-mutation.ts';
import { AgencyFormDialog } from './AgencyForm.tsx';
import './agencies.css';
import './org-table.css';

const ALL = 'all';
type SortColumn = 'name' | 'sphere' | 'region' | 'parent' | 'people';

/** The agencies: filter by name and sphere, sort by any column, open one, add one. */
export function AgenciesArea() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [filter, setFilter] = useState('');
  const [sphere, setSphere] = useState<Sphere | typeof ALL>(ALL);
  // The core filters (it folds text as it stores names); the window only sorts what it shows.
  const list = useVaultQuery('agencies:list', {
    text: filter.trim(),
    sphere: sphere === ALL ? null : sphere,
  });
  const [sort, setSort] = useState<SortDescriptor>({ column: 'name', direction: 'ascending' });
  const [adding, setAdding] = useState(false);

  const rows = useMemo(() => list.data?.rows ?? [], [list.data]);
  const total = list.data?.total ?? 0;
  const shown = useMemo(() => {
    const collator = new Intl.Collator(i18n.language, { numeric: true, sensitivity: 'base' });
    const key = (row: AgencyListRow): string | number => {
      switch (sort.column as SortColumn) {
        case 'sphere':
          return t(`ui.domain.sphere.${row.sphere}`);
        case 'region':
          return row.region;
        case 'parent':
          return row.parentName ?? '';
        case 'people':
          return row.peopleCount;
        default:
          return row.name;
      }
    };
    const direction = sort.direction === 'descending' ? -1 : 1;
    return rows.toSorted((a, b) => {
      const ka = key(a);
      const kb = key(b);
      const order =
        typeof ka === 'number' && typeof kb === 'number'
          ? ka - kb
          : collator.compare(String(ka), String(kb));
      return (order || collator.compare(a.name, b.name)) * direction;
    });
  }, [rows, sort, t, i18n.language]);

  const sphereOptions: SelectOption<Sphere | typeof ALL>[] = [
    { value: ALL, label: t('ui.agencies.allSpheres') },
    ...SPHERES.map((value) => ({ value, label: t(`ui.domain.sphere.${value}`) })),
  ];

  return (
    <div className="agencies">
      <div className="org-head">
        <ScreenTitle>{t('ui.shell.areas.agencies')}</ScreenTitle>
        <Button
          variant="primary"
          onPress={() => {
            setAdding(true);
          }}
        >
          {t('ui.agencies.add')}
        </Button>
      </div>
      <p className="org-intro">{t('ui.agencies.intro')}</p>
      {list.isError ? <Alert tone="error">{errorText(list.error)}</Alert> : null}
      <div className="org-filters">
        <TextField
          label={t('ui.agencies.filter')}
          type="search"
          value={filter}
          onChange={setFilter}
          spellCheck="false"
        />
        <SelectField
          label={t('ui.agencies.sphereFilter')}
          options={sphereOptions}
          value={sphere}
          onChange={setSphere}
        />
        <p className="org-filters__count" role="status">
          {total === shown.length
            ? t('ui.agencies.count', { count: total })
            : t('ui.agencies.shown', { shown: shown.length, total })}
        </p>
      </div>
      {list.isPending ? (
        <p role="status">{t('ui.agencies.loading')}</p>
      ) : (
        <Table
          aria-label={t('ui.agencies.table')}
          className="org-table"
          sortDescriptor={sort}
          onSortChange={setSort}
          onRowAction={(key) => {
            navigate({ area: 'agency', id: Number(key) });
          }}
        >
          <TableHeader>
            <Column id="name" isRowHeader allowsSorting className="org-table__column">
              {t('ui.agencies.columns.name')}
            </Column>
            <Column id="sphere" allowsSorting className="org-table__column">
              {t('ui.agencies.columns.sphere')}
            </Column>
            <Column id="region" allowsSorting className="org-table__column">
              {t('ui.agencies.columns.region')}
            </Column>
            <Column id="parent" allowsSorting className="org-table__column">
              {t('ui.agencies.columns.parent')}
            </Column>
            <Column
              id="people"
              allowsSorting
              className="org-table__column org-table__column--number"
            >
              {t('ui.agencies.columns.people')}
            </Column>
          </TableHeader>
          <TableBody
            items={shown}
            renderEmptyState={() => (
              <p className="org-table__empty">
                {total === 0 ? t('ui.agencies.empty') : t('ui.agencies.noMatch')}
              </p>
            )}
          >
            {(row) => (
              <Row id={row.id} className="org-table__row" textValue={row.name}>
                <Cell className="org-table__cell org-table__cell--title">{row.name}</Cell>
                <Cell className="org-table__cell">{t(`ui.domain.sphere.${row.sphere}`)}</Cell>
                <Cell className="org-table__cell">{row.region}</Cell>
                <Cell className="org-table__cell">{row.parentName ?? ''}</Cell>
                <Cell className="org-table__cell org-table__cell--number">
                  {formatNumber(row.peopleCount, i18n.language)}
                </Cell>
              </Row>
            )}
          </TableBody>
        </Table>
      )}
      <AgencyFormDialog
        isOpen={adding}
        onClose={() => {
          setAdding(false);
        }}
      />
    </div>
  );
}
