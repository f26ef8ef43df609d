import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Language } from '../../shared/contract.ts';
import { i18n, initI18n, switchLanguage } from '../../renderer/src/i18n/index.ts';

/** Renders with the app's i18n in `language` (the same texts and setup as the app). */
export async function renderIn(language: Language, ui: ReactElement) {
  if (!i18n.isInitialized) await initI18n(language);
  else await switchLanguage(language);
  return render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);
}
