import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/navigation.ts';
import { Button } from '../../components/Button.tsx';
import { centre, nameOf, relationPhrase } from './map-links.ts';
import type { MapModel } from './map-model.ts';
import { stageColour } from './stage-colours.ts';

/** The whole map as a table: the way in for keyboards and screen readers. */
export function MapList({ model }: { model: MapModel }) {
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
