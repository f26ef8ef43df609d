/**
 * i18next for the renderer: the shared texts (error messages, the same ones the CLI uses)
 * plus the interface's own, under `ui`. The language is switched at any time and remembered
 * by main (app:setLanguage), because the lock screen needs it before any vault is open.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/contract.ts';
import { en } from '../../../shared/i18n/en.ts';
import { ru } from '../../../shared/i18n/ru.ts';
import { countFormatter } from '../lib/format-number.ts';
import { uiTexts } from './resources.ts';

export const i18n = i18next.createInstance();

export async function initI18n(language: Language): Promise<void> {
  // Counts in texts get their thousands separators in the user's language (lib/format-number.ts).
  await i18n
    .use(initReactI18next)
    .use(countFormatter)
    .init({
      lng: language,
      fallbackLng: 'en',
      resources: {
        en: { translation: { ...en, ui: uiTexts('en') } },
        ru: { translation: { ...ru, ui: uiTexts('ru') } },
      },
      interpolation: { escapeValue: false, alwaysFormat: true }, // React escapes what it renders
      returnNull: false,
    });
  document.documentElement.lang = language;
}

export async function switchLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}
