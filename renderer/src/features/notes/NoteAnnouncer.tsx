import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.tsx';
import { announceNote, useNoteAnnouncement } from './announce.ts';

const SHOWN_FOR_MS = 6000;

/** A polite live region, always in the page, that says what just happened to a note. */
export function NoteAnnouncer() {
  const { t } = useTranslation();
  const announcement = useNoteAnnouncement();
  useEffect(() => {
    if (!announcement) return;
    const timer = setTimeout(() => {
      announceNote(null);
    }, SHOWN_FOR_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [announcement]);
  return (
    <div className="note-toast-region" role="status">
      {announcement ? (
        <div className="note-toast" key={announcement.at}>
          <span>{t(`ui.notes.${announcement.event}`)}</span>
          <Button
            variant="quiet"
            className="note-toast__dismiss"
            onPress={() => {
              announceNote(null);
            }}
          >
            {t('ui.notes.dismiss')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
