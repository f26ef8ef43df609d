/**
 * The risk review before any name leaves the vault (issue 6), through the API as the renderer
 * calls it: the review screen's facts and the rules' decisions; dossiers, lists and packages
 * that carry only what the rules let out; overrides that need a justification and the typed
 * codename; a stale screen re-judged by the gate; destinations that fail without leaving
 * anything behind; packages between two vaults, and every way a package can be bad; the
 * disclosure log append-only down to SQL; "who outside knows"; copying a name to the
 * clipboard; and an audit trail that names codenames only.
 *
 * Every refusal is checked the same way: its own error code with a sentence in English and
 * Russian, no file at the destination (and no temporary file beside it), no new disclosure,
 * no `share.written` entry, and the vault file on disk byte for byte the same.
 */
import { vaultBytes } from '../helpers/vaults.ts';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../shared/contract.ts';
import { CLIPBOARD_CLEAR_SECONDS } from '../../shared/contract.ts';
import { createTranslator } from '../../shared/i18n/index.ts';
import { errorMessage } from '../../shared/i18n/error-message.ts';
import type { PackageFileInput, ReviewedShareInput, ShareRecipient } from '../../shared/share.ts';
import { SHARE_FIELDS } from '../../shared/share.ts';
import { MIN_JUSTIFICATION } from '../../shared/share-review.ts';
import type { ClipboardPort } from '../../electron/core/handlers/clipboard.ts';
import { generateShareKeyPair, shareKeyText } from '../../electron/core/crypto/share-key.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import type { TestApi } from '../helpers/api.ts';
import { openTestVault } from '../helpers/domain.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import {
  openShareVault,
  partnerReview,
  SHARE_PEOPLE,
  type ShareVault,
  uniformFactors,
} from '../helpers/share-fixture.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir('confidant-share-');
const PASSPHRASE = 'a long enough passphrase';
const PARTNER = 'Nordic Rights Watch';
const PURPOSE = 'Joint monitoring of court hearings';
const REVIEWER = 'Maria Ivanova';
const FULL_NAMES = Object.values(SHARE_PEOPLE).map((person) => person.fullName);
/** Words of the names alone: a surname in a log is as bad as the whole name. */
const NAME_WORDS = FULL_NAMES.flatMap((name) => name.split(' '));
const GOOD_JUSTIFICATION = '  Agreed with him by phone on 3 March; the partner needs it.  ';
const ONE_TIME_PASSPHRASE = /^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){5}$/;

type Api = TestApi & { path: string };
type Vaulted = ShareVault & { dir: string; out: string };

/** The share vault of the fixture, and an empty folder `out` beside it for the outputs. */
async function setup(overrides: Parameters<typeof openShareVault>[1] = {}): Promise<Vaulted> {
  const dir = tempDir();
  const vault = await openShareVault(dir, overrides);
  const out = join(dir, 'out');
  mkdirSync(out);
  return { ...vault, dir, out };
}

function errorOf(result: ApiResult<unknown>) {
  expect(result.ok).toBe(false);
  return result.ok ? undefined : result.error;
}

/** The user reads a real sentence for `error` in both languages (not a key, no placeholder). */
function expectSentence(error: { code: string; details: Record<string, string | number> }) {
  const typed = error as Parameters<typeof errorMessage>[1];
  const en = errorMessage(createTranslator('en'), typed);
  const ru = errorMessage(createTranslator('ru'), typed);
  for (const sentence of [en, ru]) {
    expect(sentence).not.toContain(`errors.${error.code}`);
    expect(sentence).not.toContain('{{');
    expect(sentence.length).toBeGreaterThan(20);
  }
  // Russian falls back to English when its sentence is missing.
  expect(ru).not.toBe(en);
  expect(ru).toMatch(/[а-яё]/iu);
  return { en, ru };
}

async function auditEntries(api: TestApi) {
  return (await api.call('audit:list', { limit: 500 })).entries;
}

async function countAudit(api: TestApi, action: string) {
  return (await auditEntries(api)).filter((entry) => entry.action === action).length;
}

async function disclosureTotal(api: TestApi) {
  return (await api.call('disclosures:list', {})).total;
}

/**
 * Runs `attempt`, expects `code`, and checks that nothing happened: no file at `destination`
 * (or, when it existed, the same bytes), no new file anywhere in `folder` (no temp file left),
 * no new disclosure, no `share.written` entry, the vault file byte for byte the same.
 */
async function refused(
  api: Api,
  code: string,
  attempt: () => Promise<ApiResult<unknown>>,
  where: { destination?: string; folder?: string } = {},
) {
  const before = vaultBytes(api.path);
  const disclosures = await disclosureTotal(api);
  const written = await countAudit(api, 'share.written');
  const destinationBefore =
    where.destination && existsSync(where.destination) ? readFileSync(where.destination) : null;
  const folderBefore = where.folder ? readdirSync(where.folder).sort() : null;
  const error = errorOf(await attempt());
  expect(error?.code).toBe(code);
  if (error) expectSentence(error);
  expect(vaultBytes(api.path).equals(before)).toBe(true);
  expect(await disclosureTotal(api)).toBe(disclosures);
  expect(await countAudit(api, 'share.written')).toBe(written);
  if (where.destination) {
    if (destinationBefore === null) expect(existsSync(where.destination)).toBe(false);
    else expect(readFileSync(where.destination).equals(destinationBefore)).toBe(true);
  }
  if (where.folder) expect(readdirSync(where.folder).sort()).toEqual(folderBefore);
  return error;
}

function writeDossier(
  v: ShareVault,
  path: string,
  review: ReviewedShareInput = partnerReview(v),
  options: { format?: 'html' | 'pdf'; replaceExisting?: boolean } = {},
) {
  return v.api.raw('share:writeDossier', {
    review,
    format: options.format ?? 'html',
    destination: { path, replaceExisting: options.replaceExisting ?? false },
  });
}

async function writtenDossier(v: ShareVault, path: string, review = partnerReview(v)) {
  return v.api.call('share:writeDossier', { review, format: 'html', destination: { path } });
}

const readText = (path: string) => readFileSync(path, 'utf8');

/** The dossier's sections, one per person shown. */
function sections(html: string): string[] {
  return html.split('<section class="entry">').slice(1);
}

function packageFile(path: string, passphrase: string | null = null): PackageFileInput {
  return {
    fileName: 'from-partner.confidant-share',
    base64: readFileSync(path).toString('base64'),
    passphrase,
  };
}

function bytesFile(bytes: Uint8Array, passphrase: string | null = null): PackageFileInput {
  return {
    fileName: 'from-partner.confidant-share',
    base64: Buffer.from(bytes).toString('base64'),
    passphrase,
  };
}

function assess(
  api: TestApi,
  personId: number,
  fields: {
    score?: number;
    consent?: 'not_asked' | 'internal' | 'trusted_partners' | 'public';
    mitigations?: ('codename_only' | 'never_in_publications')[];
    basedOnVersion?: number | null;
  },
) {
  return api.call('risk:assess', {
    personId,
    basedOnVersion: fields.basedOnVersion ?? 1,
    factors: uniformFactors(fields.score ?? 1),
    consent: fields.consent ?? 'trusted_partners',
    mitigations: fields.mitigations ?? [],
    assessor: 'Maria',
  });
}

// -------------------------------------------------------------------------------------------

