import { useEffect, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Consent } from '../../../../shared/domain.ts';
import type { PersonRisk } from '../../../../shared/risk.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Modal } from '../../components/Modal.tsx';
import { useErrorText } from '../../lib/errors.ts';
import { useVaultMutation } from '../../lib/vault-mutation.ts';
import { formatDate } from '../people/format.ts';
import {
  initialValues,
  ratingOf,
  STEPS,
  stepProblems,
  suggestedReview,
  toAssessmentFields,
  type AssessmentValues,
  type FormMode,
  type ProblemField,
  type Problems,
  type Step,
} from './assessment-values.ts';
import { ConsentStep } from './ConsentStep.tsx';
import { FactorsStep } from './FactorsStep.tsx';
import { ReviewStep } from './ReviewStep.tsx';
import './risk-assessment.css';

export interface AssessmentFormProps {
  person: { id: number; codename: string; consent: Consent };
  risk: PersonRisk;
  mode: FormMode;
  onClose: () => void;
  onSaved: (version: number) => void;
}

/**
 * The guided assessment, in three steps: factors (with the level they make, live), consent
 * and mitigations, then the narrative, assessor and review date. A reassessment or correction
 * starts from the latest version. The core computes and checks everything again on saving;
 * what it refuses is shown here, and the form keeps what was typed.
 */
