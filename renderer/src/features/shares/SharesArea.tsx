import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { navigate, SHARES_TABS, type Route, type SharesTab } from '../../app/navigation.ts';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { DisclosureLog } from '../disclosures/DisclosureLog.tsx';
import { OwnShareKey } from '../disclosures/OwnShareKey.tsx';
import { ReceivedPackages } from '../disclosures/ReceivedPackages.tsx';
import { ShareReviewWizard } from '../share-review/ShareReviewWizard.tsx';
import './shares.css';

function isTab(value: unknown): value is SharesTab {
  return (SHARES_TABS as readonly unknown[]).includes(value);
}

/**
 * Everything that crosses the vault's edge: a new share (the risk review, then the output),
 * the disclosure log of what went out, packages received from other vaults, and this
 * vault's share key. The tab is part of the route, so "Back" returns to it.
 */
export function SharesArea({ route }: { route: Extract<Route, { area: 'shares' }> }) {
  const { t } = useTranslation();
  const tab = route.tab ?? 'review';
  return (
    <div className="shares">
      <ScreenTitle>{t('ui.shell.areas.shares')}</ScreenTitle>
      <Tabs
        className="shares__tabs"
        selectedKey={tab}
        onSelectionChange={(key) => {
          if (isTab(key)) navigate({ area: 'shares', tab: key }, { replace: true });
        }}
      >
        <TabList className="shares__tablist" aria-label={t('ui.shares.tabsLabel')}>
          {SHARES_TABS.map((id) => (
            <Tab key={id} id={id} className="shares__tab">
              {t(`ui.shares.tabs.${id}`)}
            </Tab>
          ))}
        </TabList>
        <TabPanel id="review" className="shares__panel">
          <ShareReviewWizard
            initialPersonIds={route.personIds ?? []}
            initialPartnerId={route.partnerId ?? null}
          />
        </TabPanel>
        <TabPanel id="log" className="shares__panel">
          <DisclosureLog />
        </TabPanel>
        <TabPanel id="received" className="shares__panel">
          <ReceivedPackages />
        </TabPanel>
        <TabPanel id="key" className="shares__panel">
          <OwnShareKey />
        </TabPanel>
      </Tabs>
    </div>
  );
}
