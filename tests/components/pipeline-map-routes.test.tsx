/**
 * The map's derived model (renderer/src/features/map/map-model.ts): relationships read from
 * each side, hop distances, and the routes in — the shortest chain from each person we are in
 * touch with to the focus person, classified by its last link (through a subordinate, a
 * superior, the introducer …).
 */
import { describe, expect, it } from 'vitest';
import type { RelationshipKind, Stage } from '../../shared/domain.ts';
import type { Graph } from '../../shared/records.ts';
import { buildMapModel } from '../../renderer/src/features/map/map-model.ts';

function person(id: number, stage: Stage): Graph['nodes'][number] {
  return {
    kind: 'person',
    id: `p${String(id)}`,
    personId: id,
    codename: `Code ${String(id)}`,
    fullName: `Person ${String(id)}`,
    stage,
  };
}

function edge(id: number, from: number, kind: RelationshipKind, to: number) {
  return { id: `r${String(id)}`, source: `p${String(from)}`, target: `p${String(to)}`, kind };
}

/*
 * 1 chief (approach planned) ← 2 subordinate (in contact) ← introduced by 3 (partner)
 * 1 subordinate_of 4 (watching) ← knows 5 (collaborating)
 * 6 (closed) colleague of 1; 7 (in contact) isolated; agency a1 where 1 and 2 work.
 */
const graph: Graph = {
  nodes: [
    person(1, 'approach_planned'),
    person(2, 'in_contact'),
    person(3, 'partner'),
    person(4, 'watching'),
    person(5, 'collaborating'),
    person(6, 'closed'),
    person(7, 'in_contact'),
    { kind: 'agency', id: 'a1', agencyId: 1, name: 'Police' },
  ],
  edges: [
    edge(1, 2, 'subordinate_of', 1),
    edge(2, 2, 'introduced_by', 3),
    edge(3, 1, 'subordinate_of', 4),
    edge(4, 5, 'knows', 4),
    edge(5, 6, 'colleague', 1),
    { id: 'w1', source: 'p1', target: 'a1', kind: 'works_at' },
    { id: 'w2', source: 'p2', target: 'a1', kind: 'works_at' },
  ],
  truncated: false,
};

describe('the map model', () => {
  it('finds the routes in from everyone in touch, shortest first, with their last link', () => {
    const model = buildMapModel(graph, 1);
    expect(model.focus?.id).toBe('p1');
    const routes = model.routes.map((route) => ({
      start: route.start.id,
      via: route.via,
      nodes: route.nodeIds,
      edges: route.edgeIds,
    }));
    expect(routes).toEqual([
      { start: 'p2', via: 'subordinate', nodes: ['p2', 'p1'], edges: ['r1'] },
      { start: 'p3', via: 'subordinate', nodes: ['p3', 'p2', 'p1'], edges: ['r2', 'r1'] },
      { start: 'p5', via: 'superior', nodes: ['p5', 'p4', 'p1'], edges: ['r4', 'r3'] },
    ]);
    // Each step says which way the stored relationship points, seen from where it starts.
    const viaIntroducer = model.routes[1]?.steps ?? [];
    expect(viaIntroducer.map((step) => [step.from, step.edge.kind, step.forward])).toEqual([
      ['p3', 'introduced_by', false],
      ['p2', 'subordinate_of', true],
    ]);
    // A person not connected to the focus has no route, however close we are to them.
    expect(model.routes.some((route) => route.start.id === 'p7')).toBe(false);
  });

  it('counts relationships without works_at and measures hops over every edge', () => {
    const model = buildMapModel(graph, 1);
    expect(model.relationshipCount).toBe(5);
    expect(model.distance.get('p1')).toBe(0);
    expect(model.distance.get('a1')).toBe(1);
    expect(model.distance.get('p3')).toBe(2);
    expect(model.distance.has('p7')).toBe(false);
    // Relationships from each side: 1 sees 2 as the subordinate, 4 as the superior.
    const of1 = (model.relations.get('p1') ?? []).map((r) => [r.other, r.edge.kind, r.forward]);
    expect(of1).toContainEqual(['p2', 'subordinate_of', false]);
    expect(of1).toContainEqual(['p4', 'subordinate_of', true]);
  });

  it('reads superior_of as subordinate_of the other way, and introduced routes', () => {
    const model = buildMapModel(
      {
        nodes: [person(1, 'vetting'), person(2, 'partner'), person(3, 'moved_on')],
        edges: [edge(1, 2, 'superior_of', 1), edge(2, 1, 'introduced_by', 3)],
        truncated: false,
      },
      1,
    );
    expect(model.edges[0]).toMatchObject({ source: 'p1', target: 'p2', kind: 'subordinate_of' });
    expect(model.routes.map((route) => [route.start.id, route.via])).toEqual([
      ['p2', 'superior'],
      ['p3', 'introducer'],
    ]);
  });

  it('has no focus and no routes for the whole network, or for a focus not on the map', () => {
    expect(buildMapModel(graph, null).routes).toEqual([]);
    expect(buildMapModel(graph, null).focus).toBeNull();
    expect(buildMapModel(graph, 99).focus).toBeNull();
  });
});
