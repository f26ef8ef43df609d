/**
 * The retaliation-risk rules (DOMAIN.md, "Retaliation-risk assessment"), as pure functions:
 * seven factor scores → likelihood and impact → a level by the matrix below → the date the
 * next review is due. The core stores what these compute, the assessment form shows the same
 * computation live, and the share review (issue 6) reads the level and the review state.
 * docs/risk-matrix.md explains the choices; tests/unit/risk.test.ts checks every cell.
 */
// One module per function: the package's index makes Node read its 250 modules (seconds).
import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { z } from 'zod';
import {
  CONSENT_LEVELS,
  id,
  isoDate,
  LIMITS,
  RISK_LEVELS,
  STAGES,
  type RiskLevel,
  type Stage,
} from './domain.ts';
import { personRef } from './records.ts';

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

/** Factors that make retaliation more likely: how exposed the collaboration is. */
export const LIKELIHOOD_FACTORS = [
  'visibility',
  'superiorHostility',
  'politicalClimate',
  'priorRetaliation',
  'surveillance',
] as const;
/** Factors that make it hurt more when it happens. */
export const IMPACT_FACTORS = ['postDependence', 'leakHarm'] as const;
export const RISK_FACTORS = [...LIKELIHOOD_FACTORS, ...IMPACT_FACTORS] as const;
export type RiskFactor = (typeof RISK_FACTORS)[number];
export type FactorScores = Record<RiskFactor, number>;

export { RISK_LEVELS, type RiskLevel } from './domain.ts';

/**
 * The matrix: RISK_MATRIX[likelihood - 1][impact - 1]. Written out cell by cell so a reviewer
 * reads the policy itself, not a formula; it follows likelihood × impact: 1–4 low, 5–9
 * moderate, 10–16 high, 20–25 critical.
 */
export const RISK_MATRIX: readonly (readonly RiskLevel[])[] = [
  /* L1 */ ['low', 'low', 'low', 'low', 'moderate'],
  /* L2 */ ['low', 'low', 'moderate', 'moderate', 'high'],
  /* L3 */ ['low', 'moderate', 'moderate', 'high', 'high'],
  /* L4 */ ['low', 'moderate', 'high', 'high', 'critical'],
  /* L5 */ ['moderate', 'high', 'high', 'critical', 'critical'],
];

/**
 * One 1–5 score from several: the rounded mean, but never more than one step below the worst
 * factor. A single alarming factor (they were already disciplined once) must not be averaged
 * away by quiet ones.
 */
export function combineScores(scores: readonly number[]): number {
  if (scores.length === 0) throw new Error('no scores');
  for (const score of scores) {
    if (!Number.isInteger(score) || score < SCORE_MIN || score > SCORE_MAX)
      throw new RangeError(`score out of range: ${String(score)}`);
  }
  const mean = Math.round(scores.reduce((sum, score) => sum + score, 0) / scores.length);
  return Math.max(mean, Math.max(...scores) - 1);
}

export function likelihoodOf(factors: FactorScores): number {
  return combineScores(LIKELIHOOD_FACTORS.map((factor) => factors[factor]));
}

export function impactOf(factors: FactorScores): number {
  return combineScores(IMPACT_FACTORS.map((factor) => factors[factor]));
}

export function levelOf(likelihood: number, impact: number): RiskLevel {
  const level = RISK_MATRIX[likelihood - 1]?.[impact - 1];
  if (!level) throw new RangeError(`not on the matrix: ${String(likelihood)}×${String(impact)}`);
  return level;
}

export interface RiskRating {
  likelihood: number;
  impact: number;
  level: RiskLevel;
}

export function rateRisk(factors: FactorScores): RiskRating {
  const likelihood = likelihoodOf(factors);
  const impact = impactOf(factors);
  return { likelihood, impact, level: levelOf(likelihood, impact) };
}

/** Days until the next review, by level: the policy the team can change in Settings. */
export type ReviewIntervals = Record<RiskLevel, number>;
export const DEFAULT_REVIEW_INTERVALS: ReviewIntervals = {
  critical: 30,
  high: 60,
  moderate: 120,
  low: 180,
};
export const REVIEW_INTERVAL_MIN = 7;
export const REVIEW_INTERVAL_MAX = 365;

