/** Placeholder: being built. */
export function AgencyPage({ id }: { id: number }) {
  return <p>AgencyPage {String(id)}</p>;
}
