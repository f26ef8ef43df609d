import {
  Cell,
  Column,
  Row,
  Table,
  TableBody,
  TableHeader,
  TableLayout,
  Virtualizer,
  type SortDescriptor,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { localDate } from '../../../../shared/domain.ts';
import type { PersonListRow } from '../../../../shared/records.ts';
import { navigate } from '../../app/navigation.ts';
import { followUpState, formatDate } from './format.ts';
import { setFilters, usePeopleFilters, type PeopleFilters } from './people-filters-store.ts';

/** A row has room for one line of tags; the rest are counted (the person page has all). */
const SHOWN_TAGS = 1;

/** Rows have a fixed height so the virtualizer can place 10,000 of them without measuring. */
export const ROW_HEIGHT = 56;
const HEADING_HEIGHT = 44;

/** Columns that sort the list, and the sort they ask the core for. */
const SORTABLE: Record<string, PeopleFilters['sort']> = {
  name: 'name',
  position: 'agency',
  stage: 'stage',
  followUp: 'followUp',
};

/**
 * The people list as a grid: only the rows in view are in the page, arrow keys move between
 * rows, Enter or a click opens the person.
 */
export function PeopleTable({ rows }: { rows: PersonListRow[] }) {
  const { t, i18n } = useTranslation();
  const filters = usePeopleFilters();
  const today = localDate(new Date());
  const column = Object.entries(SORTABLE).find(([, sort]) => sort === filters.sort)?.[0];
  const sortDescriptor: SortDescriptor | undefined = column
    ? { column, direction: filters.descending ? 'descending' : 'ascending' }
    : undefined;

  return (
    <Virtualizer
      layout={TableLayout}
      layoutOptions={{ rowHeight: ROW_HEIGHT, headingHeight: HEADING_HEIGHT }}
    >
      <Table
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
            className="people-table__column"
          >
            {({ sortDirection }) => (
              <ColumnTitle title={t('ui.people.columns.name')} direction={sortDirection} />
            )}
          </Column>
          <Column id="position" allowsSorting width="1.5fr" className="people-table__column">
            {({ sortDirection }) => (
              <ColumnTitle title={t('ui.people.columns.position')} direction={sortDirection} />
            )}
          </Column>
          <Column id="stage" allowsSorting width={124} className="people-table__column">
            {({ sortDirection }) => (
              <ColumnTitle title={t('ui.people.columns.stage')} direction={sortDirection} />
            )}
          </Column>
          <Column id="consent" width={112} className="people-table__column">
            {t('ui.people.columns.consent')}
          </Column>
          <Column id="owner" width={118} className="people-table__column">
            {t('ui.people.columns.owner')}
          </Column>
          <Column id="followUp" allowsSorting width={108} className="people-table__column">
            {({ sortDirection }) => (
              <ColumnTitle title={t('ui.people.columns.followUp')} direction={sortDirection} />
            )}
          </Column>
          <Column id="tags" width="1fr" className="people-table__column">
            {t('ui.people.columns.tags')}
          </Column>
        </TableHeader>
        <TableBody items={rows} dependencies={[i18n.language, today]}>
          {(person) => {
            const due = person.nextFollowUp ? followUpState(person.nextFollowUp, today) : null;
            return (
              <Row
                id={person.id}
                className="people-table__row"
                textValue={`${person.fullName} (${person.codename})`}
              >
                <Cell className="people-table__cell">
                  <span className="people-table__name">{person.fullName}</span>
                  <span className="people-table__sub">
                    <span className="codename">{person.codename}</span>
                    {person.archived ? (
                      <span className="badge badge--muted">{t('ui.people.archivedBadge')}</span>
                    ) : null}
                  </span>
                </Cell>
                <Cell className="people-table__cell">
                  <span className="people-table__line">{person.position}</span>
                  <span className="people-table__sub people-table__line">
                    {person.agencyName ?? ''}
                  </span>
                </Cell>
                <Cell className="people-table__cell">
                  <span className={`stage-chip stage-chip--${person.stage}`}>
                    {t(`ui.domain.stage.${person.stage}`)}
                  </span>
                </Cell>
                <Cell className="people-table__cell">
                  <span className="people-table__clamp">
                    {t(`ui.domain.consent.${person.consent}`)}
                  </span>
                </Cell>
                <Cell className="people-table__cell">
                  <span className="people-table__clamp">{person.owner}</span>
                </Cell>
                <Cell className="people-table__cell">
                  {person.nextFollowUp ? (
                    <span className={`follow-up follow-up--${due ?? 'upcoming'}`}>
                      <span className="people-table__line">
                        {formatDate(person.nextFollowUp, i18n.language, 'short')}
                      </span>
                      {due === 'overdue' || due === 'today' ? (
                        <span className="people-table__sub">{t(`ui.people.due.${due}`)}</span>
                      ) : null}
                    </span>
                  ) : null}
                </Cell>
                <Cell className="people-table__cell">
                  <span className="people-table__tags">
                    {person.tags.slice(0, SHOWN_TAGS).map((tag) => (
                      <span key={tag} className="tag">
                        {tag}
                      </span>
                    ))}
                    {person.tags.length > SHOWN_TAGS ? (
                      <span className="people-table__more-tags">
                        +{person.tags.length - SHOWN_TAGS}
                      </span>
                    ) : null}
                  </span>
                </Cell>
              </Row>
            );
          }}
        </TableBody>
      </Table>
    </Virtualizer>
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
    <span className="people-table__column-title">
      {title}
      <span aria-hidden="true" className="sort-indicator">
        {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : ''}
      </span>
    </span>
  );
}
