/** Placeholder: being built. */
export function ImportArea() {
  return <p>ImportArea</p>;
}
