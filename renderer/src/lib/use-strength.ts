import { useEffect, useState } from 'react';
import type { Strength } from './passphrase-strength.ts';

/**
 * The strength of `passphrase`, computed a moment after typing stops (the estimator loads on
 * first use). While a new value is being estimated, the previous estimate stays on screen.
 */
export function usePassphraseStrength(
  passphrase: string,
  userInputs: string[] = [],
): Strength | null {
  const [estimate, setEstimate] = useState<Strength | null>(null);
  const inputs = userInputs.join('\n');
  useEffect(() => {
    if (!passphrase) return;
    let current = true;
    const timer = setTimeout(() => {
      void import('./passphrase-strength.ts').then(({ estimateStrength }) => {
        if (current) setEstimate(estimateStrength(passphrase, inputs ? inputs.split('\n') : []));
      });
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [passphrase, inputs]);
  return passphrase ? estimate : null;
}

/** Below "fair" (2) the screens refuse a new passphrase, even one long enough for the core. */
export const MIN_STRENGTH_SCORE = 2;

export async function isTooWeak(passphrase: string, userInputs: string[] = []): Promise<boolean> {
  const { estimateStrength } = await import('./passphrase-strength.ts');
  return estimateStrength(passphrase, userInputs).score < MIN_STRENGTH_SCORE;
}
