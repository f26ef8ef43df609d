import { useEffect, useRef, useState } from 'react';
import { Form, Label, RadioButton, RadioField, RadioGroup, Text } from 'react-aria-components';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  APPROACH_ROUTES,
  PLAN_CONSIDERATIONS,
  PLAN_DECISIONS,
  type EngagementPlan,
} from '../../../../shared/risk.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import {
  FormSelectField,
  FormTextAreaField,
  FormTextField,
} from '../../components/form-fields.tsx';
import { Modal } from '../../components/Modal.tsx';
import { useErrorText } from '../../lib/errors.ts';
import { useVaultMutation } from '../../lib/vault-mutation.ts';
import { listOf } from './describe.ts';
import { DECISION_SHAPE, ShapeIcon } from './icons.tsx';
import {
  decisionProblems,
  gapLabelKey,
  gapsOf,
  NO_ROUTE,
  planValues,
  toPlanFields,
  type PlanValues,
} from './plan-values.ts';
import './risk-assessment.css';

/**
 * Writing or editing the engagement plan. What a "go" still lacks is counted live; the core
 * refuses a go with gaps (PLAN_INCOMPLETE) and a decision without its reasons, and its
 * sentence is shown here whatever the form checked first.
 */
export function EngagementPlanForm({
  personId,
  codename,
  plan,
  onClose,
  onSaved,
}: {
  personId: number;
  codename: string;
  plan: EngagementPlan | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const save = useVaultMutation('plans:save');
  const form = useForm<PlanValues>({ defaultValues: planValues(plan) });
  const values = useWatch({ control: form.control }) as PlanValues;
  const gaps = gapsOf(values);
  const [tried, setTried] = useState(false);
  const problems = tried ? decisionProblems(values) : {};
  const formRef = useRef<HTMLFormElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest === 0) return;
    formRef.current
      ?.querySelector<HTMLElement>('[data-invalid] input, [data-invalid] textarea')
      ?.focus();
  }, [focusRequest]);

  const k = 'ui.riskAssessment.plan';
  const f = `${k}.form`;
  const submit = () => {
    const current = form.getValues();
    if (Object.keys(decisionProblems(current)).length > 0) {
      setTried(true);
      setFocusRequest((n) => n + 1);
      return;
    }
    save.mutate(toPlanFields(current, personId), { onSuccess: onSaved });
  };
  const busy = save.isPending;

  return (
    <Modal
      title={t(`${f}.title`, { codename })}
      isOpen
      onClose={onClose}
      size="wide"
      isDismissable={false}
    >
      <Form
        ref={formRef}
        className="stack plan-form"
        validationBehavior="aria"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <FormTextAreaField
          control={form.control}
          name="objective"
          label={t(`${k}.objective`)}
          description={t(`${f}.objectiveHelp`)}
          rows={2}
          spellCheck="true"
        />
        <FormTextAreaField
          control={form.control}
          name="commonInterest"
          label={t(`${k}.commonInterest`)}
          description={t(`${f}.commonInterestHelp`)}
          rows={2}
          spellCheck="true"
        />
        <div className="form-grid">
          <FormSelectField
            control={form.control}
            name="approachRoute"
            label={t(`${k}.approachRoute`)}
            options={[
              { value: NO_ROUTE, label: t(`${f}.noRoute`) },
              ...APPROACH_ROUTES.map((value) => ({
                value,
                label: t(`ui.domain.approachRoute.${value}`),
              })),
            ]}
          />
          <FormTextAreaField
            control={form.control}
            name="routeNotes"
            label={t(`${k}.routeNotes`)}
            rows={2}
            spellCheck="true"
          />
        </div>
        <FormTextAreaField
          control={form.control}
          name="plannedOffers"
          label={t(`${k}.plannedOffers`)}
          description={t(`${f}.plannedOffersHelp`)}
          rows={2}
          spellCheck="true"
        />
        <fieldset className="form-section">
          <legend className="form-section__title">{t(`${f}.considerations`)}</legend>
          <p className="risk-muted plan-form__help">{t(`${f}.considerationsHelp`)}</p>
          {PLAN_CONSIDERATIONS.map((key) => (
            <FormTextAreaField
              key={key}
              control={form.control}
              name={`considerations.${key}`}
              label={t(`ui.domain.planConsideration.${key}`)}
              description={t(`${f}.considerationHelp.${key}`)}
              rows={2}
              spellCheck="true"
            />
          ))}
        </fieldset>
        <Controller
          control={form.control}
          name="decision"
          render={({ field }) => (
            <RadioGroup
              className="plan-decisions"
              orientation="horizontal"
              value={field.value}
              onChange={(value) => {
                field.onChange(value);
              }}
            >
              <Label className="field__label">{t(`${k}.decision`)}</Label>
              <Text slot="description" className="field__description">
                {t(`${f}.decisionHelp`)}
              </Text>
              <div className="plan-decisions__options">
                {PLAN_DECISIONS.map((decision) => (
                  <RadioField key={decision} value={decision} className="risk-radio">
                    <RadioButton className={`plan-decisions__option plan-decision--${decision}`}>
                      <ShapeIcon shape={DECISION_SHAPE[decision]} />
                      {t(`ui.domain.planDecision.${decision}`)}
                    </RadioButton>
                  </RadioField>
                ))}
              </div>
            </RadioGroup>
          )}
        />
        <div
          className={`plan-gaps${gaps.length > 0 ? ' plan-gaps--open' : ''}`}
          aria-live="polite"
          aria-atomic="true"
        >
          {gaps.length > 0 ? (
            <>
              <strong>{t(`${k}.gaps`, { count: gaps.length })}</strong>{' '}
              <span>
                {t(`${k}.gapsList`, {
                  list: listOf(
                    gaps.map((gap) => t(gapLabelKey(gap))),
                    i18n.language,
                  ),
                })}
              </span>
            </>
          ) : (
            t(`${k}.ready`)
          )}
        </div>
        <div className="form-grid">
          <FormTextAreaField
            control={form.control}
            name="decisionNote"
            label={t(`${f}.decisionNote`)}
            description={t(`${f}.decisionNoteHelp`)}
            rows={2}
            spellCheck="true"
            isRequired={values.decision !== 'undecided'}
            errorMessage={problems.decisionNote ? t(`${f}.decisionNoteNeeded`) : undefined}
          />
          <FormTextField
            control={form.control}
            name="decidedBy"
            label={t(`${f}.decidedBy`)}
            isRequired={values.decision !== 'undecided'}
            errorMessage={problems.decidedBy ? t(`${f}.decidedByNeeded`) : undefined}
          />
        </div>
        {save.isError ? <Alert tone="error">{errorText(save.error)}</Alert> : null}
        <div className="actions actions--end">
          <Button onPress={onClose} isDisabled={busy}>
            {t('ui.common.cancel')}
          </Button>
          <Button type="submit" variant="primary" isDisabled={busy}>
            {t(`${f}.save`)}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
