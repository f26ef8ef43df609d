import { useState } from 'react';
import { Label, TextArea, TextField as AriaTextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Progress } from '../../components/Progress.tsx';
import { useErrorText } from '../../lib/errors.ts';
import { useVaultQuery } from '../../lib/vault-mutation.ts';
import { formatTimestamp } from '../people/format.ts';
import { Fingerprint } from './parts.tsx';
import './disclosures.css';

/**
 * This vault's share key (made by the core on first use): the text to send, with a Copy
 * button, and its fingerprint, large and in groups, to read out to the partner on the phone.
 * The key is public, so copying it needs no risk check.
 */
export function OwnShareKey() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const query = useVaultQuery('share:ownKey', {});
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const key = query.data;
  const k = 'ui.disclosures.ownKey';

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section className="share-key" aria-labelledby="own-key-title">
      <h2 id="own-key-title" className="disclosures__title">
        {t(`${k}.title`)}
      </h2>
      <p className="disclosures__intro">{t(`${k}.intro`)}</p>
      {query.isError ? <Alert tone="error">{errorText(query.error)}</Alert> : null}
      {query.isPending ? <Progress label={t(`${k}.loading`)} /> : null}
      {key ? (
        <div className="share-key__body panel">
          <AriaTextField className="field" value={key.publicKey} isReadOnly spellCheck="false">
            <Label className="field__label">{t(`${k}.key`)}</Label>
            <TextArea className="field__input field__textarea share-key__text" rows={3} />
          </AriaTextField>
          <div className="share-key__copy">
            <Button
              onPress={() => {
                void copy(key.publicKey);
              }}
            >
              {t(`${k}.copy`)}
            </Button>
            <span role="status" className="share-key__copied">
              {copied === 'yes' ? t(`${k}.copied`) : null}
            </span>
          </div>
          {copied === 'failed' ? <Alert tone="error">{t(`${k}.copyFailed`)}</Alert> : null}
          <div className="share-key__fingerprint">
            <h3 className="disclosures__subtitle">{t(`${k}.fingerprintLabel`)}</h3>
            <Fingerprint value={key.fingerprint} large />
            <p className="disclosures__muted">
              {t(`${k}.created`, { date: formatTimestamp(key.createdAt, i18n.language) })}
            </p>
          </div>
          <h3 className="disclosures__subtitle">{t(`${k}.steps`)}</h3>
          <ol className="share-key__steps">
            <li>{t(`${k}.step1`)}</li>
            <li>{t(`${k}.step2`)}</li>
            <li>{t(`${k}.step3`)}</li>
          </ol>
        </div>
      ) : null}
    </section>
  );
}
