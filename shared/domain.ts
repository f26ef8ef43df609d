/**
 * The domain's words (DOMAIN.md, "Entities") as closed lists, and the shape of every record
 * the user can write, as zod schemas. The IPC contract, the forms (react-hook-form's zod
 * resolver) and the CSV import all validate with these same schemas, so a rule is written
 * once; the SQL tables repeat the limits as CHECK constraints (db/migrations/0002_domain.sql)
 * so that even a bug in the core cannot store what the schemas refuse.
 */
import { z } from 'zod';

export const SPHERES = [
  'judiciary',
  'military_courts',
  'police',
  'prosecution',
  'migration',
  'juvenile_justice',
  'armed_forces',
  'police_education',
  'legislature',
  'executive',
  'international_organisation',
  'other',
] as const;
export type Sphere = (typeof SPHERES)[number];

/** The pipeline, in order, then the stages off it. */
export const PIPELINE_STAGES = [
  'watching',
  'vetting',
  'approach_planned',
  'in_contact',
  'collaborating',
  'partner',
] as const;
export const OFF_PIPELINE_STAGES = ['dormant', 'moved_on', 'closed'] as const;
export const STAGES = [...PIPELINE_STAGES, ...OFF_PIPELINE_STAGES] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Stages in which we are in touch with the person, so they can open a door to someone else:
 * the start of a "route in" on the person page and on the map.
 */
export const IN_TOUCH_STAGES: readonly Stage[] = [
  'in_contact',
  'collaborating',
  'partner',
  'moved_on',
];

/** Why a relationship was closed (DOMAIN.md: cynic, hostile, unresponsive). */
export const CLOSED_REASONS = ['cynic', 'hostile', 'unresponsive'] as const;

export const REFORM_ORIENTATIONS = [
  'reformer',
  'pragmatic',
  'unknown',
  'status_quo',
  'hostile',
] as const;

/** Ordered from least to most: a recipient needs consent at least of its kind. */
export const CONSENT_LEVELS = ['not_asked', 'internal', 'trusted_partners', 'public'] as const;
export type Consent = (typeof CONSENT_LEVELS)[number];

/**
 * A risk assessment's level, from least to most (shared/risk.ts computes it). Here rather than
 * in risk.ts because the people list's rows (records.ts, which risk.ts imports) show it.
 */
export const RISK_LEVELS = ['low', 'moderate', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * How two persons are related, read "FROM is KIND TO": "A subordinate_of B". The core stores
 * superior_of as subordinate_of the other way round, so every query has one direction to read.
 */
export const RELATIONSHIP_KINDS = [
  'introduced_by',
  'subordinate_of',
  'superior_of',
  'colleague',
  'knows',
  'influences',
] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];
export const STORED_RELATIONSHIP_KINDS = RELATIONSHIP_KINDS.filter(
  (kind): kind is Exclude<RelationshipKind, 'superior_of'> => kind !== 'superior_of',
);
/** Kinds that read the same both ways. */
export const SYMMETRIC_RELATIONSHIP_KINDS: readonly RelationshipKind[] = ['colleague', 'knows'];

export const NOTE_KINDS = [
  'meeting',
  'seminar',
  'conference',
  'reception',
  'letter_sent',
  'letter_received',
  'call',
  'court_hearing',
  'public_statement',
  'trip',
  'materials',
  'introduction',
] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** The stance of an observed public statement towards reform and civic initiatives. */
export const STANCES = ['supportive', 'mixed', 'neutral', 'opposed'] as const;

export const OFFER_KINDS = [
  'international_seminar',
  'domestic_seminar',
  'internship',
  'study_trip',
  'translation',
  'training_materials',
  'introduction',
  'funding',
  'legal_support',
] as const;
export const OFFER_STATUSES = ['idea', 'proposed', 'accepted', 'done', 'declined'] as const;

export const PARTNER_KINDS = ['international', 'domestic'] as const;
export const PARTNER_TRUST = ['high', 'medium', 'low'] as const;

/** Field limits, shared by schemas, SQL CHECKs and the forms' counters. */
export const LIMITS = {
  name: 200,
  codename: 60,
  codenameMin: 2,
  short: 200,
  tag: 40,
  tags: 20,
  text: 5000,
  longText: 20000,
  noteBody: 100_000,
  personsPerNote: 50,
} as const;

export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A calendar date, YYYY-MM-DD, that exists (no 31 April). */
export const isoDate = z.iso.date();

