/** Handlers that only read: search, the relationship map and the audit trail. */
import type { Handlers } from '../../../shared/contract.ts';
import { queryAuditEvents } from '../repos/audit-events.ts';
import { relationshipGraph } from '../services/graph.ts';
import { search } from '../services/search.ts';
import type { DomainContext } from './context.ts';

export function exploreHandlers(
  ctx: DomainContext,
): Pick<Handlers, 'search:query' | 'graph:get' | 'audit:list'> {
  return {
    'search:query': ({ text, limit }) => Promise.resolve({ hits: search(ctx.db(), text, limit) }),
    'graph:get': ({ focusPersonId, depth }) =>
      Promise.resolve(relationshipGraph(ctx.db(), focusPersonId, depth)),
    'audit:list': (query) => Promise.resolve(queryAuditEvents(ctx.db(), query)),
  };
}
