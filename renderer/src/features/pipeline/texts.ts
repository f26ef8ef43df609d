/** The pipeline feature's texts, mounted under ui.pipeline (i18n/features.ts). ru has the same keys. */
import type { FeatureTexts } from '../../i18n/feature-texts.ts';

const en = {
  title: 'pipeline',
};

export const pipelineTexts: FeatureTexts<typeof en> = { en, ru: { title: 'pipeline' } };
