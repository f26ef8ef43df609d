/**
 * Words for the risk records: the review state of an assessment and the changes between two
 * versions (shared/risk.ts assessmentChanges computes them; this only puts them into words).
 */
import type { TFunction } from 'i18next';
import type { AssessmentChange, ReviewState } from '../../../../shared/risk.ts';
import { formatDate } from '../people/format.ts';

/** "a, b and c" in the user's language. */
export function listOf(items: readonly string[], language: string): string {
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items);
}

/** "review due 12 Jan 2027", "review overdue since …", "review due today". */
export function reviewText(
  t: TFunction,
  state: ReviewState,
  reviewDueOn: string,
  language: string,
): string {
  return t(`ui.riskAssessment.review.${state}`, { date: formatDate(reviewDueOn, language) });
}

/** One line of the history: "Visibility of the collaboration: 2 → 4", "Narrative changed". */
export function describeChange(t: TFunction, change: AssessmentChange, language: string): string {
  const key = 'ui.riskAssessment.history.change';
  const date = (value: string | null) =>
    value === null ? t(`${key}.noDate`) : formatDate(value, language);
  switch (change.field) {
    case 'likelihood':
    case 'impact':
      return t(`${key}.score`, {
        label: t(`${key}.${change.field}`),
        from: change.from,
        to: change.to,
      });
    case 'level':
      return t(`${key}.level`, {
        from: t(`ui.domain.riskLevel.${change.from}`),
        to: t(`ui.domain.riskLevel.${change.to}`),
      });
    case 'consent':
      return t(`${key}.consent`, {
        from: t(`ui.domain.consent.${change.from}`),
        to: t(`ui.domain.consent.${change.to}`),
      });
    case 'consentConfirmedOn':
    case 'reviewDueOn':
      return t(`${key}.${change.field}`, { from: date(change.from), to: date(change.to) });
    case 'mitigations': {
      const names = (list: readonly string[]) =>
        listOf(
          list.map((m) => t(`ui.domain.mitigation.${m}`)),
          language,
        );
      const parts = [
        change.added.length > 0 ? t(`${key}.added`, { list: names(change.added) }) : null,
        change.removed.length > 0 ? t(`${key}.removed`, { list: names(change.removed) }) : null,
      ].filter((part) => part !== null);
      return t(`${key}.mitigations`, { parts: parts.join('; ') });
    }
    // Free text is not repeated in the history: it can be long, and the version shows it.
    case 'mitigationNotes':
    case 'narrative':
    case 'assessor':
      return t(`${key}.${change.field}`);
    default:
      return t(`${key}.score`, {
        label: t(`ui.domain.riskFactor.${change.field}`),
        from: change.from,
        to: change.to,
      });
  }
}
