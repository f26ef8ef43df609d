/**
 * The relationship map: persons and agencies around one person (or the whole network, the
 * most connected first), coloured by stage, with the routes in from the people we are in
 * touch with. The drawing is a canvas (MapCanvas), which screen readers and keyboards cannot
 * use, so everything it shows is also here as HTML: the details panel, the routes in, and
 * the map as a table, each reachable by Tab. Route: {area: 'map', focusPersonId}; the shell
 * keys this component by the focus, so re-centring mounts a fresh map.
 */
import { useCallback, useMemo, useState } from 'react';
import { MAP_BUDGET, MAP_OVERVIEW_BUDGET } from '../../../../shared/map.ts';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { useErrorText } from '../../lib/errors.ts';
import { useVaultQuery } from '../../lib/vault-mutation.ts';
import { MapCanvas } from './MapCanvas.tsx';
import { MapControls, type Depth } from './MapControls.tsx';
import { centre } from './map-links.ts';
import { MapLegend } from './MapLegend.tsx';
import { MapList } from './MapList.tsx';
import { buildMapModel, type MapEdgeKind } from './map-model.ts';
import { DetailsPanel, RoutesPanel } from './MapSidePanel.tsx';
import './map.css';

/** A count as the interface's language writes it: 12,345 or 12 345. */
function useCount(): (n: number) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const format = new Intl.NumberFormat(language === 'ru' ? 'ru-RU' : 'en-GB');
    return (n: number) => format.format(n);
  }, [language]);
}

export function RelationshipMap({ focusPersonId }: { focusPersonId: number | null }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const count = useCount();
  const [depth, setDepth] = useState<Depth>('2');
  // The core chooses what fits: the nearest and most connected, at most this many persons.
  const graph = useVaultQuery('graph:get', {
    focusPersonId,
    depth: Number(depth),
    budget: focusPersonId === null ? MAP_OVERVIEW_BUDGET : MAP_BUDGET,
  });
  const model = useMemo(
    () => (graph.data ? buildMapModel(graph.data, focusPersonId) : null),
    [graph.data, focusPersonId],
  );
  const [picked, setPicked] = useState<string | null>(null);
  const [routeKey, setRouteKey] = useState<string | null>(null);
  const selectedId =
    picked !== null && model && (model.persons.has(picked) || model.agencies.has(picked))
      ? picked
      : (model?.focus?.id ?? null);
  const route = model?.routes.find((r) => r.start.id === routeKey) ?? null;
  const highlight = useMemo(
    () => (route ? { nodeIds: route.nodeIds, edgeIds: route.edgeIds } : null),
    [route],
  );

  const nodeLabel = useCallback(
    (id: string) => {
      const person = model?.persons.get(id);
      if (person) return person.fullName;
      return model?.agencies.get(id)?.name ?? '';
    },
    [model],
  );
  const edgeLabel = useCallback((kind: MapEdgeKind) => t(`ui.map.kind.${kind}`), [t]);

  const focus = model?.focus ?? null;
  const missing = focusPersonId !== null && model !== null && focus === null;
  const title = focus ? t('ui.map.titleAround', { name: focus.fullName }) : t('ui.shell.areas.map');
  const summary = model
    ? focus
      ? t('ui.map.summaryFocus', {
          count: model.persons.size,
          edges: model.relationshipCount,
          name: focus.fullName,
        })
      : t('ui.map.summaryAll', { count: model.persons.size, edges: model.relationshipCount })
    : '';

  return (
    <div className="map">
      <ScreenTitle>{title}</ScreenTitle>
      <p className="map__intro">{t('ui.map.intro')}</p>
      <MapControls focusPersonId={focusPersonId} depth={depth} onDepth={setDepth} />

      {graph.error ? <Alert tone="error">{errorText(graph.error)}</Alert> : null}
      {graph.isPending ? <p className="map__muted">{t('ui.map.loading')}</p> : null}
      {missing ? <Alert tone="warning">{t('ui.map.missing')}</Alert> : null}
      {graph.data?.truncated ? (
        <Alert tone="info" live={false}>
          {t(focus ? 'ui.map.truncatedFocus' : 'ui.map.truncatedAll', {
            shown: count(model?.persons.size ?? 0),
            total: count(graph.data.totalPersons),
          })}
        </Alert>
      ) : null}
      {model && !focus && focusPersonId === null && model.persons.size === 0 ? (
        <Alert tone="info" live={false}>
          {t('ui.map.emptyAll')}
        </Alert>
      ) : null}

      {model && model.persons.size > 0 ? (
        <>
          <div className="map__layout">
            <div className="map__drawing">
              <MapCanvas
                model={model}
                nodeLabel={nodeLabel}
                edgeLabel={edgeLabel}
                selectedId={selectedId}
                highlight={highlight}
                onSelect={setPicked}
                onCentre={centre}
                summary={summary}
              />
              <MapLegend focused={focus !== null} />
            </div>
            <div className="map__side">
              <DetailsPanel model={model} selectedId={selectedId} onSelect={setPicked} />
              {focus ? (
                <RoutesPanel
                  model={model}
                  depth={Number(depth)}
                  routeKey={routeKey}
                  onRoute={setRouteKey}
                />
              ) : null}
            </div>
          </div>
          <MapList model={model} />
        </>
      ) : null}
    </div>
  );
}
