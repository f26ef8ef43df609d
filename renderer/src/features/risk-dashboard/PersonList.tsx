/**
 * The links of the risk dashboard: a person's codename (tables) or name with codename (lists),
 * opening their page; and a list of persons that shows the first LIST_LIMIT and the rest on
 * demand (a large vault can have hundreds never assessed).
 */
import { useState, type ReactNode } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { PersonRef } from '../../../../shared/records.ts';
import { navigate } from '../../app/navigation.ts';
import { Button } from '../../components/Button.tsx';

/** Persons a list or table shows before "Show all". */
export const LIST_LIMIT = 50;

function open(person: PersonRef): void {
  navigate({ area: 'person', id: person.id });
}

/** The codename, opening the person's page (the name is in the next column). */
export function CodenameLink({ person }: { person: PersonRef }) {
  return (
    <Link
      className="risk-link codename"
      onPress={() => {
        open(person);
      }}
    >
      {person.codename}
    </Link>
  );
}

/** Name and codename, opening the person's page. */
export function NameLink({ person }: { person: PersonRef }) {
  return (
    <Link
      className="risk-link"
      onPress={() => {
        open(person);
      }}
    >
      <span className="risk-link__name">{person.fullName}</span>{' '}
      <span className="codename">{person.codename}</span>
    </Link>
  );
}

/** The first `limit` items, and a button that shows the rest. */
export function useLimited<T>(items: readonly T[], limit = LIST_LIMIT) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, limit);
  return {
    shown,
    hidden: items.length - shown.length,
    showAll: () => {
      setAll(true);
    },
  };
}

export function ShowAll({ count, onPress }: { count: number; onPress: () => void }) {
  const { t } = useTranslation();
  return (
    <Button variant="quiet" className="risk-show-all" onPress={onPress}>
      {t('ui.riskDashboard.showAll', { count })}
    </Button>
  );
}

/** Persons as a list of links, each with what the section says about them. */
export function PersonList<P extends PersonRef>({
  persons,
  labelledBy,
  detail,
}: {
  persons: readonly P[];
  labelledBy: string;
  detail: (person: P) => ReactNode;
}) {
  const { shown, hidden, showAll } = useLimited(persons);
  return (
    <>
      <ul className="risk-list" aria-labelledby={labelledBy}>
        {shown.map((person) => (
          <li key={person.id} className="risk-list__item">
            <NameLink person={person} />
            <span className="risk-list__detail">{detail(person)}</span>
          </li>
        ))}
      </ul>
      {hidden > 0 ? <ShowAll count={persons.length} onPress={showAll} /> : null}
    </>
  );
}
