/** The side of the map: the selected node's details, and the routes in to the focus person. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button as AriaButton, ToggleButton } from 'react-aria-components';
import { navigate } from '../../app/navigation.ts';
import { Button } from '../../components/Button.tsx';
import { centre, nameOf, relationPhrase } from './map-links.ts';
import type { MapModel, RouteIn } from './map-model.ts';
import { IN_TOUCH_STAGES } from '../../../../shared/domain.ts';
import { stageColour } from './stage-colours.ts';

/** Routes listed before "Show all": the shortest come first. */
const ROUTES_SHOWN = 8;

export function DetailsPanel({
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

export function RoutesPanel({
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
