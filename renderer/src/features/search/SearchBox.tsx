/** Placeholder: being built. */
export function SearchBox() {
  return <p>SearchBox</p>;
}
