/**
 * The relationship map's data (issue 15: the core chooses what fits): persons, the
 * relationships between them, and the agencies they work at, at most `budget` persons.
 * Centred on a person it is their neighbourhood up to `depth` steps, nearest first and, at
 * each distance, the most connected first; otherwise the most connected persons of the
 * vault. Either way it says how many persons there were in all, so the screen can say
 * "showing 150 of 3,000" and offer to centre on someone.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { MapGraph } from '../../../shared/map.ts';
import { agencyNames } from '../repos/agencies.ts';
import { graphPersons, personExists } from '../repos/persons.ts';
import {
  connectedPersonCount,
  mostConnectedPersonIds,
  neighbourLookup,
  relationshipDegrees,
  relationshipsAmong,
} from '../repos/relationships.ts';

export function relationshipGraph(
  db: Database,
  focus: number | null,
  depth: number,
  budget: number,
): MapGraph {
  const { ids, total } =
    focus === null ? mostConnected(db, budget) : neighbourhood(db, focus, depth, budget);
  const persons = graphPersons(db, ids);
  const edges = relationshipsAmong(db, ids);
  const agencyIds = [...new Set(persons.map((p) => p.agency_id).filter((id) => id !== null))];
  const agencies = agencyNames(db, agencyIds);

  return {
    nodes: [
      ...persons.map((p) => ({
        kind: 'person' as const,
        id: `p${String(p.id)}`,
        personId: p.id,
        codename: p.codename,
        fullName: p.full_name,
        stage: p.stage,
      })),
      ...agencies.map((a) => ({
        kind: 'agency' as const,
        id: `a${String(a.id)}`,
        agencyId: a.id,
        name: a.name,
      })),
    ],
    edges: [
      ...edges.map((e) => ({
        id: `r${String(e.id)}`,
        source: `p${String(e.from_person_id)}`,
        target: `p${String(e.to_person_id)}`,
        kind: e.kind,
      })),
      ...persons
        .filter((p) => p.agency_id !== null)
        .map((p) => ({
          id: `w${String(p.id)}`,
          source: `p${String(p.id)}`,
          target: `a${String(p.agency_id)}`,
          kind: 'works_at' as const,
        })),
    ],
    truncated: total > ids.length,
    totalPersons: total,
  };
}

/**
 * Breadth-first from the focus person, every distance up to `depth` in full (to count them),
 * then the nearest first and, at one distance, the most connected first, up to the budget.
 */
function neighbourhood(
  db: Database,
  focus: number,
  depth: number,
  budget: number,
): { ids: number[]; total: number } {
  if (!personExists(db, focus)) return { ids: [], total: 0 };
  const neighbours = neighbourLookup(db);
  const seen = new Set<number>([focus]);
  const ids = [focus];
  let frontier = [focus];
  for (let step = 0; step < depth && frontier.length > 0; step++) {
    const next: number[] = [];
    for (const id of frontier) {
      for (const other of neighbours(id)) {
        if (seen.has(other)) continue;
        seen.add(other);
        next.push(other);
      }
    }
    if (ids.length < budget && next.length > 0) {
      const degree = relationshipDegrees(db, next);
      const ranked = [...next].sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || a - b);
      ids.push(...ranked.slice(0, budget - ids.length));
    }
    frontier = next;
  }
  return { ids, total: seen.size };
}

/** Everyone with at least one relationship, the most connected first, up to the budget. */
function mostConnected(db: Database, budget: number): { ids: number[]; total: number } {
  return { ids: mostConnectedPersonIds(db, budget), total: connectedPersonCount(db) };
}
