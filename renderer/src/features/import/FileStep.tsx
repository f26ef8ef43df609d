import { DropZone, FileTrigger, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { IMPORT_ENCODINGS, type ImportEncoding } from '../../../../shared/import.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import type { ChosenFile } from './read-file.ts';

export interface FileStepProps {
  file: ChosenFile | null;
  reading: boolean;
  busy: boolean;
  encoding: ImportEncoding;
  onEncoding: (encoding: ImportEncoding) => void;
  onChoose: (file: File) => void;
  /** The file could not be read here (too large). */
  error: string | null;
  /** The core could not read it (not text, wrong encoding, empty, too many rows…). */
  previewError: string | null;
}

/** Step 1: the file (button or drag and drop), its encoding, and how to save a CSV. */
export function FileStep({
  file,
  reading,
  busy,
  encoding,
  onEncoding,
  onChoose,
  error,
  previewError,
}: FileStepProps) {
  const { t, i18n } = useTranslation();
  const size = (bytes: number) =>
    new Intl.NumberFormat(i18n.language, {
      style: 'unit',
      unit: bytes < 1024 * 1024 ? 'kilobyte' : 'megabyte',
      maximumFractionDigits: 1,
    }).format(bytes < 1024 * 1024 ? bytes / 1024 : bytes / (1024 * 1024));
  return (
    <section className="import__step panel" aria-labelledby="import-file">
      <h2 id="import-file" className="import__heading">
        {t('ui.import.file.heading')}
      </h2>
      <p className="import__help">{t('ui.import.file.help')}</p>
      <div className="import__file-row">
        <DropZone
          className="import__drop"
          aria-label={t('ui.import.file.dropZone')}
          // Any file is taken: the core tells a CSV from anything else, in words.
          getDropOperation={() => 'copy'}
          onDrop={(event) => {
            const item = event.items.find((candidate) => candidate.kind === 'file');
            if (item?.kind === 'file') {
              void item.getFile().then(onChoose);
            }
          }}
        >
          <FileTrigger
            acceptedFileTypes={['.csv', 'text/csv', 'text/plain']}
            onSelect={(files) => {
              const chosen = files?.[0];
              if (chosen) onChoose(chosen);
            }}
          >
            <Button variant={file ? 'secondary' : 'primary'} isDisabled={reading}>
              {file ? t('ui.import.file.chooseAnother') : t('ui.import.file.choose')}
            </Button>
          </FileTrigger>
          <Text slot="label" className="import__drop-text">
            {t('ui.import.file.drop')}
          </Text>
        </DropZone>
        <SelectField
          label={t('ui.import.file.encoding')}
          description={t('ui.import.file.encodingHelp')}
          options={IMPORT_ENCODINGS.map((value) => ({
            value,
            label: t(`ui.import.encodings.${value}`),
          }))}
          value={encoding}
          onChange={onEncoding}
        />
      </div>
      <p className="import__chosen" role="status">
        {reading || busy
          ? t('ui.import.file.reading')
          : file
            ? t('ui.import.file.chosen', { name: file.name, size: size(file.size) })
            : t('ui.import.file.none')}
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {previewError ? <Alert tone="error">{previewError}</Alert> : null}
    </section>
  );
}
