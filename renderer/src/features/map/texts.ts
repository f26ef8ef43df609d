/** The map feature's texts, mounted under ui.map (i18n/features.ts). ru has the same keys. */
import type { FeatureTexts } from '../../i18n/feature-texts.ts';

const en = {
  title: 'map',
};

export const mapTexts: FeatureTexts<typeof en> = { en, ru: { title: 'map' } };
