/**
 * The quick note dialog can be opened from anywhere (Ctrl/Cmd+Shift+N, the header's button,
 * a person page) to write a new note, or from a note card to edit that note: this store says
 * whether it is open, for whom, and which note it edits. The Shell mounts it.
 */
import { useSyncExternalStore } from 'react';

export interface QuickNoteState {
  open: boolean;
  /** Persons to start with (e.g. the person whose page is open). */
  personIds: number[];
  /** The note being edited; null for a new note. */
  noteId: number | null;
  /** Changes on every opening, so the dialog's form starts afresh each time. */
  session: number;
}

let state: QuickNoteState = { open: false, personIds: [], noteId: null, session: 0 };
const listeners = new Set<() => void>();

function set(next: Omit<QuickNoteState, 'session'>, newSession: boolean): void {
  state = { ...next, session: newSession ? state.session + 1 : state.session };
  for (const listener of listeners) listener();
}

/** A new note, about `personIds` to begin with. Does nothing while a note is being written. */
export function openQuickNote(personIds: number[] = []): void {
  if (state.open) return;
  set({ open: true, personIds: [...new Set(personIds)], noteId: null }, true);
}

/** The dialog for an existing note, loaded from the vault. */
export function openNoteEditor(noteId: number): void {
  if (state.open) return;
  set({ open: true, personIds: [], noteId }, true);
}

export function closeQuickNote(): void {
  set({ open: false, personIds: [], noteId: null }, false);
}

export function useQuickNote(): QuickNoteState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
