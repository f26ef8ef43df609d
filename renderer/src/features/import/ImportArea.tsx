import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IMPORT_FIELDS,
  type ImportDuplicateMode,
  type ImportEncoding,
  type ImportField,
  type ImportMapping,
  type ImportPreview,
  type ImportValueMapping,
} from '../../../../shared/import.ts';
import { navigate } from '../../app/navigation.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { ApiError, call, isApiError } from '../../lib/api.ts';
import { useErrorText } from '../../lib/errors.ts';
import { useVaultMutation } from '../../lib/vault-mutation.ts';
import '../agencies/org-table.css';
import { Duplicates } from './Duplicates.tsx';
import { FileStep } from './FileStep.tsx';
import './import.css';
import { importFieldLabelKey, MappingForm } from './MappingForm.tsx';
import { NewAgencies, ProblemsTable, SampleTable } from './PreviewTables.tsx';
import { readChosenFile, type ChosenFile } from './read-file.ts';
import { OtherColumns, ValueMapping } from './ValueMapping.tsx';

interface Done {
  imported: number;
  agenciesCreated: number;
  merged: number;
  skipped: number;
  otherColumnNotes: number;
}

/** What the user chose in the preview beyond the columns (shared/import.ts importChoices). */
interface Choices {
  values: ImportValueMapping;
  duplicates: ImportDuplicateMode;
  keepOtherColumns: boolean;
}

const FRESH: Choices = { values: {}, duplicates: 'skip', keepOtherColumns: true };

/**
 * Importing people from a CSV file: choose the file (and its encoding), check the column
 * mapping, what the values not on the lists mean, the columns no field takes, the rows already
 * in the vault (skip or merge), the first rows and every problem, then import all rows or
 * none. The preview is asked again after every change; the core reads the file each time,
 * decides, and writes nothing.
 */
