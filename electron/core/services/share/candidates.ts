/**
 * A person as the share review sees them: who they are, their current assessment and consent,
 * and the rules' decision for one recipient (shared/share-review.ts). The review screen and
 * the gate read persons through here, so both apply the same rules to the same facts.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Person } from '../../../../shared/records.ts';
import { daysBetween, reviewState, type Assessment } from '../../../../shared/risk.ts';
import type { ReviewCandidate, ShareRecipient } from '../../../../shared/share.ts';
import {
  CONSENT_NEEDED,
  shareRuling,
  type RecipientKind,
  type ShareRuling,
} from '../../../../shared/share-review.ts';
import { VaultError } from '../../errors.ts';
import { notFound } from '../not-found.ts';
import { restrictedNoteCount } from '../../repos/case-notes.ts';
import { priorDisclosures, type LoggedRecipient } from '../../repos/disclosures.ts';
import { getPartner } from '../../repos/partners.ts';
import { getPerson } from '../../repos/persons.ts';
import { assessmentsOf } from '../../repos/risk-assessments.ts';

/** How internal leadership is stored in the log (the screens word it in the user's language). */
export const INTERNAL_LABEL = 'internal';

export interface Candidate {
  person: Person;
  assessment: Assessment | null;
  ruling: ShareRuling;
}

/** The recipient as the log records it: a partner must exist; its name is kept as it is now. */
export function resolveRecipient(db: Database, recipient: ShareRecipient): LoggedRecipient {
  switch (recipient.kind) {
    case 'internal':
      return { kind: 'internal', partnerId: null, label: INTERNAL_LABEL };
    case 'publication':
      return { kind: 'publication', partnerId: null, label: recipient.title };
    case 'partner': {
      const partner = getPartner(db, recipient.partnerId);
      if (!partner) throw notFound('partner', { id: recipient.partnerId });
      return { kind: 'partner', partnerId: partner.id, label: partner.name };
    }
  }
}

export function loadCandidate(
  db: Database,
  personId: number,
  recipient: RecipientKind,
  today: string,
): Candidate {
  const person = getPerson(db, personId);
  if (!person) throw notFound('person', { id: personId });
  const assessment = assessmentsOf(db, personId)[0] ?? null;
  const ruling = shareRuling(
    {
      consent: person.consent,
      assessment: assessment
        ? {
            level: assessment.level,
            reviewDueOn: assessment.reviewDueOn,
            mitigations: assessment.mitigations,
          }
        : null,
    },
    recipient,
    today,
  );
  return { person, assessment, ruling };
}

/** The same person twice in one review would get two decisions: refused. */
export function checkNoDuplicates(db: Database, personIds: readonly number[]): void {
  const seen = new Set<number>();
  for (const id of personIds) {
    if (seen.has(id)) {
      throw new VaultError('SHARE_DUPLICATE_PERSON', {
        codename: getPerson(db, id)?.codename ?? '',
      });
    }
    seen.add(id);
  }
}

export function restrictedNotesOf(db: Database, personId: number): number {
  return restrictedNoteCount(db, personId);
}

/** The review screen: every fact the leader weighs, and the rules' decision. */
export function reviewCandidates(
  db: Database,
  recipient: ShareRecipient,
  personIds: readonly number[],
  today: string,
): { recipientLabel: string; candidates: ReviewCandidate[] } {
  checkNoDuplicates(db, personIds);
  const logged = resolveRecipient(db, recipient);
  const known = priorDisclosures(db, logged, personIds);
  const candidates = personIds.map((id): ReviewCandidate => {
    const { person, assessment, ruling } = loadCandidate(db, id, recipient.kind, today);
    return {
      personId: person.id,
      codename: person.codename,
      fullName: person.fullName,
      stage: person.stage,
      riskLevel: assessment?.level ?? null,
      assessmentVersion: assessment?.version ?? null,
      assessedOn: assessment?.assessedOn ?? null,
      assessmentAgeDays: assessment ? Math.max(0, daysBetween(assessment.assessedOn, today)) : null,
      reviewDueOn: assessment?.reviewDueOn ?? null,
      reviewState: assessment ? reviewState(assessment.reviewDueOn, today) : null,
      consent: person.consent,
      consentNeeded: CONSENT_NEEDED[recipient.kind],
      mitigations: assessment?.mitigations ?? [],
      decision: ruling.decision,
      reasons: ruling.reasons,
      restrictedNotes: restrictedNotesOf(db, person.id),
      alreadyKnown: known.get(person.id) ?? [],
    };
  });
  return { recipientLabel: logged.label, candidates };
}
