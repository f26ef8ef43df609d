import i18next, { type TFunction } from 'i18next';
import type { Language } from '../../../shared/contract.ts';
import { en } from '../../../shared/i18n/en.ts';
import { ru } from '../../../shared/i18n/ru.ts';
import { uiTexts } from '../../../renderer/src/i18n/resources.ts';
import { countFormatter } from '../../../renderer/src/lib/format-number.ts';

/** The app's own texts, so page objects find elements by what a user reads, in either language. */
export function texts(language: Language): TFunction {
  const instance = i18next.createInstance();
  // Counts formatted as the app formats them ("12,345" / "12 345").
  void instance.use(countFormatter).init({
    lng: language,
    resources: {
      en: { translation: { ...en, ui: uiTexts('en') } },
      ru: { translation: { ...ru, ui: uiTexts('ru') } },
    },
    initAsync: false,
    interpolation: { escapeValue: false, alwaysFormat: true },
  });
  return instance.t;
}
