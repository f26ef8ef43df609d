/**
 * `confidant demo`: fills a vault with plainly fictional, realistic data — about 70 % Russian
 * and 30 % English names (faker), agencies under national bodies, partner organisations,
 * persons spread over every stage, consent level and owner, relationships, case notes,
 * offers, risk assessments and engagement plans — for trying the app and for the benchmarks.
 *
 * Seeded: the same seed and the same day give the same vault. Everything is written with the
 * repositories the handlers use (so the search index and stage history are right), in one
 * transaction (10,000 persons and 100,000 notes take well under a minute).
 */
import { faker as fakerEn } from '@faker-js/faker/locale/en';
import { faker as fakerRu } from '@faker-js/faker/locale/ru';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import {
  agencyFields,
  CLOSED_REASONS,
  CONSENT_LEVELS,
  localDate,
  noteFields,
  OFFER_KINDS,
  OFFER_STATUSES,
  offerFields,
  partnerFields,
  personFields,
  REFORM_ORIENTATIONS,
  STANCES,
  type Consent,
  type NoteKind,
  type RelationshipKind,
  type Sphere,
  type Stage,
} from '../../../../shared/domain.ts';
import { appendAuditEvent } from '../../repos/audit-events.ts';
import { insertAgency } from '../../repos/agencies.ts';
import { insertNote } from '../../repos/case-notes.ts';
import { insertOffer } from '../../repos/offers.ts';
import { insertPartner } from '../../repos/partners.ts';
import { insertPerson } from '../../repos/persons.ts';
import { insertRelationship } from '../../repos/relationships.ts';
import { SETTING_DEMO, setSetting } from '../../repos/settings.ts';
import { codenameKey, generateCodename } from '../codenames.ts';
import { generateDemoRisk } from './risk.ts';
import * as T from './texts.ts';

export const MIN_DEMO_PEOPLE = 1;
export const MAX_DEMO_PEOPLE = 50_000;

export interface DemoOptions {
  people: number;
  seed: number;
  now: Date;
}

export interface DemoCounts {
  persons: number;
  agencies: number;
  partners: number;
  relationships: number;
  notes: number;
  offers: number;
  assessments: number;
  plans: number;
}

type Lang = T.DemoLanguage;

/** Random choices from the seeded faker, in the shapes the generator needs. */
export class Dice {
  below(max: number): number {
    return fakerEn.number.int({ min: 0, max: max - 1 });
  }
  chance(probability: number): boolean {
    return fakerEn.number.float({ min: 0, max: 1 }) < probability;
  }
  pick<V>(list: readonly V[]): V {
    return list[this.below(list.length)] as V;
  }
  /** A key by weight: { a: 3, b: 1 } gives a three times as often as b. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    let roll = fakerEn.number.float({ min: 0, max: entries.reduce((sum, [, w]) => sum + w, 0) });
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll <= 0) return key;
    }
    return (entries[entries.length - 1] as [K, number])[0];
  }
  /** `count` different items of `list`. */
  some<V>(list: readonly V[], count: number): V[] {
    const chosen = new Set<V>();
    const wanted = Math.min(count, list.length);
    while (chosen.size < wanted) chosen.add(this.pick(list));
    return [...chosen];
  }
  between(min: number, max: number): number {
    return min + this.below(max - min + 1);
  }
}

const STAGE_WEIGHTS: Readonly<Record<Stage, number>> = {
  watching: 30,
  vetting: 16,
  approach_planned: 10,
  in_contact: 14,
  collaborating: 9,
  partner: 5,
  dormant: 7,
  moved_on: 4,
  closed: 5,
};

const CONSENT_WEIGHTS: Readonly<Record<(typeof CONSENT_LEVELS)[number], number>> = {
  not_asked: 45,
  internal: 30,
  trusted_partners: 18,
  public: 7,
};

const NOTE_KIND_WEIGHTS: Readonly<Record<NoteKind, number>> = {
  meeting: 24,
  seminar: 8,
  conference: 6,
  reception: 4,
  letter_sent: 8,
  letter_received: 6,
  call: 16,
  court_hearing: 5,
  public_statement: 10,
  trip: 3,
  materials: 6,
  introduction: 4,
};

