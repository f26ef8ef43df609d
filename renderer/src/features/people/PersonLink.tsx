import { Link } from 'react-aria-components';
import type { PersonRef } from '../../../../shared/records.ts';
import { navigate } from '../../app/navigation.ts';

/** A person's name with their codename, opening their page. */
export function PersonLink({ person }: { person: PersonRef }) {
  return (
    <Link
      className="person-link"
      onPress={() => {
        navigate({ area: 'person', id: person.id });
      }}
    >
      <span className="person-link__name">{person.fullName}</span>
      <span className="codename">{person.codename}</span>
    </Link>
  );
}
