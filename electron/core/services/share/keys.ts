/** Partners' public share keys, shown to people as fingerprints to compare on the phone. */
import type { Partner } from '../../../../shared/records.ts';
import { shareKeyFingerprint } from '../../crypto/share-key.ts';
import type { StoredPartner } from '../../repos/partners.ts';

export async function withFingerprint(stored: StoredPartner): Promise<Partner> {
  const { sharePublicKey, ...partner } = stored;
  return {
    ...partner,
    shareKeyFingerprint: sharePublicKey ? await shareKeyFingerprint(sharePublicKey) : null,
  };
}
