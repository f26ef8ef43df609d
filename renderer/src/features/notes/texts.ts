/** The notes feature's texts, mounted under ui.notes (i18n/features.ts). ru has the same keys. */
import type { FeatureTexts } from '../../i18n/feature-texts.ts';

const en = {
  title: 'notes',
};

export const notesTexts: FeatureTexts<typeof en> = { en, ru: { title: 'notes' } };
