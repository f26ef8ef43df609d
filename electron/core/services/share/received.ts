/**
 * Receiving a share package from another vault: open it with this vault's key (or the
 * one-time passphrase), show where it came from, and import it. Persons already known here
 * by the same codename get a note; others are added with what the package says. What was
 * received is kept in restricted notes: it was given to us, it is not ours to pass on.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { localDate, personFields } from '../../../../shared/domain.ts';
import type { PackagedPerson, PackagePreview } from '../../../../shared/share.ts';
import { openPackage } from '../../crypto/share-package.ts';
import { shareKeyFingerprint } from '../../crypto/share-key.ts';
import { loadSodium } from '../../crypto/sodium.ts';
import { isVaultError, VaultError } from '../../errors.ts';
import { agencyIdByName } from '../../repos/agencies.ts';
import { insertMaterialsNote } from '../../repos/case-notes.ts';
import { partnerByShareKey } from '../../repos/partners.ts';
import { insertPerson, personCodename, personIdByCodename } from '../../repos/persons.ts';
import { insertReceivedPackage, receivedAt } from '../../repos/received-packages.ts';
import { readShareKey } from '../../repos/share-key.ts';
import { notFound } from '../not-found.ts';
import { decodePayload, type PackagePayload } from './package-payload.ts';

export interface OpenedPackage {
  preview: PackagePreview;
  payload: PackagePayload;
  hash: Uint8Array;
}

/** Opens and reads a package; every failure names the file and changes nothing. */
export async function openReceivedPackage(
  db: Database,
  file: { fileName: string; bytes: Uint8Array; passphrase: string | null },
): Promise<OpenedPackage> {
  const own = readShareKey(db) ?? null;
  let opened: Awaited<ReturnType<typeof openPackage>>;
  try {
    opened = await openPackage(file.bytes, {
      own: own ? { publicKey: own.publicKey, secretKey: own.secretKey } : null,
      passphrase: file.passphrase,
    });
  } catch (error) {
    if (isVaultError(error) && error.code.startsWith('PACKAGE_')) {
      throw new VaultError(error.code, { ...error.details, file: file.fileName }, { cause: error });
    }
    throw error;
  }
  const payload = decodePayload(opened.payload, file.fileName);
  const sodium = await loadSodium();
  const hash = sodium.crypto_generichash(32, file.bytes, null);
  const sender = opened.senderPublicKey ? partnerByShareKey(db, opened.senderPublicKey) : undefined;
  const preview: PackagePreview = {
    sender: {
      verified: sender !== undefined,
      fingerprint: opened.senderPublicKey
        ? await shareKeyFingerprint(opened.senderPublicKey)
        : null,
      partnerId: sender?.id ?? null,
      partnerName: sender?.name ?? null,
      label: payload.from,
    },
    createdAt: payload.createdAt,
    purpose: payload.purpose,
    persons: payload.persons.map((person) => {
      const id = personIdByCodename(db, person.codename);
      return {
        ...person,
        match: id === undefined ? null : { personId: id, codename: codenameOf(db, id) },
      };
    }),
    withheldCount: payload.withheldCount,
    alreadyImportedAt: receivedAt(db, hash),
  };
  return { preview, payload, hash };
}

function codenameOf(db: Database, id: number): string {
  const codename = personCodename(db, id);
  if (codename === undefined) throw notFound('person', { id });
  return codename;
}

/** The note that keeps what the package said about one person (markdown, restricted). */
function receivedNote(person: PackagedPerson, preview: PackagePreview, language: 'en' | 'ru') {
  const words = RECEIVED_WORDS[language];
  const from = preview.sender.partnerName ?? preview.sender.label;
  const lines = [
    `${words.from}: ${from} (${preview.sender.label})`,
    `${words.purpose}: ${preview.purpose}`,
    `${words.made}: ${preview.createdAt}`,
    '',
    ...(person.fullName ? [`${words.name}: ${person.fullName}`] : [words.codenameOnly]),
    ...(person.position ? [`${words.position}: ${person.position}`] : []),
    ...(person.agency ? [`${words.agency}: ${person.agency}`] : []),
    ...(person.region ? [`${words.region}: ${person.region}`] : []),
    ...(person.about ? ['', person.about] : []),
    ...(person.notes ?? []).flatMap((note) => [
      '',
      `${note.occurredOn} — ${note.title}`,
      '',
      note.body,
    ]),
  ];
  return {
    title: `${words.title}: ${preview.purpose}`.slice(0, 200),
    body: lines.join('\n').slice(0, 100000),
  };
}

const RECEIVED_WORDS = {
  en: {
    title: 'Received',
    from: 'From',
    purpose: 'Purpose',
    made: 'Made',
    name: 'Name',
    codenameOnly: 'Shared by codename only.',
    position: 'Position',
    agency: 'Agency',
    region: 'Region',
  },
  ru: {
    title: 'Получено',
    from: 'От',
    purpose: 'Цель',
    made: 'Создан',
    name: 'Имя',
    codenameOnly: 'Передано только под кодовым именем.',
    position: 'Должность',
    agency: 'Ведомство',
    region: 'Регион',
  },
} as const;

/** Imports an opened package; runs inside the caller's transaction. */
export function importOpenedPackage(
  db: Database,
  opened: OpenedPackage,
  fileName: string,
  now: Date,
  language: 'en' | 'ru',
): { receivedId: number; created: number; matched: number; codenames: string[] } {
  const { preview, hash } = opened;
  const earlier = receivedAt(db, hash);
  if (earlier) {
    throw new VaultError('PACKAGE_ALREADY_IMPORTED', {
      file: fileName,
      date: earlier.slice(0, 10),
    });
  }
  let created = 0;
  let matched = 0;
  const today = localDate(now);
  for (const person of preview.persons) {
    let personId = person.match?.personId;
    if (personId === undefined) {
      // Someone new to us: consent is not asked (it was given to them, not to us).
      const fields = personFields.parse({
        codename: person.codename,
        fullName: person.fullName ?? person.codename,
        position: person.position ?? '',
        sphere: person.sphere ?? 'other',
        region: person.region ?? '',
        agencyId: person.agency ? (agencyIdByName(db, person.agency) ?? null) : null,
        stage: 'watching',
        consent: 'not_asked',
      });
      personId = insertPerson(db, { ...fields, codename: person.codename }, now);
      created += 1;
    } else {
      matched += 1;
    }
    const note = receivedNote(person, preview, language);
    insertMaterialsNote(
      db,
      { personId, occurredOn: today, title: note.title, body: note.body },
      now,
    );
  }
  const receivedId = insertReceivedPackage(
    db,
    {
      createdAt: preview.createdAt,
      packageHash: hash,
      senderLabel: preview.sender.label,
      senderFingerprint: preview.sender.fingerprint,
      partnerId: preview.sender.partnerId,
      purpose: preview.purpose,
      persons: preview.persons.length,
      created,
      matched,
    },
    now,
  );
  return {
    receivedId,
    created,
    matched,
    codenames: preview.persons.map((person) => person.codename),
  };
}
