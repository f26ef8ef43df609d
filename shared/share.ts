/**
 * What crosses IPC for the risk review and the outputs behind it (issue 6): the review a
 * leader reads, the decisions they send back, the outputs (dossier, list, share package),
 * the disclosure log, share keys and received packages. The rules themselves are in
 * share-review.ts; the core re-runs them on every export (the gate), whatever the screen said.
 */
import { z } from 'zod';
import { CONSENT_LEVELS, id, isoDate, SPHERES, STAGES } from './domain.ts';
import { MITIGATIONS, REVIEW_STATES, RISK_LEVELS } from './risk.ts';
import { RECIPIENT_KINDS, SHARE_DECISIONS, SHARE_REASONS } from './share-review.ts';

const timestamp = z.string().max(40);
const text = (max: number) => z.string().trim().max(max);

/**
 * What may go out about a person besides who they are. "Identifying" fields can point to one
 * person as surely as a name (the head of a named court, a note about a meeting): for a person
 * shown by codename they are left out, whatever was ticked (docs/risk-matrix.md).
 */
export const SHARE_FIELDS = ['sphere', 'region', 'position', 'agency', 'about', 'notes'] as const;
export type ShareField = (typeof SHARE_FIELDS)[number];
export const IDENTIFYING_FIELDS: readonly ShareField[] = ['position', 'agency', 'about', 'notes'];

/** The longest publication title, purpose and reviewer's name a share accepts (the window says them too). */
export const MAX_SHARE_TITLE = 200;
export const MAX_SHARE_PURPOSE = 500;
export const MAX_REVIEWED_BY = 200;

/** Who receives: internal leadership, a partner organisation (by id), or a publication. */
export const shareRecipient = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('internal') }),
  z.strictObject({ kind: z.literal('partner'), partnerId: id }),
  z.strictObject({ kind: z.literal('publication'), title: text(MAX_SHARE_TITLE).min(1) }),
]);
export type ShareRecipient = z.output<typeof shareRecipient>;

export const MAX_SHARE_PERSONS = 200;
export const MAX_JUSTIFICATION = 2000;

export const shareReviewQuery = z.strictObject({
  recipient: shareRecipient,
  personIds: z.array(id).min(1).max(MAX_SHARE_PERSONS),
});

/** One earlier output to the same recipient that carried this person. */
export const priorDisclosure = z.strictObject({
  disclosureId: id,
  at: timestamp,
  decision: z.enum(SHARE_DECISIONS),
  purpose: z.string(),
  fields: z.array(z.enum(SHARE_FIELDS)),
});
export type PriorDisclosure = z.output<typeof priorDisclosure>;

export const reviewCandidate = z.strictObject({
  personId: id,
  codename: z.string(),
  fullName: z.string(),
  stage: z.enum(STAGES),
  riskLevel: z.enum(RISK_LEVELS).nullable(),
  assessmentVersion: z.number().int().min(1).nullable(),
  assessedOn: isoDate.nullable(),
  /** Whole days since the assessment; null when never assessed. */
  assessmentAgeDays: z.number().int().min(0).nullable(),
  reviewDueOn: isoDate.nullable(),
  reviewState: z.enum(REVIEW_STATES).nullable(),
  consent: z.enum(CONSENT_LEVELS),
  consentNeeded: z.enum(CONSENT_LEVELS),
  mitigations: z.array(z.enum(MITIGATIONS)),
  decision: z.enum(SHARE_DECISIONS),
  reasons: z.array(z.enum(SHARE_REASONS)),
  /** Restricted notes about this person: they never leave, with no override. */
  restrictedNotes: z.number().int().min(0),
  /** What this recipient already received about the person, newest first. */
  alreadyKnown: z.array(priorDisclosure),
});
export type ReviewCandidate = z.output<typeof reviewCandidate>;

export const shareReview = z.strictObject({
  recipientLabel: z.string(),
  today: isoDate,
  candidates: z.array(reviewCandidate),
});
export type ShareReview = z.output<typeof shareReview>;

/** A leader's choice for one person; opening up the rules' decision needs `override`. */
export const shareChoice = z.strictObject({
  personId: id,
  decision: z.enum(SHARE_DECISIONS),
  override: z
    .strictObject({
      justification: z.string().max(MAX_JUSTIFICATION),
      typedCodename: z.string().max(100),
    })
    .nullable()
    .default(null),
});
export type ShareChoice = z.output<typeof shareChoice>;
export type ShareChoiceInput = z.input<typeof shareChoice>;

/**
 * The reviewed request every export channel carries: the gate re-reads each person, re-runs
 * the rules and checks each override before a byte is written.
 */
export const reviewedShare = z.strictObject({
  recipient: shareRecipient,
  purpose: text(MAX_SHARE_PURPOSE).min(1),
  /** The leader who reviewed (the disclosure log names them). */
  reviewedBy: text(MAX_REVIEWED_BY).min(1),
  fields: z.array(z.enum(SHARE_FIELDS)).max(SHARE_FIELDS.length),
  choices: z.array(shareChoice).min(1).max(MAX_SHARE_PERSONS),
});
export type ReviewedShare = z.output<typeof reviewedShare>;
export type ReviewedShareInput = z.input<typeof reviewedShare>;

const MAX_PATH = 4096;
/** Where an output goes: a file outside the vault, chosen by the user. */
export const exportDestination = z.strictObject({
  path: z
    .string()
    .min(1)
    .max(MAX_PATH)
    .refine(
      (path) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\'),
      { message: 'not an absolute path' },
    ),
  /** The native save dialog already asked whether to replace an existing file. */
  replaceExisting: z.boolean().default(false),
});

