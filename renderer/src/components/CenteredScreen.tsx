import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { Logo } from './Logo.tsx';

/**
 * The frame of the screens before a vault is open: the name, the language switch, and one
 * card. Focus moves to the card's heading when it changes, so screen readers follow the steps.
 */
export function CenteredScreen({
  title,
  children,
  wide = false,
}: {
  title: string;
  children: ReactNode;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [title]);
  return (
    <div className="centered">
      <header className="centered__header">
        <div className="brand brand--light">
          <Logo />
          <span className="brand__name">{t('ui.common.appName')}</span>
        </div>
        <LanguageSwitcher />
      </header>
      <main className={`card ${wide ? 'card--wide' : ''}`}>
        <h1 ref={heading} tabIndex={-1} className="card__title">
          {title}
        </h1>
        {children}
      </main>
    </div>
  );
}
