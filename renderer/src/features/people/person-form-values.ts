/**
 * The person form's values (what the inputs hold: text, and keys for the drop-downs) and their
 * conversion to and from the shared personFields. Each field is checked with the shared zod
 * schema for it, so the form refuses exactly what the core would, in the user's language.
 */
import type { TFunction } from 'i18next';
import { z } from 'zod';
import {
  CLOSED_REASONS,
  codename,
  CONSENT_LEVELS,
  isoDate,
  LIMITS,
  personFields,
  REFORM_ORIENTATIONS,
  SPHERES,
  STAGES,
  tag,
  type PersonFieldsInput,
} from '../../../../shared/domain.ts';
import type { Person } from '../../../../shared/records.ts';

export const RATINGS = ['unset', '1', '2', '3', '4', '5'] as const;
export type Rating = (typeof RATINGS)[number];

export interface PersonFormValues {
  fullName: string;
  codename: string;
  position: string;
  rank: string;
  /** 'none' or an agency id. */
  agencyId: string;
  unit: string;
  sphere: (typeof SPHERES)[number];
  region: string;
  stage: (typeof STAGES)[number];
  closedReason: (typeof CLOSED_REASONS)[number] | 'unset';
  professionalism: Rating;
  influence: Rating;
  reformOrientation: (typeof REFORM_ORIENTATIONS)[number];
  sincerityConcern: string;
  needs: string;
  consent: (typeof CONSENT_LEVELS)[number];
  owner: string;
  /** YYYY-MM-DD or ''. */
  nextFollowUp: string;
  /** Comma-separated. */
  tags: string;
  about: string;
}

export const EMPTY_PERSON: PersonFormValues = {
  fullName: '',
  codename: '',
  position: '',
  rank: '',
  agencyId: 'none',
  unit: '',
  sphere: 'other',
  region: '',
  stage: 'watching',
  closedReason: 'unset',
  professionalism: 'unset',
  influence: 'unset',
  reformOrientation: 'unknown',
  sincerityConcern: '',
  needs: '',
  consent: 'not_asked',
  owner: '',
  nextFollowUp: '',
  tags: '',
  about: '',
};

export function splitTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;]/u)
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    ),
  ];
}

const rating = (value: number | null): Rating =>
  value === null ? 'unset' : (String(value) as Rating);
const fromRating = (value: Rating): number | null => (value === 'unset' ? null : Number(value));

export function valuesOf(person: Person): PersonFormValues {
  return {
    fullName: person.fullName,
    codename: person.codename,
    position: person.position,
    rank: person.rank,
    agencyId: person.agencyId === null ? 'none' : String(person.agencyId),
    unit: person.unit,
    sphere: person.sphere,
    region: person.region,
    stage: person.stage,
    closedReason: person.closedReason ?? 'unset',
    professionalism: rating(person.professionalism),
    influence: rating(person.influence),
    reformOrientation: person.reformOrientation,
    sincerityConcern: person.sincerityConcern,
    needs: person.needs,
    consent: person.consent,
    owner: person.owner,
    nextFollowUp: person.nextFollowUp ?? '',
    tags: person.tags.join(', '),
    about: person.about,
  };
}

export function fieldsOf(values: PersonFormValues): PersonFieldsInput {
  return {
    fullName: values.fullName.trim(),
    codename: values.codename.trim(),
    position: values.position.trim(),
    rank: values.rank.trim(),
    agencyId: values.agencyId === 'none' ? null : Number(values.agencyId),
    unit: values.unit.trim(),
    sphere: values.sphere,
    region: values.region.trim(),
    stage: values.stage,
    closedReason:
      values.stage === 'closed' && values.closedReason !== 'unset' ? values.closedReason : null,
    professionalism: fromRating(values.professionalism),
    influence: fromRating(values.influence),
    reformOrientation: values.reformOrientation,
    sincerityConcern: values.sincerityConcern.trim(),
    needs: values.needs.trim(),
    consent: values.consent,
    owner: values.owner.trim(),
    nextFollowUp: values.nextFollowUp === '' ? null : values.nextFollowUp,
    tags: splitTags(values.tags),
    about: values.about.trim(),
  };
}

/** The sentence for what the shared schema found wrong with one field. */
function problem(t: TFunction, issue: z.core.$ZodIssue, field: string): string {
  const key = (name: string, options: Record<string, unknown> = {}) =>
    t(`ui.people.form.problems.${name}`, options);
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1
        ? key('required')
        : key('tooShort', { minimum: issue.minimum });
    case 'too_big':
      return issue.origin === 'array'
        ? key('tooManyTags', { maximum: issue.maximum })
        : key('tooLong', { maximum: issue.maximum });
    case 'invalid_format':
      if (field === 'codename') return key('codename');
      if (field === 'tags') return key('tag', { maximum: LIMITS.tag });
      return issue.format === 'date' ? key('date') : key('invalid');
    default:
      return key('invalid');
  }
}

/** A text input checked against a shared schema, trimmed as the core will trim it. */
function checked(t: TFunction, field: string, schema: z.ZodType) {
  return z.string().superRefine((value, ctx) => {
    const result = schema.safeParse(value);
    const issue = result.error?.issues[0];
    if (issue) ctx.addIssue({ code: 'custom', message: problem(t, issue, field) });
  });
}

export function personFormSchema(t: TFunction) {
  const shape = personFields.shape;
  const text = (field: keyof typeof shape) => checked(t, field, shape[field]);
  return z.object({
    fullName: text('fullName'),
    codename: checked(t, 'codename', codename),
    position: text('position'),
    rank: text('rank'),
    agencyId: z.string(),
    unit: text('unit'),
    sphere: z.enum(SPHERES),
    region: text('region'),
    stage: z.enum(STAGES),
    closedReason: z.enum([...CLOSED_REASONS, 'unset']),
    professionalism: z.enum(RATINGS),
    influence: z.enum(RATINGS),
    reformOrientation: z.enum(REFORM_ORIENTATIONS),
    sincerityConcern: text('sincerityConcern'),
    needs: text('needs'),
    consent: z.enum(CONSENT_LEVELS),
    owner: text('owner'),
    nextFollowUp: z.string().superRefine((value, ctx) => {
      if (value !== '' && !isoDate.safeParse(value).success)
        ctx.addIssue({ code: 'custom', message: t('ui.people.form.problems.date') });
    }),
    tags: z.string().superRefine((value, ctx) => {
      const result = z.array(tag).max(LIMITS.tags).safeParse(splitTags(value));
      const issue = result.error?.issues[0];
      if (issue) ctx.addIssue({ code: 'custom', message: problem(t, issue, 'tags') });
    }),
    about: text('about'),
  });
}
