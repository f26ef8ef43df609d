import type { Route } from '../../app/navigation.ts';
import type { VaultStatus } from '../../../../shared/contract.ts';
import { AgenciesArea } from '../agencies/AgenciesArea.tsx';
import { AgencyPage } from '../agencies/AgencyPage.tsx';
import { AuditArea } from '../audit/AuditArea.tsx';
import { BackupsArea } from '../backups/BackupsArea.tsx';
import { ImportArea } from '../import/ImportArea.tsx';
import { RelationshipMap } from '../map/RelationshipMap.tsx';
import { PartnerPage } from '../partners/PartnerPage.tsx';
import { PartnersArea } from '../partners/PartnersArea.tsx';
import { PeopleArea } from '../people/PeopleArea.tsx';
import { PersonPage } from '../people/PersonPage.tsx';
import { PipelineBoard } from '../pipeline/PipelineBoard.tsx';
import { RiskDashboard } from '../risk-dashboard/RiskDashboard.tsx';
import { SearchResults } from '../search/SearchResults.tsx';
import { SettingsArea } from '../settings/SettingsArea.tsx';
import { SharesArea } from '../shares/SharesArea.tsx';

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
