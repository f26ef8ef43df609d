import type { Language } from '../../../shared/contract.ts';
import { uiEn } from './en.ts';
import { featureTexts } from './features.ts';
import { uiRu } from './ru.ts';

/** Everything under `ui`: the shell's own texts and each feature's (i18n/features.ts). */
export function uiTexts(language: Language): Record<string, unknown> {
  return { ...(language === 'en' ? uiEn : uiRu), ...featureTexts(language) };
}
