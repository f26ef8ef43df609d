import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShareWritten } from '../../../../shared/share.ts';
import { navigate } from '../../app/navigation.ts';
import { Button } from '../../components/Button.tsx';
import { ShapeIcon } from '../risk-assessment/icons.tsx';

const k = 'ui.shareReview.result';

/**
 * What was written: where, how many persons by name, by codename and withheld, that the
 * disclosure log has it — and, for a package sealed to a one-time passphrase, the passphrase,
 * shown this once (it lives only in this component's props; a new share forgets it).
 */
export function ShareResult({
  written,
  onNewShare,
}: {
  written: ShareWritten;
  onNewShare: () => void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section className="share-result" aria-labelledby="share-result-title">
      <h2 className="share-result__title" id="share-result-title" ref={heading} tabIndex={-1}>
        <ShapeIcon shape="check" />
        <span>{t(`${k}.title`)}</span>
      </h2>
      <dl className="share-result__facts">
        <div>
          <dt>{t(`${k}.where`)}</dt>
          <dd className="mono share-result__path">{written.path}</dd>
        </div>
        <div>
          <dt>{t(`${k}.counts`)}</dt>
          <dd>
            {t('ui.shareReview.review.summary', {
              named: written.named,
              codename: written.codename,
              withheld: written.withheld,
            })}
          </dd>
        </div>
      </dl>
      {written.oneTimePassphrase !== null ? (
        <div className="share-passphrase">
          <p className="share-passphrase__label">{t(`${k}.passphrase`)}</p>
          <p className="share-passphrase__value" translate="no">
            {written.oneTimePassphrase}
          </p>
          <p className="share-passphrase__note">
            <ShapeIcon shape="warning" />
            <span>{t(`${k}.passphraseNote`)}</span>
          </p>
        </div>
      ) : null}
      <p className="share-result__logged">
        <span>{t(`${k}.logged`)}</span>
        <Button
          variant="quiet"
          onPress={() => {
            navigate({ area: 'shares', tab: 'log' });
          }}
        >
          {t(`${k}.openLog`)}
        </Button>
      </p>
      <div className="actions">
        <Button variant="primary" onPress={onNewShare}>
          {t(`${k}.newShare`)}
        </Button>
      </div>
    </section>
  );
}
