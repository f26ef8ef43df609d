/** Handlers that only read: search, the relationship map and the audit trail. */
import type { Handlers } from '../../../shared/contract.ts';
import { queryAuditEvents } from '../repos/audit-events.ts';
import { relationshipGraph } from '../services/graph.ts';
import { countMatches, search } from '../services/search.ts';
import type { DomainContext } from './context.ts';

export function exploreHandlers(
  ctx: DomainContext,
): Pick<Handlers, 'search:query' | 'graph:get' | 'audit:list'> {
  return {
    'search:query': ({ text, limit }) => {
      const db = ctx.db();
      return Promise.resolve({ hits: search(db, text, limit), total: countMatches(db, text) });
    },
    'graph:get': ({ focusPersonId, depth, budget }) =>
      Promise.resolve(relationshipGraph(ctx.db(), focusPersonId, depth, budget)),
    'audit:list': (query) => Promise.resolve(queryAuditEvents(ctx.db(), query)),
  };
}
