/**
 * The demo's risk data: most persons in an assessed stage have one to three assessment
 * versions made over the past months (so some reviews are overdue and the history shows
 * changes), some have none; persons being prepared for an approach have an engagement plan.
 * Levels and review dates follow shared/risk.ts, as the core's own assessments do.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import {
  APPROACH_ROUTES,
  ASSESSED_STAGES,
  DEFAULT_REVIEW_INTERVALS,
  MITIGATIONS,
  PLAN_CONSIDERATIONS,
  RISK_FACTORS,
  addCalendarDays,
  engagementPlanFields,
  rateRisk,
  reviewDueFor,
  type FactorScores,
} from '../../../../shared/risk.ts';
import { localDate } from '../../../../shared/domain.ts';
import { savePlan } from '../../repos/engagement-plans.ts';
import { insertAssessment } from '../../repos/risk-assessments.ts';
import type { Dice, DemoPerson } from './generate.ts';
import * as T from './texts.ts';

const ASSESSED = new Set(ASSESSED_STAGES);

function demoFactors(dice: Dice): FactorScores {
  // Most officials are moderately exposed; a few very much.
  const base = dice.between(1, 4);
  return Object.fromEntries(
    RISK_FACTORS.map((factor) => [factor, Math.min(5, Math.max(1, base + dice.between(-1, 1)))]),
  ) as FactorScores;
}

export function generateDemoRisk(
  db: Database,
  dice: Dice,
  persons: readonly DemoPerson[],
  now: Date,
): { assessments: number; plans: number } {
  const today = localDate(now);
  let assessments = 0;
  let plans = 0;
  for (const person of persons) {
    if (ASSESSED.has(person.stage) && dice.chance(0.85)) {
      const versions = dice.between(1, 3);
      // The first version some months ago, the next ones later, the last at most 200 days ago.
      let assessedOn = addCalendarDays(today, -dice.between(versions * 40, 200 + versions * 60));
      let factors = demoFactors(dice);
      for (let version = 1; version <= versions; version++) {
        if (version > 1) {
          const factor = dice.pick(RISK_FACTORS);
          factors = {
            ...factors,
            [factor]: Math.min(5, Math.max(1, factors[factor] + dice.pick([-1, 1]))),
          };
          assessedOn = addCalendarDays(assessedOn, dice.between(30, 60));
          if (assessedOn > today) assessedOn = today;
        }
        const rating = rateRisk(factors);
        const texts = T.RISK_TEXTS[person.lang];
        insertAssessment(db, {
          personId: person.id,
          version,
          correctsVersion: null,
          correctionReason: '',
          assessedOn,
          assessedAt: `${assessedOn}T10:00:00.000Z`,
          assessor: dice.pick(T.OWNERS),
          factors,
          ...rating,
          consent: person.consent,
          consentConfirmedOn: person.consent === 'not_asked' ? null : assessedOn,
          mitigations: dice.some(MITIGATIONS, dice.between(1, 3)),
          mitigationNotes: '',
          narrative: dice.pick(texts.narratives),
          reviewDueOn: reviewDueFor(rating.level, assessedOn, DEFAULT_REVIEW_INTERVALS),
        });
        assessments++;
      }
    }
    if (person.stage === 'approach_planned' || (person.stage === 'vetting' && dice.chance(0.2))) {
      const texts = T.RISK_TEXTS[person.lang];
      const answered = dice.chance(0.6);
      const decision = answered ? dice.pick(['go', 'hold'] as const) : 'undecided';
      savePlan(
        db,
        engagementPlanFields.parse({
          personId: person.id,
          objective: dice.pick(texts.objectives),
          commonInterest: dice.pick(texts.commonInterest),
          approachRoute: dice.pick(APPROACH_ROUTES),
          considerations: Object.fromEntries(
            PLAN_CONSIDERATIONS.map((key) => [key, answered ? dice.pick(texts.answers) : '']),
          ),
          decision,
          decisionNote: decision === 'undecided' ? '' : dice.pick(texts.answers),
          decidedBy: decision === 'undecided' ? '' : dice.pick(T.OWNERS),
        }),
        decision === 'undecided' ? null : addCalendarDays(today, -dice.below(60)),
        now,
      );
      plans++;
    }
  }
  return { assessments, plans };
}
