/**
 * Cells of a closed-list column (sphere, stage, consent) that are none of the list's spellings
 * (columns.ts): the preview offers to map each distinct one, and suggests what it likely means
 * — common spellings NGOs use ("контакт" → in contact, "на паузе" → dormant), or a label whose
 * words begin the same way ("наблюдается" → watching). A suggestion is shown, selected, in the
 * mapping step; the user can change it or leave the field empty.
 *
 * Consent is never guessed towards sharing: only "not asked" and "internal" are suggested, and
 * the levels that let a name leave the organisation must be chosen by a person.
 */
import type { Consent, Sphere, Stage } from '../../../../shared/domain.ts';
import type { ImportValueField } from '../../../../shared/import.ts';
import { normalizeLabel, SPHERE_LABELS, STAGE_LABELS } from './columns.ts';

/** Spellings that are not a label but say plainly which value they mean. */
const STAGE_SPELLINGS: Record<Stage, readonly string[]> = {
  watching: ['watch', 'monitoring', 'observing', 'new', 'мониторинг', 'новый', 'новая', 'следим'],
  vetting: ['vet', 'check', 'checking', 'screening', 'на проверке', 'проверить'],
  approach_planned: [
    'approach',
    'planned',
    'to approach',
    'подход',
    'планируем',
    'планируется',
    'запланирован',
    'запланировано',
  ],
  in_contact: [
    'contact',
    'contacted',
    'in touch',
    'talking',
    'контакт',
    'в контакте',
    'на контакте',
    'есть контакт',
    'связь',
    'общаемся',
  ],
  collaborating: [
    'collaboration',
    'cooperating',
    'cooperation',
    'working together',
    'сотрудничает',
    'работаем',
    'работаем вместе',
  ],
  partner: ['partners', 'partnership', 'ally', 'партнерство', 'союзник'],
  dormant: ['paused', 'pause', 'on hold', 'inactive', 'на паузе', 'неактивен', 'неактивна'],
  moved_on: [
    'moved',
    'left',
    'transferred',
    'ушел',
    'ушла',
    'уволен',
    'уволена',
    'переведен',
    'переведена',
  ],
  closed: ['close', 'ended', 'stopped', 'закрыт', 'закрыта', 'прекращено', 'отказ'],
};

const SPHERE_SPELLINGS: Record<Sphere, readonly string[]> = {
  judiciary: ['court', 'courts', 'judge', 'judges', 'судья', 'судьи', 'судебная власть'],
  military_courts: ['military court', 'военный трибунал'],
  police: ['law enforcement', 'полицейские', 'милиция'],
  prosecution: ['prosecutor', 'prosecutors', 'прокурор', 'прокуроры'],
  migration: ['immigration', 'мигранты', 'фмс', 'гувм'],
  juvenile_justice: ['juvenile', 'youth justice', 'ювенальная', 'несовершеннолетние'],
  armed_forces: ['army', 'military', 'минобороны', 'вооруженные силы'],
  police_education: ['police academy', 'police school', 'академия мвд'],
  legislature: ['parliament', 'duma', 'дума', 'депутат', 'депутаты', 'законодательное собрание'],
  executive: ['government', 'ministry', 'правительство', 'министерство', 'администрация'],
  international_organisation: ['un', 'united nations', 'оон', 'обсе', 'osce', 'council of europe'],
  other: ['misc', 'разное'],
};

/** Consent: only the levels that keep a name inside (see the comment at the top). */
const CONSENT_SPELLINGS: Partial<Record<Consent, readonly string[]>> = {
  not_asked: ['no', 'not yet', 'unknown', 'нет', 'пока нет', 'неизвестно', 'не знаем'],
  internal: ['internal', 'inside only', 'внутреннее', 'внутри организации'],
};

interface Spelling {
  value: string;
  words: string[];
}

function spellingsOf(
  labels: Record<string, readonly string[]>,
  extra: Partial<Record<string, readonly string[]>>,
): Spelling[] {
  return Object.keys(labels).flatMap((value) =>
    [...(labels[value] ?? []), ...(extra[value] ?? [])].map((spelling) => ({
      value,
      words: normalizeLabel(spelling).split(' '),
    })),
  );
}

const EXACT: Record<ImportValueField, Map<string, string>> = {
  stage: exactMap(STAGE_SPELLINGS),
  sphere: exactMap(SPHERE_SPELLINGS),
  consent: exactMap(CONSENT_SPELLINGS),
};

function exactMap(spellings: Partial<Record<string, readonly string[]>>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [value, list] of Object.entries(spellings)) {
    for (const spelling of list ?? []) map.set(normalizeLabel(spelling), value);
  }
  return map;
}

/** Labels and spellings whose words a cell's words may begin like (not consent's). */
const FUZZY: Partial<Record<ImportValueField, Spelling[]>> = {
  stage: spellingsOf(STAGE_LABELS, STAGE_SPELLINGS),
  sphere: spellingsOf(SPHERE_LABELS, SPHERE_SPELLINGS),
};

/** Two words alike: the same first five letters (or the whole of a four-letter word). */
function alike(a: string, b: string): boolean {
  if (a.length < 4 || b.length < 4) return false;
  const length = Math.min(5, a.length, b.length);
  return a.slice(0, length) === b.slice(0, length);
}

/**
 * What an unknown cell of `field` most likely means, or null: a common spelling, else the
 * value whose label shares the most words with it (fewer words of the label left over
 * breaking a tie); a tie between two values suggests nothing.
 */
export function suggestValue(field: ImportValueField, text: string): string | null {
  const key = normalizeLabel(text);
  const exact = EXACT[field].get(key);
  if (exact !== undefined) return exact;
  const spellings = FUZZY[field];
  if (!spellings) return null;
  const words = key.split(' ').filter((word) => word.length >= 4);
  if (words.length === 0) return null;
  const best = new Map<string, number>();
  for (const spelling of spellings) {
    const matched = spelling.words.filter((word) => words.some((typed) => alike(typed, word)));
    if (matched.length === 0) continue;
    const score = matched.length - (spelling.words.length - matched.length) / 2;
    best.set(spelling.value, Math.max(best.get(spelling.value) ?? -Infinity, score));
  }
  const ranked = [...best.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] <= 0 || (second && second[1] === first[1])) return null;
  return first[0];
}
