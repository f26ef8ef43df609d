import { useTranslation } from 'react-i18next';
import type { Strength } from '../lib/passphrase-strength.ts';

/** Five segments, a word for the level, and zxcvbn's advice in the user's language. */
export function StrengthMeter({ strength, id }: { strength: Strength | null; id?: string }) {
  const { t } = useTranslation();
  if (!strength) return <div className="strength strength--empty" id={id} />;
  const levels = t('ui.strength.levels', { returnObjects: true }) as string[];
  const advice = [strength.warning, ...strength.suggestions].filter((key): key is string =>
    Boolean(key),
  );
  return (
    <div className={`strength strength--${strength.score}`} id={id}>
      <div className="strength__bar" aria-hidden="true">
        {[0, 1, 2, 3, 4].map((segment) => (
          <span
            key={segment}
            className={
              segment <= strength.score
                ? 'strength__segment strength__segment--on'
                : 'strength__segment'
            }
          />
        ))}
      </div>
      <p className="strength__label" aria-live="polite">
        {t('ui.strength.label')}: <strong>{levels[strength.score]}</strong>
      </p>
      {advice.length > 0 ? (
        <ul className="strength__advice">
          {advice.map((key) => (
            <li key={key}>{t(`ui.strength.${key}`)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