describe('the review screen', () => {
  const everyone = (v: ShareVault) => [v.ids.anna, v.ids.boris, v.ids.clara];

  it('gives each person their risk, assessment, consent and the rules’ decision for a partner', async () => {
    const v = await setup();
    const review = await v.api.call('share:review', {
      recipient: { kind: 'partner', partnerId: v.partnerId },
      personIds: everyone(v),
    });
    expect(review.recipientLabel).toBe(PARTNER);
    expect(review.today).toBe('2026-03-10');
    const [anna, boris, clara] = review.candidates;
    const common = {
      stage: 'in_contact',
      assessmentVersion: 1,
      assessedOn: '2026-03-10',
      assessmentAgeDays: 0,
      consentNeeded: 'trusted_partners',
      mitigations: [],
      restrictedNotes: 1,
      alreadyKnown: [],
    };
    expect(anna).toEqual({
      ...common,
      personId: v.ids.anna,
      codename: v.codenames.anna,
      fullName: 'Anna Smith',
      riskLevel: 'low',
      // Low: 180 days.
      reviewDueOn: '2026-09-06',
      reviewState: 'current',
      consent: 'trusted_partners',
      decision: 'named',
      reasons: [],
    });
    expect(boris).toEqual({
      ...common,
      personId: v.ids.boris,
      codename: v.codenames.boris,
      fullName: 'Boris Orlov',
      riskLevel: 'moderate',
      reviewDueOn: '2026-07-08',
      reviewState: 'current',
      consent: 'internal',
      decision: 'codename',
      reasons: ['consent-below-recipient'],
    });
    expect(clara).toEqual({
      ...common,
      personId: v.ids.clara,
      codename: v.codenames.clara,
      fullName: 'Clara Weiss',
      riskLevel: 'critical',
      reviewDueOn: '2026-04-09',
      reviewState: 'current',
      consent: 'public',
      decision: 'withheld',
      reasons: ['critical-risk'],
    });
  });

  it('for a publication shows Anna by codename only (her consent stops at partners)', async () => {
    const v = await setup();
    const review = await v.api.call('share:review', {
      recipient: { kind: 'publication', title: 'Annual report 2026' },
      personIds: everyone(v),
    });
    expect(review.recipientLabel).toBe('Annual report 2026');
    expect(
      review.candidates.map(({ consentNeeded, decision, reasons }) => ({
        consentNeeded,
        decision,
        reasons,
      })),
    ).toEqual([
      { consentNeeded: 'public', decision: 'codename', reasons: ['consent-below-recipient'] },
      { consentNeeded: 'public', decision: 'codename', reasons: ['consent-below-recipient'] },
      { consentNeeded: 'public', decision: 'withheld', reasons: ['critical-risk'] },
    ]);
  });

  it('shows Anna by codename once her review date has passed', async () => {
    const v = await setup();
    const annaFor = async () =>
      (
        await v.api.call('share:review', {
          recipient: { kind: 'partner', partnerId: v.partnerId },
          personIds: [v.ids.anna],
        })
      ).candidates[0];
    // The review date itself is still in time.
    v.clock.advance(180);
    expect(await annaFor()).toMatchObject({
      reviewState: 'due',
      assessmentAgeDays: 180,
      decision: 'named',
      reasons: [],
    });
    v.clock.advance(1);
    expect(await annaFor()).toMatchObject({
      reviewDueOn: '2026-09-06',
      reviewState: 'overdue',
      assessmentAgeDays: 181,
      decision: 'codename',
      reasons: ['assessment-overdue'],
    });
  });

  it('shows Anna by codename when her assessment agreed codename only', async () => {
    const v = await setup();
    await assess(v.api, v.ids.anna, { mitigations: ['codename_only'] });
    const review = await v.api.call('share:review', {
      recipient: { kind: 'partner', partnerId: v.partnerId },
      personIds: [v.ids.anna],
    });
    expect(review.candidates[0]).toMatchObject({
      assessmentVersion: 2,
      mitigations: ['codename_only'],
      decision: 'codename',
      reasons: ['codename-only-agreed'],
    });
  });

  it('withholds Anna from publications only when she is never to be in them', async () => {
    const v = await setup();
    await assess(v.api, v.ids.anna, { consent: 'public', mitigations: ['never_in_publications'] });
    const ruling = async (recipient: ShareRecipient) => {
      const review = await v.api.call('share:review', { recipient, personIds: [v.ids.anna] });
      const [anna] = review.candidates;
      return { decision: anna?.decision, reasons: anna?.reasons };
    };
    expect(await ruling({ kind: 'partner', partnerId: v.partnerId })).toEqual({
      decision: 'named',
      reasons: [],
    });
    expect(await ruling({ kind: 'internal' })).toEqual({ decision: 'named', reasons: [] });
    expect(await ruling({ kind: 'publication', title: 'Annual report 2026' })).toEqual({
      decision: 'withheld',
      reasons: ['never-in-publications'],
    });
  });

  it('lists what this partner already received, and nothing given to others', async () => {
    const v = await setup();
    const first = await writtenDossier(v, join(v.out, 'to-partner.html'));
    v.clock.advance(1);
    const { id: otherPartner } = await v.api.call('partners:create', { name: 'Other Watch' });
    await writtenDossier(
      v,
      join(v.out, 'to-other.html'),
      partnerReview(v, {
        recipient: { kind: 'partner', partnerId: otherPartner },
        purpose: 'Something else',
      }),
    );
    const internal = await writtenDossier(
      v,
      join(v.out, 'internal.html'),
      partnerReview(v, {
        recipient: { kind: 'internal' },
        purpose: 'Board meeting',
        choices: [
          { personId: v.ids.anna, decision: 'named' },
          { personId: v.ids.boris, decision: 'named' },
          { personId: v.ids.clara, decision: 'withheld' },
        ],
      }),
    );
    const at = new Date(2026, 2, 10, 12).toISOString();
    const review = await v.api.call('share:review', {
      recipient: { kind: 'partner', partnerId: v.partnerId },
      personIds: everyone(v),
    });
    const [anna, boris, clara] = review.candidates;
    expect(anna?.alreadyKnown).toEqual([
      {
        disclosureId: first.disclosureId,
        at,
        decision: 'named',
        purpose: PURPOSE,
        fields: [...SHARE_FIELDS],
      },
    ]);
    expect(boris?.alreadyKnown).toEqual([
      {
        disclosureId: first.disclosureId,
        at,
        decision: 'codename',
        purpose: PURPOSE,
        fields: ['sphere', 'region'],
      },
    ]);
    // Withheld: nothing was given.
    expect(clara?.alreadyKnown).toEqual([]);
    const forInternal = await v.api.call('share:review', {
      recipient: { kind: 'internal' },
      personIds: [v.ids.anna],
    });
    expect(forInternal.candidates[0]?.alreadyKnown.map((d) => d.disclosureId)).toEqual([
      internal.disclosureId,
    ]);
  });
});

// -------------------------------------------------------------------------------------------

