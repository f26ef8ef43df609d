import { useTranslation } from 'react-i18next';
import {
  IMPACT_FACTORS,
  LIKELIHOOD_FACTORS,
  SCORE_MAX,
  type FactorScores as Scores,
  type RiskFactor,
} from '../../../../shared/risk.ts';

/** The seven scores, grouped as the rules combine them; each reads "4 of 5", dots aside. */
export function FactorScores({ factors }: { factors: Scores }) {
  const { t } = useTranslation();
  return (
    <div className="risk-factors">
      <FactorGroup
        title={t('ui.riskAssessment.current.likelihoodFactors')}
        factors={LIKELIHOOD_FACTORS}
        scores={factors}
      />
      <FactorGroup
        title={t('ui.riskAssessment.current.impactFactors')}
        factors={IMPACT_FACTORS}
        scores={factors}
      />
    </div>
  );
}

function FactorGroup({
  title,
  factors,
  scores,
}: {
  title: string;
  factors: readonly RiskFactor[];
  scores: Scores;
}) {
  const { t } = useTranslation();
  return (
    <div className="risk-factors__group">
      <h5 className="risk-factors__title">{title}</h5>
      <dl className="risk-factors__list">
        {factors.map((factor) => (
          <div key={factor} className="risk-factors__item">
            <dt>{t(`ui.domain.riskFactor.${factor}`)}</dt>
            <dd>
              <span className="risk-dots" aria-hidden="true">
                {Array.from({ length: SCORE_MAX }, (_, i) => (
                  <span
                    key={i}
                    className={`risk-dots__dot${i < scores[factor] ? ' risk-dots__dot--on' : ''}`}
                  />
                ))}
              </span>
              <span>{t('ui.riskAssessment.current.score', { score: scores[factor] })}</span>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