export const OUTPUT_KINDS = ['html', 'pdf', 'csv', 'package'] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

export const shareWritten = z.strictObject({
  disclosureId: id,
  path: z.string(),
  named: z.number().int().min(0),
  codename: z.number().int().min(0),
  withheld: z.number().int().min(0),
  /** Package sealed to a one-time passphrase: shown once, to be sent by another channel. */
  oneTimePassphrase: z.string().nullable(),
});
export type ShareWritten = z.output<typeof shareWritten>;

/** Packages are sealed to a partner's share key, or to a one-time passphrase. */
export const packageSeal = z.enum(['partner-key', 'passphrase']);

/** One person in the disclosure log. */
export const disclosedPerson = z.strictObject({
  personId: id.nullable(),
  codename: z.string(),
  decision: z.enum(SHARE_DECISIONS),
  ruled: z.enum(SHARE_DECISIONS),
  reasons: z.array(z.enum(SHARE_REASONS)),
  riskLevel: z.enum(RISK_LEVELS).nullable(),
  assessmentVersion: z.number().int().min(1).nullable(),
  reviewState: z.enum(REVIEW_STATES).nullable(),
  consent: z.enum(CONSENT_LEVELS),
  fields: z.array(z.enum(SHARE_FIELDS)),
  overrideJustification: z.string().nullable(),
});
export type DisclosedPerson = z.output<typeof disclosedPerson>;

export const disclosure = z.strictObject({
  id,
  at: timestamp,
  recipientKind: z.enum(RECIPIENT_KINDS),
  partnerId: id.nullable(),
  /** The recipient as named at that moment (a partner renamed later keeps its old name here). */
  recipientLabel: z.string(),
  purpose: z.string(),
  reviewedBy: z.string(),
  output: z.enum(OUTPUT_KINDS),
  seal: packageSeal.nullable(),
  fileName: z.string(),
  persons: z.array(disclosedPerson),
});
export type Disclosure = z.output<typeof disclosure>;

export const disclosureQuery = z.strictObject({
  personId: id.nullable().default(null),
  partnerId: id.nullable().default(null),
  limit: z.number().int().min(1).max(500).default(200),
  offset: z.number().int().min(0).default(0),
});
export type DisclosureQueryInput = z.input<typeof disclosureQuery>;

export const disclosurePage = z.strictObject({
  disclosures: z.array(disclosure),
  total: z.number().int().min(0),
});
export type DisclosurePage = z.output<typeof disclosurePage>;

/** "Who outside knows": per recipient, what they received about one person and when. */
export const outsideKnowledge = z.strictObject({
  recipientKind: z.enum(RECIPIENT_KINDS),
  partnerId: id.nullable(),
  recipientLabel: z.string(),
  firstAt: timestamp,
  lastAt: timestamp,
  /** The most open decision any output to them carried (named beats codename). */
  knowsName: z.boolean(),
  fields: z.array(z.enum(SHARE_FIELDS)),
  disclosures: z.number().int().min(1),
});
export type OutsideKnowledge = z.output<typeof outsideKnowledge>;

/** The vault's own share key, as text to send and a fingerprint to read out on the phone. */
export const shareKey = z.strictObject({
  publicKey: z.string(),
  fingerprint: z.string(),
  createdAt: timestamp,
});
export type ShareKey = z.output<typeof shareKey>;

export const MAX_PACKAGE_BYTES = 20 * 1024 * 1024;
export const packageFile = z.strictObject({
  fileName: z.string().min(1).max(255),
  base64: z.string().max(Math.ceil(MAX_PACKAGE_BYTES / 3) * 4 + 4),
  /** For a package sealed to a one-time passphrase. */
  passphrase: z.string().max(200).nullable().default(null),
});
export type PackageFileInput = z.input<typeof packageFile>;

/** One person as a package carries them (what the sender's review let out). */
export const packagedPerson = z.strictObject({
  codename: text(60).min(2),
  /** Null when the sender shared the codename only. */
  fullName: text(200).min(1).nullable(),
  sphere: z.enum(SPHERES).nullable(),
  region: text(200).nullable(),
  position: text(200).nullable(),
  agency: text(200).nullable(),
  about: z.string().max(20000).nullable(),
  notes: z
    .array(z.strictObject({ occurredOn: isoDate, title: text(200), body: z.string().max(100000) }))
    .max(500)
    .nullable(),
});
export type PackagedPerson = z.output<typeof packagedPerson>;

export const packagePreview = z.strictObject({
  /** Who sealed it: a partner whose key we hold, an unknown key, or a passphrase (unverified). */
  sender: z.strictObject({
    verified: z.boolean(),
    fingerprint: z.string().nullable(),
    partnerId: id.nullable(),
    partnerName: z.string().nullable(),
    /** The sending organisation as it named itself (not verified by itself). */
    label: z.string(),
  }),
  createdAt: timestamp,
  purpose: z.string(),
  persons: z.array(
    packagedPerson.extend({
      /** A person already in this vault with the same codename. */
      match: z.strictObject({ personId: id, codename: z.string() }).nullable(),
    }),
  ),
  withheldCount: z.number().int().min(0),
  alreadyImportedAt: timestamp.nullable(),
});
export type PackagePreview = z.output<typeof packagePreview>;

export const receivedPackage = z.strictObject({
  id,
  importedAt: timestamp,
  createdAt: timestamp,
  senderLabel: z.string(),
  senderFingerprint: z.string().nullable(),
  partnerId: id.nullable(),
  purpose: z.string(),
  persons: z.number().int().min(0),
  created: z.number().int().min(0),
  matched: z.number().int().min(0),
});
export type ReceivedPackage = z.output<typeof receivedPackage>;
