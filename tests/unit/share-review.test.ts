/**
 * The share review's rules (shared/share-review.ts), by tables written from the issue's
 * wording rather than from the code: which decision each person gets for each recipient, why,
 * and when a leader's override stands.
 */
import { describe, expect, it } from 'vitest';
import type { Consent } from '../../shared/domain.ts';
import type { Mitigation, RiskLevel } from '../../shared/risk.ts';
import {
  consentCovers,
  isOverride,
  mayLeaveVault,
  MIN_JUSTIFICATION,
  mostRestrictive,
  overrideProblem,
  type RecipientKind,
  type ShareCandidate,
  type ShareDecision,
  shareRuling,
} from '../../shared/share-review.ts';

const TODAY = '2026-11-21';
const CURRENT = '2027-01-10';
const OVERDUE = '2026-11-20';

function person(
  consent: Consent,
  assessment?: { level?: RiskLevel; reviewDueOn?: string; mitigations?: Mitigation[] },
): ShareCandidate {
  return {
    consent,
    assessment: assessment
      ? {
          level: assessment.level ?? 'low',
          reviewDueOn: assessment.reviewDueOn ?? CURRENT,
          mitigations: assessment.mitigations ?? [],
        }
      : null,
  };
}

describe('consent against the kind of recipient', () => {
  it.each<[Consent, RecipientKind, boolean]>([
    ['not_asked', 'internal', false],
    ['not_asked', 'partner', false],
    ['not_asked', 'publication', false],
    ['internal', 'internal', true],
    ['internal', 'partner', false],
    ['internal', 'publication', false],
    ['trusted_partners', 'internal', true],
    ['trusted_partners', 'partner', true],
    ['trusted_partners', 'publication', false],
    ['public', 'internal', true],
    ['public', 'partner', true],
    ['public', 'publication', true],
  ])('consent %s covers a %s recipient: %s', (consent, recipient, covers) => {
    expect(consentCovers(consent, recipient)).toBe(covers);
  });
});

describe('the decision for one person', () => {
  it.each<[string, ShareCandidate, RecipientKind, ShareDecision, string[]]>([
    ['assessed, current, consent given', person('public', {}), 'publication', 'named', []],
    [
      'assessed, moderate, partner consent',
      person('trusted_partners', { level: 'moderate' }),
      'partner',
      'named',
      [],
    ],
    [
      'high risk alone does not hide the name',
      person('public', { level: 'high' }),
      'partner',
      'named',
      [],
    ],
    ['never assessed', person('public'), 'partner', 'codename', ['not-assessed']],
    ['never assessed, even internally', person('public'), 'internal', 'codename', ['not-assessed']],
    [
      'review overdue since yesterday',
      person('public', { reviewDueOn: OVERDUE }),
      'partner',
      'codename',
      ['assessment-overdue'],
    ],
    [
      'review due today is not overdue',
      person('public', { reviewDueOn: TODAY }),
      'partner',
      'named',
      [],
    ],
    [
      'consent only internal, to a partner',
      person('internal', {}),
      'partner',
      'codename',
      ['consent-below-recipient'],
    ],
    [
      'consent never asked, internally',
      person('not_asked', {}),
      'internal',
      'codename',
      ['consent-below-recipient'],
    ],
    [
      'trusted partners consent, to publication',
      person('trusted_partners', {}),
      'publication',
      'codename',
      ['consent-below-recipient'],
    ],
    [
      'codename only agreed with them',
      person('public', { mitigations: ['codename_only'] }),
      'internal',
      'codename',
      ['codename-only-agreed'],
    ],
    [
      'critical risk',
      person('public', { level: 'critical' }),
      'internal',
      'withheld',
      ['critical-risk'],
    ],
    [
      'critical risk, overdue and no consent: every reason listed',
      person('not_asked', { level: 'critical', reviewDueOn: OVERDUE }),
      'partner',
      'withheld',
      ['assessment-overdue', 'consent-below-recipient', 'critical-risk'],
    ],
    [
      'never in publications, to publication',
      person('public', { mitigations: ['never_in_publications'] }),
      'publication',
      'withheld',
      ['never-in-publications'],
    ],
    [
      'never in publications, to a partner',
      person('public', { mitigations: ['never_in_publications'] }),
      'partner',
      'named',
      [],
    ],
    [
      'meet privately does not change what goes out',
      person('public', { mitigations: ['meet_privately', 'secure_channel'] }),
      'publication',
      'named',
      [],
    ],
  ])('%s → %s', (_what, candidate, recipient, decision, reasons) => {
    expect(shareRuling(candidate, recipient, TODAY)).toEqual({ decision, reasons });
  });

  it('the most restrictive decision wins', () => {
    expect(mostRestrictive([])).toBe('named');
    expect(mostRestrictive(['codename', 'named'])).toBe('codename');
    expect(mostRestrictive(['codename', 'withheld', 'named'])).toBe('withheld');
  });
});

describe('overrides', () => {
  const JUSTIFIED = 'She asked us to name her in the joint report to the ministry.';
  const good = { justification: JUSTIFIED, typedCodename: 'Amber Heron 42' };

  it.each<[ShareDecision, ShareDecision, boolean]>([
    ['codename', 'named', true],
    ['withheld', 'named', true],
    ['withheld', 'codename', true],
    ['named', 'codename', false],
    ['named', 'withheld', false],
    ['codename', 'withheld', false],
    ['codename', 'codename', false],
  ])('from %s to %s is an override: %s', (ruled, wanted, override) => {
    expect(isOverride(ruled, wanted)).toBe(override);
  });

  it('going further than the rules needs no justification', () => {
    expect(
      overrideProblem(
        'named',
        'withheld',
        { justification: '', typedCodename: '' },
        'Amber Heron 42',
      ),
    ).toBeNull();
  });

  it('opening up stands with a justification and the codename typed (any case or spacing)', () => {
    expect(overrideProblem('withheld', 'named', good, 'Amber Heron 42')).toBeNull();
    expect(
      overrideProblem(
        'codename',
        'named',
        { ...good, typedCodename: '  amber   HERON 42 ' },
        'Amber Heron 42',
      ),
    ).toBeNull();
  });

  it.each([
    ['an empty justification', { ...good, justification: '' }, 'justification-missing'],
    [
      'spaces for a justification',
      { ...good, justification: ' '.repeat(40) },
      'justification-missing',
    ],
    [
      'a justification one letter too short',
      { ...good, justification: 'x'.repeat(MIN_JUSTIFICATION - 1) },
      'justification-missing',
    ],
    ['the wrong codename', { ...good, typedCodename: 'Amber Heron 24' }, 'codename-mismatch'],
    ['no codename', { ...good, typedCodename: '' }, 'codename-mismatch'],
  ])('is refused with %s', (_what, override, problem) => {
    expect(overrideProblem('codename', 'named', override, 'Amber Heron 42')).toBe(problem);
  });
});

describe('restricted notes', () => {
  it('never leave the vault', () => {
    expect(mayLeaveVault({ restricted: true })).toBe(false);
    expect(mayLeaveVault({ restricted: false })).toBe(true);
  });
});
