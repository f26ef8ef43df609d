import type { ShareDecision } from '../../../../shared/share-review.ts';
import { DecisionIcon } from '../../components/DecisionIcon.tsx';

/** A decision as a word with its shape: "Codename only". */
export function DecisionChip({ decision, label }: { decision: ShareDecision; label: string }) {
  return (
    <span className={`share-decision share-decision--${decision}`}>
      <DecisionIcon decision={decision} className="share-icon" />
      <span>{label}</span>
    </span>
  );
}
