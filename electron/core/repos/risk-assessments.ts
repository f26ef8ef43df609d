/**
 * The risk_assessments table: versions are appended, never changed (the table's triggers
 * refuse UPDATE and DELETE). Factor columns are snake_case twins of shared/risk.ts factors.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { CONSENT_LEVELS, type Stage } from '../../../shared/domain.ts';
import {
  factorScores,
  MITIGATIONS,
  RISK_FACTORS,
  RISK_LEVELS,
  type Assessment,
  type RiskFactor,
  type RiskLevel,
} from '../../../shared/risk.ts';
import { jsonText, parseOptionalRow, parseRow, parseRows } from './rows.ts';

const FACTOR_COLUMNS: Record<RiskFactor, string> = {
  visibility: 'visibility',
  superiorHostility: 'superior_hostility',
  politicalClimate: 'political_climate',
  priorRetaliation: 'prior_retaliation',
  surveillance: 'surveillance',
  postDependence: 'post_dependence',
  leakHarm: 'leak_harm',
};

/** A risk_assessments row; loose, because the factor columns are read by name below. */
const assessmentRow = z.looseObject({
  id: z.number(),
  person_id: z.number(),
  version: z.number(),
  corrects_version: z.number().nullable(),
  correction_reason: z.string(),
  assessed_on: z.string(),
  assessed_at: z.string(),
  assessor: z.string(),
  likelihood: z.number(),
  impact: z.number(),
  level: z.enum(RISK_LEVELS),
  consent: z.enum(CONSENT_LEVELS),
  consent_confirmed_on: z.string().nullable(),
  /** A JSON array of mitigations. */
  mitigations: jsonText(z.array(z.enum(MITIGATIONS))),
  mitigation_notes: z.string(),
  narrative: z.string(),
  review_due_on: z.string(),
});
type AssessmentRow = z.output<typeof assessmentRow>;

const COLUMNS = `id, person_id, version, corrects_version, correction_reason, assessed_on,
  assessed_at, assessor, ${Object.values(FACTOR_COLUMNS).join(', ')}, likelihood, impact, level,
  consent, consent_confirmed_on, mitigations, mitigation_notes, narrative, review_due_on`;

function toAssessment(row: AssessmentRow): Assessment {
  return {
    id: row.id,
    personId: row.person_id,
    version: row.version,
    correctsVersion: row.corrects_version,
    correctionReason: row.correction_reason,
    assessedOn: row.assessed_on,
    assessedAt: row.assessed_at,
    assessor: row.assessor,
    factors: factorScores.parse(
      Object.fromEntries(RISK_FACTORS.map((factor) => [factor, row[FACTOR_COLUMNS[factor]]])),
    ),
    likelihood: row.likelihood,
    impact: row.impact,
    level: row.level,
    consent: row.consent,
    consentConfirmedOn: row.consent_confirmed_on,
    mitigations: row.mitigations,
    mitigationNotes: row.mitigation_notes,
    narrative: row.narrative,
    reviewDueOn: row.review_due_on,
  };
}

/** Every version of a person's assessment, newest first. */
export function assessmentsOf(db: Database, personId: number): Assessment[] {
  return parseRows(
    assessmentRow,
    db
      .prepare(`SELECT ${COLUMNS} FROM risk_assessments WHERE person_id = ? ORDER BY version DESC`)
      .all(personId),
  ).map(toAssessment);
}

/** The number of a person's latest version, or null if they were never assessed. */
export function latestVersion(db: Database, personId: number): number | null {
  return parseRow(
    z.number().nullable(),
    db
      .prepare('SELECT MAX(version) FROM risk_assessments WHERE person_id = ?')
      .pluck()
      .get(personId),
  );
}

/** The day a version was assessed (a correction keeps the date of what it corrects). */
export function assessedOnOf(db: Database, personId: number, version: number): string | undefined {
  return parseOptionalRow(
    z.string(),
    db
      .prepare('SELECT assessed_on FROM risk_assessments WHERE person_id = ? AND version = ?')
      .pluck()
      .get(personId, version),
  );
}

export type NewAssessment = Omit<Assessment, 'id'>;

export function insertAssessment(db: Database, record: NewAssessment): number {
  const factorColumns = Object.values(FACTOR_COLUMNS);
  const result = db
    .prepare(
      `INSERT INTO risk_assessments (person_id, version, corrects_version, correction_reason,
         assessed_on, assessed_at, assessor, ${factorColumns.join(', ')}, likelihood, impact,
         level, consent, consent_confirmed_on, mitigations, mitigation_notes, narrative,
         review_due_on)
       VALUES (@personId, @version, @correctsVersion, @correctionReason, @assessedOn,
         @assessedAt, @assessor, ${factorColumns.map((column) => `@${column}`).join(', ')},
         @likelihood, @impact, @level, @consent, @consentConfirmedOn, @mitigations,
         @mitigationNotes, @narrative, @reviewDueOn)`,
    )
    .run({
      personId: record.personId,
      version: record.version,
      correctsVersion: record.correctsVersion,
      correctionReason: record.correctionReason,
      assessedOn: record.assessedOn,
      assessedAt: record.assessedAt,
      assessor: record.assessor,
      ...Object.fromEntries(
        RISK_FACTORS.map((factor) => [FACTOR_COLUMNS[factor], record.factors[factor]]),
      ),
      likelihood: record.likelihood,
      impact: record.impact,
      level: record.level,
      consent: record.consent,
      consentConfirmedOn: record.consentConfirmedOn,
      mitigations: JSON.stringify(record.mitigations),
      mitigationNotes: record.mitigationNotes,
      narrative: record.narrative,
      reviewDueOn: record.reviewDueOn,
    });
  return Number(result.lastInsertRowid);
}

/** A not-archived person in an assessed stage, with their latest version (if any). */
export interface CurrentRiskRow {
  id: number;
  codename: string;
  full_name: string;
  stage: Stage;
  consent: Assessment['consent'];
  version: number | null;
  level: RiskLevel | null;
  likelihood: number | null;
  impact: number | null;
  assessed_on: string | null;
  review_due_on: string | null;
}

/**
 * Each person in one of `stages` (not archived), with their latest assessment if any: one
 * pass over persons, and one index lookup per person for the latest version. `+` keeps
 * SQLite from walking all persons in codename order through the index (random reads of
 * 10,000 rows) when sorting the few thousand that match is cheaper (15 → 10 ms).
 */
export function currentRisks(db: Database, stages: readonly string[]): CurrentRiskRow[] {
  return (
    db
      .prepare(
        `SELECT p.id, p.codename, p.full_name, p.stage, p.consent, a.version, a.level,
              a.likelihood, a.impact, a.assessed_on, a.review_due_on
       FROM persons p
       LEFT JOIN risk_assessments a ON a.person_id = p.id AND a.version =
         (SELECT MAX(version) FROM risk_assessments WHERE person_id = p.id)
       WHERE p.archived_at IS NULL AND p.stage IN (SELECT value FROM json_each(?))
       ORDER BY +p.codename_key`,
      )
      // Cast, not parsed: every assessed person on each dashboard load (the 10 ms above).
      .all(JSON.stringify(stages)) as CurrentRiskRow[]
  );
}
