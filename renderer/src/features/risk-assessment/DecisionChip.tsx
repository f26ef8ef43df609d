import { useTranslation } from 'react-i18next';
import type { PlanDecision } from '../../../../shared/risk.ts';
import { DECISION_SHAPE, ShapeIcon } from './icons.tsx';
import './risk-assessment.css';

/** Go / Hold / Not decided as a word with its shape (a tick, a pause, a question mark). */
export function DecisionChip({ decision }: { decision: PlanDecision }) {
  const { t } = useTranslation();
  return (
    <span className={`plan-decision plan-decision--${decision}`}>
      <ShapeIcon shape={DECISION_SHAPE[decision]} />
      <span>{t(`ui.domain.planDecision.${decision}`)}</span>
    </span>
  );
}
