/**
 * The risk dashboard: where the team sees who is most exposed (the heat map), whose
 * assessment needs a review, who was never assessed or never asked for consent, how many
 * people are at each stage, which follow-ups are due and how old the last backup is.
 * Everything comes from one call, risk:dashboard; any change in the vault refetches it.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRef } from '../../../../shared/records.ts';
import { REVIEW_SOON_DAYS, type RiskDashboard as Dashboard } from '../../../../shared/risk.ts';
import { Alert } from '../../components/Alert.tsx';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { useErrorText } from '../../lib/errors.ts';
import { useVaultQuery } from '../../lib/vault-mutation.ts';
import { formatDate } from '../people/format.ts';
import { HeatMapPanel } from './HeatMapPanel.tsx';
import { LastBackup } from './LastBackup.tsx';
import { reviewsDue } from './model.ts';
import { PersonList } from './PersonList.tsx';
import { RiskRowsTable } from './RiskRowsTable.tsx';
import { StageChart } from './StageChart.tsx';
import './risk-dashboard.css';

export function RiskDashboard() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const dashboard = useVaultQuery('risk:dashboard', {});
  return (
    <div className="risk-dashboard">
      <ScreenTitle>{t('ui.shell.areas.risk')}</ScreenTitle>
      <p className="risk-dashboard__intro">{t('ui.riskDashboard.intro')}</p>
      {dashboard.isError ? <Alert tone="error">{errorText(dashboard.error)}</Alert> : null}
      {dashboard.data ? (
        <DashboardPanels data={dashboard.data} />
      ) : dashboard.isPending ? (
        <p role="status" className="risk-help">
          {t('ui.riskDashboard.loading')}
        </p>
      ) : null}
    </div>
  );
}

function Panel({
  id,
  title,
  wide = false,
  children,
}: {
  id: string;
  title: string;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <section className={`panel risk-panel${wide ? ' risk-panel--wide' : ''}`} aria-labelledby={id}>
      <h2 id={id} className="risk-panel__title">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The sections, from the dashboard's data (exported for the component tests). */
export function DashboardPanels({ data }: { data: Dashboard }) {
  const { t, i18n } = useTranslation();
  const reviews = reviewsDue(data.assessed);
  // Nobody in an assessed stage: the lists say what will appear, not "everyone is fine".
  const nobodyInContact = data.assessed.length === 0 && data.unassessed.length === 0;
  const stage = (person: PersonRef) => t(`ui.domain.stage.${person.stage}`);
  return (
    <div className="risk-grid">
      <HeatMapPanel assessed={data.assessed} />

      <Panel id="risk-reviews-title" title={t('ui.riskDashboard.reviews.title')} wide>
        {reviews.length === 0 ? (
          <p className="risk-empty">
            {data.assessed.length === 0
              ? t('ui.riskDashboard.reviews.nobody')
              : t('ui.riskDashboard.reviews.none', { days: REVIEW_SOON_DAYS })}
          </p>
        ) : (
          <>
            <p className="risk-help">
              {t('ui.riskDashboard.reviews.help', { days: REVIEW_SOON_DAYS })}
            </p>
            <RiskRowsTable
              rows={reviews}
              columns={['codename', 'name', 'level', 'reviewDue', 'state']}
              labelledBy="risk-reviews-title"
            />
          </>
        )}
      </Panel>

      <Panel id="risk-unassessed-title" title={t('ui.riskDashboard.unassessed.title')}>
        {data.unassessed.length === 0 ? (
          <p className="risk-empty">
            {nobodyInContact
              ? t('ui.riskDashboard.unassessed.nobody')
              : t('ui.riskDashboard.unassessed.none')}
          </p>
        ) : (
          <>
            <p className="risk-help">{t('ui.riskDashboard.unassessed.help')}</p>
            <PersonList
              persons={data.unassessed}
              labelledBy="risk-unassessed-title"
              detail={stage}
            />
          </>
        )}
      </Panel>

      <Panel id="risk-consent-title" title={t('ui.riskDashboard.consent.title')}>
        {data.consentNotAsked.length === 0 ? (
          <p className="risk-empty">
            {nobodyInContact
              ? t('ui.riskDashboard.consent.nobody')
              : t('ui.riskDashboard.consent.none')}
          </p>
        ) : (
          <>
            <p className="risk-help">{t('ui.riskDashboard.consent.help')}</p>
            <PersonList
              persons={data.consentNotAsked}
              labelledBy="risk-consent-title"
              detail={stage}
            />
          </>
        )}
      </Panel>

      <Panel id="risk-followups-title" title={t('ui.riskDashboard.followUps.title')}>
        {data.followUpsDue.total === 0 ? (
          <p className="risk-empty">{t('ui.riskDashboard.followUps.none')}</p>
        ) : (
          <>
            <p className="risk-help">
              {t('ui.riskDashboard.followUps.total', { count: data.followUpsDue.total })}
              {data.followUpsDue.persons.length < data.followUpsDue.total
                ? ` ${t('ui.riskDashboard.followUps.shown', { shown: data.followUpsDue.persons.length })}`
                : ''}
            </p>
            <PersonList
              persons={data.followUpsDue.persons}
              labelledBy="risk-followups-title"
              detail={(person) =>
                t('ui.riskDashboard.followUps.due', {
                  date: formatDate(person.nextFollowUp, i18n.language),
                })
              }
            />
          </>
        )}
      </Panel>

      <Panel id="risk-backup-title" title={t('ui.riskDashboard.backup.title')}>
        <LastBackup at={data.lastBackupAt} today={data.today} warnDays={data.backupWarnDays} />
      </Panel>

      <Panel id="risk-stages-title" title={t('ui.riskDashboard.stages.title')} wide>
        <StageChart counts={data.stageCounts} />
      </Panel>
    </div>
  );
}
