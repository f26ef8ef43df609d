/** The engagement_plans table: one plan per person, edited in place. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import {
  APPROACH_ROUTES,
  PLAN_DECISIONS,
  type EngagementPlan,
  type EngagementPlanFields,
} from '../../../shared/risk.ts';
import { parseOptionalRow } from './rows.ts';

const planRow = z.object({
  person_id: z.number(),
  objective: z.string(),
  common_interest: z.string(),
  approach_route: z.enum(APPROACH_ROUTES).nullable(),
  route_notes: z.string(),
  planned_offers: z.string(),
  security_risk: z.string(),
  benefit_vs_risk: z.string(),
  long_term_commitment: z.string(),
  organisation_behind: z.string(),
  trust: z.string(),
  decision: z.enum(PLAN_DECISIONS),
  decision_note: z.string(),
  decided_by: z.string(),
  decided_on: z.string().nullable(),
  updated_at: z.string(),
});

export function getPlan(db: Database, personId: number): EngagementPlan | null {
  const row = parseOptionalRow(
    planRow,
    db.prepare('SELECT * FROM engagement_plans WHERE person_id = ?').get(personId),
  );
  if (!row) return null;
  return {
    personId: row.person_id,
    objective: row.objective,
    commonInterest: row.common_interest,
    approachRoute: row.approach_route,
    routeNotes: row.route_notes,
    plannedOffers: row.planned_offers,
    considerations: {
      securityRisk: row.security_risk,
      benefitVsRisk: row.benefit_vs_risk,
      longTermCommitment: row.long_term_commitment,
      organisationBehind: row.organisation_behind,
      trust: row.trust,
    },
    decision: row.decision,
    decisionNote: row.decision_note,
    decidedBy: row.decided_by,
    decidedOn: row.decided_on,
    updatedAt: row.updated_at,
  };
}

/** Creates or replaces the person's plan. */
export function savePlan(
  db: Database,
  plan: EngagementPlanFields,
  decidedOn: string | null,
  now: Date,
): void {
  db.prepare(
    `INSERT INTO engagement_plans (person_id, objective, common_interest, approach_route,
       route_notes, planned_offers, security_risk, benefit_vs_risk, long_term_commitment,
       organisation_behind, trust, decision, decision_note, decided_by, decided_on, updated_at)
     VALUES (@personId, @objective, @commonInterest, @approachRoute, @routeNotes,
       @plannedOffers, @securityRisk, @benefitVsRisk, @longTermCommitment, @organisationBehind,
       @trust, @decision, @decisionNote, @decidedBy, @decidedOn, @updatedAt)
     ON CONFLICT (person_id) DO UPDATE SET objective = excluded.objective,
       common_interest = excluded.common_interest, approach_route = excluded.approach_route,
       route_notes = excluded.route_notes, planned_offers = excluded.planned_offers,
       security_risk = excluded.security_risk, benefit_vs_risk = excluded.benefit_vs_risk,
       long_term_commitment = excluded.long_term_commitment,
       organisation_behind = excluded.organisation_behind, trust = excluded.trust,
       decision = excluded.decision, decision_note = excluded.decision_note,
       decided_by = excluded.decided_by, decided_on = excluded.decided_on,
       updated_at = excluded.updated_at`,
  ).run({
    personId: plan.personId,
    objective: plan.objective,
    commonInterest: plan.commonInterest,
    approachRoute: plan.approachRoute,
    routeNotes: plan.routeNotes,
    plannedOffers: plan.plannedOffers,
    ...plan.considerations,
    decision: plan.decision,
    decisionNote: plan.decisionNote,
    decidedBy: plan.decidedBy,
    decidedOn,
    updatedAt: now.toISOString(),
  });
}
