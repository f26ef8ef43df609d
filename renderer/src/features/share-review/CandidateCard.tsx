import { useId, useState } from 'react';
import { Label, RadioButton, RadioField, RadioGroup, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { CONSENT_LEVELS } from '../../../../shared/domain.ts';
import type { ReviewCandidate } from '../../../../shared/share.ts';
import { MIN_JUSTIFICATION, SHARE_DECISIONS } from '../../../../shared/share-review.ts';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formatDate, formatTimestamp } from '../people/format.ts';
import { listOf, reviewText } from '../risk-assessment/describe.ts';
import { REVIEW_SHAPE, ShapeIcon } from '../risk-assessment/icons.tsx';
import { RiskLevelChip } from '../risk-assessment/RiskLevelChip.tsx';
import { DecisionIcon } from '../../components/DecisionIcon.tsx';
import { DecisionChip } from './DecisionChip.tsx';
import { isDecision, overrideState, type PersonChoice } from './share-values.ts';

const k = 'ui.shareReview.review';

/**
 * One person in the review: who they are, their risk and its age, consent against what this
 * recipient needs, agreed mitigations, restricted notes, what the recipient already knows,
 * the rules' decision with its reasons — then the leader's decision, and the override it
 * needs when it opens up what the rules decided.
 */
