/**
 * The relationship map: persons and agencies around one person (or the whole network, the
 * most connected first), coloured by stage, with the routes in from the people we are in
 * touch with. The drawing is a canvas (MapCanvas), which screen readers and keyboards cannot
 * use, so everything it shows is also here as HTML: the details panel, the routes in, and
 * the map as a table, each reachable by Tab. Route: {area: 'map', focusPersonId}; the shell
 * keys this component by the focus, so re-centring mounts a fresh map.
 */
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button as AriaButton,
  ComboBox,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  ToggleButton,
} from 'react-aria-components';
import { OFF_PIPELINE_STAGES, PIPELINE_STAGES } from '../../../../shared/domain.ts';
import type { PersonListRow } from '../../../../shared/records.ts';
import { navigate } from '../../app/navigation.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useErrorText } from '../../lib/errors.ts';
import { useVaultQuery } from '../../lib/vault-mutation.ts';
import { MapCanvas } from './MapCanvas.tsx';
import {
  buildMapModel,
  type MapEdgeKind,
  type MapModel,
  type Relation,
  type RouteIn,
} from './map-model.ts';
import { IN_TOUCH_STAGES, stageColour } from './stage-colours.ts';
import './map.css';

/** The core's limit on persons per map (electron/core/services/graph.ts). */
const MAX_GRAPH_PERSONS = 300;
const DEPTHS = ['1', '2', '3'] as const;
/** Routes listed before "Show all": the shortest come first. */
const ROUTES_SHOWN = 8;
type Depth = (typeof DEPTHS)[number];

function centre(personId: number): void {
  navigate({ area: 'map', focusPersonId: personId });
}

