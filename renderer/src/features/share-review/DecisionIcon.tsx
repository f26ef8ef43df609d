/**
 * A shape for each decision (a person for "named", a hash for "codename only", a barred
 * circle for "withheld"), so a decision is never told by colour alone. Decorative: the word
 * beside it is what is read.
 */
import type { ShareDecision } from '../../../../shared/share-review.ts';

const PATHS: Record<ShareDecision, string> = {
  named:
    'M8 2.2a2.6 2.6 0 1 0 0 5.2 2.6 2.6 0 0 0 0-5.2ZM2.8 14c.5-2.8 2.6-4.4 5.2-4.4s4.7 1.6 5.2 4.4',
  codename: 'M6.3 2 4.8 14M11.2 2 9.7 14M2.5 5.8h11M2 10.2h11',
  withheld: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM3.4 3.4l9.2 9.2',
};

export function DecisionIcon({ decision }: { decision: ShareDecision }) {
  return (
    <svg
      className="share-icon"
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
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** A decision as a word with its shape: "Codename only". */
export function DecisionChip({ decision, label }: { decision: ShareDecision; label: string }) {
  return (
    <span className={`share-decision share-decision--${decision}`}>
      <DecisionIcon decision={decision} />
      <span>{label}</span>
    </span>
  );
}
