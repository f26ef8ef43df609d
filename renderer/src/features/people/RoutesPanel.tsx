import { useTranslation } from 'react-i18next';
import type { PersonPage, PersonRef } from '../../../../shared/records.ts';
import { PersonLink } from './PersonLink.tsx';

const ROUTES = ['throughSubordinates', 'throughSuperiors', 'introducedBy', 'sameAgency'] as const;

/** Which way in: the people we are in touch with who could open a door to this person. */
export function RoutesPanel({ page }: { page: PersonPage }) {
  const { t } = useTranslation();
  const lists: Record<(typeof ROUTES)[number], PersonRef[]> = {
    ...page.routes,
    sameAgency: page.sameAgency,
  };
  const routes = ROUTES.filter((route) => lists[route].length > 0);
  return (
    <section className="panel person-section" aria-labelledby="routes-title">
      <h2 id="routes-title" className="person-section__title">
        {t('ui.people.routes.title')}
      </h2>
      <p className="muted">{t('ui.people.routes.intro')}</p>
      {routes.length === 0 ? <p>{t('ui.people.routes.none')}</p> : null}
      {routes.map((route) => (
        <div key={route} className="relation-group">
          <h3 className="relation-group__title" id={`route-${route}`}>
            {t(`ui.people.routes.${route}`)}
          </h3>
          <p className="relation-group__help muted">{t(`ui.people.routes.${route}Help`)}</p>
          <ul className="relation-list" aria-labelledby={`route-${route}`}>
            {lists[route].map((person) => (
              <li key={person.id} className="relation">
                <PersonLink person={person} />
                <span className={`stage-chip stage-chip--${person.stage}`}>
                  {t(`ui.domain.stage.${person.stage}`)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
