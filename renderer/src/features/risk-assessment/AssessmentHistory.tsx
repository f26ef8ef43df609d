import { Button as AriaButton, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { assessmentChanges, type Assessment } from '../../../../shared/risk.ts';
import { formatDate } from '../people/format.ts';
import { describeChange } from './describe.ts';
import { LevelIcon } from './icons.tsx';
import './risk-assessment.css';

/** Versions listed before the rest fold away under "Older versions". */
export const HISTORY_SHOWN = 3;

/**
 * Every version, newest first, with what changed from the one before: the record that an
 * assessment was never rewritten, only followed by another (or corrected, with the reason).
 */
export function AssessmentHistory({ history }: { history: readonly Assessment[] }) {
  const { t } = useTranslation();
  const recent = history.slice(0, HISTORY_SHOWN);
  const older = history.slice(HISTORY_SHOWN);
  return (
    <div className="risk-history">
      <h3 id="risk-history-title" className="risk-subtitle">
        {t('ui.riskAssessment.history.title')}
      </h3>
      <ol className="risk-history__list" aria-labelledby="risk-history-title">
        {recent.map((version, i) => (
          <HistoryEntry key={version.id} version={version} previous={history[i + 1]} />
        ))}
      </ol>
      {older.length > 0 ? (
        <Disclosure className="risk-disclosure">
          <Heading level={4} className="risk-disclosure__heading">
            <AriaButton slot="trigger" className="risk-disclosure__trigger">
              <span className="risk-disclosure__chevron" aria-hidden="true">
                ▸
              </span>
              {t('ui.riskAssessment.history.older', { count: older.length })}
            </AriaButton>
          </Heading>
          <DisclosurePanel className="risk-disclosure__panel">
            <ol className="risk-history__list">
              {older.map((version, i) => (
                <HistoryEntry
                  key={version.id}
                  version={version}
                  previous={history[HISTORY_SHOWN + i + 1]}
                />
              ))}
            </ol>
          </DisclosurePanel>
        </Disclosure>
      ) : null}
    </div>
  );
}

function HistoryEntry({
  version: v,
  previous,
}: {
  version: Assessment;
  previous: Assessment | undefined;
}) {
  const { t, i18n } = useTranslation();
  const k = 'ui.riskAssessment.history';
  const changes = previous ? assessmentChanges(previous, v) : [];
  return (
    <li className={`risk-history__entry risk-history__entry--${v.level}`}>
      <p className="risk-history__head">
        <LevelIcon level={v.level} />
        <span>
          {t(`${k}.version`, {
            version: v.version,
            date: formatDate(v.assessedOn, i18n.language),
            assessor: v.assessor,
            level: t(`ui.domain.riskLevel.${v.level}`),
          })}
        </span>
      </p>
      {v.correctsVersion !== null ? (
        <p className="risk-correction">
          {t(`${k}.corrects`, { version: v.correctsVersion, reason: v.correctionReason })}
        </p>
      ) : null}
      {!previous ? (
        <p className="risk-muted">{t(`${k}.first`)}</p>
      ) : changes.length === 0 ? (
        <p className="risk-muted">{t(`${k}.noChanges`)}</p>
      ) : (
        <ul
          className="risk-history__changes"
          aria-label={t(`${k}.changesFrom`, { version: previous.version })}
        >
          {changes.map((change) => (
            <li key={change.field}>{describeChange(t, change, i18n.language)}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
