import { useState, type ReactNode } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { PersonPage as PersonPageData } from '../../../../shared/records.ts';
import { navigate } from '../../app/navigation.ts';
import { openQuickNote } from '../../app/quick-note.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Progress } from '../../components/Progress.tsx';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { useErrorText } from '../../lib/errors.ts';
import { useVaultMutation, useVaultQuery } from '../../lib/vault-mutation.ts';
import { OutsideKnowledgePanel } from '../disclosures/OutsideKnowledgePanel.tsx';
import { EngagementPlanPanel } from '../risk-assessment/EngagementPlanPanel.tsx';
import { PersonRiskBadge } from '../risk-assessment/RiskBadge.tsx';
import { RiskSection } from '../risk-assessment/RiskSection.tsx';
import { usePersonRisk } from '../risk-assessment/use-person-risk.ts';
import { CopyNameButton } from './CopyNameButton.tsx';
import { DeletePersonDialog } from './DeletePersonDialog.tsx';
import { followUpState, formatDate } from './format.ts';
import { OffersPanel } from './OffersPanel.tsx';
import { PersonForm } from './PersonForm.tsx';
import { RelationshipsPanel } from './RelationshipsPanel.tsx';
import { RoutesPanel } from './RoutesPanel.tsx';
import { Timeline } from './Timeline.tsx';
import './people.css';

/** One person: the profile, what happened, what we offer, who we know around them. */
export function PersonPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const query = useVaultQuery('persons:get', { id });
  const page = query.data;
  // The risk section's own query (shared, not asked twice): copying the name shows its level.
  const risk = usePersonRisk(id);
  const riskLevel = risk.data?.history[0]?.level ?? null;
  return (
    <div className="person-page">
      <div className="person-header">
        {/* The same h1 while loading and after, so the focus the Shell put on it stays. */}
        <ScreenTitle>{page ? page.person.fullName : t('ui.people.page.loading')}</ScreenTitle>
        {page ? (
          <p className="person-header__codename">
            <span className="badge badge--codename">{t('ui.people.page.codenameTag')}</span>{' '}
            <span className="codename codename--large">{page.person.codename}</span>
          </p>
        ) : null}
        {page ? (
          <CopyNameButton
            personId={page.person.id}
            fullName={page.person.fullName}
            riskLevel={riskLevel}
          />
        ) : null}
        {page ? (
          <Button
            onPress={() => {
              navigate({ area: 'shares', tab: 'review', personIds: [page.person.id] });
            }}
          >
            {t('ui.disclosures.person.share')}
          </Button>
        ) : null}
        {page ? <PersonRiskBadge personId={page.person.id} /> : null}
      </div>
      {query.isError ? <Alert tone="error">{errorText(query.error)}</Alert> : null}
      {page ? (
        <PersonDetails page={page} />
      ) : query.isError ? null : (
        <Progress label={t('ui.people.page.loading')} />
      )}
    </div>
  );
}

