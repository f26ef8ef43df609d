/** The agencies feature's texts, mounted under ui.agencies (i18n/features.ts). ru has the same keys. */
import type { FeatureTexts } from '../../i18n/feature-texts.ts';

const en = {
  title: 'agencies',
};

export const agenciesTexts: FeatureTexts<typeof en> = { en, ru: { title: 'agencies' } };