export function AssessmentForm({ person, risk, mode, onClose, onSaved }: AssessmentFormProps) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  // Taken when the form opens: if someone saves a version meanwhile, the core refuses this
  // form (ASSESSMENT_NOT_LATEST) instead of it silently following a judgement it never saw.
  const [start] = useState(() => ({
    previous: risk.history[0],
    basedOnVersion: risk.history[0]?.version ?? null,
    today: risk.today,
    intervals: risk.intervals,
  }));
  const { previous, basedOnVersion, today, intervals } = start;
  const correction = mode === 'correct';
  const form = useForm<AssessmentValues>({
    defaultValues: initialValues(mode === 'assess' ? undefined : previous, person.consent),
  });
  const values = useWatch({ control: form.control }) as AssessmentValues;
  const assess = useVaultMutation('risk:assess');
  const [stepIndex, setStepIndex] = useState(0);
  const step: Step = STEPS[stepIndex] ?? 'factors';
  // Steps the user tried to leave: their problems show, and update as they are fixed.
  const [checked, setChecked] = useState<ReadonlySet<Step>>(new Set());
  const reviewEdited = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const context = { today, intervals, correction };
  const problems: Problems = checked.has(step) ? stepProblems(step, values, context) : {};
  const rating = ratingOf(values.factors, today, intervals);

  // A new step: its heading takes the focus, so a screen reader says where the user now is.
  // (Compared with the step last focused, not "first render": StrictMode runs effects twice.)
  const focusedStep = useRef(stepIndex);
  useEffect(() => {
    if (focusedStep.current === stepIndex) return;
    focusedStep.current = stepIndex;
    headingRef.current?.focus();
  }, [stepIndex]);
  // After a refused Next or Save: the first field with a problem takes the focus.
  useEffect(() => {
    if (focusRequest === 0) return;
    formRef.current
      ?.querySelector<HTMLElement>(
        '[data-invalid] input, [data-invalid] textarea, [data-invalid] button',
      )
      ?.focus();
  }, [focusRequest]);

  const problemText = (field: ProblemField): string | undefined => {
    const problem = problems[field];
    if (!problem) return undefined;
    return t(`ui.riskAssessment.form.${problem.key}`, {
      date: problem.date ? formatDate(problem.date, i18n.language) : '',
    });
  };

  const goTo = (index: number) => {
    if (STEPS[index] === 'review' && !reviewEdited.current) {
      const latest = ratingOf(form.getValues('factors'), today, intervals)?.latestReview;
      if (latest) form.setValue('reviewDueOn', suggestedReview(mode, previous, latest, today));
    }
    setStepIndex(index);
  };

  /** The first step with a problem (shown and focused), or -1 when every step up to `last` is fine. */
  const refuse = (last: number): number => {
    const current = form.getValues();
    const bad = STEPS.slice(0, last + 1).findIndex(
      (s) => Object.keys(stepProblems(s, current, context)).length > 0,
    );
    if (bad < 0) return -1;
    const badStep = STEPS[bad] ?? 'factors';
    setChecked((before) => new Set(before).add(badStep));
    if (bad !== stepIndex) setStepIndex(bad);
    setFocusRequest((n) => n + 1);
    return bad;
  };

  const next = () => {
    if (refuse(stepIndex) >= 0) return;
    goTo(stepIndex + 1);
  };

  const save = () => {
    if (refuse(STEPS.length - 1) >= 0) return;
    const fields = toAssessmentFields(form.getValues(), person.id, basedOnVersion, correction);
    if (!fields) return;
    assess.mutate(fields, {
      onSuccess: ({ version }) => {
        onSaved(version);
      },
    });
  };

  const k = 'ui.riskAssessment.form';
  const title =
    mode === 'correct'
      ? t(`${k}.titleCorrect`, { version: basedOnVersion ?? 0, codename: person.codename })
      : t(mode === 'reassess' ? `${k}.titleReassess` : `${k}.titleAssess`, {
          codename: person.codename,
        });
  const last = stepIndex === STEPS.length - 1;
  const busy = assess.isPending;

  return (
    <Modal title={title} isOpen onClose={onClose} size="wide" isDismissable={false}>
      <Form
        ref={formRef}
        className="stack risk-form"
        validationBehavior="aria"
        onSubmit={(event) => {
          event.preventDefault();
          // Enter in a field moves on, as Next does, until the last step.
          if (last) save();
          else next();
        }}
      >
        <ol className="risk-steps" aria-label={t(`${k}.steps`)}>
          {STEPS.map((s, i) => (
            <li
              key={s}
              className={`risk-steps__item${i === stepIndex ? ' risk-steps__item--current' : ''}${i < stepIndex ? ' risk-steps__item--done' : ''}`}
              aria-current={i === stepIndex ? 'step' : undefined}
            >
              <span className="risk-steps__number" aria-hidden="true">
                {i + 1}
              </span>
              <span>{t(`${k}.stepNames.${s}`)}</span>
            </li>
          ))}
        </ol>
        <h3 ref={headingRef} tabIndex={-1} className="risk-step-title">
          {t(`${k}.step`, { step: stepIndex + 1, name: t(`${k}.stepNames.${step}`) })}
        </h3>
        {correction && basedOnVersion !== null ? (
          <Alert tone="info" live={false}>
            {t(`${k}.correctionNote`, { version: basedOnVersion })}
          </Alert>
        ) : null}

        {step === 'factors' ? (
          <FactorsStep
            control={form.control}
            problemText={problemText}
            today={today}
            intervals={intervals}
          />
        ) : step === 'consent' ? (
          <ConsentStep
            control={form.control}
            consentDateProblem={problemText('consentConfirmedOn')}
          />
        ) : rating ? (
          <ReviewStep
            control={form.control}
            problemText={problemText}
            correctsVersion={correction ? basedOnVersion : null}
            latestReview={rating.latestReview}
            level={rating.level}
            onReviewDateEdited={() => {
              reviewEdited.current = true;
            }}
          />
        ) : null}

        {assess.isError ? <Alert tone="error">{errorText(assess.error)}</Alert> : null}
        <div className="actions actions--end risk-form__actions">
          <Button onPress={onClose} isDisabled={busy}>
            {t('ui.common.cancel')}
          </Button>
          {stepIndex > 0 ? (
            <Button
              onPress={() => {
                goTo(stepIndex - 1);
              }}
              isDisabled={busy}
            >
              {t(`${k}.back`)}
            </Button>
          ) : null}
          {last ? (
            <Button key="save" type="submit" variant="primary" isDisabled={busy}>
              {correction ? t(`${k}.saveCorrection`) : t(`${k}.save`)}
            </Button>
          ) : (
            <Button key="next" variant="primary" onPress={next}>
              {t(`${k}.next`)}
            </Button>
          )}
        </div>
      </Form>
    </Modal>
  );
}
