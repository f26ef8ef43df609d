/**
 * What the risk screens derive from the core's answers: the heat-map grid (likelihood ×
 * impact, each cell with its level by the policy's matrix), the reviews to list, and the
 * identity of a set of due reviews (the reminder's "Later" lasts until that set changes).
 */
import type { TFunction } from 'i18next';
import {
  levelOf,
  RISK_LEVELS,
  type ReviewState,
  type RiskLevel,
  type RiskReminders,
  type RiskRow,
} from '../../../../shared/risk.ts';

/** The 1–5 scores of both axes. */
export const SCORES = [1, 2, 3, 4, 5] as const;

export interface CellKey {
  likelihood: number;
  impact: number;
}

export interface HeatCell extends CellKey {
  level: RiskLevel;
  persons: RiskRow[];
}

/** grid[likelihood - 1][impact - 1]: every cell of the matrix, with the persons in it. */
/** What the chart and the table of the heat map both take: the grid and the selection. */
export interface HeatMapViewProps {
  grid: HeatCell[][];
  selected: CellKey | null;
  onSelect: (cell: CellKey) => void;
}

export function heatGrid(rows: readonly RiskRow[]): HeatCell[][] {
  const grid = SCORES.map((likelihood) =>
    SCORES.map((impact): HeatCell => ({
      likelihood,
      impact,
      level: levelOf(likelihood, impact),
      persons: [],
    })),
  );
  for (const row of rows) grid[row.likelihood - 1]?.[row.impact - 1]?.persons.push(row);
  return grid;
}

export function cellAt(grid: HeatCell[][], key: CellKey): HeatCell | undefined {
  return grid[key.likelihood - 1]?.[key.impact - 1];
}

export function sameCell(a: CellKey | null, b: CellKey): boolean {
  return a !== null && a.likelihood === b.likelihood && a.impact === b.impact;
}

/** The cell's accessible name: "Likelihood 4, impact 5: critical, 2 persons". */
export function cellName(t: TFunction, language: string, cell: HeatCell): string {
  return t('ui.riskDashboard.heatMap.cell', {
    likelihood: cell.likelihood,
    impact: cell.impact,
    level: levelWord(t, language, cell.level),
    count: cell.persons.length,
  });
}

/** A level's word inside a sentence: "critical", "критический". */
export function levelWord(t: TFunction, language: string, level: RiskLevel): string {
  return t(`ui.domain.riskLevel.${level}`).toLocaleLowerCase(language);
}

const STATE_ORDER: Record<ReviewState, number> = { overdue: 0, due: 1, 'due-soon': 2, current: 3 };
const LEVEL_RANK = Object.fromEntries(RISK_LEVELS.map((level, i) => [level, i])) as Record<
  RiskLevel,
  number
>;

/** Reviews to list: overdue, due today, due soon; the earliest date first, then the higher level. */
export function reviewsDue(rows: readonly RiskRow[]): RiskRow[] {
  return rows
    .filter((row) => row.reviewState !== 'current')
    .toSorted(
      (a, b) =>
        STATE_ORDER[a.reviewState] - STATE_ORDER[b.reviewState] ||
        a.reviewDueOn.localeCompare(b.reviewDueOn) ||
        LEVEL_RANK[b.level] - LEVEL_RANK[a.level] ||
        a.codename.localeCompare(b.codename),
    );
}

/** The persons of a cell, the earliest review first. */
export function byReviewDate(rows: readonly RiskRow[]): RiskRow[] {
  return rows.toSorted(
    (a, b) => a.reviewDueOn.localeCompare(b.reviewDueOn) || a.codename.localeCompare(b.codename),
  );
}

type Reminder = RiskReminders['reviews'][number];

/** The reminder's order: overdue first, the earliest date first. */
export function sortReminders(reviews: readonly Reminder[]): Reminder[] {
  return reviews.toSorted(
    (a, b) =>
      STATE_ORDER[a.reviewState] - STATE_ORDER[b.reviewState] ||
      a.reviewDueOn.localeCompare(b.reviewDueOn) ||
      a.codename.localeCompare(b.codename),
  );
}

/** Which reviews are due, as one string: "Later" hides the reminder until this changes. */
export function remindersKey(reviews: readonly Reminder[]): string {
  return reviews
    .map((review) => `${String(review.personId)}@${review.reviewDueOn}`)
    .sort()
    .join(',');
}