const text = (max: number) => z.string().trim().max(max);
const optionalDate = isoDate.nullable();

export const codename = z
  .string()
  .trim()
  .min(LIMITS.codenameMin)
  .max(LIMITS.codename)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, 'letters, digits, spaces, dots, dashes');

/**
 * A codename as compared: NFC, trimmed, spaces collapsed, lower case in any script. Codenames
 * are unique by this key, and typing a codename to confirm is checked against it.
 */
export function codenameKey(codename: string): string {
  return codename.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('und');
}

export const tag = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.tag)
  .regex(/^[^,;]+$/u, 'no commas');

export const personFields = z.strictObject({
  fullName: text(LIMITS.name).min(1),
  /** Omitted on create: the core generates one. */
  codename: codename.optional(),
  position: text(LIMITS.short).default(''),
  rank: text(LIMITS.short).default(''),
  agencyId: id.nullable().default(null),
  unit: text(LIMITS.short).default(''),
  sphere: z.enum(SPHERES).default('other'),
  region: text(LIMITS.short).default(''),
  stage: z.enum(STAGES).default('watching'),
  closedReason: z.enum(CLOSED_REASONS).nullable().default(null),
  professionalism: z.number().int().min(1).max(5).nullable().default(null),
  influence: z.number().int().min(1).max(5).nullable().default(null),
  reformOrientation: z.enum(REFORM_ORIENTATIONS).default('unknown'),
  sincerityConcern: text(LIMITS.text).default(''),
  needs: text(LIMITS.text).default(''),
  consent: z.enum(CONSENT_LEVELS).default('not_asked'),
  owner: text(LIMITS.short).default(''),
  nextFollowUp: optionalDate.default(null),
  tags: z.array(tag).max(LIMITS.tags).default([]),
  about: text(LIMITS.longText).default(''),
});
export type PersonFields = z.output<typeof personFields>;
export type PersonFieldsInput = z.input<typeof personFields>;

export const agencyFields = z.strictObject({
  name: text(LIMITS.name).min(1),
  sphere: z.enum(SPHERES).default('other'),
  region: text(LIMITS.short).default(''),
  parentId: id.nullable().default(null),
  admittedProblems: text(LIMITS.longText).default(''),
  publicComplaints: text(LIMITS.longText).default(''),
  commonInterest: text(LIMITS.longText).default(''),
});
export type AgencyFields = z.output<typeof agencyFields>;

export const partnerFields = z.strictObject({
  name: text(LIMITS.name).min(1),
  country: text(LIMITS.short).default(''),
  kind: z.enum(PARTNER_KINDS).default('international'),
  themes: text(LIMITS.text).default(''),
  trust: z.enum(PARTNER_TRUST).default('medium'),
  notes: text(LIMITS.longText).default(''),
});
export type PartnerFields = z.output<typeof partnerFields>;

export const relationshipFields = z.strictObject({
  fromPersonId: id,
  toPersonId: id,
  kind: z.enum(RELATIONSHIP_KINDS),
  note: text(LIMITS.text).default(''),
});
export type RelationshipFields = z.output<typeof relationshipFields>;

export const noteFields = z.strictObject({
  occurredOn: isoDate,
  kind: z.enum(NOTE_KINDS),
  /** At least one: a note is always about someone. */
  personIds: z.array(id).min(1).max(LIMITS.personsPerNote),
  title: text(LIMITS.short).default(''),
  body: z.string().max(LIMITS.noteBody).default(''),
  askedFor: text(LIMITS.text).default(''),
  offered: text(LIMITS.text).default(''),
  followUpOn: optionalDate.default(null),
  restricted: z.boolean().default(false),
  /** Public statements only: where it was said, and which way it leans. */
  source: text(LIMITS.short).default(''),
  stance: z.enum(STANCES).nullable().default(null),
});
export type NoteFields = z.output<typeof noteFields>;

export const offerFields = z.strictObject({
  personId: id,
  kind: z.enum(OFFER_KINDS),
  partnerId: id.nullable().default(null),
  status: z.enum(OFFER_STATUSES).default('idea'),
  description: text(LIMITS.text).default(''),
  proposedOn: optionalDate.default(null),
  completedOn: optionalDate.default(null),
  outcome: text(LIMITS.text).default(''),
});
export type OfferFields = z.output<typeof offerFields>;

/** Today as YYYY-MM-DD in local time (follow-ups are calendar days, not instants). */
export function localDate(date: Date): string {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
