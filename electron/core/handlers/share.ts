/**
 * Handlers for the risk review and everything that crosses the vault's edge (issue 6): the
 * review, the three export channels (all through the gate), share keys, received packages
 * and the disclosure log. An export is one transaction: the log entry and the audit entry
 * are written, then the file; if the file cannot be written the transaction rolls back, so
 * nothing is logged as shared that was not.
 */
import { basename, dirname, resolve } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Handlers } from '../../../shared/contract.ts';
import { localDate } from '../../../shared/domain.ts';
import type { OutputKind, ReviewedShare, ShareWritten } from '../../../shared/share.ts';
import { generateOneTimePassphrase, sealPackage } from '../crypto/share-package.ts';
import {
  generateShareKeyPair,
  parseShareKeyText,
  shareKeyFingerprint,
  shareKeyText,
} from '../crypto/share-key.ts';
import { VaultError } from '../errors.ts';
import { insertDisclosure, knowledgeOf, listDisclosures } from '../repos/disclosures.ts';
import { getPartner, partnerByShareKey, setPartnerShareKey } from '../repos/partners.ts';
import { getPerson } from '../repos/persons.ts';
import { listReceivedPackages } from '../repos/received-packages.ts';
import { insertShareKey, readShareKey, type StoredShareKey } from '../repos/share-key.ts';
import { reviewCandidates } from '../services/share/candidates.ts';
import type { ShareDocument } from '../services/share/document.ts';
import { checkExportDestination, stageExportFile } from '../services/export-file.ts';
import { gateShare } from '../services/share/gate.ts';
import { withFingerprint } from '../services/share/keys.ts';
import { encodePayload } from '../services/share/package-payload.ts';
import { importOpenedPackage, openReceivedPackage } from '../services/share/received.ts';
import { renderListCsv } from '../services/share/render-csv.ts';
import { renderDossierHtml } from '../services/share/render-html.ts';
import { audit, notFound, type DomainContext } from './context.ts';

type ShareChannel =
  `share:${string}` | `disclosures:${string}` | 'partners:get' | 'partners:setShareKey';

export interface ShareOptions {
  /** The app's language: documents and received notes are written in it. */
  language(): 'en' | 'ru';
  /** The open vault's file: an export may not land on it or its copies. */
  vaultPath(): string | null;
  /** Electron's printing (main): HTML → PDF bytes. Absent in the CLI: PDF_UNAVAILABLE. */
  printPdf?: (html: string) => Promise<Uint8Array>;
}

interface Output {
  kind: OutputKind;
  seal: 'partner-key' | 'passphrase' | null;
  destination: { path: string; replaceExisting: boolean };
  oneTimePassphrase?: string;
}

function base64Bytes(base64: string): Uint8Array {
  return Buffer.from(base64, 'base64');
}

