/**
 * People by stage: a bar chart (@visx/shape Bar, @visx/axis) and the same numbers as a table
 * beside it. The chart is a picture of the table, so it is hidden from screen readers.
 */
import { AxisBottom, AxisLeft, type TickRendererProps } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { useTranslation } from 'react-i18next';
import { useFormatNumber } from '../../lib/format-number.ts';
import { STAGES, type Stage } from '../../../../shared/domain.ts';
import { stageColour } from '../map/stage-colours.ts';

const WIDTH = 560;
const LEFT = 168;
const RIGHT = 40;
const TOP = 6;
const BOTTOM = 30;
const ROW = 30;

/** Tick labels as plain SVG text (no measuring element, nothing injected). */
function tick(anchor: 'end' | 'middle', dy: string) {
  return function Tick({ x, y, formattedValue }: TickRendererProps) {
    return (
      <text x={x} y={y} dy={dy} textAnchor={anchor} className="stage-chart__tick">
        {formattedValue}
      </text>
    );
  };
}
const LeftTick = tick('end', '0.32em');
const BottomTick = tick('middle', '0.2em');

export function StageChart({ counts }: { counts: readonly { stage: Stage; count: number }[] }) {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  const rows = STAGES.flatMap((stage) => counts.filter((row) => row.stage === stage));
  if (rows.length === 0) return <p className="risk-empty">{t('ui.riskDashboard.stages.nobody')}</p>;

  const innerWidth = WIDTH - LEFT - RIGHT;
  const innerHeight = rows.length * ROW;
  const max = Math.max(1, ...rows.map((row) => row.count));
  const y = scaleBand<Stage>({
    domain: rows.map((row) => row.stage),
    range: [0, innerHeight],
    padding: 0.25,
  });
  const x = scaleLinear<number>({ domain: [0, max], range: [0, innerWidth], nice: true });
  const ticks = x.ticks(Math.min(max, 5)).filter((value) => Number.isInteger(value));
  const label = (stage: Stage) => t(`ui.domain.stage.${stage}`);

  return (
    <div className="stage-chart">
      <svg
        className="stage-chart__svg"
        viewBox={`0 0 ${String(WIDTH)} ${String(TOP + innerHeight + BOTTOM)}`}
        width={WIDTH}
        height={TOP + innerHeight + BOTTOM}
        aria-hidden="true"
        focusable="false"
      >
        <Group left={LEFT} top={TOP}>
          {rows.map((row) => {
            const top = y(row.stage) ?? 0;
            const width = x(row.count);
            return (
              <g key={row.stage}>
                <Bar
                  x={0}
                  y={top}
                  width={width}
                  height={y.bandwidth()}
                  fill={stageColour(row.stage)}
                  rx={2}
                />
                <text
                  className="stage-chart__value"
                  x={width + 6}
                  y={top + y.bandwidth() / 2}
                  dy="0.32em"
                >
                  {formatNumber(row.count)}
                </text>
              </g>
            );
          })}
          <AxisLeft
            scale={y}
            hideTicks
            tickFormat={label}
            tickComponent={LeftTick}
            axisLineClassName="stage-chart__axis"
          />
          <AxisBottom
            top={innerHeight}
            scale={x}
            tickValues={ticks}
            tickFormat={(value) => formatNumber(Number(value))}
            tickComponent={BottomTick}
            axisLineClassName="stage-chart__axis"
            tickClassName="stage-chart__tick-line"
          />
        </Group>
      </svg>
      <table className="risk-table stage-table">
        <caption className="stage-table__caption">{t('ui.riskDashboard.stages.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="risk-table__column">
              {t('ui.riskDashboard.stages.stage')}
            </th>
            <th scope="col" className="risk-table__column risk-table__column--number">
              {t('ui.riskDashboard.stages.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.stage} className="risk-table__row">
              <th scope="row" className="risk-table__cell risk-table__cell--label">
                <span
                  className="stage-table__swatch"
                  aria-hidden="true"
                  style={{ backgroundColor: stageColour(row.stage) }}
                />
                {label(row.stage)}
              </th>
              <td className="risk-table__cell risk-table__cell--number">
                {formatNumber(row.count)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
