import { useTranslation } from 'react-i18next';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import type { PlaceholderArea } from './areas.ts';
import { Icon } from './icons.tsx';

/** An honest empty state: what this area will hold, and that it is not built yet. */
export function PlaceholderAreaView({ area }: { area: PlaceholderArea }) {
  const { t } = useTranslation();
  return (
    <>
      <ScreenTitle>{t(`ui.shell.areas.${area}`)}</ScreenTitle>
      <section className="empty-state" aria-labelledby={`empty-${area}`}>
        <div className="empty-state__icon">
          <Icon name={area} size={40} />
        </div>
        <p className="empty-state__badge" id={`empty-${area}`}>
          {t('ui.shell.notBuilt')}
        </p>
        <p className="empty-state__text">{t(`ui.shell.empty.${area}`)}</p>
      </section>
    </>
  );
}
