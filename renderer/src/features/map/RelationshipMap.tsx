/** Placeholder: being built. */
export function RelationshipMap({ focusPersonId }: { focusPersonId: number | null }) {
  return <p>RelationshipMap {String(focusPersonId)}</p>;
}
