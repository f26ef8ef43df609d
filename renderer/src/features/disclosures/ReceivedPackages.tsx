import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { DropZone, FileTrigger, Link, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { PackagePreview, ReceivedPackage } from '../../../../shared/share.ts';
import { navigate } from '../../app/navigation.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { Progress } from '../../components/Progress.tsx';
import { call, isApiError } from '../../lib/api.ts';
import { useErrorText } from '../../lib/errors.ts';
import { useVaultMutation, useVaultQuery } from '../../lib/vault-mutation.ts';
import { ShapeIcon } from '../risk-assessment/icons.tsx';
import {
  formatDateTime,
  MAX_PACKAGE_MIB,
  PackageTooLarge,
  readPackageFile,
  type PackageFile,
} from './format.ts';
import { DecisionMark, Fingerprint, PartnerLink } from './parts.tsx';
import './disclosures.css';

const PACKAGE_EXTENSION = '.confidant-share';

/**
 * Packages from other vaults: choose a file (and its one-time passphrase when the core asks for
 * one), see where it comes from and what it holds, then import it; and the packages received so
 * far. What is received is kept as restricted notes, so it never leaves this vault again.
 */
export function ReceivedPackages() {
  const { t } = useTranslation();
  const k = 'ui.disclosures.received';
  return (
    <div className="received">
      <PackageImport />
      <section aria-labelledby="received-list-title">
        <h2 id="received-list-title" className="disclosures__title">
          {t(`${k}.listTitle`)}
        </h2>
        <ReceivedList />
      </section>
    </div>
  );
}

function PackageImport() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [file, setFile] = useState<PackageFile | null>(null);
  const [reading, setReading] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [needsPassphrase, setNeedsPassphrase] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [result, setResult] = useState<{ created: number; matched: number } | null>(null);
  const k = 'ui.disclosures.received';

  // A preview writes nothing, so it is not a vault mutation (nothing to refetch after it).
  const preview = useMutation({
    mutationFn: (input: { file: PackageFile; passphrase: string | null }) =>
      call('share:previewPackage', {
        fileName: input.file.name,
        base64: input.file.base64,
        passphrase: input.passphrase,
      }),
  });
  const importCall = useVaultMutation('share:importPackage');

  const runPreview = (chosen: PackageFile, secret: string | null) => {
    importCall.reset();
    // Only the latest call's callbacks run, so a slow earlier preview never wins.
    preview.mutate(
      { file: chosen, passphrase: secret },
      {
        onError: (error) => {
          if (
            isApiError(error, 'PACKAGE_PASSPHRASE_NEEDED') ||
            isApiError(error, 'PACKAGE_WRONG_PASSPHRASE')
          )
            setNeedsPassphrase(true);
        },
      },
    );
  };

  const choose = async (chosen: File) => {
    setResult(null);
    setFileError(null);
    setNeedsPassphrase(false);
    setPassphrase('');
    preview.reset();
    importCall.reset();
    setReading(true);
    try {
      const read = await readPackageFile(chosen);
      setFile(read);
      runPreview(read, null);
    } catch (error) {
      setFile(null);
      setFileError(
        error instanceof PackageTooLarge
          ? t(`${k}.tooLarge`, { file: error.file, maxMiB: MAX_PACKAGE_MIB })
          : errorText(error),
      );
    } finally {
      setReading(false);
    }
  };

  const secret = needsPassphrase && passphrase !== '' ? passphrase : null;
  const shown = file && preview.isSuccess ? preview.data : null;

  return (
    <section className="package-import" aria-labelledby="package-import-title">
      <h2 id="package-import-title" className="disclosures__title">
        {t(`${k}.importTitle`)}
      </h2>
      <p className="disclosures__intro">{t(`${k}.intro`)}</p>
      <div className="panel package-import__file">
        <DropZone
          className="package-import__drop"
          aria-label={t(`${k}.dropZone`)}
          // Any file is taken: the core tells a package from anything else, in words.
          getDropOperation={() => 'copy'}
          onDrop={(event) => {
            const item = event.items.find((candidate) => candidate.kind === 'file');
            if (item?.kind === 'file') void item.getFile().then(choose);
          }}
        >
          <FileTrigger
            acceptedFileTypes={[PACKAGE_EXTENSION]}
            onSelect={(files) => {
              const chosen = files?.[0];
              if (chosen) void choose(chosen);
            }}
          >
            <Button variant={file ? 'secondary' : 'primary'} isDisabled={reading}>
              {file ? t(`${k}.chooseAnother`) : t(`${k}.choose`)}
            </Button>
          </FileTrigger>
          <Text slot="label" className="package-import__drop-text">
            {t(`${k}.drop`)}
          </Text>
        </DropZone>
        <p className="package-import__chosen" role="status">
          {reading || preview.isPending
            ? t(`${k}.reading`)
            : file
              ? t(`${k}.chosen`, { name: file.name })
              : t(`${k}.none`)}
        </p>
        {fileError ? <Alert tone="error">{fileError}</Alert> : null}
        {file && needsPassphrase ? (
          <form
            className="package-import__passphrase"
            onSubmit={(event) => {
              event.preventDefault();
              if (passphrase !== '') runPreview(file, passphrase);
            }}
          >
            <PassphraseField
              label={t(`${k}.passphrase`)}
              description={t(`${k}.passphraseHelp`)}
              autoComplete="current-password"
              value={passphrase}
              onChange={setPassphrase}
            />
            <Button type="submit" isDisabled={passphrase === '' || preview.isPending}>
              {t(`${k}.open`)}
            </Button>
          </form>
        ) : null}
        {preview.isError ? <Alert tone="error">{errorText(preview.error)}</Alert> : null}
      </div>
      {file && shown ? (
        <>
          <Provenance preview={shown} />
          {importCall.isError ? <Alert tone="error">{errorText(importCall.error)}</Alert> : null}
          <div className="actions">
            <Button
              variant="primary"
              isDisabled={shown.alreadyImportedAt !== null || importCall.isPending}
              onPress={() => {
                importCall.mutate(
                  { fileName: file.name, base64: file.base64, passphrase: secret },
                  {
                    onSuccess: (answer) => {
                      setResult({ created: answer.created, matched: answer.matched });
                      setFile(null);
                      setNeedsPassphrase(false);
                      setPassphrase('');
                      preview.reset();
                    },
                  },
                );
              }}
            >
              {importCall.isPending ? t(`${k}.importing`) : t(`${k}.import`)}
            </Button>
          </div>
        </>
      ) : null}
      <div role="status" className="package-import__done">
        {result ? (
          <Alert tone="success" live={false}>
            {t(`${k}.done`, result)}
          </Alert>
        ) : null}
      </div>
    </section>
  );
}