describe('outputs follow the rules', () => {
  const FOOTER = [
    '1 person was withheld from this document and is not mentioned in it.',
    'The name of 1 person was replaced by a codename; their position, agency, notes and other identifying details were left out.',
    '1 restricted note was not included.',
    'Restricted notes never leave the vault.',
  ];

  /**
   * Anna by name (and not her codename: a document pairing the two would unmask every later
   * output showing her by codename); nothing of Boris beyond his codename, sphere and region;
   * nothing at all of Clara.
   */
  function expectOnlyWhatMayLeave(v: ShareVault, text: string) {
    expect(text).toContain('Anna Smith');
    expect(text).toContain('Judge of chamber anna');
    expect(text).toContain(v.codenames.boris);
    for (const secret of [
      v.codenames.anna,
      'Boris',
      'Orlov',
      'chamber boris',
      'note on boris',
      'notes for boris',
      'Clara',
      'Weiss',
      v.codenames.clara,
      'clara',
      'RESTRICTED',
      'Secret source',
    ]) {
      expect(text, secret).not.toContain(secret);
    }
  }

  it('writes an HTML dossier with Anna named, Boris by codename and no trace of Clara', async () => {
    const v = await setup();
    const path = join(v.out, 'dossier.html');
    const written = await writtenDossier(v, path);
    expect(written).toMatchObject({
      path,
      named: 1,
      codename: 1,
      withheld: 1,
      oneTimePassphrase: null,
    });
    const html = readText(path);
    expectOnlyWhatMayLeave(v, html);
    expect(html).toContain('Open note on anna');
    expect(html).toContain('Ordinary meeting notes for anna.');
    const [anna, boris] = sections(html);
    expect(sections(html)).toHaveLength(2);
    expect(anna).toContain('Regional Court');
    expect(boris).toContain(v.codenames.boris);
    expect(boris).toContain('Shown by codename only');
    // Sphere and region go out for a codename; agency, position, about and notes do not.
    expect(boris).toContain('North');
    expect(boris).not.toContain('Regional Court');
    expect(boris).not.toContain('seminar');
    for (const sentence of FOOTER) expect(html).toContain(sentence);
    expect(readdirSync(v.out)).toEqual(['dossier.html']);
  });

  it('writes a CSV list with the same rules', async () => {
    const v = await setup();
    const path = join(v.out, 'list.csv');
    const written = await v.api.call('share:writeList', {
      review: partnerReview(v),
      destination: { path },
    });
    expect(written).toMatchObject({ named: 1, codename: 1, withheld: 1 });
    const csv = readText(path);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expectOnlyWhatMayLeave(v, csv);
    const lines = csv.slice(1).split('\r\n');
    const annaRow = lines.find((line) => line.includes('Anna Smith'));
    const borisRow = lines.find((line) => line.includes(v.codenames.boris));
    expect(annaRow).toContain('Regional Court');
    expect(borisRow).toContain('North');
    expect(borisRow).not.toContain('Regional Court');
    expect(lines.filter((line) => line.includes('North'))).toHaveLength(2);
    for (const sentence of FOOTER) expect(csv).toContain(sentence);
  });

  it('prints the same HTML to PDF', async () => {
    const printed: string[] = [];
    const v = await setup({
      printPdf: (html) => {
        printed.push(html);
        return Promise.resolve(new TextEncoder().encode('%PDF-1.4 fake\n' + html));
      },
    });
    const htmlPath = join(v.out, 'dossier.html');
    const pdfPath = join(v.out, 'dossier.pdf');
    await writtenDossier(v, htmlPath);
    const pdf = await v.api.call('share:writeDossier', {
      review: partnerReview(v),
      format: 'pdf',
      destination: { path: pdfPath },
    });
    expect(pdf).toMatchObject({ named: 1, codename: 1, withheld: 1 });
    const html = readText(htmlPath);
    expect(printed).toEqual([html]);
    expect(readText(pdfPath)).toBe('%PDF-1.4 fake\n' + html);
    const { disclosures } = await v.api.call('disclosures:list', {});
    expect(disclosures.map((d) => d.output)).toEqual(['pdf', 'html']);
  });

  it('seals a package to a one-time passphrase that opens to the same persons and fields', async () => {
    const v = await setup();
    const path = join(v.out, 'share.confidant-share');
    const written = await v.api.call('share:writePackage', {
      review: partnerReview(v),
      seal: 'passphrase',
      destination: { path },
    });
    expect(written).toMatchObject({ named: 1, codename: 1, withheld: 1 });
    expect(written.oneTimePassphrase).toMatch(ONE_TIME_PASSPHRASE);
    const bytes = readFileSync(path);
    // Encrypted: no name, codename or note in the clear.
    for (const text of [...NAME_WORDS, v.codenames.anna, v.codenames.boris, 'note on']) {
      expect(bytes.includes(Buffer.from(text))).toBe(false);
    }
    const preview = await v.api.call(
      'share:previewPackage',
      packageFile(path, written.oneTimePassphrase),
    );
    expect(preview.sender).toEqual({
      verified: false,
      fingerprint: null,
      partnerId: null,
      partnerName: null,
      label: REVIEWER,
    });
    expect(preview).toMatchObject({
      purpose: PURPOSE,
      createdAt: v.clock.at.toISOString(),
      withheldCount: 1,
      alreadyImportedAt: null,
    });
    expect(preview.persons).toEqual([
      {
        codename: v.codenames.anna,
        fullName: 'Anna Smith',
        sphere: 'other',
        region: 'North',
        position: 'Judge of chamber anna',
        agency: 'Regional Court',
        about: 'About Anna Smith: met at the seminar.',
        notes: [
          {
            occurredOn: '2026-03-01',
            title: 'Open note on anna',
            body: 'Ordinary meeting notes for anna.',
          },
        ],
        match: { personId: v.ids.anna, codename: v.codenames.anna },
      },
      {
        codename: v.codenames.boris,
        fullName: null,
        sphere: 'other',
        region: 'North',
        position: null,
        agency: null,
        about: null,
        notes: null,
        match: { personId: v.ids.boris, codename: v.codenames.boris },
      },
    ]);
    const { disclosures } = await v.api.call('disclosures:list', {});
    expect(disclosures[0]).toMatchObject({ output: 'package', seal: 'passphrase' });
  });

  it('refuses a PDF without a printer: PDF_UNAVAILABLE, nothing written or logged', async () => {
    const v = await setup();
    const destination = join(v.out, 'dossier.pdf');
    await refused(
      v.api,
      'PDF_UNAVAILABLE',
      () => writeDossier(v, destination, partnerReview(v), { format: 'pdf' }),
      { destination, folder: v.out },
    );
  });
});

// -------------------------------------------------------------------------------------------