export function CandidateCard({
  candidate,
  choice,
  onChange,
  isDisabled,
}: {
  candidate: ReviewCandidate;
  choice: PersonChoice;
  onChange: (choice: PersonChoice) => void;
  isDisabled: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const id = useId();
  const [touched, setTouched] = useState({ justification: false, codename: false });
  const state = overrideState(candidate.codename, choice);
  const stricter =
    SHARE_DECISIONS.indexOf(choice.decision) > SHARE_DECISIONS.indexOf(candidate.decision);
  const consentEnough =
    CONSENT_LEVELS.indexOf(candidate.consent) >= CONSENT_LEVELS.indexOf(candidate.consentNeeded);
  const exposed = candidate.riskLevel === 'high' || candidate.riskLevel === 'critical';
  const decisionWord = (decision: ReviewCandidate['decision']) => t(`${k}.decisions.${decision}`);

  return (
    <li
      className={[
        'share-person',
        exposed ? 'share-person--exposed' : '',
        candidate.riskLevel === null ? 'share-person--unassessed' : '',
        state.override ? 'share-person--override' : '',
      ]
        .filter(Boolean)
        .join(' ')}
    >
      <article className="share-person__card" aria-labelledby={`${id}-name`}>
        <header className="share-person__head">
          <h3 className="share-person__name" id={`${id}-name`}>
            {candidate.fullName}
          </h3>
          <span className="share-person__codename">
            {t(`${k}.codename`)} <span className="mono">{candidate.codename}</span>
          </span>
          <span className="share-person__risk">
            {candidate.riskLevel ? (
              <RiskLevelChip
                level={candidate.riskLevel}
                label={t('ui.riskAssessment.badge.label', {
                  level: t(`ui.domain.riskLevel.${candidate.riskLevel}`),
                })}
              />
            ) : (
              <span className="risk-unassessed">
                <ShapeIcon shape="warning" />
                <span>{t(`${k}.notAssessed`)}</span>
              </span>
            )}
          </span>
        </header>

        <dl className="share-facts">
          <div className="share-facts__item">
            <dt>{t(`${k}.assessment`)}</dt>
            <dd>
              {candidate.assessedOn === null || candidate.assessmentAgeDays === null ? (
                t(`${k}.neverAssessed`)
              ) : (
                <>
                  <span>
                    {candidate.assessmentAgeDays === 0
                      ? t(`${k}.assessedToday`)
                      : t(`${k}.assessedAgo`, {
                          count: candidate.assessmentAgeDays,
                          date: formatDate(candidate.assessedOn, language),
                        })}
                    {candidate.assessmentVersion !== null
                      ? ` · ${t(`${k}.version`, { version: candidate.assessmentVersion })}`
                      : null}
                  </span>
                  {candidate.reviewState && candidate.reviewDueOn ? (
                    <span
                      className={`risk-review risk-review--${candidate.reviewState} share-facts__review`}
                    >
                      <ShapeIcon shape={REVIEW_SHAPE[candidate.reviewState]} />
                      <span>
                        {reviewText(t, candidate.reviewState, candidate.reviewDueOn, language)}
                      </span>
                    </span>
                  ) : null}
                </>
              )}
            </dd>
          </div>
          <div className="share-facts__item">
            <dt>{t(`${k}.consent`)}</dt>
            <dd
              className={`share-consent ${consentEnough ? 'share-consent--enough' : 'share-consent--short'}`}
            >
              <span className="share-consent__mark" aria-hidden="true">
                {consentEnough ? '✔' : '✘'}
              </span>
              <span>
                {t(`${k}.consentLine`, {
                  consent: t(`ui.domain.consent.${candidate.consent}`),
                  needed: t(`ui.domain.consent.${candidate.consentNeeded}`),
                })}{' '}
                <strong>
                  ({consentEnough ? t(`${k}.consentEnough`) : t(`${k}.consentShort`)})
                </strong>
              </span>
            </dd>
          </div>
          <div className="share-facts__item">
            <dt>{t(`${k}.mitigations`)}</dt>
            <dd>
              {candidate.mitigations.length === 0
                ? t(`${k}.noMitigations`)
                : listOf(
                    candidate.mitigations.map((m) => t(`ui.domain.mitigation.${m}`)),
                    language,
                  )}
            </dd>
          </div>
          {candidate.restrictedNotes > 0 ? (
            <div className="share-facts__item">
              <dt>{t(`${k}.restricted`)}</dt>
              <dd className="share-restricted">
                {t(`${k}.restrictedCount`, { count: candidate.restrictedNotes })}
              </dd>
            </div>
          ) : null}
          <div className="share-facts__item share-facts__item--wide">
            <dt>{t(`${k}.alreadyKnown`)}</dt>
            <dd>
              {candidate.alreadyKnown.length === 0 ? (
                <span className="muted">{t(`${k}.nothingBefore`)}</span>
              ) : (
                <ul className="share-known">
                  {candidate.alreadyKnown.map((prior) => (
                    <li key={prior.disclosureId}>
                      {t(`${k}.prior`, {
                        date: formatTimestamp(prior.at, language),
                        decision: t(`${k}.priorDecision.${prior.decision}`),
                        purpose: prior.purpose,
                      })}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        </dl>

        <div className={`share-rules share-rules--${candidate.decision}`}>
          <p className="share-rules__decision">
            <DecisionIcon decision={candidate.decision} className="share-icon" />
            <strong>{t(`${k}.rules`, { decision: decisionWord(candidate.decision) })}</strong>
          </p>
          {candidate.reasons.length === 0 ? (
            <p className="share-rules__none">{t(`${k}.noReasons`)}</p>
          ) : (
            <ul className="share-rules__reasons">
              {candidate.reasons.map((reason) => (
                <li key={reason}>{t(`${k}.reasons.${reason}`)}</li>
              ))}
            </ul>
          )}
        </div>

        <RadioGroup
          className="share-decide"
          orientation="horizontal"
          value={choice.decision}
          isDisabled={isDisabled}
          onChange={(value) => {
            if (isDecision(value)) onChange({ ...choice, decision: value });
          }}
        >
          <Label className="field__label">
            {t(`${k}.decision`, { codename: candidate.codename })}
          </Label>
          <div className="share-options share-options--row">
            {SHARE_DECISIONS.map((decision) => (
              <RadioField key={decision} value={decision} className="choice-card">
                <RadioButton className={`choice-card__button choice-card__button--${decision}`}>
                  <span className="choice-card__dot" aria-hidden="true" />
                  <DecisionIcon decision={decision} className="share-icon" />
                  <span className="choice-card__label">{decisionWord(decision)}</span>
                </RadioButton>
                <Text slot="description" className="choice-card__help">
                  {t(`${k}.decisionHelp.${decision}`)}
                </Text>
              </RadioField>
            ))}
          </div>
        </RadioGroup>

        {state.override ? (
          <div className="share-override" role="group" aria-labelledby={`${id}-override`}>
            <p className="share-override__title" id={`${id}-override`}>
              <ShapeIcon shape="warning" />
              <strong>{t(`${k}.override.title`)}</strong>
            </p>
            <p className="share-override__intro">
              {t(`${k}.override.intro`, {
                ruled: decisionWord(candidate.decision),
                chosen: decisionWord(choice.decision),
              })}
            </p>
            <TextAreaField
              label={t(`${k}.override.justification`)}
              description={t(`${k}.override.counter`, {
                length: choice.justification.trim().length,
                min: MIN_JUSTIFICATION,
              })}
              rows={3}
              spellCheck="true"
              maxLength={2000}
              isRequired
              isDisabled={isDisabled}
              value={choice.justification}
              onChange={(justification) => {
                onChange({ ...choice, justification });
              }}
              onBlur={() => {
                setTouched((before) => ({ ...before, justification: true }));
              }}
              errorMessage={
                touched.justification && state.justificationShort
                  ? t(`${k}.override.justificationShort`, { min: MIN_JUSTIFICATION })
                  : undefined
              }
            />
            <TextField
              label={t(`${k}.override.typeCodename`)}
              description={t(`${k}.override.typeCodenameHelp`, { codename: candidate.codename })}
              isRequired
              maxLength={100}
              autoComplete="off"
              isDisabled={isDisabled}
              value={choice.typedCodename}
              onChange={(typedCodename) => {
                onChange({ ...choice, typedCodename });
              }}
              onBlur={() => {
                setTouched((before) => ({ ...before, codename: true }));
              }}
              errorMessage={
                (touched.codename || choice.typedCodename.length >= candidate.codename.length) &&
                state.codenameMismatch
                  ? t(`${k}.override.codenameMismatch`, { codename: candidate.codename })
                  : undefined
              }
            />
            <p className="share-override__status" role="status">
              {state.valid ? (
                <>
                  <ShapeIcon shape="check" />
                  <span>{t(`${k}.override.complete`)}</span>
                </>
              ) : null}
            </p>
          </div>
        ) : stricter ? (
          <p className="share-stricter">
            <DecisionChip decision={choice.decision} label={decisionWord(choice.decision)} />
            <span>{t(`${k}.stricter`)}</span>
          </p>
        ) : null}
      </article>
    </li>
  );
}