function PersonDetails({ page }: { page: PersonPageData }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { person } = page;
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const archive = useVaultMutation('persons:archive');
  const facets = useVaultQuery('persons:facets', {});
  const archived = person.archivedAt !== null;
  const due = person.nextFollowUp ? followUpState(person.nextFollowUp) : null;
  const none = t('ui.people.page.none');
  const rating = (value: number | null) =>
    value === null ? none : t('ui.people.page.rating', { value });

  return (
    <>
      <div className="person-actions" role="toolbar" aria-label={t('ui.people.page.actions')}>
        <Button
          variant="primary"
          onPress={() => {
            openQuickNote([person.id]);
          }}
        >
          {t('ui.people.page.addNote')}
        </Button>
        <Button
          onPress={() => {
            setEditing(true);
          }}
        >
          {t('ui.people.page.edit')}
        </Button>
        <Button
          onPress={() => {
            navigate({ area: 'map', focusPersonId: person.id });
          }}
        >
          {t('ui.people.page.showOnMap')}
        </Button>
        <Button
          isDisabled={archive.isPending}
          onPress={() => {
            archive.mutate({ id: person.id, archived: !archived });
          }}
        >
          {archived ? t('ui.people.page.restore') : t('ui.people.page.archive')}
        </Button>
        <Button
          variant="danger"
          onPress={() => {
            setDeleting(true);
          }}
        >
          {t('ui.people.page.delete')}
        </Button>
      </div>
      {archive.isError ? <Alert tone="error">{errorText(archive.error)}</Alert> : null}
      {archived ? (
        <Alert tone="info" live={false}>
          <strong>{t('ui.people.page.archived')}.</strong> {t('ui.people.page.archivedText')}
        </Alert>
      ) : null}

      <div className="person-layout">
        <div className="person-layout__main">
          <section className="panel person-section" aria-labelledby="profile-title">
            <h2 id="profile-title" className="person-section__title">
              {t('ui.people.page.profile')}
            </h2>
            <div
              className={`follow-up-box follow-up-box--${due ?? 'none'}`}
              role="group"
              aria-label={t('ui.people.page.nextFollowUp')}
            >
              <span className="follow-up-box__label">{t('ui.people.page.nextFollowUp')}</span>
              <span className="follow-up-box__value">
                {person.nextFollowUp && due
                  ? t(`ui.people.page.followUp.${due}`, {
                      date: formatDate(person.nextFollowUp, i18n.language),
                    })
                  : t('ui.people.page.noFollowUp')}
              </span>
            </div>
            <dl className="person-facts">
              <Fact label={t('ui.people.page.position')}>{person.position || none}</Fact>
              <Fact label={t('ui.people.page.rank')}>{person.rank || none}</Fact>
              <Fact label={t('ui.people.page.agency')}>
                {person.agencyId !== null && person.agencyName ? (
                  <Link
                    className="person-link"
                    onPress={() => {
                      if (person.agencyId !== null)
                        navigate({ area: 'agency', id: person.agencyId });
                    }}
                  >
                    {person.agencyName}
                  </Link>
                ) : (
                  none
                )}
              </Fact>
              <Fact label={t('ui.people.page.unit')}>{person.unit || none}</Fact>
              <Fact label={t('ui.people.page.sphere')}>
                {t(`ui.domain.sphere.${person.sphere}`)}
              </Fact>
              <Fact label={t('ui.people.page.region')}>{person.region || none}</Fact>
              <Fact label={t('ui.people.page.stage')}>
                <span className={`stage-chip stage-chip--${person.stage}`}>
                  {t(`ui.domain.stage.${person.stage}`)}
                </span>
                {person.stage === 'closed' && person.closedReason ? (
                  <span> — {t(`ui.domain.closedReason.${person.closedReason}`)}</span>
                ) : null}
              </Fact>
              <Fact label={t('ui.people.page.reformOrientation')}>
                {t(`ui.domain.reformOrientation.${person.reformOrientation}`)}
              </Fact>
              <Fact label={t('ui.people.page.professionalism')}>
                {rating(person.professionalism)}
              </Fact>
              <Fact label={t('ui.people.page.influence')}>{rating(person.influence)}</Fact>
              <Fact label={t('ui.people.page.consent')}>
                {t(`ui.domain.consent.${person.consent}`)}
              </Fact>
              <Fact label={t('ui.people.page.owner')}>{person.owner || none}</Fact>
              <Fact label={t('ui.people.page.tags')}>
                {person.tags.length === 0 ? (
                  none
                ) : (
                  <span className="people-table__tags">
                    {person.tags.map((tag) => (
                      <span key={tag} className="tag">
                        {tag}
                      </span>
                    ))}
                  </span>
                )}
              </Fact>
            </dl>
            {person.sincerityConcern ? (
              <div className="sincerity" role="note" aria-labelledby="sincerity-title">
                <h3 id="sincerity-title" className="sincerity__title">
                  <span aria-hidden="true">⚠ </span>
                  {t('ui.people.page.sincerityConcern')}
                </h3>
                <p className="prose">{person.sincerityConcern}</p>
              </div>
            ) : null}
            {person.needs ? (
              <>
                <h3 className="person-subtitle">{t('ui.people.page.needs')}</h3>
                <p className="prose">{person.needs}</p>
              </>
            ) : null}
            {person.about ? (
              <>
                <h3 className="person-subtitle">{t('ui.people.page.about')}</h3>
                <p className="prose">{person.about}</p>
              </>
            ) : null}
          </section>
          <RiskSection person={person} />
          <OutsideKnowledgePanel personId={person.id} />
          <Timeline page={page} />
        </div>
        <div className="person-layout__side">
          <RelationshipsPanel person={person} relationships={page.relationships} />
          <RoutesPanel page={page} />
          <EngagementPlanPanel person={person} offers={page.offers} />
          <OffersPanel personId={person.id} offers={page.offers} />
        </div>
      </div>

      {editing ? (
        <PersonForm
          mode={{ kind: 'edit', person }}
          facets={facets.data}
          onClose={() => {
            setEditing(false);
          }}
          onSaved={() => {
            setEditing(false);
          }}
        />
      ) : null}
      {deleting ? (
        <DeletePersonDialog
          person={person}
          onClose={() => {
            setDeleting(false);
          }}
        />
      ) : null}
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="person-facts__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
