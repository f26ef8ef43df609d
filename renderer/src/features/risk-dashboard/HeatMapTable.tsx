/**
 * The heat map as a table, for screen readers and anyone who prefers numbers: rows are the
 * likelihood (5 first, as in the chart), columns the impact, each cell a toggle button with
 * the count and the level's word that selects the cell like the chart does.
 */
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format-number.ts';
import { cellName, SCORES, sameCell, type HeatMapViewProps } from './model.ts';

export function HeatMapTable({ grid, selected, onSelect }: HeatMapViewProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className="risk-table__scroll">
      <table className="heat-table">
        <caption className="heat-table__caption">{t('ui.riskDashboard.heatMap.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="heat-table__corner">
              {t('ui.riskDashboard.heatMap.corner')}
            </th>
            {SCORES.map((impact) => (
              <th key={impact} scope="col" className="heat-table__header">
                {t('ui.riskDashboard.heatMap.impactValue', { value: impact })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...SCORES].reverse().map((likelihood) => (
            <tr key={likelihood}>
              <th scope="row" className="heat-table__header">
                {t('ui.riskDashboard.heatMap.likelihoodValue', { value: likelihood })}
              </th>
              {SCORES.map((impact) => {
                const cell = grid[likelihood - 1]?.[impact - 1];
                if (!cell) return <td key={impact} />;
                const isSelected = sameCell(selected, cell);
                return (
                  <td key={impact} className="heat-table__cell">
                    <button
                      type="button"
                      className={`heat-table__button heat-level--${cell.level}${isSelected ? ' heat-table__button--selected' : ''}`}
                      aria-label={cellName(t, i18n.language, cell)}
                      aria-pressed={isSelected}
                      onClick={() => {
                        onSelect(cell);
                      }}
                    >
                      <span className="heat-table__level">
                        {t(`ui.domain.riskLevel.${cell.level}`)}
                      </span>{' '}
                      <span className="heat-table__count">
                        {formatNumber(cell.persons.length, i18n.language)}
                      </span>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
