/**
 * One i18n setup for every surface: the CLI uses it directly, the renderer hands the same
 * resources to react-i18next. Russian plural forms come from i18next (Intl.PluralRules).
 */
import i18next, { type TFunction } from 'i18next';
import { en } from './en.ts';
import { ru } from './ru.ts';

export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

export const resources = {
  en: { translation: en },
  ru: { translation: ru },
} as const;

/** A synchronous translator for one language, with English as the fallback. */
export function createTranslator(language: Language): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance.t;
}
