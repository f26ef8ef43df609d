import { useTranslation } from 'react-i18next';
import {
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
} from '../../../../shared/import.ts';
import { SelectField } from '../../components/SelectField.tsx';

const NOT_IMPORTED = 'none';

/** The label of an import field: the person form's own (the agency column fills agencyId). */
export function importFieldLabelKey(field: ImportField): string {
  return `fields.${field === 'agency' ? 'agencyId' : field}`;
}

/** For each person field, the column of the file that fills it, or "Not imported". */
export function MappingForm({
  headers,
  mapping,
  onChange,
}: {
  headers: readonly string[];
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
}) {
  const { t } = useTranslation();
  const options = [
    { value: NOT_IMPORTED, label: t('ui.import.mapping.notImported') },
    ...headers.map((header, index) => ({
      value: String(index),
      label: header.trim()
        ? t('ui.import.mapping.column', { number: index + 1, header: header.trim() })
        : t('ui.import.mapping.unnamed', { number: index + 1 }),
    })),
  ];
  const help = (field: ImportField): string | undefined => {
    if (REQUIRED_IMPORT_FIELDS.includes(field)) return t('ui.import.mapping.required');
    if (field === 'codename') return t('ui.import.mapping.codenameHelp');
    if (field === 'agency') return t('ui.import.mapping.agencyHelp');
    return undefined;
  };
  return (
    <section className="import__mapping" aria-labelledby="import-mapping">
      <h3 id="import-mapping" className="import__subheading">
        {t('ui.import.mapping.heading')}
      </h3>
      <p className="import__help">{t('ui.import.mapping.help')}</p>
      <div className="import__mapping-grid">
        {IMPORT_FIELDS.map((field) => {
          const column = mapping[field];
          return (
            <SelectField
              key={field}
              name={`mapping-${field}`}
              label={t(importFieldLabelKey(field))}
              description={help(field)}
              options={options}
              value={column === undefined || column === null ? NOT_IMPORTED : String(column)}
              onChange={(value) => {
                onChange({ ...mapping, [field]: value === NOT_IMPORTED ? null : Number(value) });
              }}
            />
          );
        })}
      </div>
    </section>
  );
}
