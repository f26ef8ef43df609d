/**
 * A vault ready for the share review: three persons of different risk and one partner.
 * - Anna Smith: low risk, consent "trusted partners" → named for a partner.
 * - Boris Orlov: moderate risk, consent "internal" only → codename for a partner.
 * - Clara Weiss: critical risk → withheld from everyone.
 * Each has one ordinary and one restricted note. The clock is fixed at local noon on
 * 2026-03-10 and can be moved.
 */
import type { CoreApiOptions } from '../../electron/core/api.ts';
import type { FactorScores } from '../../shared/risk.ts';
import type { ReviewedShareInput } from '../../shared/share.ts';
import { openTestVault } from './domain.ts';

/** Every factor at the same score: 1 → low, 3 → moderate, 4 → high, 5 → critical. */
export const uniformFactors = (score: number): FactorScores => ({
  visibility: score,
  superiorHostility: score,
  politicalClimate: score,
  priorRetaliation: score,
  surveillance: score,
  postDependence: score,
  leakHarm: score,
});

export const SHARE_PEOPLE = {
  anna: { fullName: 'Anna Smith', level: 'low', consent: 'trusted_partners', score: 1 },
  boris: { fullName: 'Boris Orlov', level: 'moderate', consent: 'internal', score: 3 },
  clara: { fullName: 'Clara Weiss', level: 'critical', consent: 'public', score: 5 },
} as const;
type Who = keyof typeof SHARE_PEOPLE;

export function shareClock(year = 2026, month = 3, day = 10) {
  const clock = {
    at: new Date(year, month - 1, day, 12),
    advance(days: number) {
      clock.at = new Date(
        clock.at.getFullYear(),
        clock.at.getMonth(),
        clock.at.getDate() + days,
        12,
      );
    },
  };
  return clock;
}

export async function openShareVault(dir: string, overrides: Partial<CoreApiOptions> = {}) {
  const clock = shareClock();
  const api = await openTestVault(dir, { now: () => clock.at, ...overrides });
  const { id: agencyId } = await api.call('agencies:create', { name: 'Regional Court' });
  const ids = {} as Record<Who, number>;
  const codenames = {} as Record<Who, string>;
  for (const who of Object.keys(SHARE_PEOPLE) as Who[]) {
    const { fullName, consent, score } = SHARE_PEOPLE[who];
    const { id } = await api.call('persons:create', {
      fullName,
      position: `Judge of chamber ${who}`,
      agencyId,
      region: 'North',
      stage: 'in_contact',
      about: `About ${fullName}: met at the seminar.`,
    });
    await api.call('risk:assess', {
      personId: id,
      basedOnVersion: null,
      factors: uniformFactors(score),
      consent,
      assessor: 'Maria',
    });
    await api.call('notes:create', {
      occurredOn: '2026-03-01',
      kind: 'meeting',
      personIds: [id],
      title: `Open note on ${who}`,
      body: `Ordinary meeting notes for ${who}.`,
    });
    await api.call('notes:create', {
      occurredOn: '2026-03-02',
      kind: 'call',
      personIds: [id],
      title: `RESTRICTED note on ${who}`,
      body: `Secret source detail for ${who}.`,
      restricted: true,
    });
    ids[who] = id;
    codenames[who] = (await api.call('persons:get', { id })).person.codename;
  }
  const { id: partnerId } = await api.call('partners:create', { name: 'Nordic Rights Watch' });
  return { api, clock, ids, codenames, partnerId, agencyId };
}

export type ShareVault = Awaited<ReturnType<typeof openShareVault>>;

/** The reviewed request with the rules' own decisions for a partner: named, codename, withheld. */
export function partnerReview(
  vault: ShareVault,
  overrides: Partial<ReviewedShareInput> = {},
): ReviewedShareInput {
  return {
    recipient: { kind: 'partner', partnerId: vault.partnerId },
    purpose: 'Joint monitoring of court hearings',
    reviewedBy: 'Maria Ivanova',
    fields: ['sphere', 'region', 'position', 'agency', 'about', 'notes'],
    choices: [
      { personId: vault.ids.anna, decision: 'named' },
      { personId: vault.ids.boris, decision: 'codename' },
      { personId: vault.ids.clara, decision: 'withheld' },
    ],
    ...overrides,
  };
}
