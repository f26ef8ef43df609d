/** The risk-assessment feature's texts, mounted under ui.riskAssessment (i18n/features.ts). ru has the same keys. */
import type { FeatureTexts } from '../../i18n/feature-texts.ts';

const en = {
  title: 'Risk',
};

const ru: typeof en = {
  title: 'Риски',
};

export const riskAssessmentTexts: FeatureTexts<typeof en> = { en, ru };
