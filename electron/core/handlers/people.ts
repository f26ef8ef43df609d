/**
 * Handlers for persons, their relationships, case notes and offers. Each write checks what
 * the schemas cannot (a codename already taken, a person related to themselves, a record
 * that is gone), then changes the vault in one transaction with its audit entry (codenames
 * only) and saves.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { localDate, type NoteFields, type PersonFields } from '../../../shared/domain.ts';
import { MAX_DUPLICATES, type Handlers } from '../../../shared/contract.ts';
import { VaultError } from '../errors.ts';
import { agencyExists } from '../repos/agencies.ts';
import { deleteNote, getNote, insertNote, noteCodenames, updateNote } from '../repos/case-notes.ts';
import { deleteOffer, insertOffer, offerPerson, updateOffer } from '../repos/offers.ts';
import { partnerExists } from '../repos/partners.ts';
import { duplicateDetails, personIdsNamed } from '../repos/person-duplicates.ts';
import {
  bringFollowUpForward,
  deletePerson,
  insertPerson,
  listPersons,
  personCodename,
  personFacets,
  personIdByCodename,
  setPersonArchived,
  setPersonStage,
  updatePerson,
} from '../repos/persons.ts';
import {
  deleteRelationship,
  insertRelationship,
  relationshipExists,
  relationshipPersons,
  storedForm,
} from '../repos/relationships.ts';
import { codenameConflict, codenameKey, generateCodename } from '../services/codenames.ts';
import { personPage } from '../services/person-page.ts';
import { pickPersons } from '../services/person-pick.ts';
import { audit, notFound, type DomainContext } from './context.ts';

type PeopleChannel =
  `persons:${string}` | `relationships:${string}` | `notes:${string}` | `offers:${string}`;

export function codenameOf(db: Database, id: number): string {
  const codename = personCodename(db, id);
  if (codename === undefined) throw notFound('person', { id });
  return codename;
}

/** The codename a person will be stored with: the one given, checked, or a new one. */
export function checkedCodename(db: Database, fields: PersonFields, selfId?: number): string {
  if (fields.codename === undefined) {
    return generateCodename(
      (candidate) => personIdByCodename(db, candidate) !== undefined,
      fields.fullName,
    );
  }
  switch (codenameConflict(db, fields.codename, fields.fullName, selfId)) {
    case 'taken':
      throw new VaultError('DUPLICATE_CODENAME', { codename: fields.codename });
    case 'revealsName':
      throw new VaultError('CODENAME_REVEALS_NAME', { codename: fields.codename });
    case null:
      return fields.codename;
  }
}

function checkAgency(db: Database, agencyId: number | null): void {
  if (agencyId !== null && !agencyExists(db, agencyId)) throw notFound('agency', { id: agencyId });
}

function checkNotePersons(db: Database, fields: NoteFields): NoteFields {
  const personIds = [...new Set(fields.personIds)];
  if (personIds.length === 0) throw new VaultError('NOTE_WITHOUT_PERSON');
  for (const id of personIds) codenameOf(db, id);
  return { ...fields, personIds };
}

function followUpFromNote(db: Database, fields: NoteFields, now: Date): void {
  if (fields.followUpOn === null || fields.followUpOn < localDate(now)) return;
  for (const id of fields.personIds) bringFollowUpForward(db, id, fields.followUpOn, now);
}

