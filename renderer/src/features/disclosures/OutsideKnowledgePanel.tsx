import { useTranslation } from 'react-i18next';
import type { OutsideKnowledge } from '../../../../shared/share.ts';
import { Alert } from '../../components/Alert.tsx';
import { Progress } from '../../components/Progress.tsx';
import { useErrorText } from '../../lib/errors.ts';
import { useVaultQuery } from '../../lib/vault-mutation.ts';
import { formatTimestamp } from '../people/format.ts';
import { fieldList, recipientName } from './format.ts';
import { DecisionMark, PartnerLink } from './parts.tsx';
import './disclosures.css';

/**
 * The person page's "Who outside knows": per recipient outside the organisation (partners,
 * publications), from the disclosure log, whether they know the name or only the codename,
 * since when, what else, and how many outputs. What the organisation's own leadership was
 * given is shown apart, under "Inside the organisation": it is not outside knowledge.
 */
export function OutsideKnowledgePanel({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const query = useVaultQuery('disclosures:outsideKnowledge', { personId });
  const recipients = query.data?.recipients ?? [];
  const internal = query.data?.internal ?? null;
  const k = 'ui.disclosures.outside';
  return (
    <section className="panel person-section outside-knowledge" aria-labelledby="outside-title">
      <h2 id="outside-title" className="person-section__title">
        {t(`${k}.title`)}
      </h2>
      <p className="disclosures__muted">{t(`${k}.intro`)}</p>
      {query.isError ? <Alert tone="error">{errorText(query.error)}</Alert> : null}
      {query.isPending ? (
        <Progress label={t(`${k}.loading`)} />
      ) : query.isError ? null : recipients.length === 0 ? (
        <p className="outside-knowledge__empty">{t(`${k}.empty`)}</p>
      ) : (
        <ul className="outside-knowledge__list">
          {recipients.map((recipient) => (
            <Recipient
              key={`${recipient.recipientKind}:${String(recipient.partnerId)}:${recipient.recipientLabel}`}
              recipient={recipient}
            />
          ))}
        </ul>
      )}
      {internal ? (
        <div className="outside-knowledge__inside">
          <h3 className="outside-knowledge__inside-title">{t('ui.disclosures.inside.title')}</h3>
          <ul className="outside-knowledge__list">
            <Recipient recipient={internal} />
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function Recipient({ recipient }: { recipient: OutsideKnowledge }) {
  const { t, i18n } = useTranslation();
  const k = 'ui.disclosures.outside';
  const date = (at: string) => formatTimestamp(at, i18n.language);
  return (
    <li className="outside-knowledge__item">
      <p className="outside-knowledge__who">
        {recipient.partnerId !== null ? (
          <PartnerLink id={recipient.partnerId} name={recipient.recipientLabel} />
        ) : (
          <strong>{recipientName(t, recipient.recipientKind, recipient.recipientLabel)}</strong>
        )}
        {recipient.recipientKind === 'internal' ? null : (
          <>
            {' '}
            <span className="disclosures__aside">
              {t(`ui.disclosures.recipientKind.${recipient.recipientKind}`)}
            </span>
          </>
        )}
      </p>
      <p className="outside-knowledge__knows">
        {/* Knowing the name is the decision "named"; otherwise only the codename went out. */}
        <DecisionMark
          decision={recipient.knowsName ? 'named' : 'codename'}
          label={recipient.knowsName ? t(`${k}.knowsName`) : t(`${k}.codenameOnly`)}
        />
      </p>
      <p className="outside-knowledge__when">
        {t(`${k}.since`, { date: date(recipient.firstAt) })}
        {recipient.lastAt !== recipient.firstAt
          ? `, ${t(`${k}.last`, { date: date(recipient.lastAt) })}`
          : ''}
        {' · '}
        {t(`${k}.outputs`, { count: recipient.disclosures })}
      </p>
      <p className="outside-knowledge__fields">
        {recipient.fields.length === 0
          ? t(`${k}.noFields`)
          : t(`${k}.fields`, { fields: fieldList(t, recipient.fields, i18n.language) })}
      </p>
    </li>
  );
}
