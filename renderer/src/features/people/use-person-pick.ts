/**
 * The person pickers' search (a note's persons, a relationship's other person, the persons of
 * a share, the map's centre): what was typed goes to the core's persons:pick, which ranks by
 * name and codename only. The answer is shown only once it is the answer to what the box
 * holds now: a list left over from fewer letters ("Кудряшова" before "Кудряшова Ф") could put
 * the wrong person under Enter.
 */
import type { PersonCandidate } from '../../../../shared/contract.ts';
import { useDebounced } from '../../lib/use-debounced.ts';
import { useVaultQuery } from '../../lib/vault-mutation.ts';

/** How long typing pauses before the core is asked. */
export const PICK_DELAY_MS = 150;

export interface PersonPick {
  /** The best matches for what the box holds now, best first (empty while asking). */
  candidates: PersonCandidate[];
  /** How many persons match in all (more than shown: type more). */
  total: number;
  /** Something was typed and the core's answer to it is not here yet. */
  searching: boolean;
  error: Error | null;
}

export function usePersonPick(
  input: string,
  options: { excludeIds?: readonly number[]; includeArchived?: boolean; limit?: number } = {},
): PersonPick {
  const query = input.trim();
  const asked = useDebounced(query, PICK_DELAY_MS);
  const found = useVaultQuery(
    'persons:pick',
    {
      query: asked,
      limit: options.limit ?? 20,
      excludeIds: [...(options.excludeIds ?? [])],
      includeArchived: options.includeArchived ?? false,
    },
    { enabled: asked !== '' },
  );
  const current = query !== '' && asked === query && found.isSuccess && !found.isPlaceholderData;
  return {
    candidates: current ? found.data.candidates : [],
    total: current ? found.data.total : 0,
    searching: query !== '' && !current && !found.isError,
    error: found.isError ? found.error : null,
  };
}
