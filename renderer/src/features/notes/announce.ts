/**
 * "Note saved", "Note deleted": said after the dialog or the card that caused it is gone, so
 * the words live in a store and the always-mounted NoteAnnouncer shows and announces them.
 */
import { useSyncExternalStore } from 'react';

export type NoteEvent = 'saved' | 'updated' | 'deleted';

let current: { event: NoteEvent; at: number } | null = null;
const listeners = new Set<() => void>();

export function announceNote(event: NoteEvent | null): void {
  current = event ? { event, at: Date.now() } : null;
  for (const listener of listeners) listener();
}

export function useNoteAnnouncement() {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
