/**
 * What the risk screens read: a person's assessments and plan, the dashboard, the reminders.
 * States (overdue, due soon) are computed here with the core's clock, so every screen agrees.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Stage } from '../../../shared/domain.ts';
import type { PersonRef } from '../../../shared/records.ts';
import {
  ASSESSED_STAGES,
  DEFAULT_REVIEW_INTERVALS,
  FOLLOW_UPS_SHOWN,
  type PersonRisk,
  reviewIntervals,
  type ReviewIntervals,
  reviewState,
  reviewStatesOn,
  type RiskDashboard,
  type RiskReminders,
  type RiskRow,
} from '../../../shared/risk.ts';
import { getPlan } from '../repos/engagement-plans.ts';
import { followUpsDue, getPerson, stageCounts } from '../repos/persons.ts';
import { assessmentsOf, currentRisks, type CurrentRiskRow } from '../repos/risk-assessments.ts';
import { getSetting, SETTING_REVIEW_INTERVALS } from '../repos/settings.ts';
import { lastBackupAt, readBackupSettings } from './backup/backup-settings.ts';

/** The team's review intervals, or the defaults if never set (or unreadable). */
export function readReviewIntervals(db: Database): ReviewIntervals {
  const stored = getSetting(db, SETTING_REVIEW_INTERVALS);
  if (stored === undefined) return DEFAULT_REVIEW_INTERVALS;
  try {
    const parsed = reviewIntervals.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : DEFAULT_REVIEW_INTERVALS;
  } catch {
    return DEFAULT_REVIEW_INTERVALS;
  }
}

const ASSESSED = new Set<Stage>(ASSESSED_STAGES);

export function personRisk(db: Database, personId: number, today: string): PersonRisk | undefined {
  const person = getPerson(db, personId);
  if (!person) return undefined;
  const history = assessmentsOf(db, personId);
  const current = history[0];
  return {
    today,
    needsAssessment: ASSESSED.has(person.stage),
    archived: person.archivedAt !== null,
    history,
    reviewState: current ? reviewState(current.reviewDueOn, today) : null,
    intervals: readReviewIntervals(db),
    plan: getPlan(db, personId),
  };
}

function ref(row: CurrentRiskRow): PersonRef {
  return { id: row.id, codename: row.codename, fullName: row.full_name, stage: row.stage };
}

function assessedRows(rows: CurrentRiskRow[], today: string): RiskRow[] {
  const stateOf = reviewStatesOn(today);
  const assessed: RiskRow[] = [];
  for (const row of rows) {
    if (row.version === null || row.level === null || row.review_due_on === null) continue;
    assessed.push({
      ...ref(row),
      consent: row.consent,
      level: row.level,
      likelihood: row.likelihood ?? 1,
      impact: row.impact ?? 1,
      assessedOn: row.assessed_on ?? today,
      reviewDueOn: row.review_due_on,
      reviewState: stateOf(row.review_due_on),
    });
  }
  return assessed;
}

export function riskDashboard(db: Database, today: string): RiskDashboard {
  const rows = currentRisks(db, ASSESSED_STAGES);
  const counts = stageCounts(db);
  const followUps = followUpsDue(db, today, FOLLOW_UPS_SHOWN);
  return {
    today,
    assessed: assessedRows(rows, today),
    unassessed: rows.filter((row) => row.version === null).map(ref),
    consentNotAsked: rows.filter((row) => row.consent === 'not_asked').map(ref),
    stageCounts: counts,
    followUpsDue: {
      total: followUps.total,
      persons: followUps.rows.map((row) => ({
        id: row.id,
        codename: row.codename,
        fullName: row.full_name,
        stage: row.stage,
        nextFollowUp: row.next_follow_up,
      })),
    },
    lastBackupAt: lastBackupAt(db),
    backupWarnDays: readBackupSettings(db).warnDays,
  };
}

export function riskReminders(db: Database, today: string): RiskReminders {
  const reviews: RiskReminders['reviews'] = [];
  for (const row of assessedRows(currentRisks(db, ASSESSED_STAGES), today)) {
    if (row.reviewState !== 'due' && row.reviewState !== 'overdue') continue;
    reviews.push({
      personId: row.id,
      codename: row.codename,
      level: row.level,
      reviewDueOn: row.reviewDueOn,
      reviewState: row.reviewState,
    });
  }
  reviews.sort((a, b) =>
    a.reviewDueOn < b.reviewDueOn ? -1 : a.reviewDueOn > b.reviewDueOn ? 1 : 0,
  );
  return { today, reviews };
}
