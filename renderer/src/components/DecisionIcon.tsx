/**
 * A shape for each share decision, so named, codename only and withheld are told apart by
 * more than colour (WCAG 1.4.1): an open eye (they can see who it is), a hash (a code stands
 * in for the name), a barred circle (nothing went out). Decorative: the word beside it is read.
 */
import type { ShareDecision } from '../../../shared/share-review.ts';

const PATHS: Record<ShareDecision, string> = {
  named:
    'M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8ZM8 6.2a1.8 1.8 0 1 0 0 3.6 1.8 1.8 0 0 0 0-3.6Z',
  codename: 'M6.2 2 4.8 14M11.2 2 9.8 14M2.5 5.5h11.5M2 10.5h11.5',
  withheld: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM3.4 3.4l9.2 9.2',
};

export function DecisionIcon({
  decision,
  className = 'decision-icon',
}: {
  decision: ShareDecision;
  className?: string;
}) {
  return (
    <svg
      className={className}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={PATHS[decision]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.7"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
