import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Partner } from '../../../../shared/records.ts';
import { navigate } from '../../app/navigation.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { useErrorText } from '../../lib/errors.ts';
import { useFormatNumber } from '../../lib/format-number.ts';
import { useVaultQuery } from '../../lib/vault-mutation.ts';
import '../agencies/org-table.css';
import { DisclosureLog } from '../disclosures/DisclosureLog.tsx';
import '../disclosures/disclosures.css';
import { PartnerShareKey } from '../disclosures/PartnerShareKey.tsx';
import { ReceivedList } from '../disclosures/ReceivedPackages.tsx';
import { PartnerFormDialog } from './PartnerForm.tsx';
import { TrustBadge } from './PartnersArea.tsx';
import './partners.css';

/**
 * One partner organisation: who they are, their share key, a new share with them, what we have
 * told them (the disclosure log, filtered) and the packages received from them.
 */
export function PartnerPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const query = useVaultQuery('partners:get', { id });
  const [editing, setEditing] = useState(false);
  const partner = query.data;
  const k = 'ui.disclosures.partnerPage';

  return (
    <div className="partner-page">
      <div className="org-head">
        {/* The same h1 while loading and after, so the focus the Shell put on it stays. */}
        <ScreenTitle>{partner?.name ?? t(`${k}.loading`)}</ScreenTitle>
        {partner ? (
          <div className="actions org-head__actions">
            <Button
              onPress={() => {
                setEditing(true);
              }}
            >
              {t(`${k}.edit`)}
            </Button>
            <Button
              variant="primary"
              onPress={() => {
                navigate({ area: 'shares', tab: 'review', partnerId: id });
              }}
            >
              {t(`${k}.share`)}
            </Button>
          </div>
        ) : null}
      </div>
      {query.isError ? (
        <Alert
          tone="error"
          actions={
            <Button
              onPress={() => {
                navigate({ area: 'partners' }, { replace: true });
              }}
            >
              {t(`${k}.toList`)}
            </Button>
          }
        >
          {errorText(query.error)}
        </Alert>
      ) : null}
      {query.isPending ? <p role="status">{t(`${k}.loading`)}</p> : null}
      {partner ? (
        <>
          <PartnerFacts partner={partner} />
          <PartnerShareKey partner={partner} />
          <section aria-labelledby="partner-told-title">
            <h2 id="partner-told-title" className="org-section-title">
              {t(`${k}.told`)}
            </h2>
            <DisclosureLog partnerId={id} />
          </section>
          <section aria-labelledby="partner-received-title">
            <h2 id="partner-received-title" className="org-section-title">
              {t(`${k}.receivedTitle`)}
            </h2>
            <ReceivedList partnerId={id} />
          </section>
          <PartnerFormDialog
            isOpen={editing}
            partner={partner}
            onClose={() => {
              setEditing(false);
            }}
          />
        </>
      ) : null}
    </div>
  );
}

function PartnerFacts({ partner }: { partner: Partner }) {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  const k = 'ui.disclosures.partnerPage';
  const none = <span className="org-muted">{t(`${k}.none`)}</span>;
  return (
    <section aria-label={t(`${k}.facts`)}>
      <dl className="partner-page__facts">
        <div>
          <dt>{t('fields.country')}</dt>
          <dd>{partner.country || none}</dd>
        </div>
        <div>
          <dt>{t('fields.kind')}</dt>
          <dd>{t(`ui.domain.partnerKind.${partner.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('fields.trust')}</dt>
          <dd>
            <TrustBadge trust={partner.trust} />
          </dd>
        </div>
        <div>
          <dt>{t(`${k}.offers`)}</dt>
          <dd>{formatNumber(partner.offersCount)}</dd>
        </div>
        <div className="partner-page__wide">
          <dt>{t('fields.themes')}</dt>
          <dd>{partner.themes || none}</dd>
        </div>
        <div className="partner-page__wide">
          <dt>{t('fields.notes')}</dt>
          <dd className="disclosures__prose">{partner.notes || none}</dd>
        </div>
      </dl>
    </section>
  );
}
