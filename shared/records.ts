/**
 * What the core sends back for the domain screens, as zod schemas (dispatch checks every
 * answer against them). Inputs are in domain.ts; these add ids, timestamps and the joined
 * names a screen needs so that it never has to ask twice.
 */
import { z } from 'zod';
import {
  agencyFields,
  CONSENT_LEVELS,
  id,
  isoDate,
  NOTE_KINDS,
  noteFields,
  offerFields,
  partnerFields,
  personFields,
  RELATIONSHIP_KINDS,
  RISK_LEVELS,
  SPHERES,
  STAGES,
  tag,
} from './domain.ts';

const timestamp = z.string().max(40);
const stage = z.enum(STAGES);

export const personRef = z.strictObject({
  id,
  codename: z.string(),
  fullName: z.string(),
  stage,
});
export type PersonRef = z.output<typeof personRef>;

export const personListRow = z.strictObject({
  id,
  codename: z.string(),
  fullName: z.string(),
  position: z.string(),
  agencyId: id.nullable(),
  agencyName: z.string().nullable(),
  sphere: z.enum(SPHERES),
  region: z.string(),
  stage,
  consent: z.enum(CONSENT_LEVELS),
  owner: z.string(),
  nextFollowUp: isoDate.nullable(),
  tags: z.array(z.string()),
  archived: z.boolean(),
  /** The level of the person's latest risk assessment; null when never assessed. */
  riskLevel: z.enum(RISK_LEVELS).nullable(),
});
export type PersonListRow = z.output<typeof personListRow>;

export const PERSON_SORTS = [
  'name',
  'codename',
  'stage',
  'agency',
  'risk',
  'followUp',
  'updated',
] as const;
export type PersonSort = (typeof PERSON_SORTS)[number];
export const ARCHIVE_FILTERS = ['active', 'archived', 'all'] as const;
/** The risk filter's choices: a level of the latest assessment, or never assessed. */
export const RISK_FILTERS = [...RISK_LEVELS, 'unassessed'] as const;
export type RiskFilter = (typeof RISK_FILTERS)[number];

/** Rows in one page of the people list unless asked otherwise, and the most one page holds. */
export const PERSON_PAGE = 100;
export const MAX_PERSON_PAGE = 200;
/**
 * The most one page of the people list weighs as JSON (UTF-8): the core ends a page early
 * rather than pass this, whatever the rows hold (issue 15: no answer over ~256 KB).
 */
export const PERSON_PAGE_BYTES = 192 * 1024;

export const personQuery = z.strictObject({
  text: z.string().max(200).default(''),
  spheres: z.array(z.enum(SPHERES)).max(SPHERES.length).default([]),
  stages: z.array(stage).max(STAGES.length).default([]),
  agencyIds: z.array(id).max(200).default([]),
  regions: z.array(z.string().max(200)).max(200).default([]),
  owners: z.array(z.string().max(200)).max(200).default([]),
  consents: z.array(z.enum(CONSENT_LEVELS)).max(CONSENT_LEVELS.length).default([]),
  tags: z.array(tag).max(50).default([]),
  /** Only persons whose next follow-up is today or earlier. */
  followUpDue: z.boolean().default(false),
  archived: z.enum(ARCHIVE_FILTERS).default('active'),
  riskLevels: z.array(z.enum(RISK_FILTERS)).max(RISK_FILTERS.length).default([]),
  sort: z.enum(PERSON_SORTS).default('name'),
  /** Descending: Z to A, latest first, highest risk first. Persons without a value stay last. */
  descending: z.boolean().default(false),
  /** At most this many rows (fewer when they would weigh more than PERSON_PAGE_BYTES). */
  limit: z.number().int().min(1).max(MAX_PERSON_PAGE).default(PERSON_PAGE),
  /**
   * Where the page starts: the `nextCursor` of the page before, with the same filters and
   * sort; null for the first page. Opaque: only the core reads it.
   */
  after: z.string().max(2000).nullable().default(null),
});
export type PersonQuery = z.output<typeof personQuery>;
export type PersonQueryInput = z.input<typeof personQuery>;

/** One page of the people list (persons:list). */
export const personListPage = z.strictObject({
  rows: z.array(personListRow).max(MAX_PERSON_PAGE),
  /** How many persons match the search and filters (on every page, not only this one). */
  total: z.number().int().min(0),
  /** How many persons the vault holds, archived or not, whatever the filters. */
  inVault: z.number().int().min(0),
  /** Where the next page starts (the query's `after`), or null when this page is the last. */
  nextCursor: z.string().max(2000).nullable(),
});
export type PersonListPage = z.output<typeof personListPage>;

