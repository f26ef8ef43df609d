/** The search feature's texts, mounted under ui.search (i18n/features.ts). ru has the same keys. */
import type { FeatureTexts } from '../../i18n/feature-texts.ts';

const en = {
  title: 'search',
};

export const searchTexts: FeatureTexts<typeof en> = { en, ru: { title: 'search' } };
