/**
 * How often each risk level is reviewed (days, REVIEW_INTERVAL_MIN–MAX): the policy the core
 * applies to new assessments. The core checks the order (a higher level never reviewed less
 * often than a lower one) and its answer is shown in the user's language.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Form, Group, Input, Label, NumberField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  REVIEW_INTERVAL_MAX,
  REVIEW_INTERVAL_MIN,
  type ReviewIntervals,
  type RiskLevel,
} from '../../../../shared/risk.ts';
import { queryClient, SETTINGS_KEY } from '../../app/session.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { call, isApiError } from '../../lib/api.ts';
import { useErrorText } from '../../lib/errors.ts';
import { invalidateVaultQueries } from '../../lib/vault-mutation.ts';
import '../risk-dashboard/risk-dashboard.css';

/** The form's order: the most often reviewed first. */
const LEVELS = ['critical', 'high', 'moderate', 'low'] as const satisfies readonly RiskLevel[];

export function ReviewIntervalsForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: () => call('settings:get', {}) });
  // What the user typed, until applied; otherwise what the vault holds.
  const [draft, setDraft] = useState<Partial<ReviewIntervals>>({});
  const stored = settings.data?.reviewIntervals;
  const days = (level: RiskLevel) => draft[level] ?? stored?.[level] ?? NaN;
  const complete = LEVELS.every((level) => Number.isInteger(days(level)));
  const save = useMutation({
    mutationFn: (reviewIntervals: ReviewIntervals) => call('settings:update', { reviewIntervals }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(SETTINGS_KEY, saved);
      setDraft({});
      // The assessment form computes review dates with the intervals: let it reread them.
      await invalidateVaultQueries();
    },
  });
  const orderError =
    save.isError && isApiError(save.error, 'VALIDATION') && save.error.details.field
      ? String(save.error.details.field)
      : null;
  const busy = !settings.data || save.isPending;

  return (
    <Form
      className="stack subsection"
      validationBehavior="aria"
      aria-labelledby="review-intervals"
      onSubmit={(event) => {
        event.preventDefault();
        if (!complete) return;
        save.mutate({
          critical: days('critical'),
          high: days('high'),
          moderate: days('moderate'),
          low: days('low'),
        });
      }}
    >
      <h3 id="review-intervals">{t('ui.riskDashboard.intervals.title')}</h3>
      <p className="muted" id="review-intervals-help">
        {t('ui.riskDashboard.intervals.help', {
          min: REVIEW_INTERVAL_MIN,
          max: REVIEW_INTERVAL_MAX,
        })}
      </p>
      <div className="intervals-form__fields">
        {LEVELS.map((level) => (
          <NumberField
            key={level}
            className="field"
            value={days(level)}
            onChange={(value) => {
              setDraft((current) => ({ ...current, [level]: value }));
            }}
            minValue={REVIEW_INTERVAL_MIN}
            maxValue={REVIEW_INTERVAL_MAX}
            step={1}
            formatOptions={{ maximumFractionDigits: 0 }}
            isDisabled={busy}
            isInvalid={orderError === `reviewIntervals.${level}`}
            aria-describedby="review-intervals-help"
          >
            <Label className="field__label">{t(`ui.riskDashboard.intervals.${level}`)}</Label>
            <Group className="field__control">
              <Input className="field__input field__input--number" />
            </Group>
          </NumberField>
        ))}
      </div>
      <p className="intervals-form__applies">{t('ui.riskDashboard.intervals.applies')}</p>
      {save.isSuccess ? (
        <Alert tone="success">{t('ui.riskDashboard.intervals.applied')}</Alert>
      ) : null}
      {save.isError ? <Alert tone="error">{errorText(save.error)}</Alert> : null}
      <div className="actions">
        <Button type="submit" isDisabled={busy || !complete}>
          {t('ui.riskDashboard.intervals.apply')}
        </Button>
      </div>
    </Form>
  );
}
