import { useTranslation } from 'react-i18next';
import { CONSENT_LEVELS, SPHERES, STAGES } from '../../../../shared/domain.ts';
import {
  IMPORT_VALUE_FIELDS,
  type ImportPreview,
  type ImportValueField,
  type ImportValueMapping,
} from '../../../../shared/import.ts';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { importFieldLabelKey } from './MappingForm.tsx';

const LISTS: Record<ImportValueField, readonly string[]> = {
  sphere: SPHERES,
  stage: STAGES,
  consent: CONSENT_LEVELS,
};
const LEAVE_EMPTY = '-';

/**
 * The mapping step's second half: each distinct value of a closed-list column that is none of
 * the list's (a stage written "контакт"), with a choice of what it means or "leave empty".
 * The core suggests a meaning where it is clear; the choice shown is the one in force.
 */
export function ValueMapping({
  preview,
  values,
  onChange,
}: {
  preview: ImportPreview;
  /** The choices in force (the latest, while the preview catches up). */
  values: ImportValueMapping;
  onChange: (values: ImportValueMapping) => void;
}) {
  const { t } = useTranslation();
  if (preview.unknownValues.length === 0) return null;
  const label = (field: ImportValueField, value: string) =>
    t(`ui.domain.${field}.${value}`, { defaultValue: value });
  return (
    <section className="import__values" aria-labelledby="import-values">
      <h3 id="import-values" className="import__subheading">
        {t('ui.import.values.heading')}
      </h3>
      <p className="import__help">{t('ui.import.values.help')}</p>
      {IMPORT_VALUE_FIELDS.map((field) => {
        const entries = preview.unknownValues.filter((entry) => entry.field === field);
        if (entries.length === 0) return null;
        const chosen: Record<string, string | null> = values[field] ?? {};
        return (
          <fieldset key={field} className="import__value-group">
            <legend className="import__value-legend">{t(importFieldLabelKey(field))}</legend>
            {field === 'consent' ? (
              <p className="import__help">{t('ui.import.values.consentHelp')}</p>
            ) : null}
            <div className="import__mapping-grid">
              {entries.map((entry) => {
                const decided = Object.hasOwn(chosen, entry.key);
                const current = decided ? (chosen[entry.key] ?? LEAVE_EMPTY) : null;
                const rows = t('ui.import.values.rows', { count: entry.rows });
                return (
                  <SelectField
                    key={entry.key}
                    label={t('ui.import.values.value', { value: entry.value })}
                    description={
                      entry.suggestion
                        ? `${rows} ${t('ui.import.values.suggested', { value: label(field, entry.suggestion) })}`
                        : rows
                    }
                    placeholder={t('ui.import.values.choose')}
                    errorMessage={decided ? undefined : t('ui.import.values.undecided')}
                    options={[
                      { value: LEAVE_EMPTY, label: t('ui.import.values.leaveEmpty') },
                      ...LISTS[field].map((value) => ({ value, label: label(field, value) })),
                    ]}
                    value={current}
                    onChange={(value) => {
                      onChange({
                        ...values,
                        [field]: { ...chosen, [entry.key]: value === LEAVE_EMPTY ? null : value },
                      });
                    }}
                  />
                );
              })}
            </div>
          </fieldset>
        );
      })}
    </section>
  );
}

/** Columns no field takes, and whether to keep them in a note on each person. */
export function OtherColumns({
  preview,
  keep,
  onKeep,
}: {
  preview: ImportPreview;
  keep: boolean;
  onKeep: (keep: boolean) => void;
}) {
  const { t } = useTranslation();
  if (preview.otherColumns.length === 0) return null;
  return (
    <section className="import__other" aria-labelledby="import-other">
      <h3 id="import-other" className="import__subheading">
        {t('ui.import.otherColumns.heading')}
      </h3>
      <ul className="import__other-list">
        {preview.otherColumns.map((column) => (
          <li key={column.index}>
            {column.header === ''
              ? t('ui.import.otherColumns.unnamed', { number: column.index + 1 })
              : t('ui.import.mapping.column', { number: column.index + 1, header: column.header })}
          </li>
        ))}
      </ul>
      <p className="import__help">
        {t('ui.import.otherColumns.help', { title: preview.otherColumnsTitle })}
      </p>
      <CheckboxField label={t('ui.import.otherColumns.keep')} isSelected={keep} onChange={onKeep} />
      {keep ? null : <p className="import__help">{t('ui.import.otherColumns.dropped')}</p>}
    </section>
  );
}
