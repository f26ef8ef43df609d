import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupReport } from '../../../../shared/backup.ts';
import { formatNumber } from '../../lib/format-number.ts';
import { formatBytes, formatDateTime, headlineRows } from './format.ts';

/**
 * What a verified backup holds: when and by what it was made, its size, what opens it, that
 * it checked out, and the number of records in the tables a person cares about.
 */
export function BackupReportView({
  report,
  headingLevel,
  headingId,
  headingRef,
}: {
  report: BackupReport;
  headingLevel: 2 | 3;
  headingId: string;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const k = 'ui.backups.report';
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="backup-report" aria-labelledby={headingId}>
      <Heading id={headingId} ref={headingRef} tabIndex={-1} className="backup-report__title">
        {t(`${k}.title`)}
      </Heading>
      <dl className="facts backup-report__facts">
        <dt>{t(`${k}.created`)}</dt>
        <dd>{formatDateTime(report.createdAt, language)}</dd>
        <dt>{t(`${k}.vault`)}</dt>
        <dd className="mono">{report.vaultName}</dd>
        <dt>{t(`${k}.appVersion`)}</dt>
        <dd>{t(`${k}.appVersionValue`, { version: report.appVersion })}</dd>
        <dt>{t(`${k}.schema`)}</dt>
        <dd>{t(`${k}.schemaValue`, { version: report.schemaVersion })}</dd>
        <dt>{t(`${k}.size`)}</dt>
        <dd>{formatBytes(report.fileBytes, language)}</dd>
        <dt>{t(`${k}.opensWith`)}</dt>
        <dd>{t(`${k}.opensWithValue.${report.opensWith}`)}</dd>
        <dt>{t(`${k}.integrity`)}</dt>
        <dd className="backup-report__ok">{t(`${k}.integrityOk`)}</dd>
      </dl>
      <table className="data-table backup-report__table">
        <caption className="data-table__caption">{t(`${k}.caption`)}</caption>
        <thead>
          <tr>
            <th scope="col" className="data-table__column">
              {t(`${k}.what`)}
            </th>
            <th scope="col" className="data-table__column data-table__column--number">
              {t(`${k}.rows`)}
            </th>
          </tr>
        </thead>
        <tbody>
          {headlineRows(report.tables).map((table) => (
            <tr key={table.name}>
              <th scope="row" className="data-table__cell">
                {t(`${k}.tables.${table.name}`)}
              </th>
              <td className="data-table__cell data-table__cell--number">
                {formatNumber(table.rows, language)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
