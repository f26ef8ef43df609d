/**
 * Handlers for retaliation-risk assessments and engagement plans. An assessment is appended,
 * never edited: the form says which version it started from, and a stale form (someone
 * reassessed meanwhile, or an old version opened to "edit") is refused. Likelihood, impact,
 * level and the latest allowed review date come from shared/risk.ts, not from the input.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Handlers } from '../../../shared/contract.ts';
import { localDate } from '../../../shared/domain.ts';
import {
  type AssessmentFields,
  type EngagementPlanFields,
  planGaps,
  rateRisk,
  reviewDueFor,
  type RiskRating,
} from '../../../shared/risk.ts';
import { VaultError } from '../errors.ts';
import { getPlan, savePlan } from '../repos/engagement-plans.ts';
import { getPerson, setPersonConsent } from '../repos/persons.ts';
import { assessedOnOf, insertAssessment, latestVersion } from '../repos/risk-assessments.ts';
import { personRisk, readReviewIntervals, riskDashboard, riskReminders } from '../services/risk.ts';
import { audit, notFound, type DomainContext } from './context.ts';

type RiskChannel = `risk:${string}` | `plans:${string}`;

/**
 * Checks an assessment against the person, the history and the calendar. Returns its version,
 * the day it counts as assessed (a correction keeps the corrected version's day, so fixing a
 * typo does not make an old assessment look fresh) and its review date.
 */
function checkAssessment(
  db: Database,
  fields: AssessmentFields,
  today: string,
): {
  codename: string;
  version: number;
  assessedOn: string;
  reviewDueOn: string;
  rating: RiskRating;
} {
  const codename = checkPersonNotArchived(db, fields.personId);
  const latest = latestVersion(db, fields.personId);
  if (fields.basedOnVersion !== latest) {
    throw new VaultError('ASSESSMENT_NOT_LATEST', { codename, version: latest ?? 0 });
  }
  let assessedOn = today;
  if (fields.correction) {
    if (latest === null) throw new VaultError('NOTHING_TO_CORRECT', { codename });
    if (fields.correctionReason === '') throw new VaultError('CORRECTION_NEEDS_REASON');
    assessedOn = assessedOnOf(db, fields.personId, latest) ?? today;
  }
  if (fields.consentConfirmedOn !== null) {
    if (fields.consent === 'not_asked') throw new VaultError('CONSENT_NOT_ASKED_DATE');
    if (fields.consentConfirmedOn > today)
      throw new VaultError('CONSENT_DATE_FUTURE', { date: fields.consentConfirmedOn });
  }
  const rating = rateRisk(fields.factors);
  const { level } = rating;
  // A correction that raises the level may put the policy's date in the past: due today.
  const policyDate = reviewDueFor(level, assessedOn, readReviewIntervals(db));
  const latestReview = policyDate < today ? today : policyDate;
  const reviewDueOn = fields.reviewDueOn ?? latestReview;
  if (reviewDueOn < today) throw new VaultError('REVIEW_DATE_PAST', { date: reviewDueOn });
  if (reviewDueOn > latestReview) {
    throw new VaultError('REVIEW_DATE_TOO_LATE', { date: reviewDueOn, latest: latestReview });
  }
  return { codename, version: (latest ?? 0) + 1, assessedOn, reviewDueOn, rating };
}

/** An archived person's risk and plan are kept as they were: restore them to change them. */
function checkPersonNotArchived(db: Database, personId: number): string {
  const person = getPerson(db, personId);
  if (!person) throw notFound('person', { id: personId });
  if (person.archivedAt !== null) {
    throw new VaultError('PERSON_ARCHIVED', { codename: person.codename });
  }
  return person.codename;
}

/** A decision needs its reasons; "go" needs the plan answered (the notebook's considerations). */
function checkPlan(plan: EngagementPlanFields): void {
  if (plan.decision === 'go') {
    const gaps = planGaps(plan);
    if (gaps.length > 0) throw new VaultError('PLAN_INCOMPLETE', { count: gaps.length });
  }
  if (plan.decision !== 'undecided' && (plan.decisionNote === '' || plan.decidedBy === '')) {
    throw new VaultError('DECISION_NEEDS_REASON');
  }
}

export function riskHandlers(
  ctx: DomainContext,
): Pick<Handlers, Extract<keyof Handlers, RiskChannel>> {
  return {
    'risk:person': ({ personId }) => {
      const risk = personRisk(ctx.db(), personId, localDate(ctx.now()));
      if (!risk) throw notFound('person', { id: personId });
      return Promise.resolve(risk);
    },

    'risk:assess': (fields) =>
      ctx.commit((db, now) => {
        const today = localDate(now);
        const { codename, version, assessedOn, reviewDueOn, rating } = checkAssessment(
          db,
          fields,
          today,
        );
        const id = insertAssessment(db, {
          personId: fields.personId,
          version,
          correctsVersion: fields.correction ? fields.basedOnVersion : null,
          correctionReason: fields.correction ? fields.correctionReason : '',
          assessedOn,
          assessedAt: now.toISOString(),
          assessor: fields.assessor,
          factors: fields.factors,
          ...rating,
          consent: fields.consent,
          consentConfirmedOn: fields.consentConfirmedOn,
          mitigations: [...new Set(fields.mitigations)],
          mitigationNotes: fields.mitigationNotes,
          narrative: fields.narrative,
          reviewDueOn,
        });
        const consentBefore = setPersonConsent(db, fields.personId, fields.consent, now);
        audit(db, 'risk.assessed', codename, now, {
          version,
          level: rating.level,
          reviewDueOn,
          ...(fields.correction ? { corrects: fields.basedOnVersion } : {}),
          ...(consentBefore ? { consent: { from: consentBefore, to: fields.consent } } : {}),
        });
        return { id, version };
      }),

    'risk:dashboard': () => Promise.resolve(riskDashboard(ctx.db(), localDate(ctx.now()))),

    'risk:reminders': () => Promise.resolve(riskReminders(ctx.db(), localDate(ctx.now()))),

    'plans:save': (plan) =>
      ctx.commit((db, now) => {
        const codename = checkPersonNotArchived(db, plan.personId);
        checkPlan(plan);
        const before = getPlan(db, plan.personId);
        // The decision's date is when it was taken: kept while the decision stays the same.
        const decidedOn =
          plan.decision === 'undecided'
            ? null
            : before?.decision === plan.decision
              ? before.decidedOn
              : localDate(now);
        savePlan(db, plan, decidedOn, now);
        audit(db, 'plan.saved', codename, now, { decision: plan.decision });
        return { personId: plan.personId };
      }),
  };
}
