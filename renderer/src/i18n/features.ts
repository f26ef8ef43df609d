/**
 * Each feature keeps its own texts next to its code (features/<name>/texts.ts: an English
 * object and a Russian one of the same shape), mounted here under `ui.<name>`; a feature's
 * components read them as t('ui.<name>.…'). Adding a feature = one line below.
 */
import { agenciesTexts } from '../features/agencies/texts.ts';
import { auditTexts } from '../features/audit/texts.ts';
import { backupsTexts } from '../features/backups/texts.ts';
import { disclosuresTexts } from '../features/disclosures/texts.ts';
import { importTexts } from '../features/import/texts.ts';
import { mapTexts } from '../features/map/texts.ts';
import { notesTexts } from '../features/notes/texts.ts';
import { partnersTexts } from '../features/partners/texts.ts';
import { peopleTexts } from '../features/people/texts.ts';
import { pipelineTexts } from '../features/pipeline/texts.ts';
import { riskAssessmentTexts } from '../features/risk-assessment/texts.ts';
import { riskDashboardTexts } from '../features/risk-dashboard/texts.ts';
import { searchTexts } from '../features/search/texts.ts';
import { shareReviewTexts } from '../features/share-review/texts.ts';
import { sharesTexts } from '../features/shares/texts.ts';
import { domainEn, domainRu } from './domain.ts';

const FEATURES = {
  people: peopleTexts,
  notes: notesTexts,
  agencies: agenciesTexts,
  partners: partnersTexts,
  pipeline: pipelineTexts,
  map: mapTexts,
  search: searchTexts,
  import: importTexts,
  riskAssessment: riskAssessmentTexts,
  riskDashboard: riskDashboardTexts,
  audit: auditTexts,
  shares: sharesTexts,
  shareReview: shareReviewTexts,
  disclosures: disclosuresTexts,
  backups: backupsTexts,
} as const;

export function featureTexts(language: 'en' | 'ru'): Record<string, unknown> {
  return {
    domain: language === 'en' ? domainEn : domainRu,
    ...Object.fromEntries(Object.entries(FEATURES).map(([name, texts]) => [name, texts[language]])),
  };
}
