import { useTranslation } from 'react-i18next';
import { Progress } from '../../components/Progress.tsx';
import './shell.css';

/**
 * What an area shows while its code loads the first time (lazy-area.tsx). From local files
 * that takes a moment, so the state fades in only if it lasts; it has the screen's one h1,
 * which the Shell focuses as it does every screen's title, so a screen reader says what is
 * happening.
 */
export function AreaLoading() {
  const { t } = useTranslation();
  return (
    <section className="area-loading" aria-labelledby="area-loading-title" aria-busy="true">
      <h1 id="area-loading-title" tabIndex={-1} className="main__title">
        {t('ui.shell.loading.title')}
      </h1>
      <Progress label={t('ui.shell.loading.progress')} />
    </section>
  );
}
