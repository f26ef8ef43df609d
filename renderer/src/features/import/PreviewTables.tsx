import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, type ImportPreview } from '../../../../shared/import.ts';
import { importFieldLabelKey } from './MappingForm.tsx';

/** Every row that cannot be imported: line, field, what is wrong, the cell as written. */
export function ProblemsTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  if (preview.problems.length === 0) return null;
  return (
    <section className="import__problems" aria-labelledby="import-problems">
      <h3 id="import-problems" className="import__subheading import__subheading--problems">
        {t('ui.import.problems.heading')}
      </h3>
      <div className="import__scroll">
        <Table aria-label={t('ui.import.problems.table')} className="org-table">
          <TableHeader>
            <Column isRowHeader className="org-table__column org-table__column--number">
              {t('ui.import.problems.line')}
            </Column>
            <Column className="org-table__column">{t('ui.import.problems.field')}</Column>
            <Column className="org-table__column">{t('ui.import.problems.problem')}</Column>
            <Column className="org-table__column">{t('ui.import.problems.value')}</Column>
          </TableHeader>
          <TableBody items={preview.problems.map((problem, index) => ({ ...problem, id: index }))}>
            {(problem) => (
              <Row
                className="org-table__row"
                textValue={`${String(problem.line)} ${problem.field}`}
              >
                <Cell className="org-table__cell org-table__cell--number">{problem.line}</Cell>
                <Cell className="org-table__cell">{t(importFieldLabelKey(problem.field))}</Cell>
                <Cell className="org-table__cell">
                  {t(`ui.import.problems.codes.${problem.problem}`, {
                    limit: problem.limit ?? '',
                  })}
                </Cell>
                <Cell className="org-table__cell org-table__cell--code import__value">
                  {problem.value === '' ? (
                    <span className="org-muted">{t('ui.import.problems.empty')}</span>
                  ) : (
                    problem.value
                  )}
                </Cell>
              </Row>
            )}
          </TableBody>
        </Table>
      </div>
      {preview.moreProblems > 0 ? (
        <p className="import__more">
          {t('ui.import.problems.more', { count: preview.moreProblems })}
        </p>
      ) : null}
    </section>
  );
}

/** The first rows as they would be stored: only the mapped fields, as plain text. */
export function SampleTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const fields = IMPORT_FIELDS.filter(
    (field) => preview.mapping[field] !== undefined && preview.mapping[field] !== null,
  );
  const columns = [
    { id: 'line', label: t('ui.import.sample.line') },
    ...fields.map((field) => ({ id: field, label: t(importFieldLabelKey(field)) })),
  ];
  return (
    <section className="import__sample" aria-labelledby="import-sample">
      <h3 id="import-sample" className="import__subheading">
        {t('ui.import.sample.heading', { count: preview.sample.length })}
      </h3>
      {fields.length === 0 ? (
        <p className="org-muted">{t('ui.import.sample.nothingMapped')}</p>
      ) : (
        <div className="import__scroll">
          <Table
            aria-label={t('ui.import.sample.table')}
            className="org-table import__sample-table"
          >
            <TableHeader columns={columns}>
              {(column) => (
                <Column
                  id={column.id}
                  isRowHeader={column.id === 'line'}
                  className={`org-table__column${column.id === 'line' ? ' org-table__column--number' : ''}`}
                >
                  {column.label}
                </Column>
              )}
            </TableHeader>
            <TableBody items={preview.sample.map((row) => ({ ...row, id: row.line }))}>
              {(row) => (
                <Row columns={columns} className="org-table__row" textValue={String(row.line)}>
                  {(column) => (
                    <Cell
                      className={`org-table__cell${column.id === 'line' ? ' org-table__cell--number' : ''}`}
                    >
                      {column.id === 'line'
                        ? row.line
                        : (row.cells[column.id as keyof typeof row.cells] ?? '')}
                    </Cell>
                  )}
                </Row>
              )}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

/** Agencies the file names that the vault does not have yet. */
export function NewAgencies({ names }: { names: readonly string[] }) {
  const { t } = useTranslation();
  if (names.length === 0) return null;
  return (
    <section className="import__agencies" aria-labelledby="import-agencies">
      <h3 id="import-agencies" className="import__subheading">
        {t('ui.import.agencies.heading', { count: names.length })}
      </h3>
      <ul className="import__agency-list">
        {names.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
    </section>
  );
}
