import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AUDIT_CATEGORIES,
  type AuditCategory,
  type AuditEntry,
  type AuditQueryInput,
} from '../../../../shared/audit.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { DateField } from '../../components/DateField.tsx';
import { Progress } from '../../components/Progress.tsx';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useErrorText } from '../../lib/errors.ts';
import { useDebounced } from '../../lib/use-debounced.ts';
import { useVaultQuery } from '../../lib/vault-mutation.ts';
import { MultiSelectFilter } from '../../components/MultiSelectFilter.tsx';
import { actionKey, describeDetail, entrySubject, formatDateTime } from './format.ts';
import './audit.css';

/** Entries per page (the core's default page). */
export const AUDIT_PAGE_SIZE = 200;

function isCategory(value: string): value is AuditCategory {
  return (AUDIT_CATEGORIES as readonly string[]).includes(value);
}

/** The audit trail: filter by category, codename and dates; newest first, a page at a time. */
export function AuditArea() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [categories, setCategories] = useState<AuditCategory[]>([]);
  const [subject, setSubject] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(0);
  const debouncedSubject = useDebounced(subject.trim(), 300);

  const input: AuditQueryInput = {
    categories,
    subject: debouncedSubject,
    from: from === '' ? null : from,
    to: to === '' ? null : to,
    limit: AUDIT_PAGE_SIZE,
    offset: page * AUDIT_PAGE_SIZE,
  };
  const list = useVaultQuery('audit:list', input);
  const entries = list.data?.entries ?? [];
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));

  // After Previous/Next, the reader continues at the top of the new page.
  const tableRef = useRef<HTMLTableElement>(null);
  const paged = useRef(false);
  useEffect(() => {
    if (paged.current && !list.isPlaceholderData) {
      paged.current = false;
      tableRef.current?.focus();
    }
  }, [page, list.isPlaceholderData]);
  const goTo = (next: number) => {
    paged.current = true;
    setPage(next);
  };

  const categoryOptions = AUDIT_CATEGORIES.map((value) => ({
    value,
    label: t(`ui.audit.categories.${value}`),
  }));

  return (
    <div className="audit">
      <ScreenTitle>{t('ui.shell.areas.audit')}</ScreenTitle>
      <p className="audit__intro">
        {t('ui.audit.intro')} {t('ui.audit.noActor')}
      </p>
      <div className="audit__filters">
        <MultiSelectFilter
          label={t('ui.audit.filters.categories')}
          options={categoryOptions}
          selected={categories}
          onChange={(values) => {
            setCategories(values.filter(isCategory));
            setPage(0);
          }}
        />
        <TextField
          label={t('ui.audit.filters.subject')}
          type="search"
          value={subject}
          maxLength={100}
          onChange={(value) => {
            setSubject(value);
            setPage(0);
          }}
        />
        <DateField
          label={t('ui.audit.filters.from')}
          value={from}
          onChange={(value) => {
            setFrom(value);
            setPage(0);
          }}
        />
        <DateField
          label={t('ui.audit.filters.to')}
          value={to}
          onChange={(value) => {
            setTo(value);
            setPage(0);
          }}
        />
      </div>
      {list.isError ? <Alert tone="error">{errorText(list.error)}</Alert> : null}
      {list.isPending ? (
        <Progress label={t('ui.audit.loading')} />
      ) : (
        <>
          <p className="audit__count" role="status">
            {t('ui.audit.count', { count: total, shown: entries.length })}
          </p>
          {entries.length === 0 ? (
            <p className="audit__empty">{t('ui.audit.empty')}</p>
          ) : (
            <table className="data-table audit-table" ref={tableRef} tabIndex={-1}>
              <caption className="data-table__caption">{t('ui.audit.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="data-table__column">
                    {t('ui.audit.columns.at')}
                  </th>
                  <th scope="col" className="data-table__column">
                    {t('ui.audit.columns.action')}
                  </th>
                  <th scope="col" className="data-table__column">
                    {t('ui.audit.columns.subject')}
                  </th>
                  <th scope="col" className="data-table__column">
                    {t('ui.audit.columns.detail')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <AuditRow key={entry.id} entry={entry} language={i18n.language} />
                ))}
              </tbody>
            </table>
          )}
          {pages > 1 ? (
            <nav className="audit__pager" aria-label={t('ui.audit.pages')}>
              <Button
                isDisabled={page === 0}
                onPress={() => {
                  goTo(page - 1);
                }}
              >
                {t('ui.audit.previous')}
              </Button>
              <span className="audit__page">{t('ui.audit.page', { page: page + 1, pages })}</span>
              <Button
                isDisabled={page + 1 >= pages}
                onPress={() => {
                  goTo(page + 1);
                }}
              >
                {t('ui.audit.next')}
              </Button>
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}

function AuditRow({ entry, language }: { entry: AuditEntry; language: string }) {
  const { t } = useTranslation();
  const key = actionKey(entry.action);
  const subject = entrySubject(entry);
  const lines = describeDetail(t, language, entry);
  return (
    <tr className="audit-table__row">
      <th scope="row" className="data-table__cell audit-table__cell--when">
        <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
      </th>
      <td className="data-table__cell">{key ? t(key) : entry.action}</td>
      <td className="data-table__cell audit-table__cell--subject">
        {subject ?? (
          <>
            <span aria-hidden="true" title={t('ui.audit.noSubjectSpoken')}>
              {t('ui.audit.noSubject')}
            </span>
            <span className="visually-hidden">{t('ui.audit.noSubjectSpoken')}</span>
          </>
        )}
      </td>
      <td className="data-table__cell">
        {lines.length > 0 ? (
          <ul className="audit-detail">
            {lines.map((line) => (
              <li key={line.key} className="audit-detail__pair">
                <span className="audit-detail__key">{line.label}:</span> {line.value}
              </li>
            ))}
          </ul>
        ) : null}
      </td>
    </tr>
  );
}
