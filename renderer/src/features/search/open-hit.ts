import type { SearchHit } from '../../../../shared/records.ts';
import { navigate } from '../../app/navigation.ts';

/** A person opens their page, an agency its page, a note the page of its (first) person. */
export function openHit(hit: SearchHit): void {
  if (hit.kind === 'agency') navigate({ area: 'agency', id: hit.id });
  else if (hit.kind === 'person') navigate({ area: 'person', id: hit.id });
  else if (hit.personId !== null) navigate({ area: 'person', id: hit.personId });
}