export function ImportArea() {
  const { t } = useTranslation();
  const coreErrorText = useErrorText();
  // The core names missing fields by their keys ("fullName"): say them as the form labels them.
  const errorText = (error: unknown): string =>
    isApiError(error, 'IMPORT_MISSING_COLUMNS') && typeof error.details.fields === 'string'
      ? coreErrorText(
          new ApiError(error.code, {
            ...error.details,
            fields: error.details.fields
              .split(',')
              .map((field) => field.trim())
              .filter((field): field is ImportField =>
                (IMPORT_FIELDS as readonly string[]).includes(field),
              )
              .map((field) => t(importFieldLabelKey(field)))
              .join(', '),
          }),
        )
      : coreErrorText(error);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [reading, setReading] = useState(false);
  const [fileError, setFileError] = useState<unknown>(null);
  const [encoding, setEncoding] = useState<ImportEncoding>('auto');
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [choices, setChoices] = useState<Choices>(FRESH);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const doneHeading = useRef<HTMLHeadingElement>(null);

  // A preview writes nothing, so it is not a vault mutation (nothing to refetch after it).
  const previewCall = useMutation({
    mutationFn: (input: {
      file: ChosenFile;
      encoding: ImportEncoding;
      mapping: ImportMapping | undefined;
      choices: Choices;
    }) =>
      call('import:preview', {
        fileName: input.file.name,
        base64: input.file.base64,
        encoding: input.encoding,
        mapping: input.mapping,
        ...input.choices,
      }),
  });
  const commit = useVaultMutation('import:commit');

  const runPreview = (
    chosen: ChosenFile,
    nextEncoding: ImportEncoding,
    nextMapping: ImportMapping | undefined,
    nextChoices: Choices,
  ) => {
    commit.reset();
    setChoices(nextChoices);
    // Only the latest call's callbacks run, so a slow earlier preview never wins.
    previewCall.mutate(
      { file: chosen, encoding: nextEncoding, mapping: nextMapping, choices: nextChoices },
      {
        onSuccess: (answer) => {
          setPreview(answer);
          setMapping(answer.mapping);
          // The values in force: the user's choices and the core's suggestions.
          setChoices({ ...nextChoices, values: answer.values });
        },
      },
    );
  };

  const choose = async (chosen: File) => {
    setDone(null);
    setFileError(null);
    setPreview(null);
    setMapping(null);
    previewCall.reset();
    commit.reset();
    setReading(true);
    try {
      const read = await readChosenFile(chosen);
      setFile(read);
      runPreview(read, encoding, undefined, FRESH);
    } catch (error) {
      setFile(null);
      setFileError(error);
    } finally {
      setReading(false);
    }
  };

  const changeEncoding = (next: ImportEncoding) => {
    setEncoding(next);
    if (!file) return;
    // Other bytes, other headers: start again from the mapping the headers suggest.
    setPreview(null);
    setMapping(null);
    runPreview(file, next, undefined, FRESH);
  };

  const changeMapping = (next: ImportMapping) => {
    setMapping(next);
    if (file) runPreview(file, encoding, next, choices);
  };

  const changeChoices = (next: Partial<Choices>) => {
    if (file) runPreview(file, encoding, mapping ?? undefined, { ...choices, ...next });
  };

  const startOver = () => {
    setDone(null);
    setFile(null);
    setPreview(null);
    setMapping(null);
    previewCall.reset();
    commit.reset();
  };

  const runImport = () => {
    if (!file || !preview) return;
    commit.mutate(
      {
        fileName: file.name,
        base64: file.base64,
        encoding: preview.encoding,
        mapping: preview.mapping,
        // Exactly what the preview showed.
        values: preview.values,
        duplicates: preview.duplicateMode,
        keepOtherColumns: preview.keepOtherColumns,
      },
      {
        onSuccess: (result) => {
          setDone(result);
          setFile(null);
          setPreview(null);
          setMapping(null);
          requestAnimationFrame(() => doneHeading.current?.focus());
        },
      },
    );
  };

  const upToDate = preview !== null && !previewCall.isPending && !previewCall.isError;
  const problemCount = preview ? preview.problems.length + preview.moreProblems : 0;
  const counts = preview?.counts ?? { add: 0, merge: 0, skip: 0 };
  const toWrite = counts.add + counts.merge;
  const canImport = upToDate && problemCount === 0 && toWrite > 0 && !commit.isPending;
  const stateText = !upToDate
    ? t('ui.import.commit.blockedMapping')
    : problemCount > 0
      ? t('ui.import.commit.blocked', { count: problemCount })
      : toWrite === 0
        ? t('ui.import.commit.nothing')
        : [
            counts.add > 0
              ? t('ui.import.commit.ready', { count: counts.add })
              : t('ui.import.commit.readyNone'),
            ...(counts.merge > 0 ? [t('ui.import.commit.merged', { count: counts.merge })] : []),
            ...(counts.skip > 0 ? [t('ui.import.commit.skipped', { count: counts.skip })] : []),
          ].join(' ');

  return (
    <div className="import">
      <ScreenTitle>{t('ui.import.title')}</ScreenTitle>
      <p className="org-intro">{t('ui.import.intro')}</p>

      {done ? (
        <section className="import__step panel" aria-labelledby="import-done">
          <h2 id="import-done" className="import__heading" tabIndex={-1} ref={doneHeading}>
            {t('ui.import.done.heading')}
          </h2>
          <Alert tone="success">
            <p className="import__done-line">
              {t('ui.import.done.imported', { count: done.imported })}
            </p>
            {done.merged > 0 ? (
              <p className="import__done-line">
                {t('ui.import.done.merged', { count: done.merged })}
              </p>
            ) : null}
            {done.skipped > 0 ? (
              <p className="import__done-line">
                {t('ui.import.done.skipped', { count: done.skipped })}
              </p>
            ) : null}
            <p className="import__done-line">
              {done.agenciesCreated > 0
                ? t('ui.import.done.agencies', { count: done.agenciesCreated })
                : t('ui.import.done.noAgencies')}
            </p>
            {done.otherColumnNotes > 0 ? (
              <p className="import__done-line">
                {t('ui.import.done.notes', { count: done.otherColumnNotes })}
              </p>
            ) : null}
          </Alert>
          <div className="actions">
            <Button
              variant="primary"
              onPress={() => {
                navigate({ area: 'people' });
              }}
            >
              {t('ui.import.done.toPeople')}
            </Button>
            <Button onPress={startOver}>{t('ui.import.done.another')}</Button>
          </div>
        </section>
      ) : (
        <>
          <FileStep
            file={file}
            reading={reading}
            encoding={encoding}
            onEncoding={changeEncoding}
            onChoose={(chosen) => {
              void choose(chosen);
            }}
            error={fileError ? errorText(fileError) : null}
            previewError={previewCall.isError && !preview ? errorText(previewCall.error) : null}
            busy={previewCall.isPending && !preview}
          />
          {preview && file ? (
            <section className="import__step panel" aria-labelledby="import-check">
              <h2 id="import-check" className="import__heading">
                {t('ui.import.check.heading')}
              </h2>
              <Detected preview={preview} />
              <MappingForm
                headers={preview.headers}
                mapping={mapping ?? preview.mapping}
                onChange={changeMapping}
              />
              <ValueMapping
                preview={preview}
                values={choices.values}
                onChange={(values) => {
                  changeChoices({ values });
                }}
              />
              <OtherColumns
                preview={preview}
                keep={choices.keepOtherColumns}
                onKeep={(keepOtherColumns) => {
                  changeChoices({ keepOtherColumns });
                }}
              />
              {previewCall.isPending ? (
                <p className="org-muted" role="status">
                  {t('ui.import.check.updating')}
                </p>
              ) : null}
              {previewCall.isError ? (
                <Alert tone="error">{errorText(previewCall.error)}</Alert>
              ) : null}
              <ProblemsTable preview={preview} />
              <Duplicates
                preview={preview}
                mode={choices.duplicates}
                onMode={(duplicates) => {
                  changeChoices({ duplicates });
                }}
              />
              <SampleTable preview={preview} />
              <NewAgencies names={preview.newAgencies} />
              <div className="import__commit">
                <p className="import__all-or-nothing">{t('ui.import.commit.allOrNothing')}</p>
                <p
                  id="import-state"
                  className={`import__state${canImport ? '' : ' import__state--blocked'}`}
                  role="status"
                >
                  {stateText}
                </p>
                {commit.isError ? <Alert tone="error">{errorText(commit.error)}</Alert> : null}
                <div className="actions">
                  <Button
                    variant="primary"
                    isDisabled={!canImport}
                    aria-describedby="import-state"
                    onPress={runImport}
                  >
                    {commit.isPending
                      ? t('ui.import.commit.importing')
                      : counts.merge === 0
                        ? t('ui.import.commit.button', { count: counts.add })
                        : t('ui.import.commit.buttonRows', { count: toWrite })}
                  </Button>
                </div>
              </div>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}

/** "Read as Windows-1251, columns separated by semicolons: 12 rows under the header." */
function Detected({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const delimiter =
    preview.delimiter === ','
      ? t('ui.import.delimiters.comma')
      : preview.delimiter === ';'
        ? t('ui.import.delimiters.semicolon')
        : preview.delimiter === '\t'
          ? t('ui.import.delimiters.tab')
          : preview.delimiter === '|'
            ? t('ui.import.delimiters.pipe')
            : t('ui.import.delimiters.other', { char: preview.delimiter });
  return (
    <p className="import__detected" role="status">
      {t('ui.import.check.detected', {
        count: preview.rowCount,
        encoding: t(`ui.import.encodings.${preview.encoding}`),
        delimiter,
      })}
    </p>
  );
}
