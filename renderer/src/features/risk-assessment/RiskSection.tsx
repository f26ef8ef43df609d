import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/records.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Progress } from '../../components/Progress.tsx';
import { useErrorText } from '../../lib/errors.ts';
import { AssessmentForm } from './AssessmentForm.tsx';
import { AssessmentHistory } from './AssessmentHistory.tsx';
import type { FormMode } from './assessment-values.ts';
import { CurrentAssessment } from './CurrentAssessment.tsx';
import { usePersonRisk } from './use-person-risk.ts';
import './risk-assessment.css';

type RiskPerson = Pick<Person, 'id' | 'codename' | 'consent'>;

/** The person page's "Retaliation risk" section: the current version, its history, the form. */
export function RiskSection({ person }: { person: RiskPerson }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const query = usePersonRisk(person.id);
  const risk = query.data;
  const [mode, setMode] = useState<FormMode | null>(null);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const k = 'ui.riskAssessment.section';
  const current = risk?.history[0];

  const open = (next: FormMode) => {
    setSavedVersion(null);
    setMode(next);
  };

  return (
    <section className="panel person-section risk-section" aria-labelledby="risk-title">
      <div className="person-section__header">
        <h2 id="risk-title" className="person-section__title">
          {t('ui.riskAssessment.title')}
        </h2>
        {risk && !risk.archived ? (
          <div className="risk-actions" role="group" aria-label={t(`${k}.actions`)}>
            {/* One button whose words change, so focus returns to it after the first save. */}
            <Button
              variant="primary"
              onPress={() => {
                open(current ? 'reassess' : 'assess');
              }}
            >
              {current ? t(`${k}.reassess`) : t(`${k}.assess`)}
            </Button>
            {current ? (
              <Button
                onPress={() => {
                  open('correct');
                }}
              >
                {t(`${k}.correct`)}
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
      <p className="risk-muted">{t(`${k}.intro`)}</p>
      {query.isError ? <Alert tone="error">{errorText(query.error)}</Alert> : null}
      {!risk ? (
        query.isError ? null : (
          <Progress label={t(`${k}.loading`)} />
        )
      ) : (
        <>
          {risk.archived ? <p className="risk-archived">{t(`${k}.archived`)}</p> : null}
          {/* Always in the page, so the confirmation is announced when its words appear. */}
          <div role="status" className="risk-saved">
            {savedVersion !== null ? t(`${k}.saved`, { version: savedVersion }) : null}
          </div>
          {current ? (
            <CurrentAssessment assessment={current} reviewState={risk.reviewState} />
          ) : risk.needsAssessment ? (
            <Alert tone="warning" live={false}>
              {t(`${k}.notAssessed`)}
            </Alert>
          ) : (
            <p>{t(`${k}.noneYet`)}</p>
          )}
          {risk.history.length > 0 ? <AssessmentHistory history={risk.history} /> : null}
          {mode ? (
            <AssessmentForm
              person={person}
              risk={risk}
              mode={mode}
              onClose={() => {
                setMode(null);
              }}
              onSaved={(version) => {
                setMode(null);
                setSavedVersion(version);
              }}
            />
          ) : null}
        </>
      )}
    </section>
  );
}
