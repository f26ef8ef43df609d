import { Controller, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { RiskLevel } from '../../../../shared/risk.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormTextAreaField, FormTextField } from '../../components/form-fields.tsx';
import { formatDate } from '../people/format.ts';
import type { AssessmentValues, ProblemField } from './assessment-values.ts';

/** Step 3: why, who, and when to look again; in a correction, what it corrects. */
export function ReviewStep({
  control,
  problemText,
  correctsVersion,
  latestReview,
  level,
  onReviewDateEdited,
}: {
  control: Control<AssessmentValues>;
  problemText: (field: ProblemField) => string | undefined;
  /** The version a correction corrects; null when reassessing. */
  correctsVersion: number | null;
  latestReview: string;
  level: RiskLevel;
  onReviewDateEdited: () => void;
}) {
  const { t, i18n } = useTranslation();
  const k = 'ui.riskAssessment.form';
  return (
    <>
      {correctsVersion !== null ? (
        <FormTextAreaField
          control={control}
          name="correctionReason"
          label={t(`${k}.correctionReason`)}
          description={t(`${k}.correctionReasonHelp`, { version: correctsVersion })}
          isRequired
          rows={2}
          spellCheck="true"
          errorMessage={problemText('correctionReason')}
        />
      ) : null}
      <FormTextAreaField
        control={control}
        name="narrative"
        label={t(`${k}.narrative`)}
        description={t(`${k}.narrativeHelp`)}
        rows={6}
        spellCheck="true"
      />
      <div className="form-grid">
        <FormTextField
          control={control}
          name="assessor"
          label={t(`${k}.assessor`)}
          description={t(`${k}.assessorHelp`)}
          isRequired
          errorMessage={problemText('assessor')}
        />
        <Controller
          control={control}
          name="reviewDueOn"
          render={({ field }) => (
            <DateField
              label={t(`${k}.reviewDueOn`)}
              description={t(`${k}.reviewDueHelp`, {
                date: formatDate(latestReview, i18n.language),
                level: t(`ui.domain.riskLevel.${level}`),
              })}
              value={field.value}
              onChange={(value) => {
                onReviewDateEdited();
                field.onChange(value);
              }}
              onBlur={field.onBlur}
              name={field.name}
              errorMessage={problemText('reviewDueOn')}
            />
          )}
        />
      </div>
    </>
  );
}
