/**
 * The heat map drawn with @visx/heatmap: likelihood in rows (5 at the top) by impact in
 * columns, each cell on its level's colour with its count and its level's word. Each cell is
 * a toggle button named in full ("Likelihood 4, impact 5: critical, 2 persons"); the chart is
 * one tab stop, the arrow keys move between cells (roving tabindex), Enter or Space selects.
 */
import { Group } from '@visx/group';
import { HeatmapRect } from '@visx/heatmap';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format-number.ts';
import {
  cellName,
  SCORES,
  sameCell,
  type CellKey,
  type HeatCell,
  type HeatMapViewProps,
} from './model.ts';

const CELL_WIDTH = 96;
const CELL_HEIGHT = 64;
const GAP = 4;
const LEFT = 64;
const TOP = 4;
const BOTTOM = 52;
const WIDTH = LEFT + SCORES.length * CELL_WIDTH + GAP;
const HEIGHT = TOP + SCORES.length * CELL_HEIGHT + BOTTOM;

interface Column {
  impact: number;
  /** Likelihood 1 → 5 (HeatmapRect's rows; yScale puts 5 at the top). */
  bins: HeatCell[];
}

const clamp = (value: number) => Math.min(SCORES.length, Math.max(1, value));

/** Where the chart's one tab stop starts: the selected cell, else the first occupied one. */
function startCell(grid: HeatCell[][], selected: CellKey | null): CellKey {
  if (selected) return selected;
  for (const likelihood of [...SCORES].reverse()) {
    for (const impact of SCORES) {
      if ((grid[likelihood - 1]?.[impact - 1]?.persons.length ?? 0) > 0)
        return { likelihood, impact };
    }
  }
  return { likelihood: SCORES.length, impact: 1 };
}

export function HeatMapChart({ grid, selected, onSelect }: HeatMapViewProps) {
  const { t, i18n } = useTranslation();
  const [active, setActive] = useState<CellKey | null>(null);
  const current = active ?? startCell(grid, selected);
  const cells = useRef(new Map<string, SVGGElement>());
  const columns: Column[] = SCORES.map((impact) => ({
    impact,
    bins: SCORES.map((likelihood) => grid[likelihood - 1]?.[impact - 1]).filter(
      (cell): cell is HeatCell => cell !== undefined,
    ),
  }));

  const moveTo = (key: CellKey) => {
    setActive(key);
    cells.current.get(`${String(key.likelihood)}-${String(key.impact)}`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<SVGGElement>, cell: HeatCell) => {
    const { likelihood, impact } = cell;
    switch (event.key) {
      case 'Enter':
      case ' ':
        onSelect(cell);
        break;
      case 'ArrowUp':
        moveTo({ likelihood: clamp(likelihood + 1), impact });
        break;
      case 'ArrowDown':
        moveTo({ likelihood: clamp(likelihood - 1), impact });
        break;
      case 'ArrowLeft':
        moveTo({ likelihood, impact: clamp(impact - 1) });
        break;
      case 'ArrowRight':
        moveTo({ likelihood, impact: clamp(impact + 1) });
        break;
      case 'Home':
        moveTo({ likelihood, impact: 1 });
        break;
      case 'End':
        moveTo({ likelihood, impact: SCORES.length });
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <svg
      className="heat-chart"
      viewBox={`0 0 ${String(WIDTH)} ${String(HEIGHT)}`}
      width={WIDTH}
      height={HEIGHT}
      role="group"
      aria-label={t('ui.riskDashboard.heatMap.chartLabel')}
    >
      <Group left={LEFT} top={TOP}>
        <HeatmapRect<Column, HeatCell>
          data={columns}
          bins={(column) => column.bins}
          count={(cell) => cell.persons.length}
          xScale={(column) => column * CELL_WIDTH}
          yScale={(row) => (SCORES.length - 1 - row) * CELL_HEIGHT}
          binWidth={CELL_WIDTH}
          binHeight={CELL_HEIGHT}
          gap={GAP}
        >
          {(heatmap) =>
            heatmap.flat().map(({ bin: cell, x, y, width, height }) => {
              const id = `${String(cell.likelihood)}-${String(cell.impact)}`;
              const count = cell.persons.length;
              const isSelected = sameCell(selected, cell);
              return (
                <g
                  key={id}
                  ref={(element) => {
                    if (element) cells.current.set(id, element);
                    else cells.current.delete(id);
                  }}
                  role="button"
                  tabIndex={sameCell(current, cell) ? 0 : -1}
                  aria-label={cellName(t, i18n.language, cell)}
                  aria-pressed={isSelected}
                  className={`heat-cell heat-cell--${cell.level}${count > 0 ? ' heat-cell--occupied' : ''}${isSelected ? ' heat-cell--selected' : ''}`}
                  data-likelihood={cell.likelihood}
                  data-impact={cell.impact}
                  onClick={() => {
                    setActive(cell);
                    onSelect(cell);
                  }}
                  onFocus={() => {
                    setActive({ likelihood: cell.likelihood, impact: cell.impact });
                  }}
                  onKeyDown={(event) => {
                    onKeyDown(event, cell);
                  }}
                >
                  <rect
                    className="heat-cell__rect"
                    x={x}
                    y={y}
                    width={width}
                    height={height}
                    rx={4}
                  />
                  {/* The word, then the count: the visible text reads in the name's order. */}
                  <text textAnchor="middle">
                    <tspan className="heat-cell__level" x={x + width / 2} y={y + 17}>
                      {t(`ui.domain.riskLevel.${cell.level}`)}
                    </tspan>{' '}
                    <tspan className="heat-cell__count" x={x + width / 2} y={y + height - 13}>
                      {formatNumber(count, i18n.language)}
                    </tspan>
                  </text>
                </g>
              );
            })
          }
        </HeatmapRect>
        <g aria-hidden="true" className="heat-chart__axis">
          {SCORES.map((score) => (
            <text
              key={`l${String(score)}`}
              x={-10}
              y={(SCORES.length - score) * CELL_HEIGHT + GAP + (CELL_HEIGHT - GAP) / 2}
              textAnchor="end"
              dominantBaseline="middle"
            >
              {score}
            </text>
          ))}
          {SCORES.map((score) => (
            <text
              key={`i${String(score)}`}
              x={(score - 1) * CELL_WIDTH + (CELL_WIDTH - GAP) / 2}
              y={SCORES.length * CELL_HEIGHT + GAP + 18}
              textAnchor="middle"
            >
              {score}
            </text>
          ))}
          <text
            className="heat-chart__title"
            x={(SCORES.length * CELL_WIDTH) / 2}
            y={SCORES.length * CELL_HEIGHT + GAP + 42}
            textAnchor="middle"
          >
            {t('ui.riskDashboard.heatMap.impact')} →
          </text>
          <text
            className="heat-chart__title"
            transform={`translate(${String(-40)} ${String((SCORES.length * CELL_HEIGHT) / 2)}) rotate(-90)`}
            textAnchor="middle"
          >
            {t('ui.riskDashboard.heatMap.likelihood')} →
          </text>
        </g>
      </Group>
    </svg>
  );
}
