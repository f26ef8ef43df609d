/**
 * Where the user is in the unlocked app: one route at a time, with a history for "Back".
 * A plain store read through useSyncExternalStore: the app has a handful of screens and no
 * URLs to share (app://confidant/ never leaves the machine), so a router would add nothing.
 * Locking reloads the page, which empties the history with everything else.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { area: 'people' }
  | { area: 'person'; id: number }
  | { area: 'pipeline' }
  | { area: 'map'; focusPersonId: number | null }
  | { area: 'agencies' }
  | { area: 'agency'; id: number }
  | { area: 'partners' }
  | { area: 'partner'; id: number }
  | { area: 'search'; text: string }
  | { area: 'import' }
  | { area: 'risk' }
  | {
      area: 'shares';
      /** Which tab; a new review by default. */
      tab?: SharesTab;
      /** A review started from a person or partner page, with them already chosen. */
      personIds?: number[];
      partnerId?: number;
    }
  | { area: 'backups' }
  | { area: 'audit' }
  | { area: 'settings' };

export const SHARES_TABS = ['review', 'log', 'received', 'key'] as const;
export type SharesTab = (typeof SHARES_TABS)[number];

let history: Route[] = [{ area: 'people' }];
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentRoute(): Route {
  return history[history.length - 1] ?? { area: 'people' };
}

/** Opens a route; `replace` swaps the current one (e.g. typing in search). */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  history = options.replace ? [...history.slice(0, -1), route] : [...history, route].slice(-50);
  emit();
}

export function canGoBack(): boolean {
  return history.length > 1;
}

export function goBack(): void {
  if (history.length > 1) {
    history = history.slice(0, -1);
    emit();
  }
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, currentRoute);
}

/** For tests of components that navigate. */
export function resetNavigation(route: Route = { area: 'people' }): void {
  history = [route];
  emit();
}
