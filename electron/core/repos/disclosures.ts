/**
 * The disclosure log (disclosures + disclosure_persons): what left the vault, to whom, why,
 * and each person's risk, consent and decision at that moment. Append-only in the database
 * itself (migration 0005's triggers); this module only inserts and reads.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import type {
  DisclosedPerson,
  Disclosure,
  DisclosurePage,
  OutputKind,
  OutsideKnowledge,
  PriorDisclosure,
} from '../../../shared/share.ts';
import { OUTPUT_KINDS, packageSeal, SHARE_FIELDS } from '../../../shared/share.ts';
import {
  RECIPIENT_KINDS,
  SHARE_DECISIONS,
  SHARE_REASONS,
  type RecipientKind,
} from '../../../shared/share-review.ts';
import { CONSENT_LEVELS } from '../../../shared/domain.ts';
import { RISK_LEVELS, REVIEW_STATES } from '../../../shared/risk.ts';
import { jsonText, parseRow, parseRows } from './rows.ts';

export interface NewDisclosure {
  recipientKind: RecipientKind;
  partnerId: number | null;
  recipientLabel: string;
  purpose: string;
  reviewedBy: string;
  output: OutputKind;
  seal: 'partner-key' | 'passphrase' | null;
  fileName: string;
  persons: readonly DisclosedPerson[];
}

const recipientKind = z.enum(RECIPIENT_KINDS);
const decision = z.enum(SHARE_DECISIONS);
/** The shared fields, as a JSON array; names this version does not know are dropped. */
const sharedFields = jsonText(z.array(z.unknown())).transform((listed) =>
  SHARE_FIELDS.filter((field) => listed.includes(field)),
);

const disclosureRow = z.object({
  id: z.number(),
  at: z.string(),
  recipient_kind: recipientKind,
  partner_id: z.number().nullable(),
  recipient_label: z.string(),
  purpose: z.string(),
  reviewed_by: z.string(),
  output: z.enum(OUTPUT_KINDS),
  seal: packageSeal.nullable(),
  file_name: z.string(),
});

const personRow = z.object({
  disclosure_id: z.number(),
  person_id: z.number().nullable(),
  codename: z.string(),
  decision,
  ruled: decision,
  reasons: jsonText(z.array(z.enum(SHARE_REASONS))),
  risk_level: z.enum(RISK_LEVELS).nullable(),
  assessment_version: z.number().nullable(),
  review_state: z.enum(REVIEW_STATES).nullable(),
  consent: z.enum(CONSENT_LEVELS),
  fields: sharedFields,
  override_justification: z.string().nullable(),
});
type PersonRow = z.output<typeof personRow>;

export function insertDisclosure(db: Database, record: NewDisclosure, now: Date): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO disclosures (at, recipient_kind, partner_id, recipient_label, purpose,
           reviewed_by, output, seal, file_name)
         VALUES (@at, @recipientKind, @partnerId, @recipientLabel, @purpose, @reviewedBy,
           @output, @seal, @fileName)`,
      )
      .run({
        at: now.toISOString(),
        recipientKind: record.recipientKind,
        partnerId: record.partnerId,
        recipientLabel: record.recipientLabel,
        purpose: record.purpose,
        reviewedBy: record.reviewedBy,
        output: record.output,
        seal: record.seal,
        fileName: record.fileName,
      }).lastInsertRowid,
  );
  const insertPerson = db.prepare(
    `INSERT INTO disclosure_persons (disclosure_id, position, person_id, codename, decision,
       ruled, reasons, risk_level, assessment_version, review_state, consent, fields,
       override_justification)
     VALUES (@id, @position, @personId, @codename, @decision, @ruled, @reasons, @riskLevel,
       @assessmentVersion, @reviewState, @consent, @fields, @overrideJustification)`,
  );
  record.persons.forEach((person, position) => {
    insertPerson.run({
      id,
      position,
      personId: person.personId,
      codename: person.codename,
      decision: person.decision,
      ruled: person.ruled,
      reasons: JSON.stringify(person.reasons),
      riskLevel: person.riskLevel,
      assessmentVersion: person.assessmentVersion,
      reviewState: person.reviewState,
      consent: person.consent,
      fields: JSON.stringify(person.fields),
      overrideJustification: person.overrideJustification,
    });
  });
  return id;
}

function toPerson(row: PersonRow): DisclosedPerson {
  return {
    personId: row.person_id,
    codename: row.codename,
    decision: row.decision,
    ruled: row.ruled,
    reasons: row.reasons,
    riskLevel: row.risk_level,
    assessmentVersion: row.assessment_version,
    reviewState: row.review_state,
    consent: row.consent,
    fields: row.fields,
    overrideJustification: row.override_justification,
  };
}

/** Newest first; all, or those naming one person, or those to one partner. */
export function listDisclosures(
  db: Database,
  query: { personId: number | null; partnerId: number | null; limit: number; offset: number },
): DisclosurePage {
  const where = `WHERE (@partnerId IS NULL OR d.partner_id = @partnerId)
    AND (@personId IS NULL OR EXISTS (SELECT 1 FROM disclosure_persons dp
      WHERE dp.disclosure_id = d.id AND dp.person_id = @personId))`;
  const params = { personId: query.personId, partnerId: query.partnerId };
  const total = parseRow(
    z.number(),
    db.prepare(`SELECT count(*) FROM disclosures d ${where}`).pluck().get(params),
  );
  const rows = parseRows(
    disclosureRow,
    db
      .prepare(
        `SELECT d.* FROM disclosures d ${where} ORDER BY d.id DESC LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: query.limit, offset: query.offset }),
  );
  const persons = db.prepare(
    'SELECT * FROM disclosure_persons WHERE disclosure_id = ? ORDER BY position',
  );
  const disclosures: Disclosure[] = rows.map((row) => ({
    id: row.id,
    at: row.at,
    recipientKind: row.recipient_kind,
    partnerId: row.partner_id,
    recipientLabel: row.recipient_label,
    purpose: row.purpose,
    reviewedBy: row.reviewed_by,
    output: row.output,
    seal: row.seal,
    fileName: row.file_name,
    persons: parseRows(personRow, persons.all(row.id)).map(toPerson),
  }));
  return { disclosures, total };
}

