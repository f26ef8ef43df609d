/** The people feature's texts, mounted under ui.people (i18n/features.ts). ru has the same keys. */
import type { FeatureTexts } from '../../i18n/feature-texts.ts';

const en = {
  title: 'people',
};

export const peopleTexts: FeatureTexts<typeof en> = { en, ru: { title: 'people' } };
