/** What the map's parts share: centring the map on a person, and naming nodes and relations. */
import { navigate } from '../../app/navigation.ts';
import type { MapModel, Relation } from './map-model.ts';

export function centre(personId: number): void {
  navigate({ area: 'map', focusPersonId: personId });
}

/** One relationship from a node's side, e.g. "subordinate of" + the other person. */
export function relationPhrase(t: (key: string) => string, relation: Relation): string {
  return relation.forward
    ? t(`ui.map.kind.${relation.edge.kind}`)
    : t(`ui.map.reverse.${relation.edge.kind}`);
}

export function nameOf(model: MapModel, id: string): string {
  return model.persons.get(id)?.fullName ?? model.agencies.get(id)?.name ?? '';
}