/** Who sealed the package, when and why, and what it holds person by person. */
function Provenance({ preview }: { preview: PackagePreview }) {
  const { t, i18n } = useTranslation();
  const k = 'ui.disclosures.received';
  const { sender } = preview;
  return (
    <section className="panel provenance" aria-labelledby="provenance-title">
      <h3 id="provenance-title" className="disclosures__subtitle">
        {t(`${k}.provenanceTitle`)}
      </h3>
      {preview.alreadyImportedAt !== null ? (
        <Alert tone="warning" live={false}>
          {t(`${k}.alreadyImported`, {
            date: formatDateTime(preview.alreadyImportedAt, i18n.language),
          })}
        </Alert>
      ) : null}
      <dl className="disclosure__facts">
        <div>
          <dt>{t(`${k}.from`)}</dt>
          <dd>
            <Sender sender={sender} />
          </dd>
        </div>
        <div>
          <dt>{t(`${k}.made`)}</dt>
          <dd>
            <time dateTime={preview.createdAt}>
              {formatDateTime(preview.createdAt, i18n.language)}
            </time>
          </dd>
        </div>
        <div>
          <dt>{t(`${k}.purpose`)}</dt>
          <dd className="disclosures__prose">{preview.purpose}</dd>
        </div>
      </dl>
      <table className="data-table">
        <caption className="data-table__caption">{t(`${k}.personsTitle`)}</caption>
        <thead>
          <tr>
            <th scope="col" className="data-table__column">
              {t(`${k}.columns.codename`)}
            </th>
            <th scope="col" className="data-table__column">
              {t(`${k}.columns.name`)}
            </th>
            <th scope="col" className="data-table__column">
              {t(`${k}.columns.details`)}
            </th>
            <th scope="col" className="data-table__column">
              {t(`${k}.columns.here`)}
            </th>
          </tr>
        </thead>
        <tbody>
          {preview.persons.map((person) => (
            <tr key={person.codename} className="disclosures-table__row">
              <th scope="row" className="data-table__cell">
                <span className="codename">{person.codename}</span>
              </th>
              <td className="data-table__cell">
                {person.fullName ?? (
                  <DecisionMark decision="codename" label={t(`${k}.codenameOnly`)} />
                )}
              </td>
              <td className="data-table__cell">
                <PackagedDetails person={person} />
              </td>
              <td className="data-table__cell">
                {person.match ? (
                  <span>
                    {t(`${k}.matches`)}{' '}
                    <Link
                      className="org-link codename"
                      onPress={() => {
                        if (person.match) navigate({ area: 'person', id: person.match.personId });
                      }}
                    >
                      {person.match.codename}
                    </Link>
                    {': '}
                    {t(`${k}.matchesAfter`)}
                  </span>
                ) : (
                  <strong>{t(`${k}.willBeAdded`)}</strong>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.withheldCount > 0 ? (
        <p className="disclosures__muted">{t(`${k}.withheld`, { count: preview.withheldCount })}</p>
      ) : null}
    </section>
  );
}

function Sender({ sender }: { sender: PackagePreview['sender'] }) {
  const { t } = useTranslation();
  const k = 'ui.disclosures.received';
  if (sender.verified && sender.partnerId !== null) {
    const name = sender.partnerName ?? sender.label;
    return (
      <div className="provenance__sender provenance__sender--verified">
        <p className="provenance__verdict">
          <ShapeIcon shape="check" />
          <span>{t(`${k}.verified`)}</span>
        </p>
        <p>
          <PartnerLink id={sender.partnerId} name={name} />
        </p>
        <p>{t(`${k}.verifiedText`, { name })}</p>
        {sender.fingerprint !== null ? (
          <p>
            {t('ui.disclosures.fingerprint')}: <Fingerprint value={sender.fingerprint} />
          </p>
        ) : null}
      </div>
    );
  }
  const unknownKey = sender.fingerprint !== null;
  return (
    <div className="provenance__sender provenance__sender--unverified">
      <p className="provenance__verdict">
        <ShapeIcon shape="warning" />
        <span>{unknownKey ? t(`${k}.unknownKey`) : t(`${k}.passphraseSeal`)}</span>
      </p>
      <p>
        {unknownKey
          ? t(`${k}.unknownKeyText`, { label: sender.label })
          : t(`${k}.passphraseSealText`, { label: sender.label })}
      </p>
      {sender.fingerprint !== null ? (
        <p>
          {t('ui.disclosures.fingerprint')}: <Fingerprint value={sender.fingerprint} large />
        </p>
      ) : null}
    </div>
  );
}

/** What a packaged person comes with besides who they are, briefly. */
function PackagedDetails({ person }: { person: PackagePreview['persons'][number] }) {
  const { t } = useTranslation();
  const k = 'ui.disclosures.received';
  const field = (name: string) => t(`ui.disclosures.shareField.${name}`);
  const parts = [
    person.sphere !== null ? `${field('sphere')}: ${t(`ui.domain.sphere.${person.sphere}`)}` : null,
    person.region !== null ? `${field('region')}: ${person.region}` : null,
    person.position !== null ? `${field('position')}: ${person.position}` : null,
    person.agency !== null ? `${field('agency')}: ${person.agency}` : null,
    person.about !== null ? field('about') : null,
    person.notes !== null && person.notes.length > 0
      ? t(`${k}.notes`, { count: person.notes.length })
      : null,
  ].filter((part) => part !== null);
  if (parts.length === 0) return <span className="disclosures__muted">{t(`${k}.noDetails`)}</span>;
  return (
    <ul className="disclosures__details">
      {parts.map((part) => (
        <li key={part}>{part}</li>
      ))}
    </ul>
  );
}

/** The packages imported so far, newest first; only one partner's on their page. */
export function ReceivedList({ partnerId }: { partnerId?: number }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const query = useVaultQuery('share:received', {});
  const k = 'ui.disclosures.received';
  const rows = (query.data?.rows ?? [])
    .filter((row) => partnerId === undefined || row.partnerId === partnerId)
    .toSorted((a, b) => b.importedAt.localeCompare(a.importedAt));
  if (query.isError) return <Alert tone="error">{errorText(query.error)}</Alert>;
  if (query.isPending) return <Progress label={t(`${k}.loading`)} />;
  if (rows.length === 0)
    return (
      <p className="disclosures__empty">
        {partnerId === undefined ? t(`${k}.listEmpty`) : t(`${k}.listEmptyPartner`)}
      </p>
    );
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t(`${k}.table`)}</caption>
      <thead>
        <tr>
          {(['importedAt', 'from', 'createdAt', 'purpose'] as const).map((column) => (
            <th key={column} scope="col" className="data-table__column">
              {t(`${k}.listColumns.${column}`)}
            </th>
          ))}
          {(['persons', 'created', 'matched'] as const).map((column) => (
            <th key={column} scope="col" className="data-table__column data-table__column--number">
              {t(`${k}.listColumns.${column}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <ReceivedRow key={row.id} row={row} language={i18n.language} />
        ))}
      </tbody>
    </table>
  );
}

function ReceivedRow({ row, language }: { row: ReceivedPackage; language: string }) {
  const { t } = useTranslation();
  return (
    <tr className="disclosures-table__row">
      <th scope="row" className="data-table__cell disclosures-table__cell--when">
        <time dateTime={row.importedAt}>{formatDateTime(row.importedAt, language)}</time>
      </th>
      <td className="data-table__cell">
        {row.partnerId !== null ? (
          <PartnerLink id={row.partnerId} name={row.senderLabel} />
        ) : (
          <>
            <span>{row.senderLabel}</span>{' '}
            <span className="disclosures__unverified">
              <ShapeIcon shape="warning" />
              <span>{t('ui.disclosures.received.unverified')}</span>
            </span>
          </>
        )}
      </td>
      <td className="data-table__cell disclosures-table__cell--when">
        <time dateTime={row.createdAt}>{formatDateTime(row.createdAt, language)}</time>
      </td>
      <td className="data-table__cell disclosures__prose">{row.purpose}</td>
      <td className="data-table__cell data-table__cell--number">{row.persons}</td>
      <td className="data-table__cell data-table__cell--number">{row.created}</td>
      <td className="data-table__cell data-table__cell--number">{row.matched}</td>
    </tr>
  );
}
