/** The partners feature's texts, mounted under ui.partners (i18n/features.ts). ru has the same keys. */
import type { FeatureTexts } from '../../i18n/feature-texts.ts';

const en = {
  title: 'partners',
};

export const partnersTexts: FeatureTexts<typeof en> = { en, ru: { title: 'partners' } };