const AGENCY_SPHERES: readonly Sphere[] = [
  'police',
  'police',
  'prosecution',
  'prosecution',
  'judiciary',
  'judiciary',
  'migration',
  'juvenile_justice',
  'military_courts',
  'armed_forces',
  'police_education',
  'legislature',
  'executive',
  'international_organisation',
  'other',
];

interface DemoAgency {
  id: number;
  sphere: Sphere;
  region: string;
  lang: Lang;
  name: string;
}

export interface DemoPerson {
  id: number;
  lang: Lang;
  agency: DemoAgency | null;
  stage: Stage;
  consent: Consent;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w)\}/gu, (_, key: string) => values[key] ?? '');
}

function isoDaysFrom(today: Date, days: number): string {
  return localDate(new Date(today.getFullYear(), today.getMonth(), today.getDate() + days));
}

/** Fills `db` (an open, empty vault) with demo data; call inside one transaction. */
export function generateDemoData(db: Database, options: DemoOptions): DemoCounts {
  const { now } = options;
  fakerEn.seed(options.seed);
  fakerRu.seed(options.seed + 1);
  const dice = new Dice();
  const langOf = (): Lang => (dice.chance(0.7) ? 'ru' : 'en');

  // Partner organisations
  const partnerIds = T.PARTNERS.map((partner) =>
    insertPartner(
      db,
      partnerFields.parse({
        ...partner,
        notes: partner.kind === 'international' ? 'Usual recipient of shared names.' : '',
      }),
      now,
    ),
  );

  // Agencies: national bodies first, then regional offices under them.
  const agencyCount = Math.max(2, Math.round(options.people / 20));
  const agencies: DemoAgency[] = [];
  const names = new Set<string>();
  const uniqueName = (name: string, lang: Lang): string => {
    let candidate = name;
    for (let n = 2; names.has(codenameKey(candidate)); n++) {
      candidate = lang === 'ru' ? `${name} № ${String(n)}` : `${name} No. ${String(n)}`;
    }
    names.add(codenameKey(candidate));
    return candidate;
  };
  const national = new Map<Sphere, DemoAgency>();
  const addAgency = (sphere: Sphere, lang: Lang, name: string, region: string, parent?: number) => {
    const texts = T.AGENCY_TEXTS[lang];
    const fields = agencyFields.parse({
      name: uniqueName(name, lang),
      sphere,
      region,
      parentId: parent ?? null,
      admittedProblems: dice.some(texts.admitted, dice.between(1, 3)).join('\n\n'),
      publicComplaints: dice.some(texts.complaints, dice.between(1, 3)).join('\n\n'),
      commonInterest: dice.some(texts.common, dice.between(1, 2)).join('\n\n'),
    });
    const agency = {
      id: insertAgency(db, fields, now),
      sphere,
      region,
      lang,
      name: fields.name,
    };
    agencies.push(agency);
    return agency;
  };
  const nationalSpheres = Object.keys(T.NATIONAL_AGENCIES) as Sphere[];
  for (const sphere of nationalSpheres.slice(0, Math.max(1, Math.floor(agencyCount / 5)))) {
    const lang = langOf();
    const name = T.NATIONAL_AGENCIES[sphere]?.[lang] ?? sphere;
    national.set(sphere, addAgency(sphere, lang, name, lang === 'ru' ? 'Столица' : 'Capital'));
  }
  while (agencies.length < agencyCount) {
    // Mostly offices of the national bodies made above, the rest anywhere.
    const sphere =
      national.size > 0 && dice.chance(0.75)
        ? dice.pick([...national.keys()])
        : dice.pick(AGENCY_SPHERES);
    const lang = langOf();
    const province = dice.pick(T.PROVINCES);
    const name = fill(dice.pick(T.REGIONAL_AGENCIES[sphere][lang]), {
      p: lang === 'ru' ? province.ruGenitive : province.en,
    });
    addAgency(sphere, lang, name, province[lang], national.get(sphere)?.id);
  }

  // Persons
  const today = localDate(now);
  const taken = new Set<string>();
  const random = (max: number) => dice.below(max);
  const persons: DemoPerson[] = [];
  for (let i = 0; i < options.people; i++) {
    const lang = langOf();
    const sex = dice.chance(0.62) ? 'male' : 'female';
    const fullName =
      lang === 'ru'
        ? `${fakerRu.person.lastName(sex)} ${fakerRu.person.firstName(sex)} ${fakerRu.person.middleName(sex)}`
        : `${fakerEn.person.firstName(sex)} ${fakerEn.person.lastName()}`;
    const agency = dice.chance(0.93) ? dice.pick(agencies) : null;
    const stage = dice.weighted(STAGE_WEIGHTS);
    const codename = generateCodename(
      (candidate) => taken.has(codenameKey(candidate)),
      fullName,
      random,
    );
    taken.add(codenameKey(codename));
    const followUp = dice.chance(0.6)
      ? dice.chance(0.25)
        ? isoDaysFrom(now, -dice.below(30))
        : isoDaysFrom(now, 1 + dice.below(120))
      : null;
    const fields = personFields.parse({
      fullName,
      codename,
      position: dice.pick(T.POSITIONS[lang]),
      rank: dice.pick(T.RANKS[lang]),
      agencyId: agency?.id ?? null,
      unit: '',
      sphere: agency?.sphere ?? 'other',
      region: agency ? agency.region : '',
      stage,
      closedReason: stage === 'closed' ? dice.pick(CLOSED_REASONS) : null,
      professionalism: dice.chance(0.7) ? dice.between(1, 5) : null,
      influence: dice.chance(0.7) ? dice.between(1, 5) : null,
      reformOrientation: dice.pick(REFORM_ORIENTATIONS),
      sincerityConcern: dice.chance(0.12) ? dice.pick(T.SINCERITY[lang]) : '',
      needs: dice.chance(0.5) ? dice.pick(T.NEEDS[lang]) : '',
      consent: dice.weighted(CONSENT_WEIGHTS),
      owner: dice.pick(T.OWNERS),
      nextFollowUp: followUp,
      tags: dice.some(T.TAGS[lang], dice.below(4)),
      about: dice.chance(0.6) ? dice.pick(T.ABOUT[lang]) : '',
    });
    persons.push({
      id: insertPerson(db, { ...fields, codename }, now),
      lang,
      agency,
      stage,
      consent: fields.consent,
    });
  }

  // Relationships: about 1.5 a person, mostly within an agency; no one related to themselves,
  // no pair twice.
  const byAgency = new Map<number, DemoPerson[]>();
  for (const person of persons) {
    if (!person.agency) continue;
    const list = byAgency.get(person.agency.id) ?? [];
    list.push(person);
    byAgency.set(person.agency.id, list);
  }
  const pairs = new Set<string>();
  let relationships = 0;
  const wantedRelationships = persons.length > 1 ? Math.round(persons.length * 1.5) : 0;
  for (
    let attempt = 0;
    relationships < wantedRelationships && attempt < wantedRelationships * 5;
    attempt++
  ) {
    const from = dice.pick(persons);
    const sameAgency = from.agency ? (byAgency.get(from.agency.id) ?? []) : [];
    const to =
      sameAgency.length > 1 && dice.chance(0.65) ? dice.pick(sameAgency) : dice.pick(persons);
    if (to.id === from.id) continue;
    const kind: Exclude<RelationshipKind, 'superior_of'> = dice.weighted({
      subordinate_of: sameAgency.includes(to) ? 4 : 0.5,
      colleague: sameAgency.includes(to) ? 4 : 1,
      knows: 3,
      introduced_by: 2,
      influences: 1.5,
    });
    const [a, b] = from.id < to.id ? [from.id, to.id] : [to.id, from.id];
    const key = `${String(a)}-${String(b)}`;
    if (pairs.has(key)) continue;
    pairs.add(key);
    insertRelationship(
      db,
      { from: from.id, to: to.id, kind },
      dice.pick(T.RELATIONSHIP_NOTES[from.lang]),
      now,
    );
    relationships++;
  }

  // Case notes: about ten a person, each about one to three persons.
  const noteCount = persons.length * 10;
  for (let i = 0; i < noteCount; i++) {
    const first = dice.pick(persons);
    const others = dice.chance(0.35) ? dice.some(persons, dice.between(1, 2)) : [];
    const personIds = [...new Set([first.id, ...others.map((p) => p.id)])];
    const lang = first.lang;
    const kind = dice.weighted(NOTE_KIND_WEIGHTS);
    const province = dice.pick(T.PROVINCES);
    const values = {
      a: first.agency?.name ?? (lang === 'ru' ? 'ведомстве' : 'the ministry'),
      t: dice.pick(T.TOPICS[lang]),
      e: dice.pick(T.EVENTS[lang]),
      p: province[lang],
    };
    const body = noteBody(dice, lang, values);
    const statement = kind === 'public_statement';
    const occurredOn = isoDaysFrom(now, -dice.below(3 * 365));
    insertNote(
      db,
      noteFields.parse({
        occurredOn,
        kind,
        personIds,
        title: fill(dice.pick(T.NOTE_TITLES[lang][kind]), values).slice(0, 200),
        body,
        askedFor: !statement && dice.chance(0.35) ? dice.pick(T.ASKED_FOR[lang]) : '',
        offered: !statement && dice.chance(0.3) ? dice.pick(T.OFFERED[lang]) : '',
        followUpOn: dice.chance(0.1) ? isoDaysFrom(now, dice.between(-10, 60)) : null,
        restricted: dice.chance(0.1),
        source: statement ? dice.pick(T.SOURCES[lang]) : '',
        stance: statement ? dice.pick(STANCES) : null,
      }),
      now,
    );
  }

  // Offers: about one for every second person.
  const offerCount = Math.round(persons.length / 2);
  for (let i = 0; i < offerCount; i++) {
    const person = dice.pick(persons);
    const status = dice.pick(OFFER_STATUSES);
    const proposedOn = status === 'idea' ? null : isoDaysFrom(now, -dice.below(700));
    insertOffer(
      db,
      offerFields.parse({
        personId: person.id,
        kind: dice.pick(OFFER_KINDS),
        partnerId: dice.chance(0.7) ? dice.pick(partnerIds) : null,
        status,
        description: dice.pick(T.OFFER_DESCRIPTIONS[person.lang]),
        proposedOn,
        completedOn:
          status === 'done' && proposedOn !== null && proposedOn < today
            ? isoDaysFrom(now, -dice.below(30))
            : null,
        outcome: status === 'done' ? (person.lang === 'ru' ? 'Состоялось' : 'Took place') : '',
      }),
      now,
    );
  }

  const { assessments, plans } = generateDemoRisk(db, dice, persons, now);

  const counts: DemoCounts = {
    persons: persons.length,
    agencies: agencies.length,
    partners: partnerIds.length,
    relationships,
    notes: noteCount,
    offers: offerCount,
    assessments,
    plans,
  };
  setSetting(db, SETTING_DEMO, 'true', now);
  appendAuditEvent(db, { action: 'demo.filled', detail: { ...counts, seed: options.seed } }, now);
  return counts;
}

/** A markdown body of about 200 to 800 characters in the note's language. */
function noteBody(dice: Dice, lang: Lang, values: Record<string, string>): string {
  const opening = fill(dice.pick(T.NOTE_OPENINGS[lang]), values);
  const details = dice.some(T.NOTE_DETAILS[lang], dice.between(2, 4));
  const next = fill(dice.pick(T.NOTE_NEXT[lang]), values);
  let body = `${opening}\n\n${details.join('\n')}\n\n${next}`;
  while (body.length > 800 && details.length > 1) {
    details.pop();
    body = `${opening}\n\n${details.join('\n')}\n\n${next}`;
  }
  if (body.length < 200) body += `\n\n${dice.pick(T.NOTE_DETAILS[lang])}`;
  return body.slice(0, 800);
}