/** The recipient a review is for, as the log stores it. */
export interface LoggedRecipient {
  kind: RecipientKind;
  partnerId: number | null;
  label: string;
}

/**
 * What this recipient already received about each person (withheld entries carried nothing):
 * a partner by id, a publication by title, internal leadership as a whole.
 */
export function priorDisclosures(
  db: Database,
  recipient: LoggedRecipient,
  personIds: readonly number[],
): Map<number, PriorDisclosure[]> {
  const rows = parseRows(
    z.object({
      person_id: z.number(),
      id: z.number(),
      at: z.string(),
      decision,
      purpose: z.string(),
      fields: sharedFields,
    }),
    db
      .prepare(
        `SELECT dp.person_id, d.id, d.at, dp.decision, d.purpose, dp.fields
       FROM disclosure_persons dp JOIN disclosures d ON d.id = dp.disclosure_id
       WHERE dp.person_id IN (SELECT value FROM json_each(@ids))
         AND dp.decision <> 'withheld' AND d.recipient_kind = @kind
         AND (@kind <> 'partner' OR d.partner_id = @partnerId)
         AND (@kind <> 'publication' OR d.recipient_label = @label)
       ORDER BY d.id DESC`,
      )
      .all({
        ids: JSON.stringify(personIds),
        kind: recipient.kind,
        partnerId: recipient.partnerId,
        label: recipient.label,
      }),
  );
  const byPerson = new Map<number, PriorDisclosure[]>();
  for (const row of rows) {
    const list = byPerson.get(row.person_id) ?? [];
    list.push({
      disclosureId: row.id,
      at: row.at,
      decision: row.decision,
      purpose: row.purpose,
      fields: row.fields,
    });
    byPerson.set(row.person_id, list);
  }
  return byPerson;
}

/**
 * Who was given anything about the person: `outside`, one line per recipient outside the
 * organisation (partners, publications), and apart from them `internal`, what the
 * organisation's own leadership was given (a dossier printed for a board meeting is not
 * "outside knowledge").
 */
export function knowledgeOf(
  db: Database,
  personId: number,
): { outside: OutsideKnowledge[]; internal: OutsideKnowledge | null } {
  const all = recipientsOf(db, personId);
  return {
    outside: all.filter((recipient) => recipient.recipientKind !== 'internal'),
    internal: all.find((recipient) => recipient.recipientKind === 'internal') ?? null,
  };
}

/** One line per recipient that was given anything about the person, newest first. */
function recipientsOf(db: Database, personId: number): OutsideKnowledge[] {
  const rows = parseRows(
    z.object({
      recipient_kind: recipientKind,
      partner_id: z.number().nullable(),
      recipient_label: z.string(),
      at: z.string(),
      decision,
      fields: sharedFields,
    }),
    db
      .prepare(
        `SELECT d.recipient_kind, d.partner_id, d.recipient_label, d.at, dp.decision, dp.fields
       FROM disclosure_persons dp JOIN disclosures d ON d.id = dp.disclosure_id
       WHERE dp.person_id = ? AND dp.decision <> 'withheld'
       ORDER BY d.id`,
      )
      .all(personId),
  );
  const byRecipient = new Map<string, OutsideKnowledge>();
  for (const row of rows) {
    // A partner is one recipient whatever it was called at the time; a deleted partner
    // (partner_id now NULL) and publications are told apart by the label.
    const key =
      row.partner_id !== null
        ? `partner:${String(row.partner_id)}`
        : `${row.recipient_kind}:${row.recipient_label}`;
    const seen = byRecipient.get(key);
    const fields = row.fields;
    if (!seen) {
      byRecipient.set(key, {
        recipientKind: row.recipient_kind,
        partnerId: row.partner_id,
        recipientLabel: row.recipient_label,
        firstAt: row.at,
        lastAt: row.at,
        knowsName: row.decision === 'named',
        fields,
        disclosures: 1,
      });
      continue;
    }
    seen.lastAt = row.at;
    seen.recipientLabel = row.recipient_label;
    seen.knowsName ||= row.decision === 'named';
    seen.fields = SHARE_FIELDS.filter((f) => seen.fields.includes(f) || fields.includes(f));
    seen.disclosures += 1;
  }
  return [...byRecipient.values()].toSorted((a, b) => b.lastAt.localeCompare(a.lastAt));
}
