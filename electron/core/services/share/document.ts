/**
 * What the gate lets out, and nothing else: the one input of every output writer (HTML and
 * PDF dossier, CSV list, share package). Withheld persons are only counted; persons shown by
 * codename carry no name and none of the identifying fields (shared/share.ts).
 */
import type { PackagedPerson, ShareField } from '../../../../shared/share.ts';
import type { RecipientKind } from '../../../../shared/share-review.ts';

export interface DocumentEntry extends PackagedPerson {
  decision: 'named' | 'codename';
}

export interface ShareDocument {
  recipientKind: RecipientKind;
  /** "Internal leadership", the partner's name, or the publication's title. */
  recipientLabel: string;
  purpose: string;
  reviewedBy: string;
  /** ISO timestamp of the export. */
  createdAt: string;
  /** The fields the leader chose (each entry carries those the rules let through). */
  fields: readonly ShareField[];
  /** In the order of the review; withheld persons are not here. */
  entries: readonly DocumentEntry[];
  withheld: number;
  /** Persons shown by codename: their identifying fields are always left out. */
  identifyingLeftOut: number;
  /** Restricted notes about the persons shown: never included. */
  restrictedNotesLeftOut: number;
  /**
   * Open notes of a named person that also concern someone not named in this output: left out,
   * or they would carry that person's name or presence with them.
   */
  sharedNotesLeftOut: number;
  /** The language the document is written in (the app's language when it was made). */
  language: 'en' | 'ru';
}
