import './lib/strict-csp.ts';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from 'react-aria-components';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { App } from './app/App.tsx';
import { setAppInfo } from './app/app-info.ts';
import { queryClient, registerRoot } from './app/session.ts';
import { initI18n, i18n } from './i18n/index.ts';
import { call } from './lib/api.ts';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/screens.css';
import './styles/print.css';

/** react-aria formats numbers and dates in the language the user chose. */
function LocaleFromLanguage({ children }: { children: ReactNode }) {
  const { i18n: current } = useTranslation();
  return (
    <I18nProvider locale={current.language === 'ru' ? 'ru-RU' : 'en-GB'}>{children}</I18nProvider>
  );
}

const info = await call('app:info', {});
setAppInfo(info);
await initI18n(info.language);

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  registerRoot(root);
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <LocaleFromLanguage>
            <App />
          </LocaleFromLanguage>
        </QueryClientProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}
