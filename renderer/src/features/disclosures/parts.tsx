/** Pieces the disclosure screens share: a decision, a fingerprint, a partner link, a risk. */
import { Fragment } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { RiskLevel } from '../../../../shared/risk.ts';
import type { ShareDecision } from '../../../../shared/share-review.ts';
import { navigate } from '../../app/navigation.ts';
import { ShapeIcon } from '../risk-assessment/icons.tsx';
import { RiskLevelChip } from '../risk-assessment/RiskLevelChip.tsx';
import { fingerprintGroups } from './format.ts';
import { DecisionIcon } from '../../components/DecisionIcon.tsx';
import './disclosures.css';

/** Named / Codename only / Withheld, as a word (or `label`) with its shape. */
export function DecisionMark({ decision, label }: { decision: ShareDecision; label?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`decision decision--${decision}`}>
      <DecisionIcon decision={decision} />
      <span>{label ?? t(`ui.disclosures.decision.${decision}`)}</span>
    </span>
  );
}

/** A fingerprint in groups, to read out; `large` where it is to be compared on the phone. */
export function Fingerprint({ value, large = false }: { value: string; large?: boolean }) {
  const groups = fingerprintGroups(value);
  return (
    <span className={`fingerprint ${large ? 'fingerprint--large' : ''}`}>
      {groups.map((group, index) => (
        // Groups can repeat ("0000"), so their place is their key. The space between groups
        // stays outside them: a narrow box wraps there, never inside a group.
        <Fragment key={index}>
          <span className="fingerprint__group">{group}</span>
          {index < groups.length - 1 ? ' ' : ''}
        </Fragment>
      ))}
    </span>
  );
}

/** A partner's name opening their page. */
export function PartnerLink({ id, name }: { id: number; name: string }) {
  return (
    <Link
      className="org-link"
      onPress={() => {
        navigate({ area: 'partner', id });
      }}
    >
      {name}
    </Link>
  );
}

/** A risk level as its chip, or "Not assessed" with a warning shape. */
export function RiskAtTheTime({ level }: { level: RiskLevel | null }) {
  const { t } = useTranslation();
  if (level) return <RiskLevelChip level={level} />;
  return (
    <span className="risk-unassessed">
      <ShapeIcon shape="warning" />
      <span>{t('ui.disclosures.notAssessed')}</span>
    </span>
  );
}
