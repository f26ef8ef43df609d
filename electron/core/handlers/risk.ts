/**
 * Handlers for retaliation-risk assessments and engagement plans. An assessment is appended,
 * never edited: the form says which version it started from, and a stale form (someone
 * reassessed meanwhile, or an old version opened to "edit") is refused. Likelihood, impact,
 * level and the latest allowed review date come from shared/risk.ts, not from the input.
 */
import type { Database } from 'better-sqlite3';
import type { Handlers } from '../../../shared/contract.ts';
import { localDate } from '../../../shared/domain.ts';
import {
  type AssessmentFields,
  type EngagementPlanFields,
  planGaps,
  rateRisk,
  reviewDueFor,
} from '../../../shared/risk.ts';
import { VaultError } from '../errors.ts';
import { getPlan, savePlan } from '../repos/engagement-plans.ts';
import { getPerson, setPersonConsent } from '../repos/persons.ts';
import { insertAssessment, latestVersion } from '../repos/risk-assessments.ts';
import { personRisk, readReviewIntervals, riskDashboard, riskReminders } from '../services/risk.ts';
import { audit, notFound, type DomainContext } from './context.ts';

type RiskChannel = `risk:${string}` | `plans:${string}`;

/** Checks an assessment against the person, the history and the calendar; returns its version. */
function checkAssessment(
  db: Database,
  fields: AssessmentFields,
  today: string,
): { codename: string; version: number; reviewDueOn: string } {
  const person = getPerson(db, fields.personId);
  if (!person) throw notFound('person', { id: fields.personId });
  const { codename } = person;
  if (person.archivedAt !== null) throw new VaultError('PERSON_ARCHIVED', { codename });
  const latest = latestVersion(db, fields.personId);
  if (fields.basedOnVersion !== latest) {
    throw new VaultError('ASSESSMENT_NOT_LATEST', { codename, version: latest ?? 0 });
  }
  if (fields.correction) {
    if (latest === null) throw new VaultError('NOTHING_TO_CORRECT', { codename });
    if (fields.correctionReason === '') throw new VaultError('CORRECTION_NEEDS_REASON');
  }
  if (fields.consentConfirmedOn !== null && fields.consentConfirmedOn > today) {
    throw new VaultError('CONSENT_DATE_FUTURE', { date: fields.consentConfirmedOn });
  }
  const { level } = rateRisk(fields.factors);
  const latestReview = reviewDueFor(level, today, readReviewIntervals(db));
  const reviewDueOn = fields.reviewDueOn ?? latestReview;
  if (reviewDueOn < today) throw new VaultError('REVIEW_DATE_PAST', { date: reviewDueOn });
  if (reviewDueOn > latestReview) {
    throw new VaultError('REVIEW_DATE_TOO_LATE', { date: reviewDueOn, latest: latestReview });
  }
  return { codename, version: (latest ?? 0) + 1, reviewDueOn };
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
        const { codename, version, reviewDueOn } = checkAssessment(db, fields, today);
        const rating = rateRisk(fields.factors);
        const id = insertAssessment(db, {
          personId: fields.personId,
          version,
          correctsVersion: fields.correction ? fields.basedOnVersion : null,
          correctionReason: fields.correction ? fields.correctionReason : '',
          assessedOn: today,
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
        const person = getPerson(db, plan.personId);
        if (!person) throw notFound('person', { id: plan.personId });
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
        audit(db, 'plan.saved', person.codename, now, { decision: plan.decision });
        return { personId: plan.personId };
      }),
  };
}