describe('overrides', () => {
  const borisNamed = (
    v: ShareVault,
    override: { justification: string; typedCodename: string } | null,
  ) =>
    partnerReview(v, {
      choices: [
        { personId: v.ids.anna, decision: 'named' },
        { personId: v.ids.boris, decision: 'named', override },
        { personId: v.ids.clara, decision: 'withheld' },
      ],
    });

  it('naming Boris needs a justification of 20 characters and his codename typed out', async () => {
    const v = await setup();
    const destination = join(v.out, 'dossier.html');
    const where = { destination, folder: v.out };
    const noOverride = await refused(
      v.api,
      'SHARE_OVERRIDE_NEEDS_JUSTIFICATION',
      () => writeDossier(v, destination, borisNamed(v, null)),
      where,
    );
    expect(noOverride?.details).toMatchObject({ codename: v.codenames.boris });
    expect(errorMessage(createTranslator('en'), noOverride as never)).toContain(v.codenames.boris);

    const nineteen = 'Needed for hearing.';
    expect(nineteen).toHaveLength(MIN_JUSTIFICATION - 1);
    for (const justification of [nineteen, `   ${nineteen}        `, ' '.repeat(40)]) {
      await refused(
        v.api,
        'SHARE_OVERRIDE_NEEDS_JUSTIFICATION',
        () =>
          writeDossier(
            v,
            destination,
            borisNamed(v, { justification, typedCodename: v.codenames.boris }),
          ),
        where,
      );
    }

    for (const typedCodename of [v.codenames.anna, '', `${v.codenames.boris}x`]) {
      const mismatch = await refused(
        v.api,
        'SHARE_OVERRIDE_CODENAME_MISMATCH',
        () =>
          writeDossier(
            v,
            destination,
            borisNamed(v, { justification: GOOD_JUSTIFICATION, typedCodename }),
          ),
        where,
      );
      expect(mismatch?.details).toMatchObject({ codename: v.codenames.boris });
    }

    // Other case and extra spaces around and inside: the same codename.
    const typed = `  ${v.codenames.boris.toUpperCase().replaceAll(' ', '   ')} `;
    const written = await v.api.call('share:writeDossier', {
      review: borisNamed(v, { justification: GOOD_JUSTIFICATION, typedCodename: typed }),
      format: 'html',
      destination: { path: destination },
    });
    expect(written).toMatchObject({ named: 2, codename: 0, withheld: 1 });
    expect(readText(destination)).toContain('Boris Orlov');
    expect(readText(destination)).not.toContain('Clara');

    const { disclosures, total } = await v.api.call('disclosures:list', {});
    expect(total).toBe(1);
    expect(disclosures[0]?.persons[1]).toEqual({
      personId: v.ids.boris,
      codename: v.codenames.boris,
      decision: 'named',
      ruled: 'codename',
      reasons: ['consent-below-recipient'],
      riskLevel: 'moderate',
      assessmentVersion: 1,
      reviewState: 'current',
      consent: 'internal',
      fields: [...SHARE_FIELDS],
      overrideJustification: GOOD_JUSTIFICATION.trim(),
    });
    expect(disclosures[0]?.persons[0]?.overrideJustification).toBeNull();
    const entry = (await auditEntries(v.api)).find((e) => e.action === 'share.written');
    expect(entry?.detail).toMatchObject({ overrides: 1 });
  });

  it('is refused the same way on every output channel', async () => {
    const v = await setup({
      printPdf: (html) => Promise.resolve(new TextEncoder().encode(html)),
    });
    // A partner key, so that the partner-key seal gets as far as the gate.
    const partnerKey = await generateShareKeyPair();
    await v.api.call('partners:setShareKey', {
      id: v.partnerId,
      publicKey: await shareKeyText(partnerKey.publicKey),
    });
    await v.api.call('share:ownKey', {});
    const review = borisNamed(v, null);
    const destination = join(v.out, 'out.file');
    const attempts: [string, () => Promise<ApiResult<unknown>>][] = [
      ['html', () => writeDossier(v, destination, review)],
      ['pdf', () => writeDossier(v, destination, review, { format: 'pdf' })],
      ['csv', () => v.api.raw('share:writeList', { review, destination: { path: destination } })],
      [
        'package (passphrase)',
        () =>
          v.api.raw('share:writePackage', {
            review,
            seal: 'passphrase',
            destination: { path: destination },
          }),
      ],
      [
        'package (partner key)',
        () =>
          v.api.raw('share:writePackage', {
            review,
            seal: 'partner-key',
            destination: { path: destination },
          }),
      ],
    ];
    for (const [, attempt] of attempts) {
      await refused(v.api, 'SHARE_OVERRIDE_NEEDS_JUSTIFICATION', attempt, {
        destination,
        folder: v.out,
      });
    }
  });

  it('withholding Anna goes further than the rules and needs nothing', async () => {
    const v = await setup();
    const path = join(v.out, 'dossier.html');
    const written = await writtenDossier(
      v,
      path,
      partnerReview(v, {
        choices: [
          { personId: v.ids.anna, decision: 'withheld' },
          { personId: v.ids.boris, decision: 'codename' },
          { personId: v.ids.clara, decision: 'withheld' },
        ],
      }),
    );
    expect(written).toMatchObject({ named: 0, codename: 1, withheld: 2 });
    expect(readText(path)).not.toContain('Anna');
    expect(readText(path)).not.toContain(v.codenames.anna);
    expect(readText(path)).toContain(
      '2 persons were withheld from this document and are not mentioned in it.',
    );
    const [logged] = (await v.api.call('disclosures:list', {})).disclosures;
    expect(logged?.persons[0]).toMatchObject({
      codename: v.codenames.anna,
      decision: 'withheld',
      ruled: 'named',
      fields: [],
      overrideJustification: null,
    });
  });

  it('showing Clara even by codename needs an override', async () => {
    const v = await setup();
    const destination = join(v.out, 'dossier.html');
    const claraShown = (override: { justification: string; typedCodename: string } | null) =>
      partnerReview(v, {
        choices: [
          { personId: v.ids.anna, decision: 'named' },
          { personId: v.ids.boris, decision: 'codename' },
          { personId: v.ids.clara, decision: 'codename', override },
        ],
      });
    const error = await refused(
      v.api,
      'SHARE_OVERRIDE_NEEDS_JUSTIFICATION',
      () => writeDossier(v, destination, claraShown(null)),
      { destination, folder: v.out },
    );
    expect(error?.details).toMatchObject({ codename: v.codenames.clara });
    // Withheld → named skips a step, and needs the same.
    await refused(
      v.api,
      'SHARE_OVERRIDE_NEEDS_JUSTIFICATION',
      () =>
        writeDossier(
          v,
          destination,
          partnerReview(v, {
            choices: [{ personId: v.ids.clara, decision: 'named' }],
          }),
        ),
      { destination, folder: v.out },
    );
    const written = await writtenDossier(
      v,
      destination,
      claraShown({ justification: GOOD_JUSTIFICATION, typedCodename: v.codenames.clara }),
    );
    expect(written).toMatchObject({ named: 1, codename: 2, withheld: 0 });
    const html = readText(destination);
    expect(html).toContain(v.codenames.clara);
    expect(html).not.toContain('Clara');
    expect(html).not.toContain('chamber clara');
    const [logged] = (await v.api.call('disclosures:list', {})).disclosures;
    expect(logged?.persons[2]).toMatchObject({
      codename: v.codenames.clara,
      decision: 'codename',
      ruled: 'withheld',
      reasons: ['critical-risk'],
      riskLevel: 'critical',
      fields: ['sphere', 'region'],
      overrideJustification: GOOD_JUSTIFICATION.trim(),
    });
  });
});

// -------------------------------------------------------------------------------------------

describe('a stale review', () => {
  it('is judged again by the gate: Anna reassessed critical now needs an override', async () => {
    const v = await setup();
    const screen = await v.api.call('share:review', {
      recipient: { kind: 'partner', partnerId: v.partnerId },
      personIds: [v.ids.anna, v.ids.boris, v.ids.clara],
    });
    expect(screen.candidates[0]?.decision).toBe('named');
    // Someone else reassesses her while the screen is open.
    await assess(v.api, v.ids.anna, { score: 5 });
    const destination = join(v.out, 'dossier.html');
    const error = await refused(
      v.api,
      'SHARE_OVERRIDE_NEEDS_JUSTIFICATION',
      () => writeDossier(v, destination, partnerReview(v)),
      { destination, folder: v.out },
    );
    expect(error?.details).toMatchObject({ codename: v.codenames.anna });
    // Everyone withheld or by codename now: fine, and logged with the new facts.
    await writtenDossier(
      v,
      destination,
      partnerReview(v, {
        choices: [
          { personId: v.ids.anna, decision: 'withheld' },
          { personId: v.ids.boris, decision: 'codename' },
        ],
      }),
    );
    const [logged] = (await v.api.call('disclosures:list', {})).disclosures;
    expect(logged?.persons[0]).toMatchObject({
      decision: 'withheld',
      ruled: 'withheld',
      riskLevel: 'critical',
      assessmentVersion: 2,
    });
  });
});

// -------------------------------------------------------------------------------------------

describe('destinations', () => {
  it('a folder that does not exist → FOLDER_NOT_FOUND', async () => {
    const v = await setup();
    const destination = join(v.out, 'missing', 'dossier.html');
    const error = await refused(v.api, 'FOLDER_NOT_FOUND', () => writeDossier(v, destination), {
      destination,
      folder: v.out,
    });
    expect(error?.details).toMatchObject({ file: destination });
  });

  it.skipIf(process.getuid?.() === 0)('an unwritable folder → NOT_WRITABLE', async () => {
    const v = await setup();
    const folder = join(v.out, 'read-only');
    mkdirSync(folder);
    chmodSync(folder, 0o500);
    try {
      const destination = join(folder, 'dossier.html');
      await refused(v.api, 'NOT_WRITABLE', () => writeDossier(v, destination), {
        destination,
        folder,
      });
      expect(readdirSync(folder)).toEqual([]);
    } finally {
      chmodSync(folder, 0o700);
    }
  });

  it('a folder in the way of the file → NOT_WRITABLE, even when replacing', async () => {
    const v = await setup();
    const destination = join(v.out, 'dossier.html');
    mkdirSync(destination);
    await refused(
      v.api,
      'NOT_WRITABLE',
      () => writeDossier(v, destination, partnerReview(v), { replaceExisting: true }),
      { folder: v.out },
    );
    expect(readdirSync(destination)).toEqual([]);
  });

  it('an existing file is kept unless replacing was confirmed', async () => {
    const v = await setup();
    const destination = join(v.out, 'dossier.html');
    writeFileSync(destination, 'an older dossier');
    const error = await refused(v.api, 'FILE_EXISTS', () => writeDossier(v, destination), {
      destination,
      folder: v.out,
    });
    expect(error?.details).toMatchObject({ file: destination });
    expect(readText(destination)).toBe('an older dossier');

    const written = await v.api.call('share:writeDossier', {
      review: partnerReview(v),
      format: 'html',
      destination: { path: destination, replaceExisting: true },
    });
    expect(written.path).toBe(destination);
    expect(readText(destination)).toContain('Anna Smith');
    expect(readdirSync(v.out)).toEqual(['dossier.html']);
    expect(await disclosureTotal(v.api)).toBe(1);
    expect(await countAudit(v.api, 'share.written')).toBe(1);
  });
});

