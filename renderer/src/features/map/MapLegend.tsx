/** The key to the map's drawing: stage colours, node shapes and the kinds of line. */
import { useTranslation } from 'react-i18next';
import { OFF_PIPELINE_STAGES, PIPELINE_STAGES } from '../../../../shared/domain.ts';
import type { MapEdgeKind } from './map-model.ts';
import { stageColour } from './stage-colours.ts';

export function MapLegend({ focused }: { focused: boolean }) {
  const { t } = useTranslation();
  const line = (kind: MapEdgeKind, dash?: string, arrow = false, light = false) => (
    <li key={kind} className="map-legend__item">
      <svg width="34" height="10" viewBox="0 0 34 10" aria-hidden="true" focusable="false">
        <line
          x1="1"
          y1="5"
          x2={arrow ? 26 : 33}
          y2="5"
          stroke={light ? '#b8c1cc' : '#3d4754'}
          strokeWidth={light ? 1.2 : 2}
          strokeDasharray={dash}
        />
        {arrow ? <polygon points="25,1 33,5 25,9" fill="#3d4754" /> : null}
      </svg>
      {t(`ui.map.kind.${kind}`)}
    </li>
  );
  return (
    <section className="map-legend" aria-labelledby="map-legend-title">
      <h2 id="map-legend-title" className="map-legend__title">
        {t('ui.map.legend')}
      </h2>
      <div className="map-legend__groups">
        <ul className="map-legend__list" aria-label={t('ui.map.legendStages')}>
          {[...PIPELINE_STAGES, ...OFF_PIPELINE_STAGES].map((stage) => (
            <li key={stage} className="map-legend__item">
              <span
                className="map__swatch"
                aria-hidden="true"
                style={{ backgroundColor: stageColour(stage) }}
              />
              {t(`ui.domain.stage.${stage}`)}
            </li>
          ))}
        </ul>
        <ul className="map-legend__list" aria-label={t('ui.map.legendShapes')}>
          {focused ? (
            <li className="map-legend__item">
              <span className="map-legend__focus" aria-hidden="true" />
              {t('ui.map.legendFocus')}
            </li>
          ) : null}
          <li className="map-legend__item">
            <span className="map-legend__agency" aria-hidden="true" />
            {t('ui.map.legendAgency')}
          </li>
          {line('subordinate_of', undefined, true)}
          {line('introduced_by', '5 3', true)}
          {line('influences', '2 2', true)}
          {line('colleague')}
          {line('knows')}
          {line('works_at', undefined, false, true)}
        </ul>
      </div>
    </section>
  );
}
