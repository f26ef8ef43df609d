import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../../shared/records.ts';
import { useFormatDate } from '../notes/format.ts';
import { RestrictedBadge } from '../notes/RestrictedBadge.tsx';

/** The passage that matched, with the matching words in <mark> (parts, never HTML). */
export function Snippet({ parts }: { parts: SearchHit['snippet'] }) {
  return (
    <span className="hit-snippet">
      {parts.map((part, index) =>
        part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </span>
  );
}

/** A hit's title as the user reads it (a note without a title says so). */
export function useHitTitle(): (hit: SearchHit) => string {
  const { t } = useTranslation();
  return (hit) =>
    hit.kind === 'note' && hit.title.trim() === '' ? t('ui.search.untitledNote') : hit.title;
}

/** Kind (and for a note: its kind and date), then the restricted badge. */
export function HitMeta({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <span className="hit-meta">
      <span className={`hit-kind hit-kind--${hit.kind}`}>{t(`ui.search.kind.${hit.kind}`)}</span>
      {hit.noteKind ? (
        <span className="hit-meta__detail">{t(`ui.domain.noteKind.${hit.noteKind}`)}</span>
      ) : null}
      {hit.date ? (
        <time className="hit-meta__detail" dateTime={hit.date}>
          {formatDate(hit.date)}
        </time>
      ) : null}
      {hit.restricted ? <RestrictedBadge label={t('ui.search.restricted')} /> : null}
    </span>
  );
}

/** Whom a note is about: "About: Irene Falk (Heron), Peter Lind (Juniper)"; nothing otherwise. */
export function HitPersons({ hit, className }: { hit: SearchHit; className: string }) {
  const { t } = useTranslation();
  if (hit.kind !== 'note' || hit.persons.length === 0) return null;
  const persons = hit.persons
    .map((person) =>
      t('ui.search.person', { fullName: person.fullName, codename: person.codename }),
    )
    .join(', ');
  return <span className={className}>{t('ui.search.about', { persons })}</span>;
}
