import { useEffect, useLayoutEffect, useRef, useState, type FocusEvent } from 'react';
import {
  Cell,
  Collection,
  Column,
  Row,
  Table,
  TableBody,
  TableHeader,
  TableLayout,
  TableLoadMoreItem,
  Virtualizer,
  type SortDescriptor,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { localDate } from '../../../../shared/domain.ts';
import type { PersonListRow, PersonSort } from '../../../../shared/records.ts';
import { ASSESSED_STAGES } from '../../../../shared/risk.ts';
import { navigate } from '../../app/navigation.ts';
import { ShapeIcon } from '../risk-assessment/icons.tsx';
import { RiskLevelChip } from '../risk-assessment/RiskLevelChip.tsx';
import { followUpState, formatDate } from './format.ts';
import {
  rememberedScroll,
  rememberScroll,
  setFilters,
  usePeopleFilters,
} from './people-filters-store.ts';

/**
 * Rows have one line and a fixed height, so the virtualizer places any number of them without
 * measuring, and a 1280×800 window shows at least twelve.
 */
export const ROW_HEIGHT = 31;
const HEADING_HEIGHT = 30;

/** Columns that sort the list, and the sort they ask the core for. */
const SORTABLE: Record<string, PersonSort> = {
  name: 'name',
  codename: 'codename',
  position: 'agency',
  stage: 'stage',
  risk: 'risk',
  followUp: 'followUp',
};

export interface PeopleTableProps {
  rows: PersonListRow[];
  /** More rows than `rows` match: the next page is read as the reader nears the end. */
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

/**
 * The people list as a grid: only the rows in view are in the page, the next page is read
 * from the core as the end comes near, arrow keys move between rows, Enter or a click opens
 * the person. Texts too long for their column end in "…"; the whole text is in the cell for
 * screen readers, in a tooltip for the mouse, and written out in full at the foot of the list
 * for the row the keyboard is on.
 */
export function PeopleTable({ rows, hasMore, loadingMore, onLoadMore }: PeopleTableProps) {
  const { t, i18n } = useTranslation();
  const filters = usePeopleFilters();
  const today = localDate(new Date());
  const column = Object.entries(SORTABLE).find(([, sort]) => sort === filters.sort)?.[0];
  const sortDescriptor: SortDescriptor | undefined = column
    ? { column, direction: filters.descending ? 'descending' : 'ascending' }
    : undefined;

  // Back from a person: where the reader was. New filters: the top of the new list.
  const scroller = useRef<HTMLTableElement & HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const top = rememberedScroll();
    // After the virtualizer's first layout, which starts it at the top.
    const frame = top > 0 ? requestAnimationFrame(() => (element.scrollTop = top)) : 0;
    return () => {
      cancelAnimationFrame(frame);
      rememberScroll(element.scrollTop);
    };
  }, []);
  const shownFilters = useRef(filters);
  useEffect(() => {
    if (shownFilters.current === filters) return;
    shownFilters.current = filters;
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [filters]);

  const [focused, setFocused] = useState<PersonListRow | null>(null);
  const byId = new Map(rows.map((row) => [String(row.id), row]));
  const onFocus = (event: FocusEvent) => {
    const key = event.target.closest('[role="row"][data-key]')?.getAttribute('data-key');
    setFocused((key ? byId.get(key) : undefined) ?? null);
  };
  const onBlur = (event: FocusEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setFocused(null);
  };

  return (
    <div
      className={`people-table-frame ${focused ? 'people-table-frame--peek' : ''}`}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      <Virtualizer
        layout={TableLayout}
        layoutOptions={{
          rowHeight: ROW_HEIGHT,
          headingHeight: HEADING_HEIGHT,
          loaderHeight: ROW_HEIGHT,
        }}
      >
        <Table
          ref={scroller}
          aria-label={t('ui.people.tableLabel')}
          className="people-table"
          sortDescriptor={sortDescriptor}
          onSortChange={(descriptor) => {
            const sort = SORTABLE[String(descriptor.column)];
            if (sort) setFilters({ sort, descending: descriptor.direction === 'descending' });
          }}
          onRowAction={(key) => {
            navigate({ area: 'person', id: Number(key) });
          }}
        >
          <TableHeader className="people-table__header">
            <Column
              id="name"
              isRowHeader
              allowsSorting
              width="1.6fr"
              minWidth={150}
              className="people-table__column"
            >
              {({ sortDirection }) => (
                <ColumnTitle title={t('ui.people.columns.name')} direction={sortDirection} />
              )}
            </Column>
            <Column id="codename" allowsSorting width={128} className="people-table__column">
              {({ sortDirection }) => (
                <ColumnTitle title={t('ui.people.columns.codename')} direction={sortDirection} />
              )}
            </Column>
            <Column
              id="position"
              allowsSorting
              width="1.2fr"
              minWidth={150}
              className="people-table__column"
            >
              {({ sortDirection }) => (
                <ColumnTitle title={t('ui.people.columns.position')} direction={sortDirection} />
              )}
            </Column>
            <Column id="stage" allowsSorting width={160} className="people-table__column">
              {({ sortDirection }) => (
                <ColumnTitle title={t('ui.people.columns.stage')} direction={sortDirection} />
              )}
            </Column>
            <Column id="risk" allowsSorting width={150} className="people-table__column">
              {({ sortDirection }) => (
                <ColumnTitle title={t('ui.people.columns.risk')} direction={sortDirection} />
              )}
            </Column>
            <Column id="followUp" allowsSorting width={124} className="people-table__column">
              {({ sortDirection }) => (
                <ColumnTitle title={t('ui.people.columns.followUp')} direction={sortDirection} />
              )}
            </Column>
          </TableHeader>
          <TableBody>
            <Collection items={rows} dependencies={[i18n.language, today]}>
              {(person) => <PersonRow person={person} today={today} />}
            </Collection>
            {hasMore ? (
              <TableLoadMoreItem
                className="people-table__loader"
                onLoadMore={onLoadMore}
                isLoading={loadingMore}
              >
                {t('ui.people.loadingMore')}
              </TableLoadMoreItem>
            ) : null}
          </TableBody>
        </Table>
      </Virtualizer>
      {focused ? (
        // The keyboard's row in full, over the foot of the list (the list keeps that strip
        // clear of the focused row: scroll-padding). Screen readers read the cells themselves.
        <p className="people-table__peek" aria-hidden="true">
          <span className="people-table__peek-name">{focused.fullName}</span>{' '}
          <span className="codename">{focused.codename}</span>
          {focused.position || focused.agencyName ? (
            <span>
              {' — '}
              {[focused.position, focused.agencyName].filter(Boolean).join(', ')}
            </span>
          ) : null}
          {focused.owner ? (
            <span className="people-table__peek-owner">
              {' · '}
              {t('ui.people.columns.owner')}: {focused.owner}
            </span>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}

function PersonRow({ person, today }: { person: PersonListRow; today: string }) {
  const { t, i18n } = useTranslation();
  const due = person.nextFollowUp ? followUpState(person.nextFollowUp, today) : null;
  const work = [person.position, person.agencyName].filter(Boolean).join(', ');
  return (
    <Row
      id={person.id}
      className="people-table__row"
      textValue={`${person.fullName} (${person.codename})`}
    >
      <Cell className="people-table__cell">
        <span className="people-table__line people-table__name" title={person.fullName}>
          {person.fullName}
        </span>
        {person.archived ? (
          <span className="badge badge--muted">{t('ui.people.archivedBadge')}</span>
        ) : null}
      </Cell>
      <Cell className="people-table__cell">
        <span className="people-table__line codename" title={person.codename}>
          {person.codename}
        </span>
      </Cell>
      <Cell className="people-table__cell">
        <span className="people-table__line" title={work || undefined}>
          {person.position}
          {person.position && person.agencyName ? ', ' : null}
          {person.agencyName ? (
            <span className="people-table__agency">{person.agencyName}</span>
          ) : null}
        </span>
      </Cell>
      <Cell className="people-table__cell">
        <span
          className={`stage-chip stage-chip--${person.stage} people-table__chip`}
          title={t(`ui.domain.stage.${person.stage}`)}
        >
          {t(`ui.domain.stage.${person.stage}`)}
        </span>
      </Cell>
      <Cell className="people-table__cell">
        <RiskCell person={person} />
      </Cell>
      <Cell className="people-table__cell">
        {person.nextFollowUp ? (
          <span
            className={`follow-up follow-up--${due ?? 'upcoming'}`}
            title={
              due === 'overdue' || due === 'today'
                ? `${formatDate(person.nextFollowUp, i18n.language, 'short')}, ${t(`ui.people.due.${due}`)}`
                : undefined
            }
          >
            {formatDate(person.nextFollowUp, i18n.language, 'short')}
            {due === 'overdue' || due === 'today' ? (
              <>
                <span aria-hidden="true" className="follow-up__mark">
                  {due === 'overdue' ? ' !' : ' •'}
                </span>
                <span className="visually-hidden">, {t(`ui.people.due.${due}`)}</span>
              </>
            ) : null}
          </span>
        ) : null}
      </Cell>
    </Row>
  );
}

/**
 * The level of the latest assessment; "Not assessed" where the stage needs one (the person
 * is in contact with us) and there is none; a dash where none is needed yet.
 */
function RiskCell({ person }: { person: PersonListRow }) {
  const { t } = useTranslation();
  if (person.riskLevel) return <RiskLevelChip level={person.riskLevel} />;
  if (ASSESSED_STAGES.includes(person.stage))
    return (
      <span className="risk-unassessed people-table__chip" title={t('ui.people.riskNotAssessed')}>
        <ShapeIcon shape="warning" />
        {t('ui.people.riskNotAssessed')}
      </span>
    );
  return (
    <span className="people-table__none">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('ui.people.riskNotAssessed')}</span>
    </span>
  );
}

function ColumnTitle({
  title,
  direction,
}: {
  title: string;
  direction: 'ascending' | 'descending' | undefined;
}) {
  return (
    <span className="people-table__column-title" title={title}>
      <span className="people-table__line">{title}</span>
      <span aria-hidden="true" className="sort-indicator">
        {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : ''}
      </span>
    </span>
  );
}
