import type { Note } from '../../../../shared/records.ts';

/** Placeholder: being built (features/notes). One case note as the timeline shows it. */
export function NoteCard({ note }: { note: Note }) {
  return <article>{note.title}</article>;
}
