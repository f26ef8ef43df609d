/**
 * Passphrase strength, zxcvbn-style: a 0–4 score and feedback. Loaded on demand (its
 * dictionaries are large). Feedback comes back as keys (`strength.warnings.dates` …) that the
 * screen translates, so English and Russian users get the same advice.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { RUSSIAN_COMMON, RUSSIAN_ON_LATIN_LAYOUT } from './russian-passwords.ts';

export interface Strength {
  score: 0 | 1 | 2 | 3 | 4;
  warning: string | null;
  suggestions: string[];
}

/** Translation "texts" that are the keys themselves, so feedback is returned as keys. */
function keysAsTexts<T extends Record<string, Record<string, string>>>(translations: T): T {
  return Object.fromEntries(
    Object.entries(translations).map(([group, entries]) => [
      group,
      Object.fromEntries(Object.keys(entries).map((key) => [key, `${group}.${key}`])),
    ]),
  ) as T;
}

const zxcvbn = new ZxcvbnFactory({
  dictionary: {
    ...common.dictionary,
    ...english.dictionary,
    russianCommon: RUSSIAN_COMMON,
    russianOnLatinLayout: RUSSIAN_ON_LATIN_LAYOUT,
  },
  graphs: common.adjacencyGraphs,
  translations: keysAsTexts(english.translations),
});

export function estimateStrength(passphrase: string, userInputs: string[] = []): Strength {
  const result = zxcvbn.check(passphrase, [...userInputs, 'confidant', 'конфидант']);
  return {
    score: result.score,
    warning: result.feedback.warning,
    suggestions: result.feedback.suggestions,
  };
}
