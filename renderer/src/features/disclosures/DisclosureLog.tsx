import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { DisclosedPerson, Disclosure } from '../../../../shared/share.ts';
import { navigate } from '../../app/navigation.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Progress } from '../../components/Progress.tsx';
import { useErrorText } from '../../lib/errors.ts';
import { useVaultQuery } from '../../lib/vault-mutation.ts';
import { listOf } from '../risk-assessment/describe.ts';
import { ShapeIcon } from '../risk-assessment/icons.tsx';
import { fieldList, formatDateTime, recipientName } from './format.ts';
import { DecisionMark, PartnerLink, RiskAtTheTime } from './parts.tsx';
import './disclosures.css';

/** Outputs per page. */
export const DISCLOSURE_PAGE_SIZE = 50;

export interface DisclosureLogProps {
  /** Only the outputs that carried this person. */
  personId?: number;
  /** Only the outputs sent to this partner (the partner page: "What we have told them"). */
  partnerId?: number;
}

/**
 * The disclosure log: every output that left the vault, newest first, a page at a time, with
 * what it said about each person and every override with its justification. Append-only: this
 * screen has nothing to change. Filtered by person or partner where a page embeds it.
 */
export function DisclosureLog({ personId, partnerId }: DisclosureLogProps) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [page, setPage] = useState(0);
  const list = useVaultQuery('disclosures:list', {
    personId: personId ?? null,
    partnerId: partnerId ?? null,
    limit: DISCLOSURE_PAGE_SIZE,
    offset: page * DISCLOSURE_PAGE_SIZE,
  });
  const entries = list.data?.disclosures ?? [];
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / DISCLOSURE_PAGE_SIZE));
  // Embedded in a page section (h2), entries are h3; as the Shares tab, they are h2.
  const embedded = personId !== undefined || partnerId !== undefined;
  const filter = partnerId !== undefined ? 'Partner' : personId !== undefined ? 'Person' : '';

  // After Previous/Next, the reader continues at the top of the new page.
  const listRef = useRef<HTMLOListElement>(null);
  const paged = useRef(false);
  useEffect(() => {
    if (paged.current && !list.isPlaceholderData) {
      paged.current = false;
      listRef.current?.focus();
    }
  }, [page, list.isPlaceholderData]);
  const goTo = (next: number) => {
    paged.current = true;
    setPage(next);
  };

  return (
    <div className="disclosure-log">
      <p className="disclosures__intro">{t(`ui.disclosures.log.intro${filter}`)}</p>
      {list.isError ? <Alert tone="error">{errorText(list.error)}</Alert> : null}
      {list.isPending ? (
        <Progress label={t('ui.disclosures.log.loading')} />
      ) : list.isError ? null : (
        <>
          <p className="disclosures__count" role="status">
            {t('ui.disclosures.log.count', { count: total, shown: entries.length })}
          </p>
          {entries.length === 0 ? (
            <p className="disclosures__empty">{t(`ui.disclosures.log.empty${filter}`)}</p>
          ) : (
            <ol
              className="disclosure-log__list"
              aria-label={t('ui.disclosures.log.list')}
              ref={listRef}
              tabIndex={-1}
            >
              {entries.map((entry) => (
                <li key={entry.id} className="disclosure-log__item">
                  <DisclosureEntry
                    entry={entry}
                    language={i18n.language}
                    headingLevel={embedded ? 3 : 2}
                    linkPartner={entry.partnerId !== null && entry.partnerId !== partnerId}
                  />
                </li>
              ))}
            </ol>
          )}
          {pages > 1 ? (
            <nav className="disclosures__pager" aria-label={t('ui.disclosures.log.pages')}>
              <Button
                isDisabled={page === 0}
                onPress={() => {
                  goTo(page - 1);
                }}
              >
                {t('ui.disclosures.log.previous')}
              </Button>
              <span className="disclosures__page">
                {t('ui.disclosures.log.page', { page: page + 1, pages })}
              </span>
              <Button
                isDisabled={page + 1 >= pages}
                onPress={() => {
                  goTo(page + 1);
                }}
              >
                {t('ui.disclosures.log.next')}
              </Button>
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}

function DisclosureEntry({
  entry,
  language,
  headingLevel,
  linkPartner,
}: {
  entry: Disclosure;
  language: string;
  headingLevel: 2 | 3;
  linkPartner: boolean;
}) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const titleId = `disclosure-${entry.id}`;
  const output = t(`ui.disclosures.output.${entry.output}`);
  const recipient = recipientName(t, entry.recipientKind, entry.recipientLabel);
  const k = 'ui.disclosures.log';
  return (
    <article className="disclosure" aria-labelledby={titleId}>
      <Heading id={titleId} className="disclosure__title">
        <time dateTime={entry.at} className="disclosure__when">
          {formatDateTime(entry.at, language)}
        </time>{' '}
        <span>{t(`${k}.entryTitle`, { output, recipient })}</span>
      </Heading>
      <dl className="disclosure__facts">
        <div>
          <dt>{t(`${k}.recipient`)}</dt>
          <dd>
            {/* The leadership is a kind and its own name: said once, not "Leadership: …". */}
            {entry.recipientKind === 'internal' ? (
              <strong>{recipient}</strong>
            ) : (
              <>
                {t(`ui.disclosures.recipientKind.${entry.recipientKind}`)}:{' '}
                {linkPartner && entry.partnerId !== null ? (
                  <PartnerLink id={entry.partnerId} name={entry.recipientLabel} />
                ) : (
                  <strong>{entry.recipientLabel}</strong>
                )}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t(`${k}.output`)}</dt>
          <dd>
            {entry.seal
              ? t(`${k}.outputSealed`, { output, seal: t(`ui.disclosures.seal.${entry.seal}`) })
              : output}
          </dd>
        </div>
        <div>
          <dt>{t(`${k}.purpose`)}</dt>
          <dd className="disclosures__prose">{entry.purpose}</dd>
        </div>
        <div>
          <dt>{t(`${k}.reviewedBy`)}</dt>
          <dd>{entry.reviewedBy}</dd>
        </div>
        <div>
          <dt>{t(`${k}.file`)}</dt>
          <dd className="disclosures__file">{entry.fileName}</dd>
        </div>
      </dl>
      {/* Scrolls sideways rather than spilling out of its card when the columns do not fit. */}
      <div className="disclosures__table-scroll">
        <table className="data-table">
          <caption className="data-table__caption">
            {t(`${k}.persons`)}{' '}
            <span className="disclosures-table__count">
              ({t(`${k}.personCount`, { count: entry.persons.length })})
            </span>
          </caption>
          <thead>
            <tr>
              <th scope="col" className="data-table__column">
                {t(`${k}.columns.codename`)}
              </th>
              <th scope="col" className="data-table__column">
                {t(`${k}.columns.decision`)}
              </th>
              <th scope="col" className="data-table__column">
                {t(`${k}.columns.risk`)}
              </th>
              <th scope="col" className="data-table__column">
                {t(`${k}.columns.consent`)}
              </th>
              <th scope="col" className="data-table__column">
                {t(`${k}.columns.fields`)}
              </th>
              <th scope="col" className="data-table__column">
                {t(`${k}.columns.override`)}
              </th>
            </tr>
          </thead>
          <tbody>
            {entry.persons.map((person, index) => (
              <PersonRow
                // A person deleted since keeps their line, without an id.
                key={person.personId ?? `gone-${String(index)}`}
                person={person}
                language={language}
              />
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}

function PersonRow({ person, language }: { person: DisclosedPerson; language: string }) {
  const { t } = useTranslation();
  const k = 'ui.disclosures.log';
  const overridden = person.decision !== person.ruled || person.overrideJustification !== null;
  return (
    <tr
      className={`disclosures-table__row ${overridden ? 'disclosures-table__row--override' : ''}`}
    >
      <th scope="row" className="data-table__cell disclosures-table__cell--codename">
        {person.personId !== null ? (
          <Link
            className="org-link codename"
            onPress={() => {
              if (person.personId !== null) navigate({ area: 'person', id: person.personId });
            }}
          >
            {person.codename}
          </Link>
        ) : (
          <span className="codename">{person.codename}</span>
        )}
      </th>
      <td className="data-table__cell">
        <DecisionMark decision={person.decision} />
        {person.reasons.length > 0 ? (
          <span className="disclosures__why">
            {t(`${k}.why`, {
              reasons: listOf(
                person.reasons.map((reason) => t(`ui.disclosures.reason.${reason}`)),
                language,
              ),
            })}
          </span>
        ) : null}
      </td>
      <td className="data-table__cell">
        <RiskAtTheTime level={person.riskLevel} />
        {person.assessmentVersion !== null ? (
          <span className="disclosures__aside">
            {t(`${k}.assessmentVersion`, { version: person.assessmentVersion })}
          </span>
        ) : null}
        {person.reviewState !== null && person.reviewState !== 'current' ? (
          <span className="disclosures__aside">
            {t(`ui.domain.reviewState.${person.reviewState}`)}
          </span>
        ) : null}
      </td>
      <td className="data-table__cell">{t(`ui.domain.consent.${person.consent}`)}</td>
      <td className="data-table__cell">
        {person.decision === 'withheld'
          ? t(`${k}.nothing`)
          : person.fields.length === 0
            ? t(`${k}.onlyWho`)
            : fieldList(t, person.fields, language)}
      </td>
      <td className="data-table__cell">
        {overridden ? (
          <div className="disclosures__override">
            <strong className="disclosures__override-label">
              <ShapeIcon shape="warning" />
              <span>{t(`${k}.override`)}</span>
            </strong>
            <span>
              {t(`${k}.overrideText`, {
                ruled: t(`ui.disclosures.decision.${person.ruled}`),
                decision: t(`ui.disclosures.decision.${person.decision}`),
              })}
            </span>
            {person.overrideJustification !== null ? (
              <span className="disclosures__prose">
                {t(`${k}.justification`, { text: person.overrideJustification })}
              </span>
            ) : null}
          </div>
        ) : (
          <span className="disclosures__muted">{t(`${k}.noOverride`)}</span>
        )}
      </td>
    </tr>
  );
}
