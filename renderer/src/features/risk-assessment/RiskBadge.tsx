import { useTranslation } from 'react-i18next';
import type { PersonRisk } from '../../../../shared/risk.ts';
import { reviewText } from './describe.ts';
import { REVIEW_SHAPE, ShapeIcon } from './icons.tsx';
import { RiskLevelChip } from './RiskLevelChip.tsx';
import { usePersonRisk } from './use-person-risk.ts';
import './risk-assessment.css';

/** The badge in the person page's header, fed by the person's risk query. */
export function PersonRiskBadge({ personId }: { personId: number }) {
  const query = usePersonRisk(personId);
  // While loading or on failure the header stays quiet: the risk section says what went wrong.
  return query.data ? <RiskBadge risk={query.data} /> : null;
}

/**
 * The risk at a glance: "Risk: High · review due 12 Jan 2027", or "Not assessed" when the
 * person's stage needs an assessment and none exists; nothing when none is needed or made.
 */
export function RiskBadge({ risk }: { risk: PersonRisk }) {
  const { t, i18n } = useTranslation();
  const current = risk.history[0];
  if (!current) {
    if (!risk.needsAssessment) return null;
    return (
      <p className="risk-badge">
        <span className="risk-unassessed">
          <ShapeIcon shape="warning" />
          <span>{t('ui.riskAssessment.badge.notAssessed')}</span>
        </span>
      </p>
    );
  }
  // Reviews matter only while the person is exposed by contact with us (ASSESSED_STAGES).
  const state = risk.needsAssessment ? risk.reviewState : null;
  const level = t(`ui.domain.riskLevel.${current.level}`);
  return (
    <p className="risk-badge">
      <RiskLevelChip level={current.level} label={t('ui.riskAssessment.badge.label', { level })} />
      {state ? (
        <span className={`risk-review risk-review--${state}`}>
          <ShapeIcon shape={REVIEW_SHAPE[state]} />
          <span>{reviewText(t, state, current.reviewDueOn, i18n.language)}</span>
        </span>
      ) : null}
    </p>
  );
}
