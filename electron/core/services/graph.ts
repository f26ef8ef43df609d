/**
 * The relationship map's data: persons, the relationships between them, and the agencies
 * they work at. Centred on a person it is their neighbourhood up to `depth` steps; otherwise
 * everyone who has a relationship. Either way it stops at MAX_GRAPH_PERSONS, because a map
 * of thousands of dots shows no route to anyone.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Stage } from '../../../shared/domain.ts';
import { MAX_GRAPH_PERSONS, type Graph } from '../../../shared/records.ts';

interface PersonRow {
  id: number;
  codename: string;
  full_name: string;
  stage: Stage;
  agency_id: number | null;
}

interface EdgeRow {
  id: number;
  from_person_id: number;
  to_person_id: number;
  kind: Graph['edges'][number]['kind'];
}

export function relationshipGraph(db: Database, focus: number | null, depth: number): Graph {
  const { ids, truncated } =
    focus === null ? connectedPersons(db) : neighbourhood(db, focus, depth);
  const idList = JSON.stringify([...ids]);
  const persons = db
    .prepare(
      `SELECT id, codename, full_name, stage, agency_id FROM persons
       WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(idList) as PersonRow[];
  const edges = db
    .prepare(
      `SELECT id, from_person_id, to_person_id, kind FROM relationships
       WHERE from_person_id IN (SELECT value FROM json_each(@ids))
         AND to_person_id IN (SELECT value FROM json_each(@ids))`,
    )
    .all({ ids: idList }) as EdgeRow[];
  const agencyIds = [...new Set(persons.map((p) => p.agency_id).filter((id) => id !== null))];
  const agencies = db
    .prepare('SELECT id, name FROM agencies WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(agencyIds)) as { id: number; name: string }[];

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
  const neighbours = db.prepare(
    `SELECT to_person_id FROM relationships WHERE from_person_id = @id
     UNION SELECT from_person_id FROM relationships WHERE to_person_id = @id`,
  );
  const exists = db.prepare('SELECT 1 FROM persons WHERE id = ?').get(focus) !== undefined;
  const ids = new Set<number>(exists ? [focus] : []);
  let frontier = exists ? [focus] : [];
  let truncated = false;
  for (let step = 0; step < depth && frontier.length > 0; step++) {
    const next: number[] = [];
    for (const id of frontier) {
      for (const other of neighbours.pluck().all({ id }) as number[]) {
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
  const rows = db
    .prepare(
      `SELECT id, count(*) AS degree FROM (
         SELECT from_person_id AS id FROM relationships
         UNION ALL SELECT to_person_id FROM relationships)
       GROUP BY id ORDER BY degree DESC, id LIMIT ?`,
    )
    .all(MAX_GRAPH_PERSONS + 1) as { id: number }[];
  return {
    ids: new Set(rows.slice(0, MAX_GRAPH_PERSONS).map((row) => row.id)),
    truncated: rows.length > MAX_GRAPH_PERSONS,
  };
}