export function shareHandlers(
  ctx: DomainContext,
  options: ShareOptions,
): Pick<Handlers, Extract<keyof Handlers, ShareChannel>> {
  /**
   * Gate, render, then record and write in one transaction. `render` may be slow (printing
   * a PDF, sealing a package) and runs before the transaction, on what the gate let out.
   */
  async function writeShare(
    review: ReviewedShare,
    output: Output,
    render: (document: ShareDocument) => Promise<Uint8Array>,
  ): Promise<ShareWritten> {
    const { path, replaceExisting } = output.destination;
    checkNotOverVault(path, options.vaultPath());
    const gated = gateShare(ctx.db(), review, ctx.now(), options.language());
    checkExportDestination(path, replaceExisting);
    const bytes = await render(gated.document);
    const staged = await stageExportFile(path, bytes, replaceExisting);
    let disclosureId: number;
    try {
      disclosureId = await ctx.commit((db, now) => {
        // The rules are checked again inside the transaction: nothing may have changed while
        // the PDF printed or the file was written.
        const again = gateShare(db, review, now, options.language());
        const id = insertDisclosure(
          db,
          {
            recipientKind: again.recipient.kind,
            partnerId: again.recipient.partnerId,
            recipientLabel: again.recipient.label,
            purpose: review.purpose,
            reviewedBy: review.reviewedBy,
            output: output.kind,
            seal: output.seal,
            fileName: basename(path).slice(0, 255),
            persons: again.logged,
          },
          now,
        );
        audit(db, 'share.written', undefined, now, {
          disclosure: id,
          output: output.kind,
          ...(output.seal ? { seal: output.seal } : {}),
          recipientKind: again.recipient.kind,
          persons: again.logged.map((person) => `${person.codename}: ${person.decision}`),
          overrides: again.logged.filter((person) => person.overrideJustification !== null).length,
        });
        // Last: if the file cannot take its place, the record rolls back with it.
        staged.publish();
        return id;
      });
    } finally {
      await staged.discard();
    }
    await staged.durable();
    const count = (decision: string) =>
      gated.logged.filter((person) => person.decision === decision).length;
    return {
      disclosureId,
      path: output.destination.path,
      named: count('named'),
      codename: count('codename'),
      withheld: count('withheld'),
      oneTimePassphrase: output.oneTimePassphrase ?? null,
    };
  }

  /**
   * The vault's own key pair, made on first use and kept inside the vault (as secret as the
   * data), in its own save: partners will seal packages to it from now on.
   */
  async function ownKeyPair(): Promise<StoredShareKey> {
    const existing = readShareKey(ctx.db());
    if (existing) return existing;
    const pair = await generateShareKeyPair();
    return ctx.commit((db, now) => {
      if (!readShareKey(db)) {
        insertShareKey(db, pair, now);
        audit(db, 'share.key-created', undefined, now);
      }
      const stored = readShareKey(db);
      if (!stored) throw new VaultError('INTERNAL', { reason: 'share key not stored' });
      return stored;
    });
  }

  return {
    'share:review': ({ recipient, personIds }) => {
      const today = localDate(ctx.now());
      return Promise.resolve({ today, ...reviewCandidates(ctx.db(), recipient, personIds, today) });
    },

    'share:writeDossier': ({ review, format, destination }) =>
      writeShare(review, { kind: format, seal: null, destination }, async (document) => {
        const html = renderDossierHtml(document);
        if (format === 'html') return new TextEncoder().encode(html);
        if (!options.printPdf) throw new VaultError('PDF_UNAVAILABLE');
        return options.printPdf(html);
      }),

    'share:writeList': ({ review, destination }) =>
      writeShare(review, { kind: 'csv', seal: null, destination }, (document) =>
        Promise.resolve(new TextEncoder().encode(renderListCsv(document))),
      ),

    'share:writePackage': async ({ review, seal, destination }) => {
      if (seal === 'passphrase') {
        const passphrase = generateOneTimePassphrase();
        return writeShare(
          review,
          { kind: 'package', seal, destination, oneTimePassphrase: passphrase },
          (document) => sealPackage(encodePayload(document), { kind: 'passphrase', passphrase }),
        );
      }
      if (review.recipient.kind !== 'partner') throw new VaultError('SHARE_PACKAGE_NEEDS_PARTNER');
      const partner = getPartner(ctx.db(), review.recipient.partnerId);
      if (!partner) throw notFound('partner', { id: review.recipient.partnerId });
      const recipientPublicKey = partner.sharePublicKey;
      if (!recipientPublicKey) throw new VaultError('PARTNER_NO_SHARE_KEY', { name: partner.name });
      return writeShare(review, { kind: 'package', seal, destination }, async (document) =>
        sealPackage(encodePayload(document), {
          kind: 'partner-key',
          recipientPublicKey,
          // Made on first use, only once the gate has let the share through.
          sender: await ownKeyPair(),
        }),
      );
    },

    'share:ownKey': async () => {
      const key = await ownKeyPair();
      return {
        publicKey: await shareKeyText(key.publicKey),
        fingerprint: await shareKeyFingerprint(key.publicKey),
        createdAt: key.createdAt,
      };
    },

    'share:inspectKey': async ({ publicKey }) => {
      const key = await parseShareKeyText(publicKey);
      const db = ctx.db();
      checkNotOwnKey(db, key);
      return {
        fingerprint: await shareKeyFingerprint(key),
        partnerId: partnerByShareKey(db, key)?.id ?? null,
      };
    },

    'share:previewPackage': async ({ fileName, base64, passphrase }) => {
      const opened = await openReceivedPackage(ctx.db(), {
        fileName,
        bytes: base64Bytes(base64),
        passphrase,
      });
      return opened.preview;
    },

    'share:importPackage': async ({ fileName, base64, passphrase }) => {
      const opened = await openReceivedPackage(ctx.db(), {
        fileName,
        bytes: base64Bytes(base64),
        passphrase,
      });
      return ctx.commit((db, now) => {
        const result = importOpenedPackage(db, opened, fileName, now, options.language());
        audit(db, 'share.imported', undefined, now, {
          received: result.receivedId,
          sender: opened.preview.sender.partnerName ?? opened.preview.sender.label,
          verified: opened.preview.sender.verified,
          persons: result.codenames,
        });
        return { receivedId: result.receivedId, created: result.created, matched: result.matched };
      });
    },

    'share:received': () => Promise.resolve({ rows: listReceivedPackages(ctx.db()) }),

    'disclosures:list': (query) => Promise.resolve(listDisclosures(ctx.db(), query)),

    'disclosures:outsideKnowledge': ({ personId }) => {
      const db = ctx.db();
      if (!getPerson(db, personId)) throw notFound('person', { id: personId });
      const { outside, internal } = knowledgeOf(db, personId);
      return Promise.resolve({ recipients: outside, internal });
    },

    'partners:get': async ({ id }) => {
      const partner = getPartner(ctx.db(), id);
      if (!partner) throw notFound('partner', { id });
      return withFingerprint(partner);
    },

    'partners:setShareKey': async ({ id, publicKey }) => {
      const key = publicKey === null ? null : await parseShareKeyText(publicKey);
      const fingerprint = key ? await shareKeyFingerprint(key) : null;
      return ctx.commit((db, now) => {
        const partner = getPartner(db, id);
        if (!partner) throw notFound('partner', { id });
        if (key) checkNotOwnKey(db, key);
        setPartnerShareKey(db, id, key, now);
        audit(db, key ? 'partner.share-key-set' : 'partner.share-key-removed', partner.name, now, {
          partner: id,
          ...(fingerprint ? { fingerprint } : {}),
        });
        return { fingerprint };
      });
    },
  };
}

/**
 * The vault, its previous copies (vault.1, vault.2), its lock file and its temp files all
 * start with the vault's file name in its folder: an export there would replace one of them.
 */
function checkNotOverVault(destination: string, vaultPath: string | null): void {
  if (vaultPath === null) return;
  const target = resolve(destination);
  const vault = resolve(vaultPath);
  const sameFolder = dirname(target) === dirname(vault);
  const name = basename(target).toLowerCase();
  const vaultName = basename(vault).toLowerCase();
  if (sameFolder && (name === vaultName || name.startsWith(`${vaultName}.`))) {
    throw new VaultError('EXPORT_OVER_VAULT', { file: destination });
  }
}

function checkNotOwnKey(db: Database, key: Uint8Array): void {
  const own = readShareKey(db);
  if (own && Buffer.from(own.publicKey).equals(Buffer.from(key))) {
    throw new VaultError('SHARE_KEY_IS_OWN');
  }
}
