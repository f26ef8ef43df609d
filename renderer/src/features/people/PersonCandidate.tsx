/**
 * One person as a picker offers them: the name, then what tells two people of the same name
 * apart — position, agency and codename (and "archived") — on the line below.
 */
import { useTranslation } from 'react-i18next';
import type { PersonCandidate as Candidate } from '../../../../shared/contract.ts';
import './person-pick.css';

/** "Судья · Областной суд · кодовое имя Сокол 34": the words after the name. */
export function useCandidateDetails(): (candidate: DetailsOf) => string {
  const { t } = useTranslation();
  return (candidate) =>
    [
      candidate.position,
      candidate.agencyName,
      t('ui.people.pick.codename', { codename: candidate.codename }),
      candidate.archived ? t('ui.people.pick.archived') : '',
    ]
      .filter(Boolean)
      .join(' · ');
}

/** What the details line needs (a candidate, or a person chosen earlier with what is known). */
export interface DetailsOf {
  codename: string;
  position?: string | undefined;
  agencyName?: string | null | undefined;
  archived?: boolean | undefined;
}

export function PersonCandidateText({ candidate }: { candidate: Candidate }) {
  const details = useCandidateDetails();
  return (
    <span className="person-candidate">
      <span className="person-candidate__name">{candidate.fullName}</span>
      <span className="person-candidate__details">{details(candidate)}</span>
    </span>
  );
}

/** The option's text for type-ahead and screen readers: the name, then its details. */
export function useCandidateLabel(): (candidate: Candidate) => string {
  const details = useCandidateDetails();
  return (candidate) => `${candidate.fullName}, ${details(candidate)}`;
}

/** Below the list when more match than are shown. */
export function MoreMatches({ shown, total }: { shown: number; total: number }) {
  const { t } = useTranslation();
  if (total <= shown) return null;
  return <p className="person-pick__more">{t('ui.people.pick.more', { count: total, shown })}</p>;
}