const intervalDays = z.number().int().min(REVIEW_INTERVAL_MIN).max(REVIEW_INTERVAL_MAX);
/** A higher level is never reviewed less often than a lower one. */
export const reviewIntervals = z
  .strictObject({
    critical: intervalDays,
    high: intervalDays,
    moderate: intervalDays,
    low: intervalDays,
  })
  .superRefine((days, context) => {
    // The problem is reported on the first level whose interval is longer than the next one's.
    const pairs = [
      ['critical', 'high'],
      ['high', 'moderate'],
      ['moderate', 'low'],
    ] as const;
    const wrong = pairs.find(([higher, lower]) => days[higher] > days[lower]);
    if (wrong) {
      context.addIssue({
        code: 'custom',
        message: 'a higher level needs a review at least as often',
        path: [wrong[0]],
        params: { reason: 'interval_order' },
      });
    }
  });

/** YYYY-MM-DD plus some calendar days (local calendar, so no DST surprises). */
export function addCalendarDays(date: string, days: number): string {
  return format(addDays(parseISO(date), days), 'yyyy-MM-dd');
}

export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/** The latest review date the policy allows for an assessment made on `assessedOn`. */
export function reviewDueFor(
  level: RiskLevel,
  assessedOn: string,
  intervals: ReviewIntervals = DEFAULT_REVIEW_INTERVALS,
): string {
  return addCalendarDays(assessedOn, intervals[level]);
}

