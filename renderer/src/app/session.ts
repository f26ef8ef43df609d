/**
 * After a lock, nothing of the vault may stay in the page: the query cache is dropped and the
 * page reloads, which discards every component's state and the JavaScript heap that held it.
 */
import { QueryClient } from '@tanstack/react-query';
import type { Root } from 'react-dom/client';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: Infinity, gcTime: 60_000 },
    // A mutation's variables hold passphrases: drop them as soon as nothing watches the mutation.
    mutations: { retry: false, gcTime: 0 },
  },
});

export const STATUS_KEY = ['vault', 'status'] as const;
export const SETTINGS_KEY = ['vault', 'settings'] as const;

let root: Root | undefined;
let resetting = false;

export function registerRoot(created: Root): void {
  root = created;
}

/** Unmounts every component (and its state), drops every cached answer, then reloads. */
export function resetAfterLock(): void {
  if (resetting) return;
  resetting = true;
  root?.unmount();
  queryClient.clear();
  window.location.reload();
}
