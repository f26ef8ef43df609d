/** Placeholder: being built. */
export function PersonPage({ id }: { id: number }) {
  return <p>PersonPage {String(id)}</p>;
}
