/**
 * The quick note form's values, and how they become the vault's NoteFields. Dates are '' when
 * empty in the form and null in the vault; source and stance belong to public statements only.
 */
import type { FieldErrors, Resolver } from 'react-hook-form';
import {
  localDate,
  noteFields,
  type NoteFields,
  type NoteKind,
  type STANCES,
} from '../../../../shared/domain.ts';
import type { Note } from '../../../../shared/records.ts';
import type { ChosenPerson } from './PersonPicker.tsx';

export interface NoteFormValues {
  occurredOn: string;
  kind: NoteKind;
  persons: ChosenPerson[];
  title: string;
  body: string;
  askedFor: string;
  offered: string;
  followUpOn: string;
  restricted: boolean;
  source: string;
  stance: (typeof STANCES)[number] | null;
}

export function emptyNote(persons: ChosenPerson[], today = new Date()): NoteFormValues {
  return {
    occurredOn: localDate(today),
    kind: 'meeting',
    persons,
    title: '',
    body: '',
    askedFor: '',
    offered: '',
    followUpOn: '',
    restricted: false,
    source: '',
    stance: null,
  };
}

export function valuesOfNote(note: Note): NoteFormValues {
  return {
    occurredOn: note.occurredOn,
    kind: note.kind,
    persons: note.persons.map(({ id, fullName, codename }) => ({ id, fullName, codename })),
    title: note.title,
    body: note.body,
    askedFor: note.askedFor,
    offered: note.offered,
    followUpOn: note.followUpOn ?? '',
    restricted: note.restricted,
    source: note.source,
    stance: note.stance,
  };
}

/** What the form's values say, in the shape the vault takes (not yet validated). */
export function fieldsOf(values: NoteFormValues): Record<keyof NoteFields, unknown> {
  const statement = values.kind === 'public_statement';
  return {
    occurredOn: values.occurredOn,
    kind: values.kind,
    personIds: values.persons.map((person) => person.id),
    title: values.title,
    body: values.body,
    askedFor: values.askedFor,
    offered: values.offered,
    followUpOn: values.followUpOn === '' ? null : values.followUpOn,
    restricted: values.restricted,
    source: statement ? values.source : '',
    stance: statement ? values.stance : null,
  };
}

/** Form field for a NoteFields key (the persons picker holds personIds). */
function formField(key: string): keyof NoteFormValues {
  return key === 'personIds' ? 'persons' : (key as keyof NoteFormValues);
}

/**
 * react-hook-form resolver over the shared zod schema: the same rules as the core. `message`
 * turns a zod issue into the sentence shown under the field.
 */
export function noteResolver(
  message: (field: string, code: string, maximum: unknown) => string,
): Resolver<NoteFormValues, unknown, NoteFields> {
  return (values) => {
    const parsed = noteFields.safeParse(fieldsOf(values));
    if (parsed.success) return { values: parsed.data, errors: {} };
    const errors: FieldErrors<NoteFormValues> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      const field = formField(key);
      if (errors[field]) continue;
      const maximum = 'maximum' in issue ? issue.maximum : undefined;
      errors[field] = { type: issue.code, message: message(key, issue.code, maximum) };
    }
    return { values: {}, errors };
  };
}
