/**
 * Shapes that carry the meaning of a level, a review state or a decision alongside its word,
 * so nothing is told by colour alone (WCAG 1.4.1). Decorative: the word beside them is read.
 */
import type { PlanDecision, ReviewState, RiskLevel } from '../../../../shared/risk.ts';

const BARS: Record<RiskLevel, number> = { low: 1, moderate: 2, high: 3, critical: 4 };

/** A four-bar meter: one bar filled for low … all four for critical. */
export function LevelIcon({ level }: { level: RiskLevel }) {
  const filled = BARS[level];
  return (
    <svg
      className="risk-icon risk-icon--level"
      viewBox="0 0 20 16"
      width="20"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      {[0, 1, 2, 3].map((bar) => (
        <rect
          key={bar}
          x={bar * 5 + 0.75}
          y={12 - bar * 3.5 + 0.75}
          width="3.5"
          height={bar * 3.5 + 2.5}
          rx="0.5"
          fill={bar < filled ? 'currentColor' : 'none'}
          stroke="currentColor"
          strokeWidth="1.2"
        />
      ))}
    </svg>
  );
}

const PATHS = {
  clock: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM8 4.5V8l2.5 1.5',
  warning: 'M8 1.5 1 14.5h14L8 1.5ZM8 6v4.2M8 12.3v.2',
  check: 'M2.5 8.5 6.5 12.5 13.5 3.5',
  pause: 'M5 3v10M11 3v10',
  question: 'M5.5 5.5a2.5 2.5 0 1 1 3.3 2.4c-.5.2-.8.6-.8 1.1v1M8 12.5v.2',
} as const;
type Shape = keyof typeof PATHS;

export function ShapeIcon({ shape }: { shape: Shape }) {
  return (
    <svg
      className={`risk-icon risk-icon--${shape}`}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={PATHS[shape]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export const REVIEW_SHAPE: Record<ReviewState, Shape> = {
  current: 'clock',
  'due-soon': 'clock',
  due: 'warning',
  overdue: 'warning',
};

export const DECISION_SHAPE: Record<PlanDecision, Shape> = {
  undecided: 'question',
  go: 'check',
  hold: 'pause',
};
