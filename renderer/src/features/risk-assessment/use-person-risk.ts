/** The person's assessments, review state and plan: one query the badge, section and plan share. */
import { useVaultQuery } from '../../lib/vault-mutation.ts';

export function usePersonRisk(personId: number) {
  return useVaultQuery('risk:person', { personId });
}
