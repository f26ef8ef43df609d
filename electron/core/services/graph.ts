/**
 * The relationship map's data: persons, the relationships between them, and the agencies
 * they work at. Centred on a person it is their neighbourhood up to `depth` steps; otherwise
 * everyone who has a relationship. Either way it stops at MAX_GRAPH_PERSONS, because a map
 * of thousands of dots shows no route to anyone.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { MAX_GRAPH_PERSONS, type Graph } from '../../../shared/records.ts';
import { agencyNames } from '../repos/agencies.ts';
import { graphPersons, personExists } from '../repos/persons.ts';
import {
  mostConnectedPersonIds,
  neighbourLookup,
  relationshipsAmong,
} from '../repos/relationships.ts';

export function relationshipGraph(db: Database, focus: number | null, depth: number): Graph {
  const { ids, truncated } =
    focus === null ? connectedPersons(db) : neighbourhood(db, focus, depth);
  const persons = graphPersons(db, [...ids]);
  const edges = relationshipsAmong(db, [...ids]);
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
    truncated,
  };
}

/** Breadth-first from the focus person, nearest first, until the size limit. */
function neighbourhood(
  db: Database,
  focus: number,
  depth: number,
): { ids: Set<number>; truncated: boolean } {
  const neighbours = neighbourLookup(db);
  const exists = personExists(db, focus);
  const ids = new Set<number>(exists ? [focus] : []);
  let frontier = exists ? [focus] : [];
  let truncated = false;
  for (let step = 0; step < depth && frontier.length > 0; step++) {
    const next: number[] = [];
    for (const id of frontier) {
      for (const other of neighbours(id)) {
        if (ids.has(other)) continue;
        if (ids.size >= MAX_GRAPH_PERSONS) {
          truncated = true;
          continue;
        }
        ids.add(other);
        next.push(other);
      }
    }
    frontier = next;
  }
  return { ids, truncated };
}

/** Everyone with at least one relationship, the most connected first, up to the limit. */
function connectedPersons(db: Database): { ids: Set<number>; truncated: boolean } {
  const rows = mostConnectedPersonIds(db, MAX_GRAPH_PERSONS + 1);
  return {
    ids: new Set(rows.slice(0, MAX_GRAPH_PERSONS)),
    truncated: rows.length > MAX_GRAPH_PERSONS,
  };
}