// -------------------------------------------------------------------------------------------

describe('packages between two vaults', () => {
  it('are sealed to the partner’s key, verified once their key is known, and imported once', async () => {
    const a = await setup();
    const b = await openTestVault(tempDir(), { now: () => new Date(2026, 2, 12, 12) });
    const bKey = await b.call('share:ownKey', {});
    expect(bKey.publicKey).toMatch(/^cfk1-[A-Za-z0-9_-]{48}$/);
    expect(bKey.fingerprint).toMatch(/^\d{5}( \d{5}){5}$/);
    // Asked twice, the same key.
    expect(await b.call('share:ownKey', {})).toEqual(bKey);

    // Vault A stores B's key on the partner (as pasted from an e-mail, wrapped).
    const wrapped = `${bKey.publicKey.slice(0, 20)}\n  ${bKey.publicKey.slice(20)}\n`;
    expect(
      await a.api.call('partners:setShareKey', { id: a.partnerId, publicKey: wrapped }),
    ).toEqual({ fingerprint: bKey.fingerprint });
    expect((await a.api.call('partners:get', { id: a.partnerId })).shareKeyFingerprint).toBe(
      bKey.fingerprint,
    );

    const path = join(a.out, 'to-partner.confidant-share');
    const written = await a.api.call('share:writePackage', {
      review: partnerReview(a),
      seal: 'partner-key',
      destination: { path },
    });
    expect(written).toMatchObject({ named: 1, codename: 1, withheld: 1, oneTimePassphrase: null });
    const aKey = await a.api.call('share:ownKey', {});
    const file = packageFile(path);

    // B already knows someone by Boris's codename (under another name).
    const { id: bBoris } = await b.call('persons:create', {
      fullName: 'Ivan Petrenko',
      codename: a.codenames.boris,
      stage: 'collaborating',
    });

    const unverified = await b.call('share:previewPackage', file);
    expect(unverified.sender).toEqual({
      verified: false,
      fingerprint: aKey.fingerprint,
      partnerId: null,
      partnerName: null,
      label: REVIEWER,
    });
    expect(unverified).toMatchObject({
      createdAt: a.clock.at.toISOString(),
      purpose: PURPOSE,
      withheldCount: 1,
      alreadyImportedAt: null,
    });
    expect(unverified.persons.map((p) => [p.codename, p.fullName, p.match])).toEqual([
      [a.codenames.anna, 'Anna Smith', null],
      [a.codenames.boris, null, { personId: bBoris, codename: a.codenames.boris }],
    ]);
    // Previewing imports nothing.
    expect((await b.call('share:received', {})).rows).toEqual([]);

    const { id: bPartner } = await b.call('partners:create', { name: 'Team A' });
    const inspected = await b.call('share:inspectKey', { publicKey: aKey.publicKey });
    expect(inspected).toEqual({ fingerprint: aKey.fingerprint, partnerId: null });
    await b.call('partners:setShareKey', { id: bPartner, publicKey: aKey.publicKey });
    expect(await b.call('share:inspectKey', { publicKey: aKey.publicKey })).toEqual({
      fingerprint: aKey.fingerprint,
      partnerId: bPartner,
    });
    const verified = await b.call('share:previewPackage', file);
    expect(verified.sender).toEqual({
      verified: true,
      fingerprint: aKey.fingerprint,
      partnerId: bPartner,
      partnerName: 'Team A',
      label: REVIEWER,
    });

    const imported = await b.call('share:importPackage', file);
    expect(imported).toMatchObject({ created: 1, matched: 1 });

    const again = await b.call('share:previewPackage', file);
    expect(again.alreadyImportedAt).toBe(new Date(2026, 2, 12, 12).toISOString());
    const bAnna = again.persons[0]?.match?.personId;
    expect(bAnna).toBeTypeOf('number');
    const annaPage = await b.call('persons:get', { id: bAnna ?? 0 });
    expect(annaPage.person).toMatchObject({
      fullName: 'Anna Smith',
      codename: a.codenames.anna,
      consent: 'not_asked',
      stage: 'watching',
      position: 'Judge of chamber anna',
      region: 'North',
    });
    const notesOf = (page: typeof annaPage) =>
      page.timeline.flatMap((entry) => (entry.type === 'note' ? [entry.note] : []));
    const [annaNote, ...moreAnna] = notesOf(annaPage);
    expect(moreAnna).toEqual([]);
    expect(annaNote).toMatchObject({ restricted: true, kind: 'materials' });
    expect(annaNote?.body).toContain('Name: Anna Smith');
    expect(annaNote?.body).toContain('Open note on anna');
    expect(annaNote?.body).toContain(PURPOSE);
    expect(annaNote?.body).not.toContain('RESTRICTED');
    expect(annaNote?.body).not.toContain('Secret source');

    const borisPage = await b.call('persons:get', { id: bBoris });
    // Matched: their own record is not rewritten, the package is a note beside it.
    expect(borisPage.person).toMatchObject({ fullName: 'Ivan Petrenko', stage: 'collaborating' });
    const borisNotes = notesOf(borisPage);
    expect(borisNotes).toHaveLength(1);
    expect(borisNotes[0]).toMatchObject({ restricted: true });
    expect(borisNotes[0]?.body).toContain('Shared by codename only.');
    expect(JSON.stringify(borisPage)).not.toContain('Boris Orlov');
    expect(JSON.stringify(await b.call('persons:list', {}))).not.toContain('Clara');

    const before = vaultBytes(b.path);
    const error = errorOf(await b.raw('share:importPackage', file));
    expect(error?.code).toBe('PACKAGE_ALREADY_IMPORTED');
    if (error) expect(expectSentence(error).en).toContain('from-partner.confidant-share');
    expect(vaultBytes(b.path).equals(before)).toBe(true);

    const { rows } = await b.call('share:received', {});
    expect(rows).toEqual([
      {
        id: imported.receivedId,
        importedAt: new Date(2026, 2, 12, 12).toISOString(),
        createdAt: a.clock.at.toISOString(),
        senderLabel: REVIEWER,
        senderFingerprint: aKey.fingerprint,
        partnerId: bPartner,
        purpose: PURPOSE,
        persons: 2,
        created: 1,
        matched: 1,
      },
    ]);
  });
});

// -------------------------------------------------------------------------------------------

