import { useMutation, useQuery } from '@tanstack/react-query';
import type { LockReason, Output } from '../../../shared/contract.ts';
import { call } from '../lib/api.ts';
import { INFO_KEY, queryClient, resetAfterLock, STATUS_KEY } from './session.ts';

export function useAppInfo(): Output<'app:info'> {
  // Fetched before the first render (main.tsx), so it is always there.
  return useQuery({ queryKey: INFO_KEY, queryFn: () => call('app:info', {}) })
    .data as Output<'app:info'>;
}

export function useVaultStatus() {
  return useQuery({ queryKey: STATUS_KEY, queryFn: () => call('vault:status', {}) });
}

export function setStatus(status: Output<'vault:status'>): void {
  queryClient.setQueryData(STATUS_KEY, status);
}

/** Locks, then wipes the page (resetAfterLock). A failed lock is shown and nothing is wiped. */
export function useLock() {
  return useMutation({
    mutationFn: (reason: LockReason) => call('vault:lock', { reason }),
    onSuccess: () => {
      resetAfterLock();
    },
  });
}
