/** The engagement plan form's values and what a "go" still lacks (shared/risk.ts planGaps). */
import {
  PLAN_CONSIDERATIONS,
  planGaps,
  type EngagementPlan,
  type EngagementPlanFieldsInput,
  type PlanConsideration,
  type PlanDecision,
} from '../../../../shared/risk.ts';

type Route = NonNullable<EngagementPlan['approachRoute']>;
export const NO_ROUTE = 'none';

export interface PlanValues {
  objective: string;
  commonInterest: string;
  approachRoute: Route | typeof NO_ROUTE;
  routeNotes: string;
  plannedOffers: string;
  considerations: Record<PlanConsideration, string>;
  decision: PlanDecision;
  decisionNote: string;
  decidedBy: string;
}

export type PlanGap = ReturnType<typeof planGaps>[number];

export function planValues(plan: EngagementPlan | null): PlanValues {
  return {
    objective: plan?.objective ?? '',
    commonInterest: plan?.commonInterest ?? '',
    approachRoute: plan?.approachRoute ?? NO_ROUTE,
    routeNotes: plan?.routeNotes ?? '',
    plannedOffers: plan?.plannedOffers ?? '',
    considerations: Object.fromEntries(
      PLAN_CONSIDERATIONS.map((key) => [key, plan?.considerations[key] ?? '']),
    ) as Record<PlanConsideration, string>,
    decision: plan?.decision ?? 'undecided',
    decisionNote: plan?.decisionNote ?? '',
    decidedBy: plan?.decidedBy ?? '',
  };
}

export function gapsOf(values: PlanValues): PlanGap[] {
  return planGaps({
    objective: values.objective,
    approachRoute: values.approachRoute === NO_ROUTE ? null : values.approachRoute,
    considerations: values.considerations,
  });
}

/** Text key of a gap's name: the plan's own labels, or the consideration's domain label. */
export function gapLabelKey(gap: PlanGap): string {
  return gap === 'objective' || gap === 'approachRoute'
    ? `ui.riskAssessment.plan.${gap}`
    : `ui.domain.planConsideration.${gap}`;
}

/** A decision needs who took it and why (the core refuses it otherwise: DECISION_NEEDS_REASON). */
export function decisionProblems(values: PlanValues): { decisionNote?: true; decidedBy?: true } {
  if (values.decision === 'undecided') return {};
  return {
    ...(values.decisionNote.trim() === '' ? { decisionNote: true as const } : {}),
    ...(values.decidedBy.trim() === '' ? { decidedBy: true as const } : {}),
  };
}

export function toPlanFields(values: PlanValues, personId: number): EngagementPlanFieldsInput {
  return {
    personId,
    objective: values.objective.trim(),
    commonInterest: values.commonInterest.trim(),
    approachRoute: values.approachRoute === NO_ROUTE ? null : values.approachRoute,
    routeNotes: values.routeNotes.trim(),
    plannedOffers: values.plannedOffers.trim(),
    considerations: Object.fromEntries(
      PLAN_CONSIDERATIONS.map((key) => [key, values.considerations[key].trim()]),
    ),
    decision: values.decision,
    decisionNote: values.decisionNote.trim(),
    decidedBy: values.decidedBy.trim(),
  };
}