export const person = personFields.extend({
  id,
  codename: z.string(),
  agencyName: z.string().nullable(),
  archivedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Person = z.output<typeof person>;

export const note = noteFields.omit({ personIds: true }).extend({
  id,
  persons: z.array(personRef),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Note = z.output<typeof note>;

export const offer = offerFields.extend({
  id,
  partnerName: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Offer = z.output<typeof offer>;

/**
 * A relationship seen from one person: what the other person is to them. `superior` means
 * "the other is this person's superior"; `introducer` means "the other introduced us to them".
 */
export const RELATIONSHIP_ROLES = [
  'introducer',
  'introduced',
  'superior',
  'subordinate',
  'colleague',
  'knows',
  'influencer',
  'influenced',
] as const;
export type RelationshipRole = (typeof RELATIONSHIP_ROLES)[number];

export const relationshipView = z.strictObject({
  id,
  role: z.enum(RELATIONSHIP_ROLES),
  kind: z.enum(RELATIONSHIP_KINDS),
  other: personRef,
  note: z.string(),
});
export type RelationshipView = z.output<typeof relationshipView>;

export const timelineEntry = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('note'), at: isoDate, note }),
  z.strictObject({
    type: z.literal('stage'),
    at: timestamp,
    from: stage.nullable(),
    to: stage,
  }),
]);
export type TimelineEntry = z.output<typeof timelineEntry>;

export const personPage = z.strictObject({
  person,
  timeline: z.array(timelineEntry),
  /** Notes about this person beyond those in `timeline` (the page shows the newest). */
  olderNotes: z.number().int().min(0),
  offers: z.array(offer),
  relationships: z.array(relationshipView),
  /** Ways in, from the people we already know: the answer to "which route in?". */
  routes: z.strictObject({
    throughSubordinates: z.array(personRef),
    throughSuperiors: z.array(personRef),
    introducedBy: z.array(personRef),
  }),
  /** Colleagues in the same agency we know, beyond explicit relationships. */
  sameAgency: z.array(personRef),
});
export type PersonPage = z.output<typeof personPage>;

export const agencyListRow = z.strictObject({
  id,
  name: z.string(),
  sphere: z.enum(SPHERES),
  region: z.string(),
  parentId: id.nullable(),
  parentName: z.string().nullable(),
  peopleCount: z.number().int().min(0),
});
export type AgencyListRow = z.output<typeof agencyListRow>;

export const agency = agencyFields.extend({
  id,
  parentName: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Agency = z.output<typeof agency>;

export const agencyPage = z.strictObject({
  agency,
  children: z.array(z.strictObject({ id, name: z.string() })),
  people: z.array(personRef.extend({ position: z.string() })),
});
export type AgencyPage = z.output<typeof agencyPage>;

export const partner = partnerFields.extend({
  id,
  offersCount: z.number().int().min(0),
  /** Their public share key's fingerprint, once they sent it (packages are sealed to it). */
  shareKeyFingerprint: z.string().nullable(),
  shareKeyAddedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Partner = z.output<typeof partner>;

export const facets = z.strictObject({
  owners: z.array(z.string()),
  regions: z.array(z.string()),
  tags: z.array(z.string()),
  agencies: z.array(z.strictObject({ id, name: z.string() })),
});
export type Facets = z.output<typeof facets>;

export const SEARCH_KINDS = ['person', 'agency', 'note'] as const;
export const searchHit = z.strictObject({
  kind: z.enum(SEARCH_KINDS),
  id,
  title: z.string(),
  /** The matching passage, split so the renderer can mark matches without HTML. */
  snippet: z.array(z.strictObject({ text: z.string(), match: z.boolean() })),
  restricted: z.boolean(),
  /** For a note: the first person it is about, to open their page. */
  personId: id.nullable(),
  /** For a note: every person it is about (name and codename); empty for other hits. */
  persons: z.array(personRef),
  noteKind: z.enum(NOTE_KINDS).nullable(),
  date: isoDate.nullable(),
});
export type SearchHit = z.output<typeof searchHit>;

export const graphNode = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('person'),
    id: z.string(),
    personId: id,
    codename: z.string(),
    fullName: z.string(),
    stage,
  }),
  z.strictObject({
    kind: z.literal('agency'),
    id: z.string(),
    agencyId: id,
    name: z.string(),
  }),
]);
export const graphEdge = z.strictObject({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  kind: z.union([z.enum(RELATIONSHIP_KINDS), z.literal('works_at')]),
});
/** The most persons one map shows: a map of thousands of dots shows no route to anyone. */
export const MAX_GRAPH_PERSONS = 300;

export const graph = z.strictObject({
  nodes: z.array(graphNode),
  edges: z.array(graphEdge),
  /** The map shows a neighbourhood; true when more persons are connected beyond it. */
  truncated: z.boolean(),
});
export type Graph = z.output<typeof graph>;
export type GraphNode = z.output<typeof graphNode>;

/**
 * The editable fields of a record, for an update: the update channels take exactly the
 * input schema (strict), not the record with its id, timestamps and joined names.
 */
export function editableFields<S extends z.ZodObject>(
  schema: S,
  record: Record<string, unknown>,
): z.input<S> {
  return Object.fromEntries(
    Object.keys(schema.shape)
      .filter((key) => key in record)
      .map((key) => [key, record[key]]),
  ) as z.input<S>;
}
