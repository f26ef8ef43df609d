/**
 * Slows down repeated wrong passphrases or recovery keys at the keyboard. (Argon2id already
 * costs ~1 s per guess; this adds a growing wait after the second wrong attempt, so someone
 * at an unattended laptop cannot try a list of guesses quickly.) It lives in the main process,
 * not in the page, so the page cannot skip it.
 */
import { VaultError } from '../errors.ts';

/** No wait for the first two misses; then 2, 4, 8, 16, 32, 60, 60 … seconds. */
export function waitAfterFailures(failures: number): number {
  return failures < 3 ? 0 : Math.min(60, 2 ** (failures - 2));
}

export class UnlockThrottle {
  readonly #failures = new Map<string, { count: number; until: number }>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Throws TOO_MANY_ATTEMPTS if `file` may not be tried yet. */
  check(file: string): void {
    const retryAfterSeconds = this.retryAfterSeconds(file);
    if (retryAfterSeconds > 0)
      throw new VaultError('TOO_MANY_ATTEMPTS', { file, retryAfterSeconds });
  }

  retryAfterSeconds(file: string): number {
    const entry = this.#failures.get(file);
    return entry ? Math.max(0, Math.ceil((entry.until - this.#now()) / 1000)) : 0;
  }

  failures(file: string): number {
    return this.#failures.get(file)?.count ?? 0;
  }

  recordFailure(file: string): void {
    const count = this.failures(file) + 1;
    this.#failures.set(file, { count, until: this.#now() + waitAfterFailures(count) * 1000 });
  }

  /** Forgets the failures for `file` and returns how many there were. */
  recordSuccess(file: string): number {
    const count = this.failures(file);
    this.#failures.delete(file);
    return count;
  }
}
