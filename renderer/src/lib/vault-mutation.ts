/**
 * Reading and changing the vault's records from components. Queries are keyed
 * ['domain', channel, input]; every change goes through useVaultMutation, which, once the
 * vault has saved, marks every domain answer stale so each screen refetches what it shows
 * (a note added in the quick dialog appears on the person page, the list and the board).
 * Refetching is cheap: every query is local and measured in milliseconds (npm run bench).
 */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { Channel, Input, Output } from '../../../shared/contract.ts';
import { queryClient } from '../app/session.ts';
import { call } from './api.ts';

export function domainKey<C extends Channel>(channel: C, input: Input<C>) {
  return ['domain', channel, input] as const;
}

export function invalidateVaultQueries(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['domain'] });
}

/** A read; while a new input loads, the previous answer stays on screen (no flicker). */
export function useVaultQuery<C extends Channel>(
  channel: C,
  input: Input<C>,
  options: {
    enabled?: boolean;
    /** Ask again every so many ms, even in the background (an answer that depends on the day). */
    refetchInterval?: number;
    refetchIntervalInBackground?: boolean;
  } = {},
) {
  return useQuery({
    queryKey: domainKey(channel, input),
    queryFn: () => call(channel, input),
    placeholderData: keepPreviousData,
    staleTime: 0,
    ...options,
  });
}

export function useVaultMutation<C extends Channel>(channel: C) {
  return useMutation<Output<C>, Error, Input<C>>({
    mutationFn: (input) => call(channel, input),
    onSuccess: () => invalidateVaultQueries(),
  });
}
