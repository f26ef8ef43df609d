/** The import feature's texts, mounted under ui.import (i18n/features.ts). ru has the same keys. */
import type { FeatureTexts } from '../../i18n/feature-texts.ts';

const en = {
  title: 'import',
};

export const importTexts: FeatureTexts<typeof en> = { en, ru: { title: 'import' } };