describe('bad packages', () => {
  let root: string;
  let a: ShareVault;
  let b: Api;
  let good: Uint8Array;
  let forAnother: Uint8Array;
  let byPassphrase: Uint8Array;
  let oneTime: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'confidant-share-bad-'));
    mkdirSync(join(root, 'a'));
    mkdirSync(join(root, 'b'));
    a = await openShareVault(join(root, 'a'));
    b = await openTestVault(join(root, 'b'));
    const bKey = await b.call('share:ownKey', {});
    // Another vault's key: a key pair as any other vault makes it.
    const other = await generateShareKeyPair();
    const { id: otherPartner } = await a.api.call('partners:create', { name: 'Other Watch' });
    await a.api.call('partners:setShareKey', {
      id: otherPartner,
      publicKey: await shareKeyText(other.publicKey),
    });
    await a.api.call('partners:setShareKey', { id: a.partnerId, publicKey: bKey.publicKey });
    const write = async (
      name: string,
      review: ReviewedShareInput,
      seal: 'partner-key' | 'passphrase',
    ) => {
      const path = join(root, name);
      const written = await a.api.call('share:writePackage', {
        review,
        seal,
        destination: { path },
      });
      return { bytes: new Uint8Array(readFileSync(path)), written };
    };
    good = (await write('good', partnerReview(a), 'partner-key')).bytes;
    forAnother = (
      await write(
        'another',
        partnerReview(a, { recipient: { kind: 'partner', partnerId: otherPartner } }),
        'partner-key',
      )
    ).bytes;
    const sealed = await write('passphrase', partnerReview(a), 'passphrase');
    byPassphrase = sealed.bytes;
    oneTime = sealed.written.oneTimePassphrase ?? '';
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const changed = (bytes: Uint8Array, change: (copy: Uint8Array) => void) => {
    const copy = new Uint8Array(bytes);
    change(copy);
    return copy;
  };

  const cases: { what: string; code: string; file: () => PackageFileInput }[] = [
    {
      what: 'sealed to another vault’s key',
      code: 'PACKAGE_NOT_FOR_THIS_VAULT',
      file: () => bytesFile(forAnother),
    },
    {
      what: 'one byte flipped in the middle',
      code: 'PACKAGE_DAMAGED',
      file: () =>
        bytesFile(
          changed(good, (copy) => {
            const middle = Math.floor(copy.length / 2);
            // Past the 193-byte header: the ciphertext itself.
            expect(middle).toBeGreaterThan(193);
            copy[middle] = (copy[middle] ?? 0) ^ 0x01;
          }),
        ),
    },
    {
      what: 'cut short',
      code: 'PACKAGE_DAMAGED',
      file: () => bytesFile(good.subarray(0, good.length - 17)),
    },
    {
      what: 'made by format version 2',
      code: 'PACKAGE_NEWER_VERSION',
      file: () =>
        bytesFile(
          changed(good, (copy) => {
            // u16 little-endian at offset 8 (docs/share-package-format.md §4).
            expect([copy[8], copy[9]]).toEqual([1, 0]);
            copy[8] = 2;
            copy[9] = 0;
          }),
        ),
    },
    {
      what: 'random bytes',
      code: 'PACKAGE_NOT_A_PACKAGE',
      file: () => bytesFile(randomBytes(4096)),
    },
    {
      what: 'a passphrase package without the passphrase',
      code: 'PACKAGE_PASSPHRASE_NEEDED',
      file: () => bytesFile(byPassphrase, null),
    },
    {
      what: 'a passphrase package with only spaces for the passphrase',
      code: 'PACKAGE_PASSPHRASE_NEEDED',
      file: () => bytesFile(byPassphrase, '    '),
    },
    {
      what: 'a passphrase package with the wrong passphrase',
      code: 'PACKAGE_WRONG_PASSPHRASE',
      file: () => bytesFile(byPassphrase, 'aaaa-bbbb-cccc-dddd-eeee-ffff'),
    },
  ];

  it.each(cases)('$what → $code, nothing imported', async ({ code, file }) => {
    const input = file();
    const before = vaultBytes(b.path);
    const persons = (await b.call('persons:list', {})).total;
    for (const channel of ['share:previewPackage', 'share:importPackage'] as const) {
      const error = errorOf(await b.raw(channel, input));
      expect(error?.code, channel).toBe(code);
      expect(error?.details).toMatchObject({ file: input.fileName });
      if (error) expect(expectSentence(error).en).toContain(input.fileName);
    }
    expect(vaultBytes(b.path).equals(before)).toBe(true);
    expect((await b.call('share:received', {})).rows).toEqual([]);
    expect((await b.call('persons:list', {})).total).toBe(persons);
  });

  it('the version error says which version made it', async () => {
    const input = bytesFile(
      changed(good, (copy) => {
        copy[8] = 2;
      }),
    );
    const error = errorOf(await b.raw('share:previewPackage', input));
    expect(error?.details).toMatchObject({ version: 2 });
    if (error) expect(expectSentence(error).en).toContain('format 2');
  });

  it('the one-time passphrase opens it however it is typed (case, spaces around)', async () => {
    const preview = await b.call(
      'share:previewPackage',
      bytesFile(byPassphrase, `  ${oneTime.toUpperCase()} `),
    );
    expect(preview.persons.map((p) => p.codename)).toEqual([a.codenames.anna, a.codenames.boris]);
    expect(preview.sender.verified).toBe(false);
    // The intact partner-key package opens too: the cases above fail for their own reason.
    expect((await b.call('share:previewPackage', bytesFile(good))).persons).toHaveLength(2);
  });

  it('a package for a partner without a share key → PARTNER_NO_SHARE_KEY', async () => {
    const v = await setup();
    const destination = join(v.out, 'p.confidant-share');
    const error = await refused(
      v.api,
      'PARTNER_NO_SHARE_KEY',
      () =>
        v.api.raw('share:writePackage', {
          review: partnerReview(v),
          seal: 'partner-key',
          destination: { path: destination },
        }),
      { destination, folder: v.out },
    );
    expect(error?.details).toMatchObject({ name: PARTNER });
  });

  it('a partner-key package for internal leadership → SHARE_PACKAGE_NEEDS_PARTNER', async () => {
    const v = await setup();
    const destination = join(v.out, 'p.confidant-share');
    await refused(
      v.api,
      'SHARE_PACKAGE_NEEDS_PARTNER',
      () =>
        v.api.raw('share:writePackage', {
          review: partnerReview(v, { recipient: { kind: 'internal' } }),
          seal: 'partner-key',
          destination: { path: destination },
        }),
      { destination, folder: v.out },
    );
  });

  it('a malformed key → SHARE_KEY_MALFORMED; our own key → SHARE_KEY_IS_OWN', async () => {
    const v = await setup();
    const own = await v.api.call('share:ownKey', {});
    const last = own.publicKey.at(-1) === 'A' ? 'B' : 'A';
    const malformed = [
      'cfk1-garbage',
      '',
      own.publicKey.slice(0, -1),
      // One character changed: the checksum no longer matches.
      own.publicKey.slice(0, -1) + last,
      own.publicKey.replace('cfk1-', 'cfk2-'),
    ];
    for (const publicKey of malformed) {
      await refused(v.api, 'SHARE_KEY_MALFORMED', () =>
        v.api.raw('partners:setShareKey', { id: v.partnerId, publicKey }),
      );
    }
    for (const publicKey of [
      own.publicKey,
      ` ${own.publicKey.slice(0, 30)}\r\n${own.publicKey.slice(30)}`,
    ]) {
      await refused(v.api, 'SHARE_KEY_IS_OWN', () =>
        v.api.raw('partners:setShareKey', { id: v.partnerId, publicKey }),
      );
    }
    expect(errorOf(await v.api.raw('share:inspectKey', { publicKey: own.publicKey }))?.code).toBe(
      'SHARE_KEY_IS_OWN',
    );
    expect((await v.api.call('partners:get', { id: v.partnerId })).shareKeyFingerprint).toBeNull();
  });
});

// -------------------------------------------------------------------------------------------

