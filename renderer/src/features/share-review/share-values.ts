/**
 * The share review's state as plain data: the first step's form (recipient, purpose, who
 * reviewed, fields, persons), each person's decision and override, the counts, the request
 * the export channels carry, and the suggested file name. No React here; the rules are
 * shared/share-review.ts, called as they are.
 */
import { z } from 'zod';
import type { ShareRecipient, ShareChoiceInput, ShareField } from '../../../../shared/share.ts';
import {
  MAX_REVIEWED_BY,
  MAX_SHARE_PERSONS,
  MAX_SHARE_PURPOSE,
  MAX_SHARE_TITLE,
  SHARE_FIELDS,
} from '../../../../shared/share.ts';
import {
  isOverride,
  MIN_JUSTIFICATION,
  overrideProblem,
  RECIPIENT_KINDS,
  SHARE_DECISIONS,
  type ShareDecision,
} from '../../../../shared/share-review.ts';
import { codenameKey } from '../../../../shared/domain.ts';
import type { ReviewCandidate } from '../../../../shared/share.ts';
import type { ChosenPerson } from '../notes/PersonPicker.tsx';

// The core's limits, from the contract, said to the user before the core refuses.
export { MAX_REVIEWED_BY };
export const MAX_PURPOSE = MAX_SHARE_PURPOSE;
export const MAX_TITLE = MAX_SHARE_TITLE;

/** Fields ticked when a share starts: where and in which sphere, not who or what was said. */
export const DEFAULT_FIELDS: readonly ShareField[] = ['sphere', 'region', 'position', 'agency'];

/**
 * The first step. Each problem's message is the key of its sentence under
 * ui.shareReview.setup.problems (the form words it in the user's language).
 */
export const setupSchema = z
  .object({
    recipientKind: z.enum(RECIPIENT_KINDS),
    /** The partner's id as the select holds it ('' = none chosen). */
    partnerId: z.string(),
    title: z.string(),
    purpose: z.string().trim().min(1, 'purposeNeeded').max(MAX_PURPOSE, 'purposeTooLong'),
    reviewedBy: z
      .string()
      .trim()
      .min(1, 'reviewedByNeeded')
      .max(MAX_REVIEWED_BY, 'reviewedByTooLong'),
    fields: z.array(z.enum(SHARE_FIELDS)),
    persons: z
      .array(
        z.object({
          id: z.number(),
          fullName: z.string(),
          codename: z.string(),
          // Shown in the banner of who is being shared (known when picked or loaded).
          position: z.string().optional(),
          agencyName: z.string().nullable().optional(),
        }),
      )
      .min(1, 'personsNeeded')
      .max(MAX_SHARE_PERSONS, 'personsTooMany'),
  })
  .superRefine((values, context) => {
    if (values.recipientKind === 'partner' && values.partnerId === '') {
      context.addIssue({ code: 'custom', path: ['partnerId'], message: 'partnerNeeded' });
    }
    if (values.recipientKind === 'publication') {
      const title = values.title.trim();
      if (title === '') {
        context.addIssue({ code: 'custom', path: ['title'], message: 'titleNeeded' });
      } else if (title.length > MAX_TITLE) {
        context.addIssue({ code: 'custom', path: ['title'], message: 'titleTooLong' });
      }
    }
  });
export type SetupValues = z.input<typeof setupSchema>;
export type SetupOutput = z.output<typeof setupSchema>;
export type SetupProblem =
  | 'partnerNeeded'
  | 'titleNeeded'
  | 'titleTooLong'
  | 'purposeNeeded'
  | 'purposeTooLong'
  | 'reviewedByNeeded'
  | 'reviewedByTooLong'
  | 'personsNeeded'
  | 'personsTooMany';

export function initialSetup(
  initialPartnerId: number | null,
  persons: ChosenPerson[] = [],
  reviewedBy = '',
): SetupValues {
  return {
    recipientKind: initialPartnerId === null ? 'internal' : 'partner',
    partnerId: initialPartnerId === null ? '' : String(initialPartnerId),
    title: '',
    purpose: '',
    reviewedBy,
    fields: [...DEFAULT_FIELDS],
    persons,
  };
}

/** The recipient the first step describes (null while it is incomplete). */
export function recipientOf(values: SetupValues): ShareRecipient | null {
  switch (values.recipientKind) {
    case 'internal':
      return { kind: 'internal' };
    case 'partner': {
      const id = Number(values.partnerId);
      return values.partnerId !== '' && Number.isInteger(id) && id > 0
        ? { kind: 'partner', partnerId: id }
        : null;
    }
    case 'publication': {
      const title = values.title.trim();
      return title === '' ? null : { kind: 'publication', title };
    }
  }
}

