import { useTranslation } from 'react-i18next';
import type { RiskLevel } from '../../../../shared/risk.ts';
import { LevelIcon } from './icons.tsx';
import './risk-assessment.css';

/** A risk level as a word with its bar shape; `label` wraps the word ("Risk: High"). */
export function RiskLevelChip({ level, label }: { level: RiskLevel; label?: string }) {
  const { t } = useTranslation();
  const word = t(`ui.domain.riskLevel.${level}`);
  return (
    <span className={`risk-level risk-level--${level}`}>
      <LevelIcon level={level} />
      <span>{label ?? word}</span>
    </span>
  );
}
