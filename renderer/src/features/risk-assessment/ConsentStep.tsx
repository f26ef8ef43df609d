import { CheckboxButton, CheckboxField, CheckboxGroup, Label } from 'react-aria-components';
import { Controller, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CONSENT_LEVELS } from '../../../../shared/domain.ts';
import { MITIGATIONS } from '../../../../shared/risk.ts';
import {
  FormDateField,
  FormSelectField,
  FormTextAreaField,
} from '../../components/form-fields.tsx';
import type { AssessmentValues } from './assessment-values.ts';

/** Step 2: what the person agreed to be named as, and what we agreed to protect them. */
export function ConsentStep({
  control,
  consentDateProblem,
}: {
  control: Control<AssessmentValues>;
  consentDateProblem: string | undefined;
}) {
  const { t } = useTranslation();
  const k = 'ui.riskAssessment.form';
  return (
    <>
      <div className="form-grid">
        <FormSelectField
          control={control}
          name="consent"
          label={t(`${k}.consent`)}
          description={t(`${k}.consentHelp`)}
          options={CONSENT_LEVELS.map((value) => ({
            value,
            label: t(`ui.domain.consent.${value}`),
          }))}
        />
        <FormDateField
          control={control}
          name="consentConfirmedOn"
          label={t(`${k}.consentConfirmedOn`)}
          description={t(`${k}.consentConfirmedOnHelp`)}
          errorMessage={consentDateProblem}
        />
      </div>
      <Controller
        control={control}
        name="mitigations"
        render={({ field }) => (
          <CheckboxGroup
            className="field risk-mitigations"
            value={field.value}
            onChange={(value) => {
              field.onChange(value);
            }}
          >
            <Label className="field__label">{t(`${k}.mitigations`)}</Label>
            {MITIGATIONS.map((mitigation) => (
              <CheckboxField key={mitigation} value={mitigation}>
                <CheckboxButton className="checkbox">
                  <span className="checkbox__box" aria-hidden="true">
                    <svg viewBox="0 0 18 18" width="14" height="14" focusable="false">
                      <polyline
                        points="2 9 7 14 16 4"
                        fill="none"
                        stroke="currentColor"
                        strokeWidth="3"
                      />
                    </svg>
                  </span>
                  <span className="checkbox__label">{t(`ui.domain.mitigation.${mitigation}`)}</span>
                </CheckboxButton>
              </CheckboxField>
            ))}
          </CheckboxGroup>
        )}
      />
      <FormTextAreaField
        control={control}
        name="mitigationNotes"
        label={t(`${k}.mitigationNotes`)}
        rows={3}
        spellCheck="true"
      />
    </>
  );
}