/**
 * What a review was made for: the recipient and the persons. When the first step no longer
 * matches it, the review is out of date and must be made again before anything is written.
 */
export function reviewKey(values: SetupValues): string {
  return JSON.stringify({
    recipient: recipientOf(values),
    persons: values.persons.map((person) => person.id),
  });
}

/** A leader's decision for one person, with the override they typed (kept if they go back). */
export interface PersonChoice {
  /** The rules' decision this choice was made against. */
  ruled: ShareDecision;
  decision: ShareDecision;
  justification: string;
  typedCodename: string;
}

/**
 * Each candidate starts at the rules' decision. A choice made in an earlier review of the same
 * person is kept when the rules still decide the same (reviewing again after changing the
 * purpose does not throw away a written justification).
 */
export function initialChoices(
  candidates: readonly ReviewCandidate[],
  previous: Readonly<Record<number, PersonChoice>> = {},
): Record<number, PersonChoice> {
  return Object.fromEntries(
    candidates.map((candidate) => {
      const before = previous[candidate.personId];
      const kept = before?.ruled === candidate.decision ? before : undefined;
      return [
        candidate.personId,
        kept ?? {
          ruled: candidate.decision,
          decision: candidate.decision,
          justification: '',
          typedCodename: '',
        },
      ];
    }),
  );
}

export interface OverrideState {
  /** The choice opens up what the rules decided. */
  override: boolean;
  /** The justification is too short (live, from the shared rule). */
  justificationShort: boolean;
  /** Something was typed and it is not the codename. */
  codenameMismatch: boolean;
  /** The override stands (or there is none). */
  valid: boolean;
}

export function overrideState(codename: string, choice: PersonChoice): OverrideState {
  const override = isOverride(choice.ruled, choice.decision);
  if (!override) {
    return { override, justificationShort: false, codenameMismatch: false, valid: true };
  }
  const problem = overrideProblem(
    choice.ruled,
    choice.decision,
    { justification: choice.justification, typedCodename: choice.typedCodename },
    codename,
  );
  return {
    override,
    justificationShort: choice.justification.trim().length < MIN_JUSTIFICATION,
    codenameMismatch:
      choice.typedCodename.trim() !== '' &&
      codenameKey(choice.typedCodename) !== codenameKey(codename),
    valid: problem === null,
  };
}

export type DecisionCounts = Record<ShareDecision, number>;

export function countDecisions(decisions: readonly ShareDecision[]): DecisionCounts {
  const counts: DecisionCounts = { named: 0, codename: 0, withheld: 0 };
  for (const decision of decisions) counts[decision] += 1;
  return counts;
}

export function chosenDecisions(
  candidates: readonly ReviewCandidate[],
  choices: Readonly<Record<number, PersonChoice>>,
): ShareDecision[] {
  return candidates.map((candidate) => choices[candidate.personId]?.decision ?? candidate.decision);
}

/** The choices as the export channels take them, in the review's order. */
export function toShareChoices(
  candidates: readonly ReviewCandidate[],
  choices: Readonly<Record<number, PersonChoice>>,
): ShareChoiceInput[] {
  return candidates.map((candidate) => {
    const choice = choices[candidate.personId];
    const decision = choice?.decision ?? candidate.decision;
    return {
      personId: candidate.personId,
      decision,
      override:
        choice && isOverride(candidate.decision, decision)
          ? {
              justification: choice.justification.trim(),
              typedCodename: choice.typedCodename.trim(),
            }
          : null,
    };
  });
}

/** The outputs, in the order the screen offers them. */
export const OUTPUTS = ['pdf', 'html', 'csv', 'package'] as const;
export type Output = (typeof OUTPUTS)[number];
export type Seal = 'partner-key' | 'passphrase';

const EXTENSIONS: Record<Output, string> = {
  pdf: 'pdf',
  html: 'html',
  csv: 'csv',
  package: 'confidant-share',
};

/** A file-name-safe piece: letters and digits of any script, the rest turned into dashes. */
export function slug(text: string, fallback: string): string {
  const cleaned = text
    .normalize('NFC')
    .toLocaleLowerCase('und')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return cleaned === '' ? fallback : cleaned;
}

/** "confidant-amnesty-international-2026-11-21.pdf" */
export function suggestedFileName(recipientName: string, today: string, output: Output): string {
  return `confidant-${slug(recipientName, 'share')}-${today}.${EXTENSIONS[output]}`;
}

export function isDecision(value: unknown): value is ShareDecision {
  return (SHARE_DECISIONS as readonly unknown[]).includes(value);
}

export function isOutput(value: unknown): value is Output {
  return (OUTPUTS as readonly unknown[]).includes(value);
}
