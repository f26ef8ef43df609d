/**
 * What the map screen derives from graph:get, computed once per answer: the persons and
 * agencies by id, each node's relationships read from its side, hop distances from the
 * focus person (for the layout's rings), and the routes in: for every person we are in touch
 * with, the shortest chain of relationships from them to the focus person (breadth-first
 * over the relationships the core returned, which are already limited to the chosen depth).
 */
import { IN_TOUCH_STAGES, type RelationshipKind, type Stage } from '../../../../shared/domain.ts';
import type { Graph, GraphNode, RelationshipRole } from '../../../../shared/records.ts';

export type PersonNode = Extract<GraphNode, { kind: 'person' }>;
export type AgencyNode = Extract<GraphNode, { kind: 'agency' }>;
/** Kinds as the map draws them: superior_of is shown as subordinate_of the other way. */
export type MapEdgeKind = Exclude<RelationshipKind, 'superior_of'> | 'works_at';

export interface MapEdge {
  id: string;
  source: string;
  target: string;
  kind: MapEdgeKind;
}

/** A relationship seen from one node: `forward` when this node is the edge's source. */
export interface Relation {
  edge: MapEdge;
  other: string;
  forward: boolean;
}

export interface RouteStep {
  from: string;
  to: string;
  edge: MapEdge;
  forward: boolean;
}

export interface RouteIn {
  /** The person we are in touch with, where the route starts. */
  start: PersonNode;
  /** From the start to the focus person, one relationship per step. */
  steps: RouteStep[];
  /** What the last link is to the focus person: through a subordinate, a superior … */
  via: RelationshipRole;
  nodeIds: string[];
  edgeIds: string[];
}

export interface MapModel {
  persons: Map<string, PersonNode>;
  agencies: Map<string, AgencyNode>;
  edges: MapEdge[];
  relations: Map<string, Relation[]>;
  /** Hops from the focus over every edge (agencies included); empty without a focus. */
  distance: Map<string, number>;
  focus: PersonNode | null;
  routes: RouteIn[];
  /** Relationships between persons (works_at excluded). */
  relationshipCount: number;
}

function normalise(edge: Graph['edges'][number]): MapEdge {
  return edge.kind === 'superior_of'
    ? { id: edge.id, source: edge.target, target: edge.source, kind: 'subordinate_of' }
    : { id: edge.id, source: edge.source, target: edge.target, kind: edge.kind };
}

/** What `other` is to `self` when they are linked by `relation` (read from self's side). */
export function roleOf(relation: Relation): RelationshipRole {
  const { kind } = relation.edge;
  switch (kind) {
    case 'subordinate_of':
      // self subordinate_of other → other is self's superior.
      return relation.forward ? 'superior' : 'subordinate';
    case 'introduced_by':
      return relation.forward ? 'introducer' : 'introduced';
    case 'influences':
      return relation.forward ? 'influenced' : 'influencer';
    case 'colleague':
    case 'knows':
      return kind;
    case 'works_at':
      return 'knows';
  }
}

export function buildMapModel(graph: Graph, focusPersonId: number | null): MapModel {
  const persons = new Map<string, PersonNode>();
  const agencies = new Map<string, AgencyNode>();
  for (const node of graph.nodes) {
    if (node.kind === 'person') persons.set(node.id, node);
    else agencies.set(node.id, node);
  }
  const known = (id: string) => persons.has(id) || agencies.has(id);
  const edges = graph.edges.map(normalise).filter((e) => known(e.source) && known(e.target));
  const relations = new Map<string, Relation[]>();
  const relate = (self: string, relation: Relation) => {
    const list = relations.get(self);
    if (list) list.push(relation);
    else relations.set(self, [relation]);
  };
  for (const edge of edges) {
    relate(edge.source, { edge, other: edge.target, forward: true });
    relate(edge.target, { edge, other: edge.source, forward: false });
  }

  const focus =
    focusPersonId === null
      ? null
      : ([...persons.values()].find((p) => p.personId === focusPersonId) ?? null);

  const distance = new Map<string, number>();
  const routes: RouteIn[] = [];
  if (focus) {
    // Hops over every edge, for the rings of the layout.
    distance.set(focus.id, 0);
    let frontier = [focus.id];
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const { other } of relations.get(id) ?? []) {
          if (distance.has(other)) continue;
          distance.set(other, (distance.get(id) ?? 0) + 1);
          next.push(other);
        }
      }
      frontier = next;
    }
    routes.push(...routesIn(focus, persons, relations));
  }

  return {
    persons,
    agencies,
    edges,
    relations,
    distance,
    focus,
    routes,
    relationshipCount: edges.filter((e) => e.kind !== 'works_at').length,
  };
}

const STAGE_ORDER: readonly Stage[] = ['partner', 'collaborating', 'in_contact', 'moved_on'];

/** Breadth-first from the focus over relationships between persons; one route per contact. */
function routesIn(
  focus: PersonNode,
  persons: Map<string, PersonNode>,
  relations: Map<string, Relation[]>,
): RouteIn[] {
  // parent[x] = the relation by which x was reached, read from x's side toward the focus.
  const parent = new Map<string, Relation | null>([[focus.id, null]]);
  let frontier = [focus.id];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const relation of relations.get(id) ?? []) {
        if (relation.edge.kind === 'works_at' || parent.has(relation.other)) continue;
        // Seen from the newly reached node, the same edge points the other way.
        parent.set(relation.other, {
          edge: relation.edge,
          other: id,
          forward: !relation.forward,
        });
        next.push(relation.other);
      }
    }
    frontier = next;
  }

  const routes: RouteIn[] = [];
  for (const [id, start] of persons) {
    if (id === focus.id || !IN_TOUCH_STAGES.includes(start.stage) || !parent.has(id)) continue;
    const steps: RouteStep[] = [];
    let at = id;
    let link = parent.get(at);
    while (link) {
      steps.push({ from: at, to: link.other, edge: link.edge, forward: link.forward });
      at = link.other;
      link = parent.get(at);
    }
    const last = steps[steps.length - 1];
    if (!last) continue;
    // The last step seen from the focus person: what the previous person is to them.
    const via = roleOf({ edge: last.edge, other: last.from, forward: !last.forward });
    routes.push({
      start,
      steps,
      via,
      nodeIds: [id, ...steps.map((step) => step.to)],
      edgeIds: steps.map((step) => step.edge.id),
    });
  }
  return routes.sort(
    (a, b) =>
      a.steps.length - b.steps.length ||
      STAGE_ORDER.indexOf(a.start.stage) - STAGE_ORDER.indexOf(b.start.stage) ||
      a.start.fullName.localeCompare(b.start.fullName),
  );
}
