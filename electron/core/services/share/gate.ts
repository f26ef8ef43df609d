/**
 * The gate: the one way out of the vault for anything that can carry a person's identity
 * (issue 6, item 1). Every export channel hands it the reviewed request; it re-reads each
 * person, re-runs the rules (the screen may be stale, or not ours), checks every override,
 * and returns only what may leave: a ShareDocument for the writers and the rows the
 * disclosure log will keep. It writes nothing and logs nothing itself; the caller writes the
 * file and the log in one transaction (handlers/share.ts).
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { localDate } from '../../../../shared/domain.ts';
import { reviewState } from '../../../../shared/risk.ts';
import {
  IDENTIFYING_FIELDS,
  type DisclosedPerson,
  type ReviewedShare,
  type ShareField,
} from '../../../../shared/share.ts';
import { isOverride, mayLeaveVault, overrideProblem } from '../../../../shared/share-review.ts';
import { VaultError } from '../../errors.ts';
import { notesForShare } from '../../repos/case-notes.ts';
import type { LoggedRecipient } from '../../repos/disclosures.ts';
import {
  checkNoDuplicates,
  loadCandidate,
  resolveRecipient,
  type Candidate,
} from './candidates.ts';
import type { DocumentEntry, ShareDocument } from './document.ts';

export interface GatedShare {
  recipient: LoggedRecipient;
  document: ShareDocument;
  /** Everyone reviewed, withheld included, as the disclosure log records them. */
  logged: DisclosedPerson[];
}

const MAX_NOTES_PER_PERSON = 500;

function entryFor(
  db: Database,
  { person }: Candidate,
  decision: 'named' | 'codename',
  fields: readonly ShareField[],
  named: ReadonlySet<number>,
): { entry: DocumentEntry; restrictedLeftOut: number; sharedLeftOut: number } {
  const has = (field: ShareField) => fields.includes(field);
  const nonEmpty = (text: string) => (text.trim() === '' ? null : text);
  let restrictedLeftOut = 0;
  let sharedLeftOut = 0;
  let notes: DocumentEntry['notes'] = null;
  if (has('notes')) {
    const all = notesForShare(db, person.id);
    // Restricted notes never leave the vault, whatever was decided: no override reaches them.
    const open = all.filter((note) => mayLeaveVault({ restricted: note.restricted === 1 }));
    restrictedLeftOut = all.length - open.length;
    // A note about this person and someone else goes only if that someone is named here too:
    // it would otherwise carry a withheld person's name, or unmask one shown by codename.
    const leaving = open.filter((note) =>
      (JSON.parse(note.person_ids) as number[]).every((id) => named.has(id)),
    );
    sharedLeftOut = open.length - leaving.length;
    notes = leaving.slice(-MAX_NOTES_PER_PERSON).map((note) => ({
      occurredOn: note.occurred_on,
      title: note.title,
      body: note.body,
    }));
  }
  const position = [person.position, person.rank, person.unit].filter((t) => t.trim() !== '');
  return {
    entry: {
      decision,
      codename: person.codename,
      fullName: decision === 'named' ? person.fullName : null,
      sphere: has('sphere') ? person.sphere : null,
      region: has('region') ? nonEmpty(person.region) : null,
      position: has('position') && position.length > 0 ? position.join(', ') : null,
      agency: has('agency') ? person.agencyName : null,
      about: has('about') ? nonEmpty(person.about) : null,
      notes,
    },
    restrictedLeftOut,
    sharedLeftOut,
  };
}

export function gateShare(
  db: Database,
  review: ReviewedShare,
  now: Date,
  language: 'en' | 'ru',
): GatedShare {
  const today = localDate(now);
  checkNoDuplicates(
    db,
    review.choices.map((choice) => choice.personId),
  );
  const recipient = resolveRecipient(db, review.recipient);
  const entries: DocumentEntry[] = [];
  const logged: DisclosedPerson[] = [];
  let withheld = 0;
  let identifyingLeftOut = 0;
  let restrictedNotesLeftOut = 0;
  let sharedNotesLeftOut = 0;
  const named = new Set(
    review.choices.filter((choice) => choice.decision === 'named').map((c) => c.personId),
  );
  for (const choice of review.choices) {
    const candidate = loadCandidate(db, choice.personId, review.recipient.kind, today);
    const { person, assessment, ruling } = candidate;
    const problem = overrideProblem(
      ruling.decision,
      choice.decision,
      choice.override ?? { justification: '', typedCodename: '' },
      person.codename,
    );
    if (problem === 'justification-missing')
      throw new VaultError('SHARE_OVERRIDE_NEEDS_JUSTIFICATION', { codename: person.codename });
    if (problem === 'codename-mismatch')
      throw new VaultError('SHARE_OVERRIDE_CODENAME_MISMATCH', { codename: person.codename });
    const overridden = isOverride(ruling.decision, choice.decision);
    let sent: ShareField[] = [];
    if (choice.decision === 'withheld') {
      withheld += 1;
    } else {
      // Shown by codename, a person's identifying fields would name them all the same.
      sent =
        choice.decision === 'codename'
          ? review.fields.filter((field) => !IDENTIFYING_FIELDS.includes(field))
          : [...review.fields];
      if (choice.decision === 'codename') identifyingLeftOut += 1;
      const { entry, restrictedLeftOut, sharedLeftOut } = entryFor(
        db,
        candidate,
        choice.decision,
        sent,
        named,
      );
      entries.push(entry);
      restrictedNotesLeftOut += restrictedLeftOut;
      sharedNotesLeftOut += sharedLeftOut;
    }
    logged.push({
      personId: person.id,
      codename: person.codename,
      decision: choice.decision,
      ruled: ruling.decision,
      reasons: ruling.reasons,
      riskLevel: assessment?.level ?? null,
      assessmentVersion: assessment?.version ?? null,
      reviewState: assessment ? reviewState(assessment.reviewDueOn, today) : null,
      consent: person.consent,
      fields: sent,
      overrideJustification: overridden ? (choice.override?.justification.trim() ?? null) : null,
    });
  }
  if (entries.length === 0) throw new VaultError('SHARE_ALL_WITHHELD');
  return {
    recipient,
    logged,
    document: {
      recipientKind: recipient.kind,
      recipientLabel: recipient.label,
      purpose: review.purpose,
      reviewedBy: review.reviewedBy,
      createdAt: now.toISOString(),
      fields: review.fields,
      entries,
      withheld,
      identifyingLeftOut,
      restrictedNotesLeftOut,
      sharedNotesLeftOut,
      language,
    },
  };
}