/** "Due soon" starts this many days before the review date (the dashboard lists them). */
export const REVIEW_SOON_DAYS = 14;
export const REVIEW_STATES = ['current', 'due-soon', 'due', 'overdue'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** Where an assessment stands today: overdue the day after its review date. */
export function reviewState(reviewDueOn: string, today: string): ReviewState {
  return reviewStatesOn(today)(reviewDueOn);
}

/**
 * reviewState for many assessments on one day: the calendar arithmetic is done once, then
 * each date is compared as text (YYYY-MM-DD sorts as it reads). The dashboard rates
 * thousands of assessments per call.
 */
export function reviewStatesOn(today: string): (reviewDueOn: string) => ReviewState {
  const soon = addCalendarDays(today, REVIEW_SOON_DAYS);
  return (reviewDueOn) => {
    if (reviewDueOn < today) return 'overdue';
    if (reviewDueOn === today) return 'due';
    if (reviewDueOn <= soon) return 'due-soon';
    return 'current';
  };
}

/**
 * Stages in which a person is exposed by their contact with us and needs a current assessment:
 * everyone we have been in touch with, including those dormant or gone elsewhere.
 */
export const ASSESSED_STAGES: readonly Stage[] = [
  'in_contact',
  'collaborating',
  'partner',
  'moved_on',
  'dormant',
];

export const MITIGATIONS = [
  'meet_privately',
  'codename_only',
  'never_in_publications',
  'secure_channel',
] as const;
export type Mitigation = (typeof MITIGATIONS)[number];

const score = z.number().int().min(SCORE_MIN).max(SCORE_MAX);
export const factorScores = z.strictObject(
  Object.fromEntries(RISK_FACTORS.map((factor) => [factor, score])) as Record<
    RiskFactor,
    typeof score
  >,
);

/**
 * What the assessor writes. Likelihood, impact, level and the assessment date are not input:
 * the core computes them with the rules above, so a stored level always follows the policy.
 */
export const assessmentFields = z.strictObject({
  personId: id,
  /** The version the form started from (null for a first assessment): a stale form is refused. */
  basedOnVersion: z.number().int().min(1).nullable(),
  /** True when this version corrects a mistake in `basedOnVersion` rather than reassessing. */
  correction: z.boolean().default(false),
  correctionReason: z.string().trim().max(LIMITS.text).default(''),
  factors: factorScores,
  consent: z.enum(CONSENT_LEVELS),
  /** When the person last confirmed their consent; null if it was not confirmed. */
  consentConfirmedOn: isoDate.nullable().default(null),
  mitigations: z.array(z.enum(MITIGATIONS)).max(MITIGATIONS.length).default([]),
  mitigationNotes: z.string().trim().max(LIMITS.text).default(''),
  narrative: z.string().trim().max(LIMITS.longText).default(''),
  assessor: z.string().trim().min(1).max(LIMITS.short),
  /** Earlier than the policy's date if the assessor wants; null = the policy's date. */
  reviewDueOn: isoDate.nullable().default(null),
});
export type AssessmentFields = z.output<typeof assessmentFields>;
export type AssessmentFieldsInput = z.input<typeof assessmentFields>;

/** One stored version, as the screens read it. */
export const assessment = z.strictObject({
  id,
  personId: id,
  version: z.number().int().min(1),
  correctsVersion: z.number().int().min(1).nullable(),
  correctionReason: z.string(),
  assessedOn: isoDate,
  assessedAt: z.string().max(40),
  assessor: z.string(),
  factors: factorScores,
  likelihood: score,
  impact: score,
  level: z.enum(RISK_LEVELS),
  consent: z.enum(CONSENT_LEVELS),
  consentConfirmedOn: isoDate.nullable(),
  mitigations: z.array(z.enum(MITIGATIONS)),
  mitigationNotes: z.string(),
  narrative: z.string(),
  reviewDueOn: isoDate,
});
export type Assessment = z.output<typeof assessment>;

/** What changed from one version to the next, for the history on the person page. */
export type AssessmentChange =
  | { field: RiskFactor | 'likelihood' | 'impact'; from: number; to: number }
  | { field: 'level'; from: RiskLevel; to: RiskLevel }
  | { field: 'consent'; from: Assessment['consent']; to: Assessment['consent'] }
  | { field: 'consentConfirmedOn' | 'reviewDueOn'; from: string | null; to: string | null }
  | { field: 'mitigations'; added: Mitigation[]; removed: Mitigation[] }
  | { field: 'mitigationNotes' | 'narrative' | 'assessor'; from: string; to: string };

export function assessmentChanges(previous: Assessment, next: Assessment): AssessmentChange[] {
  const changes: AssessmentChange[] = [];
  for (const factor of RISK_FACTORS) {
    const from = previous.factors[factor];
    const to = next.factors[factor];
    if (from !== to) changes.push({ field: factor, from, to });
  }
  for (const field of ['likelihood', 'impact'] as const) {
    if (previous[field] !== next[field])
      changes.push({ field, from: previous[field], to: next[field] });
  }
  if (previous.level !== next.level)
    changes.push({ field: 'level', from: previous.level, to: next.level });
  if (previous.consent !== next.consent)
    changes.push({ field: 'consent', from: previous.consent, to: next.consent });
  for (const field of ['consentConfirmedOn', 'reviewDueOn'] as const) {
    if (previous[field] !== next[field])
      changes.push({ field, from: previous[field], to: next[field] });
  }
  const added = next.mitigations.filter((m) => !previous.mitigations.includes(m));
  const removed = previous.mitigations.filter((m) => !next.mitigations.includes(m));
  if (added.length > 0 || removed.length > 0)
    changes.push({ field: 'mitigations', added, removed });
  for (const field of ['mitigationNotes', 'narrative', 'assessor'] as const) {
    if (previous[field] !== next[field])
      changes.push({ field, from: previous[field], to: next[field] });
  }
  return changes;
}

/** The five questions to answer before launching an approach (tactical notebook). */
export const PLAN_CONSIDERATIONS = [
  'securityRisk',
  'benefitVsRisk',
  'longTermCommitment',
  'organisationBehind',
  'trust',
] as const;
export type PlanConsideration = (typeof PLAN_CONSIDERATIONS)[number];

export const APPROACH_ROUTES = [
  'public_event',
  'letter_invitation',
  'through_subordinates',
  'through_superiors',
  'introduction',
  'other',
] as const;
export const PLAN_DECISIONS = ['undecided', 'go', 'hold'] as const;
export type PlanDecision = (typeof PLAN_DECISIONS)[number];

const planText = z.string().trim().max(LIMITS.text).default('');
export const engagementPlanFields = z.strictObject({
  personId: id,
  objective: planText,
  commonInterest: planText,
  approachRoute: z.enum(APPROACH_ROUTES).nullable().default(null),
  routeNotes: planText,
  plannedOffers: planText,
  considerations: z.strictObject(
    Object.fromEntries(PLAN_CONSIDERATIONS.map((key) => [key, planText])) as Record<
      PlanConsideration,
      typeof planText
    >,
  ),
  decision: z.enum(PLAN_DECISIONS).default('undecided'),
  /** Why go or hold: required with a decision. */
  decisionNote: planText,
  decidedBy: z.string().trim().max(LIMITS.short).default(''),
});
export type EngagementPlanFields = z.output<typeof engagementPlanFields>;
export type EngagementPlanFieldsInput = z.input<typeof engagementPlanFields>;

export const engagementPlan = engagementPlanFields.extend({
  decidedOn: isoDate.nullable(),
  updatedAt: z.string().max(40),
});
export type EngagementPlan = z.output<typeof engagementPlan>;

/** What a plan still lacks before "go": the notebook's considerations, an objective, a route. */
export function planGaps(
  plan: Pick<EngagementPlanFields, 'objective' | 'approachRoute' | 'considerations'>,
): ('objective' | 'approachRoute' | PlanConsideration)[] {
  const gaps: ('objective' | 'approachRoute' | PlanConsideration)[] = [];
  if (plan.objective.trim() === '') gaps.push('objective');
  if (plan.approachRoute === null) gaps.push('approachRoute');
  for (const key of PLAN_CONSIDERATIONS) {
    if (plan.considerations[key].trim() === '') gaps.push(key);
  }
  return gaps;
}

/* What the risk screens read (the core computes states with its own clock: `today`). */

const stage = z.enum(STAGES);
const level = z.enum(RISK_LEVELS);
const reviewStateSchema = z.enum(REVIEW_STATES);
const intervalsOut = z.strictObject({
  critical: z.number().int(),
  high: z.number().int(),
  moderate: z.number().int(),
  low: z.number().int(),
});

export const personRisk = z.strictObject({
  today: isoDate,
  /** The person's stage needs a current assessment (ASSESSED_STAGES). */
  needsAssessment: z.boolean(),
  archived: z.boolean(),
  /** Every version, newest first; the first is the current assessment. */
  history: z.array(assessment),
  reviewState: reviewStateSchema.nullable(),
  intervals: intervalsOut,
  plan: engagementPlan.nullable(),
});
export type PersonRisk = z.output<typeof personRisk>;

export const riskRow = personRef.extend({
  consent: z.enum(CONSENT_LEVELS),
  level,
  likelihood: score,
  impact: score,
  assessedOn: isoDate,
  reviewDueOn: isoDate,
  reviewState: reviewStateSchema,
});
export type RiskRow = z.output<typeof riskRow>;

export const riskDashboard = z.strictObject({
  today: isoDate,
  /** Persons in an assessed stage with an assessment: the heat map and the reviews. */
  assessed: z.array(riskRow),
  /** Persons in an assessed stage never assessed. */
  unassessed: z.array(personRef),
  /** Persons in an assessed stage whose consent to be named was never asked. */
  consentNotAsked: z.array(personRef),
  stageCounts: z.array(z.strictObject({ stage, count: z.number().int().min(0) })),
  followUpsDue: z.strictObject({
    total: z.number().int().min(0),
    /** The most overdue first, at most FOLLOW_UPS_SHOWN. */
    persons: z.array(personRef.extend({ nextFollowUp: isoDate })),
  }),
  /** When the last backup was written (issue 7 records `backup.written`); null = never. */
  lastBackupAt: z.string().max(40).nullable(),
  /** The dashboard warns once the newest backup is older than this (backup settings). */
  backupWarnDays: z.number().int().min(1),
});
export type RiskDashboard = z.output<typeof riskDashboard>;
export const FOLLOW_UPS_SHOWN = 50;

/** Reviews that have fallen due, for the in-app reminder: codenames only, never names. */
export const riskReminders = z.strictObject({
  today: isoDate,
  reviews: z.array(
    z.strictObject({
      personId: id,
      codename: z.string(),
      level,
      reviewDueOn: isoDate,
      reviewState: z.enum(['due', 'overdue']),
    }),
  ),
});
export type RiskReminders = z.output<typeof riskReminders>;
