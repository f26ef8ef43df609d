import { useMutation, useQuery } from '@tanstack/react-query';
import type { LockReason, Output } from '../../../shared/contract.ts';
import { call } from '../lib/api.ts';
import { queryClient, resetAfterLock, STATUS_KEY } from './session.ts';

export function useVaultStatus() {
  return useQuery({
    queryKey: STATUS_KEY,
    queryFn: () => call('vault:status', {}),
    // While a backup taken at lock is still being written, the lock screen follows it.
    refetchInterval: (query) => (query.state.data?.backupWriting ? 1000 : false),
  });
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
