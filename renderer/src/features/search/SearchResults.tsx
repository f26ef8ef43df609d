/** Placeholder: being built. */
export function SearchResults({ text }: { text: string }) {
  return <p>SearchResults {text}</p>;
}
