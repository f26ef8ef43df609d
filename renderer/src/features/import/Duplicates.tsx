import {
  Cell,
  Column,
  Label,
  RadioButton,
  RadioField,
  RadioGroup,
  Row,
  Table,
  TableBody,
  TableHeader,
  Text,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  IMPORT_DUPLICATE_MODES,
  type ImportDuplicateMode,
  type ImportPreview,
} from '../../../../shared/import.ts';

function isMode(value: unknown): value is ImportDuplicateMode {
  return (IMPORT_DUPLICATE_MODES as readonly unknown[]).includes(value);
}

/**
 * Rows whose full name is already a person in the vault (or an earlier row): which person
 * each one matches, and what to do with them all — skip (the default) or merge, filling only
 * the person's empty fields.
 */
export function Duplicates({
  preview,
  mode,
  onMode,
}: {
  preview: ImportPreview;
  mode: ImportDuplicateMode;
  onMode: (mode: ImportDuplicateMode) => void;
}) {
  const { t } = useTranslation();
  if (preview.duplicateCount === 0) return null;
  const more = preview.duplicateCount - preview.duplicates.length;
  return (
    <section className="import__duplicates" aria-labelledby="import-duplicates">
      <h3 id="import-duplicates" className="import__subheading">
        {t('ui.import.duplicates.heading')}
      </h3>
      <p className="import__help">
        {t('ui.import.duplicates.help', { count: preview.duplicateCount })}
      </p>
      <RadioGroup
        className="import__duplicate-mode"
        value={mode}
        onChange={(value) => {
          if (isMode(value)) onMode(value);
        }}
      >
        <Label className="field__label">{t('ui.import.duplicates.mode')}</Label>
        <div className="import__duplicate-options">
          {IMPORT_DUPLICATE_MODES.map((option) => (
            <RadioField key={option} value={option} className="choice-card">
              <RadioButton className="choice-card__button">
                <span className="choice-card__dot" aria-hidden="true" />
                <span className="choice-card__label">{t(`ui.import.duplicates.${option}`)}</span>
              </RadioButton>
              <Text slot="description" className="choice-card__help">
                {t(`ui.import.duplicates.${option}Help`)}
              </Text>
            </RadioField>
          ))}
        </div>
      </RadioGroup>
      <div className="import__scroll">
        <Table aria-label={t('ui.import.duplicates.table')} className="org-table">
          <TableHeader>
            <Column isRowHeader className="org-table__column org-table__column--number">
              {t('ui.import.duplicates.line')}
            </Column>
            <Column className="org-table__column">{t('ui.import.duplicates.name')}</Column>
            <Column className="org-table__column">{t('ui.import.duplicates.sameAs')}</Column>
          </TableHeader>
          <TableBody items={preview.duplicates.map((entry) => ({ ...entry, id: entry.line }))}>
            {(entry) => (
              <Row className="org-table__row" textValue={`${String(entry.line)} ${entry.fullName}`}>
                <Cell className="org-table__cell org-table__cell--number">{entry.line}</Cell>
                <Cell className="org-table__cell import__value">{entry.fullName}</Cell>
                <Cell className="org-table__cell import__value">
                  {entry.existing
                    ? t('ui.import.duplicates.existing', {
                        fullName: entry.existing.fullName,
                        codename: entry.existing.codename,
                      })
                    : t('ui.import.duplicates.sameAsLine', { line: entry.sameAsLine ?? '' })}
                </Cell>
              </Row>
            )}
          </TableBody>
        </Table>
      </div>
      {more > 0 ? (
        <p className="import__more">{t('ui.import.duplicates.more', { count: more })}</p>
      ) : null}
    </section>
  );
}
