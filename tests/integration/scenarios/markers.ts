/** Strings that must never appear in any file Confidant writes (names, quotes, Cyrillic). */
export const MARKERS = [
  'MARKER-Colonel-Petrov-7731',
  'МАРКЕР-Прокурор-Иванова-4412',
  'said in private: the chief will be replaced in March',
];

/** SQLite's file header: a plaintext database image would start with it. */
export const SQLITE_MAGIC = 'SQLite format 3';

/** The byte patterns to look for: each marker in UTF-8 and UTF-16LE, and SQLite's magic. */
export function forbiddenPatterns(): Buffer[] {
  return [
    ...MARKERS.flatMap((marker) => [Buffer.from(marker, 'utf8'), Buffer.from(marker, 'utf16le')]),
    Buffer.from(SQLITE_MAGIC, 'latin1'),
  ];
}

export function containsForbidden(bytes: Buffer): string | undefined {
  const hit = forbiddenPatterns().find((pattern) => bytes.includes(pattern));
  return hit?.toString('utf8');
}
