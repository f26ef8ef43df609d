import {
  FieldError,
  Label,
  RadioButton,
  RadioField,
  RadioGroup,
  Text,
} from 'react-aria-components';
import { Controller, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  RISK_FACTORS,
  SCORE_MAX,
  SCORE_MIN,
  type ReviewIntervals,
  type RiskFactor,
} from '../../../../shared/risk.ts';
import { ratingOf, type AssessmentValues } from './assessment-values.ts';
import { RiskLevelChip } from './RiskLevelChip.tsx';

const SCORES = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i);

/** Step 1: a 1–5 score for each factor, and the level they make, recomputed as they change. */
export function FactorsStep({
  control,
  problemText,
  today,
  intervals,
}: {
  control: Control<AssessmentValues>;
  problemText: (field: RiskFactor) => string | undefined;
  today: string;
  intervals: ReviewIntervals;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p className="risk-muted">{t('ui.riskAssessment.form.factorsIntro')}</p>
      <div className="risk-score-list">
        {RISK_FACTORS.map((factor) => (
          <Controller
            key={factor}
            control={control}
            name={`factors.${factor}`}
            render={({ field }) => (
              <FactorScoreField
                factor={factor}
                value={field.value}
                onChange={field.onChange}
                errorMessage={problemText(factor)}
              />
            )}
          />
        ))}
      </div>
      <RatingPreview control={control} today={today} intervals={intervals} />
    </>
  );
}

function FactorScoreField({
  factor,
  value,
  onChange,
  errorMessage,
}: {
  factor: RiskFactor;
  value: number | null;
  onChange: (score: number) => void;
  errorMessage: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <RadioGroup
      className="risk-score"
      orientation="horizontal"
      value={value === null ? null : String(value)}
      onChange={(score) => {
        onChange(Number(score));
      }}
      isRequired
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
    >
      <Label className="field__label">{t(`ui.domain.riskFactor.${factor}`)}</Label>
      <Text slot="description" className="field__description">
        {t(`ui.riskAssessment.form.factorHelp.${factor}`)}
      </Text>
      <div className="risk-score__options">
        {SCORES.map((score) => (
          <RadioField key={score} value={String(score)} className="risk-radio">
            <RadioButton className="risk-score__option">{String(score)}</RadioButton>
          </RadioField>
        ))}
      </div>
      <FieldError className="field__error">{errorMessage}</FieldError>
    </RadioGroup>
  );
}

/** Announced politely as scores change, so a screen reader hears the level follow them. */
function RatingPreview({
  control,
  today,
  intervals,
}: {
  control: Control<AssessmentValues>;
  today: string;
  intervals: ReviewIntervals;
}) {
  const { t } = useTranslation();
  const factors = useWatch({ control, name: 'factors' });
  const rating = ratingOf(factors, today, intervals);
  return (
    <div className="risk-preview" aria-live="polite" aria-atomic="true">
      <span className="risk-preview__title">{t('ui.riskAssessment.form.preview.title')}:</span>{' '}
      {rating ? (
        <RiskLevelChip
          level={rating.level}
          label={t('ui.riskAssessment.form.preview.value', {
            likelihood: rating.likelihood,
            impact: rating.impact,
            level: t(`ui.domain.riskLevel.${rating.level}`),
          })}
        />
      ) : (
        <span>{t('ui.riskAssessment.form.preview.incomplete')}</span>
      )}
    </div>
  );
}