export function RelationshipMap({ focusPersonId }: { focusPersonId: number | null }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [depth, setDepth] = useState<Depth>('2');
  const graph = useVaultQuery('graph:get', { focusPersonId, depth: Number(depth) });
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
      <div className="map__controls" role="group" aria-label={t('ui.map.controls')}>
        <PersonPicker />
        {focusPersonId !== null ? (
          <>
            <div className="map__depth">
              <SelectField
                label={t('ui.map.depth')}
                options={DEPTHS.map((value) => ({ value, label: t(`ui.map.depths.${value}`) }))}
                value={depth}
                onChange={setDepth}
              />
            </div>
            <Button
              onPress={() => {
                navigate({ area: 'map', focusPersonId: null });
              }}
            >
              {t('ui.map.whole')}
            </Button>
          </>
        ) : null}
      </div>

      {graph.error ? <Alert tone="error">{errorText(graph.error)}</Alert> : null}
      {graph.isPending ? <p className="map__muted">{t('ui.map.loading')}</p> : null}
      {missing ? <Alert tone="warning">{t('ui.map.missing')}</Alert> : null}
      {graph.data?.truncated ? (
        <Alert tone="info" live={false}>
          {focus
            ? t('ui.map.truncatedFocus', { limit: MAX_GRAPH_PERSONS })
            : t('ui.map.truncatedAll', { limit: MAX_GRAPH_PERSONS })}
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
              <Legend focused={focus !== null} />
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

/** Search persons by name, codename or position, and centre the map on the one chosen. */
function PersonPicker() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const deferred = useDeferredValue(text.trim());
  const persons = useVaultQuery(
    'persons:list',
    { text: deferred, archived: 'all' },
    { enabled: deferred !== '' },
  );
  const items = deferred === '' ? [] : (persons.data?.rows.slice(0, 20) ?? []);
  return (
    <ComboBox<PersonListRow>
      className="field map__picker"
      inputValue={text}
      onInputChange={setText}
      items={items}
      menuTrigger="input"
      allowsEmptyCollection
      onChange={(key) => {
        if (key !== null) centre(Number(key));
      }}
    >
      <Label className="field__label">{t('ui.map.picker')}</Label>
      <div className="field__control">
        <Input className="field__input" placeholder={t('ui.map.pickerPlaceholder')} />
        <AriaButton className="field__reveal" aria-label={t('ui.map.showOptions')}>
          <span aria-hidden="true">▾</span>
        </AriaButton>
      </div>
      <Popover className="popover">
        <ListBox<PersonListRow>
          className="listbox"
          renderEmptyState={() => <p className="map__picker-empty">{t('ui.map.pickerEmpty')}</p>}
        >
          {(person) => (
            <ListBoxItem
              id={person.id}
              className="listbox__item map__option"
              textValue={person.fullName}
            >
              <span
                className="map__swatch"
                aria-hidden="true"
                style={{ backgroundColor: stageColour(person.stage) }}
              />
              <span>
                {person.fullName}{' '}
                <span className="map__codename">
                  {person.codename} · {t(`ui.domain.stage.${person.stage}`)}
                </span>
              </span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

function Legend({ focused }: { focused: boolean }) {
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

/** One relationship from a node's side, e.g. "subordinate of" + the other person. */
function relationPhrase(t: (key: string) => string, relation: Relation): string {
  return relation.forward
    ? t(`ui.map.kind.${relation.edge.kind}`)
    : t(`ui.map.reverse.${relation.edge.kind}`);
}

function nameOf(model: MapModel, id: string): string {
  return model.persons.get(id)?.fullName ?? model.agencies.get(id)?.name ?? '';
}

function DetailsPanel({
  model,
  selectedId,
  onSelect,
}: {
  model: MapModel;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const person = selectedId ? model.persons.get(selectedId) : undefined;
  const agency = selectedId ? model.agencies.get(selectedId) : undefined;
  const relations = selectedId ? (model.relations.get(selectedId) ?? []) : [];
  const agencyRelation = relations.find((r) => r.edge.kind === 'works_at');
  const personal = relations.filter((r) => r.edge.kind !== 'works_at');

  return (
    <section className="map-panel" aria-labelledby="map-details-title">
      <h2 id="map-details-title" className="map-panel__title">
        {t('ui.map.details')}
      </h2>
      <div aria-live="polite">
        {person ? (
          <>
            <h3 className="map-panel__name">{person.fullName}</h3>
            <dl className="map-panel__facts">
              <dt>{t('ui.map.codename')}</dt>
              <dd className="map__codename">{person.codename}</dd>
              <dt>{t('ui.map.stage')}</dt>
              <dd>
                <span
                  className="map__swatch"
                  aria-hidden="true"
                  style={{ backgroundColor: stageColour(person.stage) }}
                />
                {t(`ui.domain.stage.${person.stage}`)}
              </dd>
              {agencyRelation ? (
                <>
                  <dt>{t('ui.map.agency')}</dt>
                  <dd>{nameOf(model, agencyRelation.other)}</dd>
                </>
              ) : null}
            </dl>
          </>
        ) : agency ? (
          <h3 className="map-panel__name">{agency.name}</h3>
        ) : (
          <p className="map__muted">{t('ui.map.pickNode')}</p>
        )}
      </div>
      {person || agency ? (
        <>
          <h3 className="map-panel__subtitle">
            {agency ? t('ui.map.people') : t('ui.map.relationships')}
          </h3>
          {(agency ? relations : personal).length === 0 ? (
            <p className="map__muted">{t('ui.map.noRelationships')}</p>
          ) : (
            <ul className="map-panel__relations">
              {(agency ? relations : personal).map((relation) => (
                <li key={relation.edge.id}>
                  {agency ? null : (
                    <span className="map-panel__phrase">{relationPhrase(t, relation)}</span>
                  )}{' '}
                  <AriaButton
                    className="map__link"
                    onPress={() => {
                      onSelect(relation.other);
                    }}
                  >
                    {nameOf(model, relation.other)}
                  </AriaButton>
                </li>
              ))}
            </ul>
          )}
          <div className="map-panel__actions">
            {person && person.id !== model.focus?.id ? (
              <Button
                variant="primary"
                onPress={() => {
                  centre(person.personId);
                }}
              >
                {t('ui.map.centreHere')}
              </Button>
            ) : null}
            {person && person.id === model.focus?.id ? (
              <p className="map__muted">{t('ui.map.isFocus')}</p>
            ) : null}
            {person ? (
              <Button
                onPress={() => {
                  navigate({ area: 'person', id: person.personId });
                }}
              >
                {t('ui.map.openPerson')}
              </Button>
            ) : null}
            {agency ? (
              <Button
                onPress={() => {
                  navigate({ area: 'agency', id: agency.agencyId });
                }}
              >
                {t('ui.map.openAgency')}
              </Button>
            ) : null}
          </div>
        </>
      ) : null}
    </section>
  );
}

function RoutesPanel({
  model,
  depth,
  routeKey,
  onRoute,
}: {
  model: MapModel;
  depth: number;
  routeKey: string | null;
  onRoute: (key: string | null) => void;
}) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const focus = model.focus;
  if (!focus) return null;
  const routes = showAll ? model.routes : model.routes.slice(0, ROUTES_SHOWN);
  return (
    <section className="map-panel" aria-labelledby="map-routes-title">
      <h2 id="map-routes-title" className="map-panel__title">
        {t('ui.map.routes')}
      </h2>
      <p className="map__muted map-panel__intro">
        {t('ui.map.routesIntro', { name: focus.fullName })}
      </p>
      {IN_TOUCH_STAGES.includes(focus.stage) ? (
        <p>
          {t('ui.map.alreadyInTouch', {
            name: focus.fullName,
            stage: t(`ui.domain.stage.${focus.stage}`),
          })}
        </p>
      ) : null}
      {model.routes.length === 0 ? (
        <p className="map__muted">{t('ui.map.routesNone', { count: depth })}</p>
      ) : (
        <ul className="map-routes">
          {routes.map((route) => (
            <li key={route.start.id}>
              <ToggleButton
                className="map-route"
                isSelected={routeKey === route.start.id}
                onChange={(on) => {
                  onRoute(on ? route.start.id : null);
                }}
              >
                <RouteText model={model} route={route} />
              </ToggleButton>
            </li>
          ))}
        </ul>
      )}
      {routes.length < model.routes.length ? (
        <Button
          variant="quiet"
          onPress={() => {
            setShowAll(true);
          }}
        >
          {t('ui.map.allRoutes', { count: model.routes.length })}
        </Button>
      ) : null}
      {routeKey !== null ? (
        <Button
          variant="quiet"
          onPress={() => {
            onRoute(null);
          }}
        >
          {t('ui.map.clearRoute')}
        </Button>
      ) : null}
    </section>
  );
}

function RouteText({ model, route }: { model: MapModel; route: RouteIn }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="map-route__via">
        {t(`ui.map.via.${route.via}`)}
        <span className="map-route__steps">
          {' · '}
          {t('ui.map.steps', { count: route.steps.length })}
        </span>
      </span>
      <span className="map-route__chain">
        <span className="map-route__person">
          {route.start.fullName}{' '}
          <span className="map-route__stage">({t(`ui.domain.stage.${route.start.stage}`)})</span>
        </span>
        {route.steps.map((step) => (
          <span key={step.edge.id}>
            {' '}
            <span aria-hidden="true">→</span>{' '}
            <span className="map-route__kind">
              {step.forward
                ? t(`ui.map.kind.${step.edge.kind}`)
                : t(`ui.map.reverse.${step.edge.kind}`)}
            </span>{' '}
            <span aria-hidden="true">→</span>{' '}
            <span className="map-route__person">{nameOf(model, step.to)}</span>
          </span>
        ))}
      </span>
    </>
  );
}

/** The whole map as a table: the way in for keyboards and screen readers. */
function MapList({ model }: { model: MapModel }) {
  const { t } = useTranslation();
  const persons = [...model.persons.values()].sort(
    (a, b) =>
      (model.distance.get(a.id) ?? 0) - (model.distance.get(b.id) ?? 0) ||
      a.fullName.localeCompare(b.fullName),
  );
  return (
    <section className="map-list" aria-labelledby="map-list-title">
      <h2 id="map-list-title">{t('ui.map.list')}</h2>
      <p className="map__muted">{t('ui.map.listIntro')}</p>
      <table className="map-list__table">
        <thead>
          <tr>
            <th scope="col">{t('ui.map.columns.person')}</th>
            <th scope="col">{t('ui.map.columns.stage')}</th>
            <th scope="col">{t('ui.map.columns.agency')}</th>
            <th scope="col">{t('ui.map.columns.relationships')}</th>
            <th scope="col">{t('ui.map.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {persons.map((person) => {
            const relations = model.relations.get(person.id) ?? [];
            const agency = relations.find((r) => r.edge.kind === 'works_at');
            const personal = relations.filter((r) => r.edge.kind !== 'works_at');
            return (
              <tr
                key={person.id}
                className={person.id === model.focus?.id ? 'map-list__focus' : undefined}
              >
                <th scope="row">
                  {person.fullName}
                  <span className="map__codename map-list__codename">{person.codename}</span>
                </th>
                <td>
                  <span
                    className="map__swatch"
                    aria-hidden="true"
                    style={{ backgroundColor: stageColour(person.stage) }}
                  />
                  {t(`ui.domain.stage.${person.stage}`)}
                </td>
                <td>{agency ? nameOf(model, agency.other) : ''}</td>
                <td>
                  {personal.length > 0 ? (
                    <ul className="map-list__relations">
                      {personal.map((relation) => (
                        <li key={relation.edge.id}>
                          <span className="map-panel__phrase">{relationPhrase(t, relation)}</span>{' '}
                          {nameOf(model, relation.other)}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
                <td className="map-list__actions">
                  {person.id !== model.focus?.id ? (
                    <Button
                      variant="quiet"
                      aria-label={t('ui.map.centreOn', { name: person.fullName })}
                      onPress={() => {
                        centre(person.personId);
                      }}
                    >
                      {t('ui.map.centre')}
                    </Button>
                  ) : null}
                  <Button
                    variant="quiet"
                    aria-label={t('ui.map.openPage', { name: person.fullName })}
                    onPress={() => {
                      navigate({ area: 'person', id: person.personId });
                    }}
                  >
                    {t('ui.map.open')}
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
