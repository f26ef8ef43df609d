/** Placeholder: being built. */
export function QuickNoteDialog() {
  return null;
}
