/**
 * The one rule every way of setting a passphrase applies (CLI, first-run screen, settings).
 * Strength beyond the minimum is advice (the strength meter), not a rule.
 */
export const MIN_PASSPHRASE_LENGTH = 8;
export const MAX_PASSPHRASE_LENGTH = 1024;

export type PassphraseProblem = 'PASSPHRASE_EMPTY' | 'PASSPHRASE_TOO_SHORT' | 'PASSPHRASE_TOO_LONG';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Counts what the user sees as characters, not UTF-16 units: "пароль" is six. */
export function passphraseLength(passphrase: string): number {
  return Array.from(graphemes.segment(passphrase.normalize('NFC'))).length;
}

export function checkNewPassphrase(passphrase: string): PassphraseProblem | null {
  if (passphrase.trim().length === 0) return 'PASSPHRASE_EMPTY';
  const length = passphraseLength(passphrase);
  if (length < MIN_PASSPHRASE_LENGTH) return 'PASSPHRASE_TOO_SHORT';
  if (length > MAX_PASSPHRASE_LENGTH) return 'PASSPHRASE_TOO_LONG';
  return null;
}
