/**
 * The guided assessment form's values and checks, kept apart from the component so the rules
 * of the form (what each step needs, which review date to suggest) read in one place.
 */
import type { Consent } from '../../../../shared/domain.ts';
import {
  RISK_FACTORS,
  rateRisk,
  reviewDueFor,
  type Assessment,
  type AssessmentFieldsInput,
  type FactorScores,
  type Mitigation,
  type ReviewIntervals,
  type RiskFactor,
  type RiskRating,
} from '../../../../shared/risk.ts';

export type FormMode = 'assess' | 'reassess' | 'correct';
export const STEPS = ['factors', 'consent', 'review'] as const;
export type Step = (typeof STEPS)[number];

export interface AssessmentValues {
  /** null until the assessor picks a score: a first assessment starts with none chosen. */
  factors: Record<RiskFactor, number | null>;
  consent: Consent;
  /** '' = not confirmed. */
  consentConfirmedOn: string;
  mitigations: Mitigation[];
  mitigationNotes: string;
  narrative: string;
  assessor: string;
  /** '' = the policy's date. */
  reviewDueOn: string;
  correctionReason: string;
}

/** A reassessment or a correction starts from the latest version; a first one from nothing. */
export function initialValues(
  previous: Assessment | undefined,
  consent: Consent,
): AssessmentValues {
  if (!previous) {
    return {
      factors: Object.fromEntries(RISK_FACTORS.map((f) => [f, null])) as Record<RiskFactor, null>,
      consent,
      consentConfirmedOn: '',
      mitigations: [],
      mitigationNotes: '',
      narrative: '',
      assessor: '',
      reviewDueOn: '',
      correctionReason: '',
    };
  }
  return {
    factors: { ...previous.factors },
    consent: previous.consent,
    consentConfirmedOn: previous.consentConfirmedOn ?? '',
    mitigations: [...previous.mitigations],
    mitigationNotes: previous.mitigationNotes,
    narrative: previous.narrative,
    assessor: previous.assessor,
    reviewDueOn: '',
    correctionReason: '',
  };
}

export function completeScores(factors: AssessmentValues['factors']): FactorScores | null {
  const scores: Partial<FactorScores> = {};
  for (const factor of RISK_FACTORS) {
    const score = factors[factor];
    if (score === null) return null;
    scores[factor] = score;
  }
  return scores as FactorScores;
}

/** The live rating (null while a factor has no score) and the latest review it allows. */
export function ratingOf(
  factors: AssessmentValues['factors'],
  today: string,
  intervals: ReviewIntervals,
): (RiskRating & { latestReview: string }) | null {
  const scores = completeScores(factors);
  if (!scores) return null;
  const rating = rateRisk(scores);
  return { ...rating, latestReview: reviewDueFor(rating.level, today, intervals) };
}

/**
 * The review date the form proposes: the policy's latest. A correction keeps the corrected
 * version's date while it is still allowed: fixing a typo should not move the review.
 */
export function suggestedReview(
  mode: FormMode,
  previous: Assessment | undefined,
  latestReview: string,
  today: string,
): string {
  if (
    mode === 'correct' &&
    previous &&
    previous.reviewDueOn >= today &&
    previous.reviewDueOn <= latestReview
  )
    return previous.reviewDueOn;
  return latestReview;
}

export type ProblemField =
  RiskFactor | 'consentConfirmedOn' | 'assessor' | 'reviewDueOn' | 'correctionReason';
/** A text key under ui.riskAssessment.form, with a date to put in it where one is needed. */
export interface Problem {
  key: string;
  date?: string;
}
export type Problems = Partial<Record<ProblemField, Problem>>;

/** What stops the assessor leaving `step` (the core checks the same again when saving). */
export function stepProblems(
  step: Step,
  values: AssessmentValues,
  context: { today: string; intervals: ReviewIntervals; correction: boolean },
): Problems {
  const problems: Problems = {};
  if (step === 'factors') {
    for (const factor of RISK_FACTORS) {
      if (values.factors[factor] === null) problems[factor] = { key: 'chooseScore' };
    }
  } else if (step === 'consent') {
    if (values.consentConfirmedOn !== '' && values.consentConfirmedOn > context.today)
      problems.consentConfirmedOn = { key: 'consentDateFuture' };
  } else {
    if (values.assessor.trim() === '') problems.assessor = { key: 'assessorNeeded' };
    if (context.correction && values.correctionReason.trim() === '')
      problems.correctionReason = { key: 'correctionReasonNeeded' };
    const rating = ratingOf(values.factors, context.today, context.intervals);
    if (values.reviewDueOn !== '' && values.reviewDueOn < context.today)
      problems.reviewDueOn = { key: 'reviewPast' };
    else if (rating && values.reviewDueOn > rating.latestReview)
      problems.reviewDueOn = { key: 'reviewTooLate', date: rating.latestReview };
  }
  return problems;
}

/** The input of 'risk:assess'; null while a factor has no score. */
export function toAssessmentFields(
  values: AssessmentValues,
  personId: number,
  basedOnVersion: number | null,
  correction: boolean,
): AssessmentFieldsInput | null {
  const factors = completeScores(values.factors);
  if (!factors) return null;
  return {
    personId,
    basedOnVersion,
    correction,
    correctionReason: correction ? values.correctionReason.trim() : '',
    factors,
    consent: values.consent,
    consentConfirmedOn: values.consentConfirmedOn === '' ? null : values.consentConfirmedOn,
    mitigations: values.mitigations,
    mitigationNotes: values.mitigationNotes.trim(),
    narrative: values.narrative.trim(),
    assessor: values.assessor.trim(),
    reviewDueOn: values.reviewDueOn === '' ? null : values.reviewDueOn,
  };
}
