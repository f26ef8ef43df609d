/**
 * The quick note dialog can be opened from anywhere (Ctrl/Cmd+Shift+N, the header's button,
 * a person page): this store says whether it is open and for whom. The Shell mounts it.
 */
import { useSyncExternalStore } from 'react';

export interface QuickNoteState {
  open: boolean;
  /** Persons to start with (e.g. the person whose page is open). */
  personIds: number[];
}

let state: QuickNoteState = { open: false, personIds: [] };
const listeners = new Set<() => void>();

function set(next: QuickNoteState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function openQuickNote(personIds: number[] = []): void {
  set({ open: true, personIds });
}

export function closeQuickNote(): void {
  set({ open: false, personIds: [] });
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
