/**
 * The person pickers' ranking (a note's persons, a relationship's other person, the persons of
 * a share, the map's centre): what was typed against each person's full name and codename —
 * never owner, notes or any other field, so "Орл" does not offer everyone whose owner is Орлов.
 *
 * Best first:
 *  0. exact: the words typed are the name's words, or the codename's (in any order);
 *  1. every word typed is the start of a different word of the name — or all of the
 *     codename's — so "Кудряшова Ф" puts Кудряшова Феврония before Кудряшова Анжела;
 *  2. the rest: every word typed appears somewhere in the name or the codename.
 * Within a rank: not archived first, then more words typed in full, then by name.
 *
 * Text is folded as search folds it (repos/search-index.ts: lower case, ё → е) and, as SQLite's
 * unicode61 tokenizer does for the search index, accents come off Latin letters (é → e) while
 * й stays apart from и.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Output, PersonCandidate } from '../../../shared/contract.ts';
import { pickablePersons, pickCandidates } from '../repos/person-pick.ts';
import { foldForSearch, SEARCH_WORD } from '../repos/search-index.ts';

/** Words of a query beyond this many narrow nothing a name could hold. */
const MAX_WORDS = 12;

/** Characters other than printable ASCII and basic Cyrillic: only these need decomposing. */
const NEEDS_DECOMPOSING = /[^ -~\u0400-\u045f]/u;
const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;

/** Lower case, ё → е, and Latin letters without accents; й and other Cyrillic letters kept. */
export function foldForPick(text: string): string {
  return refold(foldForSearch(text));
}

/** The rest of foldForPick, for text already lower-cased (the stored name and codename keys). */
function refold(lower: string): string {
  const text = lower.includes('ё') ? lower.replaceAll('ё', 'е') : lower;
  if (!NEEDS_DECOMPOSING.test(text)) return text;
  return text.normalize('NFD').replace(LATIN_MARKS, '$1').normalize('NFC');
}

function wordsOf(folded: string): string[] {
  return folded.match(SEARCH_WORD) ?? [];
}

export interface PickQuery {
  query: string;
  limit: number;
  excludeIds: readonly number[];
  includeArchived: boolean;
}

export type PickRank = 0 | 1 | 2;

interface Match {
  id: number;
  rank: PickRank;
  archived: boolean;
  /** Words typed that are a whole word of the name or codename. */
  whole: number;
  /** The folded name, to order by. */
  name: string;
}

/** Whether each word typed can start a different one of `targets` (a bipartite matching). */
function everyWordStartsOne(words: readonly string[], targets: readonly string[]): boolean {
  if (words.length > targets.length) return false;
  if (words.length === 1) {
    const word = words[0] ?? '';
    return targets.some((target) => target.startsWith(word));
  }
  const placedAt = new Array<number>(targets.length).fill(-1);
  const place = (word: number, seen: boolean[]): boolean => {
    for (let target = 0; target < targets.length; target++) {
      if (seen[target] || !(targets[target] ?? '').startsWith(words[word] ?? '')) continue;
      seen[target] = true;
      const before = placedAt[target] ?? -1;
      if (before === -1 || place(before, seen)) {
        placedAt[target] = word;
        return true;
      }
    }
    return false;
  };
  return words.every((_, word) => place(word, new Array<boolean>(targets.length).fill(false)));
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((word, index) => word === y[index]);
}

/**
 * How well `words` (folded) match a folded name and codename, and how many of them are whole
 * words there; null when some word is in neither.
 */
export function rankOf(
  words: readonly string[],
  name: string,
  codename: string,
): { rank: PickRank; whole: number } | null {
  for (const word of words) if (!name.includes(word) && !codename.includes(word)) return null;
  const nameWords = wordsOf(name);
  const codeWords = wordsOf(codename);
  let whole = 0;
  for (const word of words) if (nameWords.includes(word) || codeWords.includes(word)) whole++;
  const rank =
    sameWords(words, nameWords) || sameWords(words, codeWords)
      ? 0
      : everyWordStartsOne(words, nameWords) || everyWordStartsOne(words, codeWords)
        ? 1
        : 2;
  return { rank, whole };
}

function byRank(a: Match, b: Match): number {
  return (
    a.rank - b.rank ||
    Number(a.archived) - Number(b.archived) ||
    b.whole - a.whole ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
    a.id - b.id
  );
}

/** The best `limit` persons for what was typed, and how many match in all. */
export function pickPersons(db: Database, query: PickQuery): Output<'persons:pick'> {
  const words = wordsOf(foldForPick(query.query)).slice(0, MAX_WORDS);
  if (words.length === 0) return { candidates: [], total: 0 };
  const excluded = new Set(query.excludeIds);
  const matches: Match[] = [];
  for (const row of pickablePersons(db, query.includeArchived)) {
    if (excluded.has(row.id)) continue;
    const name = refold(row.name_key);
    const ranked = rankOf(words, name, refold(row.codename_key));
    if (ranked) matches.push({ id: row.id, archived: row.archived === 1, name, ...ranked });
  }
  const best = matches.sort(byRank).slice(0, query.limit);
  const details = new Map(
    pickCandidates(
      db,
      best.map((match) => match.id),
    ).map((r) => [r.id, r]),
  );
  const candidates = best.flatMap((match): PersonCandidate[] => {
    const row = details.get(match.id);
    return row
      ? [
          {
            id: row.id,
            fullName: row.full_name,
            codename: row.codename,
            position: row.position,
            agencyName: row.agency_name,
            stage: row.stage,
            archived: row.archived === 1,
          },
        ]
      : [];
  });
  return { candidates, total: matches.length };
}
