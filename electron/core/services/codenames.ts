/**
 * Codenames stand in for a person's name wherever the name must not appear (shares, exports,
 * the audit trail). Generated ones are two plain English words and a number ("Amber Heron 42"):
 * easy to say over the phone, the same in every language, and unrelated to the person.
 */
import { randomInt } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { codenameKey } from '../../../shared/domain.ts';
import { personIdByCodename } from '../repos/persons.ts';

const ADJECTIVES = [
  'Amber',
  'Ashen',
  'Azure',
  'Blue',
  'Brisk',
  'Bronze',
  'Calm',
  'Cedar',
  'Clear',
  'Cobalt',
  'Copper',
  'Coral',
  'Crimson',
  'Dawn',
  'Deep',
  'Dusk',
  'Early',
  'Ember',
  'Even',
  'Far',
  'Fern',
  'Flint',
  'Frost',
  'Gentle',
  'Glass',
  'Golden',
  'Granite',
  'Green',
  'Grey',
  'Hazel',
  'High',
  'Hollow',
  'Indigo',
  'Iron',
  'Ivory',
  'Jade',
  'Keen',
  'Late',
  'Lime',
  'Linen',
  'Lunar',
  'Maple',
  'Marble',
  'Mild',
  'Misty',
  'North',
  'Oak',
  'Olive',
  'Onyx',
  'Pale',
  'Pine',
  'Quiet',
  'Rapid',
  'Red',
  'River',
  'Rose',
  'Ruby',
  'Rust',
  'Sage',
  'Salt',
  'Sandy',
  'Silent',
  'Silver',
  'Slate',
  'Snowy',
  'Solar',
  'South',
  'Steady',
  'Still',
  'Stone',
  'Storm',
  'Summer',
  'Swift',
  'Tawny',
  'Teal',
  'Umber',
  'Velvet',
  'Violet',
  'Warm',
  'West',
  'White',
  'Wild',
  'Willow',
  'Winter',
] as const;

const NOUNS = [
  'Anchor',
  'Arrow',
  'Aspen',
  'Badger',
  'Beacon',
  'Birch',
  'Bison',
  'Bridge',
  'Brook',
  'Canyon',
  'Cedar',
  'Comet',
  'Condor',
  'Crane',
  'Creek',
  'Delta',
  'Dune',
  'Eagle',
  'Elk',
  'Falcon',
  'Fjord',
  'Forest',
  'Fox',
  'Glacier',
  'Grove',
  'Gull',
  'Harbor',
  'Hawk',
  'Heron',
  'Hill',
  'Ibis',
  'Island',
  'Jay',
  'Juniper',
  'Kestrel',
  'Lake',
  'Lantern',
  'Lark',
  'Linden',
  'Lynx',
  'Magpie',
  'Marsh',
  'Meadow',
  'Mesa',
  'Moose',
  'Moth',
  'Oriole',
  'Osprey',
  'Otter',
  'Owl',
  'Pebble',
  'Pelican',
  'Pine',
  'Plover',
  'Prairie',
  'Quail',
  'Raven',
  'Reed',
  'Ridge',
  'Robin',
  'Rowan',
  'Sable',
  'Sparrow',
  'Spruce',
  'Starling',
  'Stork',
  'Summit',
  'Swan',
  'Swift',
  'Tern',
  'Thrush',
  'Tide',
  'Valley',
  'Vole',
  'Walrus',
  'Willow',
  'Wolf',
  'Wren',
  'Yew',
  'Zephyr',
] as const;

/** A whole number from 0 up to (not including) `max`. */
export type RandomBelow = (max: number) => number;

function pick<T>(list: readonly T[], random: RandomBelow): T {
  return list[random(list.length)] as T;
}

/** The key codenames are unique by: case, script and Unicode form do not make a new one. */
/** Codenames compare by shared/domain.ts codenameKey (also used by the share review). */
export { codenameKey };

/** Words of a full name ("Иван Петров" → иван, петров), folded as codenameKey does. */
function nameWords(fullName: string): string[] {
  return codenameKey(fullName)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 3);
}

/** A codename must never give the name away: no word of the name may appear in it. */
export function revealsName(codename: string, fullName: string): boolean {
  const key = codenameKey(codename);
  return nameWords(fullName).some((word) => key.includes(word));
}

/**
 * A fresh codename that `isTaken` does not know and that shares no word with `fullName`.
 * 84 × 80 × 90 ≈ 600,000 combinations: a vault of 10,000 persons finds one in a try or two.
 */
export function generateCodename(
  isTaken: (codename: string) => boolean,
  fullName = '',
  /** Tests and the seeded demo data pass their own; otherwise crypto's randomInt. */
  random: RandomBelow = (max) => randomInt(max),
): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const candidate = `${pick(ADJECTIVES, random)} ${pick(NOUNS, random)} ${String(10 + random(90))}`;
    if (!isTaken(candidate) && !revealsName(candidate, fullName)) return candidate;
  }
  throw new Error('no free codename found');
}

/**
 * What is wrong with giving `fullName` this codename, if anything: another person has it
 * (whatever the case), or it contains a word of the name. `selfId` is the person being edited.
 */
export function codenameConflict(
  db: Database,
  codename: string,
  fullName: string,
  selfId?: number,
): 'taken' | 'revealsName' | null {
  const holder = personIdByCodename(db, codename);
  if (holder !== undefined && holder !== selfId) return 'taken';
  return revealsName(codename, fullName) ? 'revealsName' : null;
}
