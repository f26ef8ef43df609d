/**
 * Everything the person page shows, in one call: the profile, the timeline (notes and stage
 * moves, newest first), offers, who we know around them, and the routes in.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { IN_TOUCH_STAGES } from '../../../shared/domain.ts';
import type { PersonPage, TimelineEntry } from '../../../shared/records.ts';
import { notesOfPerson } from '../repos/case-notes.ts';
import { offersOf } from '../repos/offers.ts';
import { getPerson, sameAgencyRefs, stageChangesOf } from '../repos/persons.ts';
import { relationshipsAround } from '../repos/relationships.ts';

/** The page shows this many notes; the rest are counted ("and 312 older notes"). */
export const TIMELINE_NOTES = 100;

const IN_TOUCH = new Set(IN_TOUCH_STAGES);

export function personPage(db: Database, id: number): PersonPage | undefined {
  const person = getPerson(db, id);
  if (!person) return undefined;
  const { notes, total } = notesOfPerson(db, id, TIMELINE_NOTES);
  const moves = stageChangesOf(db, id);
  const timeline: TimelineEntry[] = [
    ...notes.map((note) => ({ type: 'note' as const, at: note.occurredOn, note })),
    ...moves.map((move) => ({
      type: 'stage' as const,
      at: move.at,
      from: move.from_stage,
      to: move.to_stage,
    })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));

  const relationships = relationshipsAround(db, id);
  const others = (role: string) =>
    relationships
      .filter((rel) => rel.role === role && IN_TOUCH.has(rel.other.stage))
      .map((rel) => rel.other);
  const related = new Set(relationships.map((rel) => rel.other.id));
  const sameAgency =
    person.agencyId === null
      ? []
      : sameAgencyRefs(db, person.agencyId, id).filter(
          (ref) => !related.has(ref.id) && IN_TOUCH.has(ref.stage),
        );

  return {
    person,
    timeline,
    olderNotes: total - notes.length,
    offers: offersOf(db, id),
    relationships,
    routes: {
      throughSubordinates: others('subordinate'),
      throughSuperiors: others('superior'),
      introducedBy: relationships
        .filter((rel) => rel.role === 'introducer')
        .map((rel) => rel.other),
    },
    sameAgency,
  };
}
