/** A table of assessed persons: the reviews due, and the persons of a heat-map cell. */
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskLevel, RiskRow } from '../../../../shared/risk.ts';
import { formatDate } from '../people/format.ts';
import { CodenameLink, ShowAll, useLimited } from './PersonList.tsx';

export type RiskColumn = 'codename' | 'name' | 'stage' | 'level' | 'reviewDue' | 'state';

/** The level's word on the level's colour (the colour is never the only signal). */
export function LevelChip({ level }: { level: RiskLevel }) {
  const { t } = useTranslation();
  return (
    <span className={`risk-chip risk-chip--${level}`}>{t(`ui.domain.riskLevel.${level}`)}</span>
  );
}

export function RiskRowsTable({
  rows,
  columns,
  labelledBy,
}: {
  rows: readonly RiskRow[];
  columns: readonly RiskColumn[];
  labelledBy: string;
}) {
  const { t, i18n } = useTranslation();
  const { shown, hidden, showAll } = useLimited(rows);
  const cell = (row: RiskRow, column: RiskColumn) => {
    switch (column) {
      case 'codename':
        return (
          <th scope="row" className="risk-table__cell">
            <CodenameLink person={row} />
          </th>
        );
      case 'name':
        return <td className="risk-table__cell">{row.fullName}</td>;
      case 'stage':
        return <td className="risk-table__cell">{t(`ui.domain.stage.${row.stage}`)}</td>;
      case 'level':
        return (
          <td className="risk-table__cell">
            <LevelChip level={row.level} />
          </td>
        );
      case 'reviewDue':
        return (
          <td className="risk-table__cell risk-table__cell--date">
            {formatDate(row.reviewDueOn, i18n.language)}
          </td>
        );
      case 'state':
        return (
          <td className={`risk-table__cell risk-state risk-state--${row.reviewState}`}>
            {t(`ui.domain.reviewState.${row.reviewState}`)}
          </td>
        );
    }
  };
  return (
    <>
      <div className="risk-table__scroll">
        <table className="risk-table" aria-labelledby={labelledBy}>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col" className="risk-table__column">
                  {t(`ui.riskDashboard.columns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.id} className="risk-table__row">
                {columns.map((column) => (
                  <Fragment key={column}>{cell(row, column)}</Fragment>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hidden > 0 ? <ShowAll count={rows.length} onPress={showAll} /> : null}
    </>
  );
}
