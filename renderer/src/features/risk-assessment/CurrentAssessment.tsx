import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment, ReviewState } from '../../../../shared/risk.ts';
import { formatDate } from '../people/format.ts';
import { listOf } from './describe.ts';
import { FactorScores } from './FactorScores.tsx';
import { REVIEW_SHAPE, ShapeIcon } from './icons.tsx';
import { RiskLevelChip } from './RiskLevelChip.tsx';

/** The version in force: its rating, review date, consent, mitigations, narrative and scores. */
export function CurrentAssessment({
  assessment: a,
  reviewState,
}: {
  assessment: Assessment;
  reviewState: ReviewState | null;
}) {
  const { t, i18n } = useTranslation();
  const k = 'ui.riskAssessment.current';
  const date = (value: string) => formatDate(value, i18n.language);
  return (
    <div className="risk-current">
      <h3 className="risk-subtitle">{t(`${k}.title`, { version: a.version })}</h3>
      {a.correctsVersion !== null ? (
        <p className="risk-correction">
          {t(`${k}.corrects`, { version: a.correctsVersion, reason: a.correctionReason })}
        </p>
      ) : null}
      <dl className="risk-facts">
        <Fact label={t(`${k}.level`)}>
          <RiskLevelChip level={a.level} />
        </Fact>
        <Fact label={t(`${k}.rating`)}>
          {t(`${k}.ratingValue`, { likelihood: a.likelihood, impact: a.impact })}
        </Fact>
        <Fact label={t(`${k}.assessed`)}>
          {t(`${k}.assessedValue`, { date: date(a.assessedOn), assessor: a.assessor })}
        </Fact>
        <Fact label={t(`${k}.reviewDue`)}>
          {date(a.reviewDueOn)}
          {reviewState ? (
            <>
              {' · '}
              <span className={`risk-review risk-review--${reviewState}`}>
                <ShapeIcon shape={REVIEW_SHAPE[reviewState]} />
                <span>{t(`ui.domain.reviewState.${reviewState}`)}</span>
              </span>
            </>
          ) : null}
        </Fact>
        <Fact label={t(`${k}.consent`)}>
          {t(`ui.domain.consent.${a.consent}`)}
          {' · '}
          {a.consentConfirmedOn
            ? t(`${k}.consentConfirmed`, { date: date(a.consentConfirmedOn) })
            : t(`${k}.consentNotConfirmed`)}
        </Fact>
        <Fact label={t(`${k}.mitigations`)}>
          {a.mitigations.length === 0
            ? t(`${k}.noMitigations`)
            : listOf(
                a.mitigations.map((m) => t(`ui.domain.mitigation.${m}`)),
                i18n.language,
              )}
        </Fact>
        {a.mitigationNotes ? (
          <Fact label={t(`${k}.mitigationNotes`)} wide>
            <span className="risk-prose">{a.mitigationNotes}</span>
          </Fact>
        ) : null}
      </dl>
      <h4 className="risk-minor-title">{t(`${k}.narrative`)}</h4>
      {/* Plain text, kept as typed: never parsed as HTML or markdown. */}
      {a.narrative ? (
        <p className="risk-prose">{a.narrative}</p>
      ) : (
        <p className="risk-muted">{t(`${k}.noNarrative`)}</p>
      )}
      <h4 className="risk-minor-title">{t(`${k}.factors`)}</h4>
      <FactorScores factors={a.factors} />
    </div>
  );
}

function Fact({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={`risk-facts__item${wide ? ' risk-facts__item--wide' : ''}`}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
