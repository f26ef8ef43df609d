import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Offer } from '../../../../shared/records.ts';
import { PLAN_CONSIDERATIONS, type EngagementPlan } from '../../../../shared/risk.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { useErrorText } from '../../lib/errors.ts';
import { formatDate } from '../people/format.ts';
import { DecisionChip } from './DecisionChip.tsx';
import { EngagementPlanForm } from './EngagementPlanForm.tsx';
import { gapsOf, planValues } from './plan-values.ts';
import { usePersonRisk } from './use-person-risk.ts';
import './risk-assessment.css';

/** Offers still being prepared: what the plan can count on but has not yet been accepted. */
const IN_PREPARATION: readonly Offer['status'][] = ['idea', 'proposed'];

/**
 * The engagement plan beside the profile: the objective and route, the five considerations
 * answered (or not yet), the go / hold decision and the offers being prepared for this person.
 */
export function EngagementPlanPanel({
  person,
  offers,
}: {
  person: { id: number; codename: string };
  offers: readonly Offer[];
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const query = usePersonRisk(person.id);
  const plan = query.data?.plan ?? null;
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const k = 'ui.riskAssessment.plan';
  const preparing = offers.filter((offer) => IN_PREPARATION.includes(offer.status));

  return (
    <section className="panel person-section plan-panel" aria-labelledby="plan-title">
      <div className="person-section__header">
        <h2 id="plan-title" className="person-section__title">
          {t(`${k}.title`)}
        </h2>
        {query.data ? (
          <Button
            onPress={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {plan ? t(`${k}.edit`) : t(`${k}.write`)}
          </Button>
        ) : null}
      </div>
      <p className="risk-muted">{t(`${k}.intro`)}</p>
      {query.isError ? <Alert tone="error">{errorText(query.error)}</Alert> : null}
      <div role="status" className="risk-saved">
        {saved ? t(`${k}.saved`) : null}
      </div>
      {query.data ? plan ? <PlanDetails plan={plan} /> : <p>{t(`${k}.empty`)}</p> : null}

      <h3 className="risk-subtitle">{t(`${k}.offersInPreparation`)}</h3>
      {preparing.length === 0 ? (
        <p className="risk-muted">{t(`${k}.noOffersInPreparation`)}</p>
      ) : (
        <ul className="plan-offers">
          {preparing.map((offer) => (
            <li key={offer.id} className="plan-offers__item">
              <span className="plan-offers__kind">{t(`ui.domain.offerKind.${offer.kind}`)}</span>{' '}
              <span className="plan-offers__status">
                {t(`ui.domain.offerStatus.${offer.status}`)}
              </span>
              {offer.description ? <p className="risk-prose">{offer.description}</p> : null}
            </li>
          ))}
        </ul>
      )}

      {editing ? (
        <EngagementPlanForm
          personId={person.id}
          codename={person.codename}
          plan={plan}
          onClose={() => {
            setEditing(false);
          }}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
          }}
        />
      ) : null}
    </section>
  );
}

function PlanDetails({ plan }: { plan: EngagementPlan }) {
  const { t, i18n } = useTranslation();
  const k = 'ui.riskAssessment.plan';
  const gaps = gapsOf(planValues(plan));
  const text = (value: string) =>
    value ? (
      <span className="risk-prose">{value}</span>
    ) : (
      <span className="risk-muted">{t(`${k}.notSet`)}</span>
    );
  return (
    <>
      <dl className="plan-facts">
        <Item label={t(`${k}.objective`)}>{text(plan.objective)}</Item>
        <Item label={t(`${k}.commonInterest`)}>{text(plan.commonInterest)}</Item>
        <Item label={t(`${k}.approachRoute`)}>
          {plan.approachRoute ? (
            t(`ui.domain.approachRoute.${plan.approachRoute}`)
          ) : (
            <span className="risk-muted">{t(`${k}.notSet`)}</span>
          )}
          {plan.routeNotes ? (
            <span className="risk-prose plan-facts__note">{plan.routeNotes}</span>
          ) : null}
        </Item>
        <Item label={t(`${k}.plannedOffers`)}>{text(plan.plannedOffers)}</Item>
      </dl>
      <h3 className="risk-subtitle">{t(`${k}.considerations`)}</h3>
      <dl className="plan-facts">
        {PLAN_CONSIDERATIONS.map((key) => (
          <Item key={key} label={t(`ui.domain.planConsideration.${key}`)}>
            {plan.considerations[key] ? (
              <span className="risk-prose">{plan.considerations[key]}</span>
            ) : (
              <span className="risk-muted">{t(`${k}.notAnswered`)}</span>
            )}
          </Item>
        ))}
      </dl>
      <h3 className="risk-subtitle">{t(`${k}.decision`)}</h3>
      <p className="plan-decision-line">
        <DecisionChip decision={plan.decision} />
        {plan.decision !== 'undecided' && plan.decidedOn ? (
          <span>
            {t(`${k}.decided`, {
              date: formatDate(plan.decidedOn, i18n.language),
              by: plan.decidedBy,
            })}
          </span>
        ) : null}
      </p>
      {plan.decision !== 'undecided' && plan.decisionNote ? (
        <p className="plan-why">
          <strong>{t(`${k}.why`)}:</strong> <span className="risk-prose">{plan.decisionNote}</span>
        </p>
      ) : null}
      {plan.decision !== 'go' ? (
        <p className={gaps.length > 0 ? 'plan-gaps plan-gaps--open' : 'plan-gaps'}>
          {gaps.length > 0 ? t(`${k}.gaps`, { count: gaps.length }) : t(`${k}.ready`)}
        </p>
      ) : null}
    </>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="plan-facts__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
