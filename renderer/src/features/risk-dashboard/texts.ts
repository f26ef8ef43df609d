/** The risk-dashboard feature's texts, mounted under ui.riskDashboard (i18n/features.ts). ru has the same keys. */
import type { FeatureTexts } from '../../i18n/feature-texts.ts';

const en = {
  title: 'Risk',
};

const ru: typeof en = {
  title: 'Риски',
};

export const riskDashboardTexts: FeatureTexts<typeof en> = { en, ru };
