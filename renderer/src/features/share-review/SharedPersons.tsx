/**
 * Who is being shared, shown above the first step and again in the review and beside the
 * write button: each person's full name, codename, position and agency, so that a namesake
 * chosen by mistake ("Кудряшова Анжела" for "Кудряшова Феврония") shows before anything is
 * written. (Not a sticky banner: it would cover the field that has the keyboard focus.)
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChosenPerson } from '../notes/PersonPicker.tsx';

/** More than this many are counted, not listed: the banner stays a banner. */
const LISTED = 5;

export function SharedPersons({ persons }: { persons: readonly ChosenPerson[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  const listed = persons.slice(0, LISTED);
  return (
    <div className="share-subject" role="group" aria-labelledby={titleId}>
      <p className="share-subject__title" id={titleId}>
        {t('ui.shareReview.sharing.title')}
      </p>
      {persons.length === 0 ? (
        <p className="share-subject__none">{t('ui.shareReview.sharing.none')}</p>
      ) : (
        <ul className="share-subject__list">
          {listed.map((person) => (
            <li key={person.id} className="share-subject__person">
              <span className="share-subject__name">{person.fullName}</span>
              <span className="share-subject__codename">
                {t('ui.people.pick.codename', { codename: person.codename })}
              </span>
              <Details person={person} />
            </li>
          ))}
        </ul>
      )}
      {persons.length > LISTED ? (
        <p className="share-subject__more">
          {t('ui.shareReview.sharing.more', { count: persons.length - LISTED })}
        </p>
      ) : null}
    </div>
  );
}

/** Position and agency when known (a person loaded or picked); a word when neither is recorded. */
function Details({ person }: { person: ChosenPerson }) {
  const { t } = useTranslation();
  if (person.position === undefined && person.agencyName === undefined) return null;
  const words = [person.position, person.agencyName].filter(Boolean).join(' · ');
  return (
    <span className="share-subject__details">
      {words === '' ? t('ui.shareReview.sharing.noDetails') : words}
    </span>
  );
}
