import { useTranslation } from 'react-i18next';
import type { PersonPage } from '../../../../shared/records.ts';
import { NoteCard } from '../notes/NoteCard.tsx';
import { formatDate, formatTimestamp } from './format.ts';

/** Case notes and stage moves, newest first. */
export function Timeline({ page }: { page: PersonPage }) {
  const { t, i18n } = useTranslation();
  const notes = page.timeline.filter((entry) => entry.type === 'note').length;
  return (
    <section className="panel person-section" aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="person-section__title">
        {t('ui.people.timeline.title')}
      </h2>
      {notes === 0 && page.olderNotes === 0 ? (
        <p className="muted">{t('ui.people.timeline.empty')}</p>
      ) : null}
      <ol className="timeline">
        {page.timeline.map((entry, index) =>
          entry.type === 'note' ? (
            <li key={`note-${String(entry.note.id)}`} className="timeline__item">
              <NoteCard note={entry.note} />
            </li>
          ) : (
            <li
              key={`stage-${String(index)}-${entry.at}`}
              className="timeline__item timeline__item--stage"
            >
              <span className="timeline__marker" aria-hidden="true" />
              <span>
                {entry.from === null
                  ? t('ui.people.timeline.stageStart', {
                      to: t(`ui.domain.stage.${entry.to}`),
                    })
                  : t('ui.people.timeline.stageMove', {
                      from: t(`ui.domain.stage.${entry.from}`),
                      to: t(`ui.domain.stage.${entry.to}`),
                    })}
              </span>{' '}
              <time className="muted" dateTime={entry.at}>
                {entry.at.length > 10
                  ? formatTimestamp(entry.at, i18n.language)
                  : formatDate(entry.at, i18n.language)}
              </time>
            </li>
          ),
        )}
      </ol>
      {page.olderNotes > 0 ? (
        <p className="muted">{t('ui.people.timeline.older', { count: page.olderNotes })}</p>
      ) : null}
    </section>
  );
}
