/**
 * The heat-map section: the chart or the same grid as a table (a toggle), the legend with the
 * level words, and below them the persons of the selected cell.
 */
import { useMemo, useState } from 'react';
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { RISK_LEVELS, type RiskRow } from '../../../../shared/risk.ts';
import { HeatMapChart } from './HeatMapChart.tsx';
import { HeatMapTable } from './HeatMapTable.tsx';
import { byReviewDate, cellAt, heatGrid, levelWord, sameCell, type CellKey } from './model.ts';
import { RiskRowsTable } from './RiskRowsTable.tsx';

type View = 'chart' | 'table';

export function HeatMapPanel({ assessed }: { assessed: readonly RiskRow[] }) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<View>('chart');
  const [selected, setSelected] = useState<CellKey | null>(null);
  const grid = useMemo(() => heatGrid(assessed), [assessed]);
  const cell = selected ? cellAt(grid, selected) : undefined;
  const select = (key: CellKey) => {
    setSelected(
      sameCell(selected, key) ? null : { likelihood: key.likelihood, impact: key.impact },
    );
  };

  return (
    <section className="panel risk-panel risk-panel--wide" aria-labelledby="risk-heat-title">
      <h2 id="risk-heat-title" className="risk-panel__title">
        {t('ui.riskDashboard.heatMap.title')}
      </h2>
      {assessed.length === 0 ? (
        <p className="risk-empty">{t('ui.riskDashboard.heatMap.empty')}</p>
      ) : (
        <p className="risk-help">{t('ui.riskDashboard.heatMap.help')}</p>
      )}
      <ToggleButtonGroup
        aria-label={t('ui.riskDashboard.heatMap.view')}
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={new Set([view])}
        onSelectionChange={(keys) => {
          const [next] = [...keys];
          if (next === 'chart' || next === 'table') setView(next);
        }}
        className="segmented heat-view"
      >
        <ToggleButton id="chart" className="segmented__item">
          {t('ui.riskDashboard.heatMap.chart')}
        </ToggleButton>
        <ToggleButton id="table" className="segmented__item">
          {t('ui.riskDashboard.heatMap.table')}
        </ToggleButton>
      </ToggleButtonGroup>
      <div className="heat-map">
        {view === 'chart' ? (
          <HeatMapChart grid={grid} selected={selected} onSelect={select} />
        ) : (
          <HeatMapTable grid={grid} selected={selected} onSelect={select} />
        )}
        <div className="heat-legend">
          <p id="risk-heat-legend" className="heat-legend__title">
            {t('ui.riskDashboard.heatMap.legend')}
          </p>
          <ul className="heat-legend__list" aria-labelledby="risk-heat-legend">
            {[...RISK_LEVELS].reverse().map((level) => (
              <li key={level} className="heat-legend__item">
                <span className={`heat-legend__swatch heat-level--${level}`} aria-hidden="true" />
                {t(`ui.domain.riskLevel.${level}`)}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <p className="visually-hidden" role="status">
        {cell ? t('ui.riskDashboard.heatMap.listed', { count: cell.persons.length }) : ''}
      </p>
      {cell ? (
        <section className="heat-selection" aria-labelledby="risk-heat-selection">
          <h3 id="risk-heat-selection" className="heat-selection__title">
            {t('ui.riskDashboard.heatMap.selected', {
              likelihood: cell.likelihood,
              impact: cell.impact,
              level: levelWord(t, i18n.language, cell.level),
              count: cell.persons.length,
            })}
          </h3>
          {cell.persons.length === 0 ? (
            <p className="risk-empty">{t('ui.riskDashboard.heatMap.selectedEmpty')}</p>
          ) : (
            <RiskRowsTable
              key={`${String(cell.likelihood)}-${String(cell.impact)}`}
              rows={byReviewDate(cell.persons)}
              columns={['codename', 'name', 'stage', 'level', 'reviewDue']}
              labelledBy="risk-heat-selection"
            />
          )}
        </section>
      ) : null}
    </section>
  );
}