export function peopleHandlers(
  ctx: DomainContext,
): Pick<Handlers, Extract<keyof Handlers, PeopleChannel>> {
  return {
    'persons:list': (query) => Promise.resolve(listPersons(ctx.db(), query, localDate(ctx.now()))),

    'persons:facets': () => Promise.resolve(personFacets(ctx.db())),

    'persons:pick': (query) => Promise.resolve(pickPersons(ctx.db(), query)),

    'persons:get': ({ id }) => {
      const page = personPage(ctx.db(), id);
      if (!page) throw notFound('person', { id });
      return Promise.resolve(page);
    },

    'persons:findDuplicates': ({ fullName, excludeId }) => {
      const db = ctx.db();
      const ids = personIdsNamed(db, fullName).filter((id) => id !== excludeId);
      return Promise.resolve({
        duplicates: duplicateDetails(db, ids.slice(0, MAX_DUPLICATES)),
        total: ids.length,
      });
    },

    'persons:suggestCodename': () => {
      const db = ctx.db();
      return Promise.resolve({
        codename: generateCodename((candidate) => personIdByCodename(db, candidate) !== undefined),
      });
    },

    'persons:create': (fields) =>
      ctx.commit((db, now) => {
        checkAgency(db, fields.agencyId);
        const codename = checkedCodename(db, fields);
        const id = insertPerson(db, { ...fields, codename }, now);
        audit(db, 'person.created', codename, now);
        return { id };
      }),

    'persons:update': ({ id, fields }) =>
      ctx.commit((db, now) => {
        const before = codenameOf(db, id);
        checkAgency(db, fields.agencyId);
        const codename = checkedCodename(
          db,
          { ...fields, codename: fields.codename ?? before },
          id,
        );
        updatePerson(db, id, { ...fields, codename }, now);
        audit(
          db,
          'person.updated',
          codename,
          now,
          codenameKey(codename) === codenameKey(before) ? undefined : { previousCodename: before },
        );
        return { id };
      }),

    'persons:setStage': ({ id, stage }) =>
      ctx.commit((db, now) => {
        const codename = codenameOf(db, id);
        const from = setPersonStage(db, id, stage, now);
        if (from !== null) audit(db, 'person.stage-changed', codename, now, { from, to: stage });
        return { id };
      }),

    'persons:archive': ({ id, archived }) =>
      ctx.commit((db, now) => {
        const codename = codenameOf(db, id);
        setPersonArchived(db, id, archived, now);
        audit(db, archived ? 'person.archived' : 'person.restored', codename, now);
        return { id };
      }),

    'persons:delete': ({ id, confirmCodename }) =>
      ctx.commit((db, now) => {
        const codename = codenameOf(db, id);
        if (codenameKey(confirmCodename) !== codenameKey(codename)) {
          throw new VaultError('CONFIRMATION_MISMATCH', { codename });
        }
        const soleNotes = deletePerson(db, id);
        for (const noteId of soleNotes) deleteNote(db, noteId);
        audit(db, 'person.deleted', codename, now, { notesDeleted: soleNotes.length });
        return {};
      }),

    'relationships:create': (fields) =>
      ctx.commit((db, now) => {
        if (fields.fromPersonId === fields.toPersonId) throw new VaultError('SELF_RELATIONSHIP');
        const from = codenameOf(db, fields.fromPersonId);
        const to = codenameOf(db, fields.toPersonId);
        const stored = storedForm(fields);
        if (relationshipExists(db, stored)) throw new VaultError('DUPLICATE_RELATIONSHIP');
        const id = insertRelationship(db, stored, fields.note, now);
        audit(db, 'relationship.created', from, now, { kind: fields.kind, to });
        return { id };
      }),

    'relationships:delete': ({ id }) =>
      ctx.commit((db, now) => {
        const persons = relationshipPersons(db, id);
        if (!persons) throw notFound('relationship', { id });
        deleteRelationship(db, id);
        audit(db, 'relationship.deleted', codenameOf(db, persons.from), now, {
          to: codenameOf(db, persons.to),
        });
        return {};
      }),

    'notes:get': ({ id }) => {
      const note = getNote(ctx.db(), id);
      if (!note) throw notFound('note', { id });
      return Promise.resolve(note);
    },

    'notes:create': (input) =>
      ctx.commit((db, now) => {
        const fields = checkNotePersons(db, input);
        const id = insertNote(db, fields, now);
        followUpFromNote(db, fields, now);
        audit(db, 'note.created', undefined, now, {
          note: id,
          persons: noteCodenames(db, id),
          restricted: fields.restricted,
        });
        return { id };
      }),

    'notes:update': ({ id, fields: input }) =>
      ctx.commit((db, now) => {
        if (!getNote(db, id)) throw notFound('note', { id });
        const fields = checkNotePersons(db, input);
        updateNote(db, id, fields, now);
        followUpFromNote(db, fields, now);
        audit(db, 'note.updated', undefined, now, {
          note: id,
          persons: noteCodenames(db, id),
          restricted: fields.restricted,
        });
        return { id };
      }),

    'notes:delete': ({ id }) =>
      ctx.commit((db, now) => {
        const persons = noteCodenames(db, id);
        if (!getNote(db, id)) throw notFound('note', { id });
        deleteNote(db, id);
        audit(db, 'note.deleted', undefined, now, { note: id, persons });
        return {};
      }),

    'offers:create': (fields) =>
      ctx.commit((db, now) => {
        const codename = codenameOf(db, fields.personId);
        if (fields.partnerId !== null && !partnerExists(db, fields.partnerId))
          throw notFound('partner', { id: fields.partnerId });
        const id = insertOffer(db, fields, now);
        audit(db, 'offer.created', codename, now, { offer: id, kind: fields.kind });
        return { id };
      }),

    'offers:update': ({ id, fields }) =>
      ctx.commit((db, now) => {
        if (offerPerson(db, id) === undefined) throw notFound('offer', { id });
        const codename = codenameOf(db, fields.personId);
        if (fields.partnerId !== null && !partnerExists(db, fields.partnerId))
          throw notFound('partner', { id: fields.partnerId });
        updateOffer(db, id, fields, now);
        audit(db, 'offer.updated', codename, now, { offer: id, status: fields.status });
        return { id };
      }),

    'offers:delete': ({ id }) =>
      ctx.commit((db, now) => {
        const personId = offerPerson(db, id);
        if (personId === undefined) throw notFound('offer', { id });
        deleteOffer(db, id);
        audit(db, 'offer.deleted', codenameOf(db, personId), now, { offer: id });
        return {};
      }),
  };
}