describe('the disclosure log', () => {
  it('cannot be rewritten in SQL; deletions elsewhere only clear their link', async () => {
    const v = await setup();
    const { disclosureId } = await writtenDossier(v, join(v.out, 'dossier.html'));
    const logBefore = await v.api.call('disclosures:list', {});

    await v.api.core.lock('manual');
    const vault = await Vault.unlock(
      v.api.path,
      { passphrase: PASSPHRASE },
      { kdf: FAST_KDF, readOnly: false },
    );
    try {
      const { db } = vault;
      const attempts = [
        "UPDATE disclosures SET purpose = 'nothing to see'",
        "UPDATE disclosures SET reviewed_by = reviewed_by || '.'",
        // Clearing the partner is allowed only alone, not with a rewrite.
        "UPDATE disclosures SET partner_id = NULL, recipient_label = 'Someone else'",
        'DELETE FROM disclosures',
        `INSERT OR REPLACE INTO disclosures (id, at, recipient_kind, partner_id, recipient_label,
           purpose, reviewed_by, output, seal, file_name)
         VALUES (${String(disclosureId)}, '2026-01-01T00:00:00.000Z', 'internal', NULL, 'internal',
           'rewritten', 'nobody', 'html', NULL, 'x.html')`,
        "UPDATE disclosure_persons SET decision = 'named' WHERE decision = 'withheld'",
        'UPDATE disclosure_persons SET override_justification = NULL',
        `UPDATE disclosure_persons SET person_id = ${String(v.ids.anna)} WHERE codename = '${v.codenames.boris}'`,
        // Clearing the person is allowed only alone, not with a rewrite.
        "UPDATE disclosure_persons SET person_id = NULL, codename = 'Someone Else 11'",
        'DELETE FROM disclosure_persons',
        `INSERT OR REPLACE INTO disclosure_persons (disclosure_id, position, person_id, codename,
           decision, ruled, reasons, risk_level, assessment_version, review_state, consent,
           fields, override_justification)
         VALUES (${String(disclosureId)}, 0, NULL, 'Someone Else 11', 'withheld', 'withheld', '[]',
           NULL, NULL, NULL, 'not_asked', '[]', NULL)`,
      ];
      for (const sql of attempts) {
        expect(() => db.prepare(sql).run(), sql).toThrow(/append-only/);
      }
      expect(db.prepare('SELECT count(*) FROM disclosures').pluck().get()).toBe(1);
      expect(db.prepare('SELECT count(*) FROM disclosure_persons').pluck().get()).toBe(3);
    } finally {
      await vault.lock();
    }
    await v.api.call('vault:unlock', { path: v.api.path, secret: { passphrase: PASSPHRASE } });
    expect(await v.api.call('disclosures:list', {})).toEqual(logBefore);

    await v.api.call('partners:delete', { id: v.partnerId });
    await v.api.call('persons:delete', { id: v.ids.boris, confirmCodename: v.codenames.boris });
    const after = await v.api.call('disclosures:list', {});
    expect(after.total).toBe(1);
    const [entry] = after.disclosures;
    const [annaBefore, borisBefore, claraBefore] = logBefore.disclosures[0]?.persons ?? [];
    expect(entry).toEqual({
      ...logBefore.disclosures[0],
      partnerId: null,
      recipientLabel: PARTNER,
      persons: [annaBefore, { ...borisBefore, personId: null }, claraBefore],
    });
    expect(entry?.persons[1]?.codename).toBe(v.codenames.boris);
    // Anna's line still names the recipient as it was called.
    expect(
      (await v.api.call('disclosures:outsideKnowledge', { personId: v.ids.anna })).recipients,
    ).toMatchObject([{ partnerId: null, recipientLabel: PARTNER, knowsName: true }]);
  });
});

// -------------------------------------------------------------------------------------------

describe('who outside knows', () => {
  it('one line per recipient: whether they know the name, when, and how often', async () => {
    const v = await setup();
    const first = v.clock.at.toISOString();
    await writtenDossier(v, join(v.out, 'named.html'));
    v.clock.advance(3);
    const last = v.clock.at.toISOString();
    await v.api.call('share:writeList', {
      review: partnerReview(v, {
        fields: ['region'],
        choices: [
          { personId: v.ids.anna, decision: 'codename' },
          { personId: v.ids.boris, decision: 'codename' },
          { personId: v.ids.clara, decision: 'withheld' },
        ],
      }),
      destination: { path: join(v.out, 'codenames.csv') },
    });
    const knows = async (personId: number) =>
      (await v.api.call('disclosures:outsideKnowledge', { personId })).recipients;
    expect(await knows(v.ids.anna)).toEqual([
      {
        recipientKind: 'partner',
        partnerId: v.partnerId,
        recipientLabel: PARTNER,
        firstAt: first,
        lastAt: last,
        knowsName: true,
        fields: [...SHARE_FIELDS],
        disclosures: 2,
      },
    ]);
    expect(await knows(v.ids.boris)).toEqual([
      {
        recipientKind: 'partner',
        partnerId: v.partnerId,
        recipientLabel: PARTNER,
        firstAt: first,
        lastAt: last,
        knowsName: false,
        fields: ['sphere', 'region'],
        disclosures: 2,
      },
    ]);
    // Withheld twice: the partner was given nothing about her.
    expect(await knows(v.ids.clara)).toEqual([]);
    const { id: dora } = await v.api.call('persons:create', { fullName: 'Dora Quinn' });
    expect(await knows(dora)).toEqual([]);
  });

  it('keeps what the own leadership was given apart: it is not outside knowledge', async () => {
    const v = await setup();
    const first = v.clock.at.toISOString();
    await writtenDossier(
      v,
      join(v.out, 'board.html'),
      partnerReview(v, {
        recipient: { kind: 'internal' },
        purpose: 'Board meeting',
        choices: [
          { personId: v.ids.anna, decision: 'named' },
          { personId: v.ids.boris, decision: 'codename' },
          { personId: v.ids.clara, decision: 'withheld' },
        ],
      }),
    );
    const board = (personId: number) => v.api.call('disclosures:outsideKnowledge', { personId });
    // Only the leadership has been given anything: no one outside knows.
    expect(await board(v.ids.anna)).toEqual({
      recipients: [],
      internal: {
        recipientKind: 'internal',
        partnerId: null,
        recipientLabel: 'internal',
        firstAt: first,
        lastAt: first,
        knowsName: true,
        fields: [...SHARE_FIELDS],
        disclosures: 1,
      },
    });
    expect((await board(v.ids.boris)).internal).toMatchObject({ knowsName: false });
    expect(await board(v.ids.clara)).toEqual({ recipients: [], internal: null });

    // Then a partner: outside, while the leadership stays apart.
    v.clock.advance(1);
    await writtenDossier(v, join(v.out, 'partner.html'));
    const anna = await board(v.ids.anna);
    expect(anna.recipients.map((recipient) => recipient.recipientKind)).toEqual(['partner']);
    expect(anna.internal?.disclosures).toBe(1);
  });
});

// -------------------------------------------------------------------------------------------

