import type { Route } from '../../app/navigation.ts';
import type { VaultStatus } from '../../../../shared/contract.ts';
import { lazyArea } from './lazy-area.tsx';

// One chunk per screen, loaded when first shown (lazy-area.tsx). Heavy libraries follow the
// screen that uses them: cytoscape the map, @visx the risk dashboard, react-markdown the notes.
const PeopleArea = lazyArea(() => import('../people/PeopleArea.tsx').then((m) => m.PeopleArea));
const PersonPage = lazyArea(() => import('../people/PersonPage.tsx').then((m) => m.PersonPage));
const PipelineBoard = lazyArea(() =>
  import('../pipeline/PipelineBoard.tsx').then((m) => m.PipelineBoard),
);
const RelationshipMap = lazyArea(() =>
  import('../map/RelationshipMap.tsx').then((m) => m.RelationshipMap),
);
const AgenciesArea = lazyArea(() =>
  import('../agencies/AgenciesArea.tsx').then((m) => m.AgenciesArea),
);
const AgencyPage = lazyArea(() => import('../agencies/AgencyPage.tsx').then((m) => m.AgencyPage));
const PartnersArea = lazyArea(() =>
  import('../partners/PartnersArea.tsx').then((m) => m.PartnersArea),
);
const PartnerPage = lazyArea(() =>
  import('../partners/PartnerPage.tsx').then((m) => m.PartnerPage),
);
const SearchResults = lazyArea(() =>
  import('../search/SearchResults.tsx').then((m) => m.SearchResults),
);
const ImportArea = lazyArea(() => import('../import/ImportArea.tsx').then((m) => m.ImportArea));
const SettingsArea = lazyArea(() =>
  import('../settings/SettingsArea.tsx').then((m) => m.SettingsArea),
);
const RiskDashboard = lazyArea(() =>
  import('../risk-dashboard/RiskDashboard.tsx').then((m) => m.RiskDashboard),
);
const AuditArea = lazyArea(() => import('../audit/AuditArea.tsx').then((m) => m.AuditArea));
const SharesArea = lazyArea(() => import('../shares/SharesArea.tsx').then((m) => m.SharesArea));
const BackupsArea = lazyArea(() => import('../backups/BackupsArea.tsx').then((m) => m.BackupsArea));

/** The screen for a route. Keys make a new person or agency page start fresh. */
export function AreaView({ route, status }: { route: Route; status: VaultStatus }) {
  switch (route.area) {
    case 'people':
      return <PeopleArea />;
    case 'person':
      return <PersonPage key={route.id} id={route.id} />;
    case 'pipeline':
      return <PipelineBoard />;
    case 'map':
      return (
        <RelationshipMap key={route.focusPersonId ?? 'all'} focusPersonId={route.focusPersonId} />
      );
    case 'agencies':
      return <AgenciesArea />;
    case 'agency':
      return <AgencyPage key={route.id} id={route.id} />;
    case 'partners':
      return <PartnersArea />;
    case 'partner':
      return <PartnerPage key={route.id} id={route.id} />;
    case 'search':
      return <SearchResults text={route.text} />;
    case 'import':
      return <ImportArea />;
    case 'settings':
      return <SettingsArea status={status} />;
    case 'risk':
      return <RiskDashboard />;
    case 'audit':
      return <AuditArea />;
    case 'shares':
      return <SharesArea route={route} />;
    case 'backups':
      return <BackupsArea status={status} />;
  }
}
