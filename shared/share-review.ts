/**
 * The risk review before any name leaves the vault (DOMAIN.md, "Risk review before sharing
 * names"; issue 6), as pure functions: for each person and recipient, whether the output may
 * carry the name, only the codename, or nothing at all — and when a leader may override that.
 * Every export path calls these rules (the core) and shows them (the review screen);
 * tests/unit/share-review.test.ts checks them with tables.
 */
import type { Consent } from './domain.ts';
import { CONSENT_LEVELS, codenameKey } from './domain.ts';
import { type Mitigation, type RiskLevel, reviewState } from './risk.ts';

/** Who receives the output, from the closest to the widest audience. */
export const RECIPIENT_KINDS = ['internal', 'partner', 'publication'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** The least consent a person must have given for their name to reach each kind of recipient. */
export const CONSENT_NEEDED: Readonly<Record<RecipientKind, Consent>> = {
  internal: 'internal',
  partner: 'trusted_partners',
  publication: 'public',
};

/** From the most open to the most restrictive. */
export const SHARE_DECISIONS = ['named', 'codename', 'withheld'] as const;
export type ShareDecision = (typeof SHARE_DECISIONS)[number];

/** Why a person is not named; the review screen words each one. */
export const SHARE_REASONS = [
  'not-assessed',
  'assessment-overdue',
  'consent-below-recipient',
  'codename-only-agreed',
  'critical-risk',
  'never-in-publications',
] as const;
export type ShareReason = (typeof SHARE_REASONS)[number];

/** What each reason decides (the most restrictive reason wins). */
const REASON_DECISION: Readonly<Record<ShareReason, ShareDecision>> = {
  'not-assessed': 'codename',
  'assessment-overdue': 'codename',
  'consent-below-recipient': 'codename',
  'codename-only-agreed': 'codename',
  'critical-risk': 'withheld',
  'never-in-publications': 'withheld',
};

/** The person as the review sees them: consent, and their current assessment if any. */
export interface ShareCandidate {
  consent: Consent;
  assessment: { level: RiskLevel; reviewDueOn: string; mitigations: readonly Mitigation[] } | null;
}

export interface ShareRuling {
  decision: ShareDecision;
  /** Every reason that applies, in SHARE_REASONS order; empty when the person may be named. */
  reasons: ShareReason[];
}

export function consentCovers(consent: Consent, recipient: RecipientKind): boolean {
  return CONSENT_LEVELS.indexOf(consent) >= CONSENT_LEVELS.indexOf(CONSENT_NEEDED[recipient]);
}

/** The rules' decision for one person and one kind of recipient, on `today`. */
export function shareRuling(
  person: ShareCandidate,
  recipient: RecipientKind,
  today: string,
): ShareRuling {
  const reasons = new Set<ShareReason>();
  const { assessment } = person;
  if (!assessment) reasons.add('not-assessed');
  else if (reviewState(assessment.reviewDueOn, today) === 'overdue')
    reasons.add('assessment-overdue');
  if (!consentCovers(person.consent, recipient)) reasons.add('consent-below-recipient');
  if (assessment?.mitigations.includes('codename_only')) reasons.add('codename-only-agreed');
  if (assessment?.level === 'critical') reasons.add('critical-risk');
  if (recipient === 'publication' && assessment?.mitigations.includes('never_in_publications'))
    reasons.add('never-in-publications');
  const ordered = SHARE_REASONS.filter((reason) => reasons.has(reason));
  return {
    decision: mostRestrictive(ordered.map((reason) => REASON_DECISION[reason])),
    reasons: ordered,
  };
}

export function mostRestrictive(decisions: readonly ShareDecision[]): ShareDecision {
  return decisions.reduce<ShareDecision>(
    (worst, decision) =>
      SHARE_DECISIONS.indexOf(decision) > SHARE_DECISIONS.indexOf(worst) ? decision : worst,
    'named',
  );
}

/** The shortest justification an override accepts: a sentence, not a shrug. */
export const MIN_JUSTIFICATION = 20;

export type OverrideProblem = 'justification-missing' | 'codename-mismatch';

/** Whether choosing `wanted` opens up what the rules decided (and so is an override). */
export function isOverride(ruled: ShareDecision, wanted: ShareDecision): boolean {
  return SHARE_DECISIONS.indexOf(wanted) < SHARE_DECISIONS.indexOf(ruled);
}

/**
 * Whether a leader's override of the rules' decision stands. Going further than the rules
 * (withholding someone they would name) is always allowed and needs nothing; opening up
 * (naming someone they would show by codename, or showing someone they would withhold)
 * needs a written justification and the person's codename typed out.
 */
export function overrideProblem(
  ruled: ShareDecision,
  wanted: ShareDecision,
  override: { justification: string; typedCodename: string },
  codename: string,
): OverrideProblem | null {
  if (!isOverride(ruled, wanted)) return null;
  if (override.justification.trim().length < MIN_JUSTIFICATION) return 'justification-missing';
  if (codenameKey(override.typedCodename) !== codenameKey(codename)) return 'codename-mismatch';
  return null;
}

/** Restricted notes never leave the vault, in any output, with no override. */
export function mayLeaveVault(note: { restricted: boolean }): boolean {
  return !note.restricted;
}