describe('copying a name to the clipboard', () => {
  /** The system clipboard, asynchronous like Electron's. */
  function fakeClipboard(): ClipboardPort & { text: string } {
    const clipboard = {
      text: 'what the user had',
      writeText(text: string) {
        clipboard.text = text;
        return Promise.resolve();
      },
      readText() {
        return Promise.resolve(clipboard.text);
      },
    };
    return clipboard;
  }

  it('copies, asks for high risk, clears after 30 s unless replaced, and on lock', async () => {
    expect(CLIPBOARD_CLEAR_SECONDS).toBe(30);
    const clipboard = fakeClipboard();
    const v = await setup({ clipboard });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      expect(await v.api.call('clipboard:copyName', { personId: v.ids.anna })).toEqual({
        riskLevel: 'low',
        clearAfterSeconds: 30,
      });
      expect(clipboard.text).toBe('Anna Smith');
      await vi.advanceTimersByTimeAsync(29_999);
      expect(clipboard.text).toBe('Anna Smith');
      await vi.advanceTimersByTimeAsync(1);
      expect(clipboard.text).toBe('');

      clipboard.text = 'the user’s own text';
      const error = errorOf(await v.api.raw('clipboard:copyName', { personId: v.ids.clara }));
      expect(error?.code).toBe('COPY_NEEDS_CONFIRMATION');
      expect(error?.details).toMatchObject({ codename: v.codenames.clara });
      if (error) expect(expectSentence(error).en).toContain(v.codenames.clara);
      expect(clipboard.text).toBe('the user’s own text');

      expect(
        await v.api.call('clipboard:copyName', { personId: v.ids.clara, confirmed: true }),
      ).toEqual({ riskLevel: 'critical', clearAfterSeconds: 30 });
      expect(clipboard.text).toBe('Clara Weiss');
      await vi.advanceTimersByTimeAsync(10_000);
      // The user copies something else: it is theirs, and stays.
      clipboard.text = 'a phone number';
      await vi.advanceTimersByTimeAsync(30_000);
      expect(clipboard.text).toBe('a phone number');
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }

    // Locking clears it at once, without waiting for the 30 seconds.
    expect(await v.api.call('clipboard:copyName', { personId: v.ids.boris })).toEqual({
      riskLevel: 'moderate',
      clearAfterSeconds: 30,
    });
    expect(clipboard.text).toBe('Boris Orlov');
    await v.api.call('vault:lock', {});
    expect(clipboard.text).toBe('');

    await v.api.call('vault:unlock', { path: v.api.path, secret: { passphrase: PASSPHRASE } });
    const copies = (await auditEntries(v.api)).filter((e) => e.action === 'person.name-copied');
    expect(copies.map((e) => [e.subject, e.detail])).toEqual([
      [v.codenames.boris, { riskLevel: 'moderate', confirmed: false }],
      [v.codenames.clara, { riskLevel: 'critical', confirmed: true }],
      [v.codenames.anna, { riskLevel: 'low', confirmed: false }],
    ]);
    const text = JSON.stringify(copies);
    for (const word of NAME_WORDS) expect(text).not.toContain(word);
  });

  it('without a clipboard → CLIPBOARD_UNAVAILABLE', async () => {
    const v = await setup();
    const error = errorOf(await v.api.raw('clipboard:copyName', { personId: v.ids.anna }));
    expect(error?.code).toBe('CLIPBOARD_UNAVAILABLE');
    if (error) expectSentence(error);
    expect((await auditEntries(v.api)).map((e) => e.action)).not.toContain('person.name-copied');
  });
});

// -------------------------------------------------------------------------------------------

describe('the audit trail of shares', () => {
  it('names codenames only, in both vaults', async () => {
    const a = await setup();
    const b = await openTestVault(tempDir());
    await a.api.call('partners:setShareKey', {
      id: a.partnerId,
      publicKey: (await b.call('share:ownKey', {})).publicKey,
    });
    const path = join(a.out, 'p.confidant-share');
    const written = await a.api.call('share:writePackage', {
      review: partnerReview(a),
      seal: 'partner-key',
      destination: { path },
    });
    await writtenDossier(
      a,
      join(a.out, 'named.html'),
      partnerReview(a, {
        choices: [
          { personId: a.ids.anna, decision: 'named' },
          {
            personId: a.ids.boris,
            decision: 'named',
            override: { justification: GOOD_JUSTIFICATION, typedCodename: a.codenames.boris },
          },
        ],
      }),
    );
    const imported = await b.call('share:importPackage', packageFile(path));

    const aEntries = await auditEntries(a.api);
    const shareWritten = aEntries.filter((e) => e.action === 'share.written');
    expect(shareWritten.map((e) => e.detail)).toEqual([
      {
        disclosure: written.disclosureId + 1,
        output: 'html',
        recipientKind: 'partner',
        persons: [`${a.codenames.anna}: named`, `${a.codenames.boris}: named`],
        overrides: 1,
      },
      {
        disclosure: written.disclosureId,
        output: 'package',
        seal: 'partner-key',
        recipientKind: 'partner',
        persons: [
          `${a.codenames.anna}: named`,
          `${a.codenames.boris}: codename`,
          `${a.codenames.clara}: withheld`,
        ],
        overrides: 0,
      },
    ]);
    const bEntries = await auditEntries(b);
    const shareImported = bEntries.filter((e) => e.action === 'share.imported');
    expect(shareImported.map((e) => e.detail)).toEqual([
      {
        received: imported.receivedId,
        sender: REVIEWER,
        verified: false,
        persons: [a.codenames.anna, a.codenames.boris],
      },
    ]);
    for (const entries of [aEntries, bEntries]) {
      for (const entry of entries) {
        const json = JSON.stringify(entry);
        for (const word of NAME_WORDS) expect(json, entry.action).not.toContain(word);
      }
    }
  });
});

describe('found in review', () => {
  it('leaves out a note that also concerns someone not named here, and says so', async () => {
    const v = await setup();
    await v.api.call('notes:create', {
      occurredOn: '2026-03-03',
      kind: 'meeting',
      personIds: [v.ids.anna, v.ids.clara],
      title: 'Lunch with Anna and Clara Weiss',
      body: 'Clara Weiss said her chief suspects her.',
    });
    await v.api.call('notes:create', {
      occurredOn: '2026-03-04',
      kind: 'meeting',
      personIds: [v.ids.anna, v.ids.boris],
      title: 'Seminar with Boris Orlov',
      body: 'Boris Orlov spoke.',
    });
    const path = join(v.out, 'd.html');
    await writtenDossier(v, path);
    const text = readText(path);
    expect(text).not.toContain('Clara Weiss');
    expect(text).not.toContain('Boris Orlov');
    expect(text).toContain('Open note on anna');
    expect(text).toContain(
      '2 notes that also concern persons not named in this document were not included.',
    );
    // Named together, the note about both goes out.
    const both = join(v.out, 'both.html');
    await v.api.call('share:writeDossier', {
      review: partnerReview(v, {
        choices: [
          { personId: v.ids.anna, decision: 'named' },
          {
            personId: v.ids.boris,
            decision: 'named',
            override: {
              justification: 'He asked us to introduce him to the partner.',
              typedCodename: v.codenames.boris,
            },
          },
        ],
      }),
      format: 'html',
      destination: { path: both },
    });
    expect(readText(both)).toContain('Boris Orlov spoke.');
    expect(readText(both)).not.toContain('Clara Weiss');
  });

  it('refuses an export over the vault or one of its copies: EXPORT_OVER_VAULT', async () => {
    const v = await setup();
    for (const path of [v.api.path, `${v.api.path}.1`, `${v.api.path}.lock`]) {
      await refused(v.api, 'EXPORT_OVER_VAULT', () =>
        writeDossier(v, path, partnerReview(v), { replaceExisting: true }),
      );
    }
  });

  it('makes no share key for a package the gate refuses', async () => {
    const other = await setup();
    const v = await setup();
    const { publicKey } = await other.api.call('share:ownKey', {});
    await v.api.call('partners:setShareKey', { id: v.partnerId, publicKey });
    const path = join(v.out, 'p.confidant-share');
    await refused(
      v.api,
      'SHARE_OVERRIDE_NEEDS_JUSTIFICATION',
      () =>
        v.api.raw('share:writePackage', {
          review: partnerReview(v, {
            choices: [{ personId: v.ids.boris, decision: 'named' }],
          }),
          seal: 'partner-key',
          destination: { path },
        }),
      { destination: path, folder: v.out },
    );
    expect(await countAudit(v.api, 'share.key-created')).toBe(0);
  });

  it('says names were replaced by codenames even when no identifying field was chosen', async () => {
    const v = await setup();
    const path = join(v.out, 'region.html');
    await writtenDossier(v, path, partnerReview(v, { fields: ['region'] }));
    expect(readText(path)).toContain('The name of 1 person was replaced by a codename');
  });
});
