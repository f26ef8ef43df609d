/**
 * One case note as a person's timeline shows it: when, what kind, about whom (links to their
 * pages), the text, what was asked and offered, the follow-up; a statement's source and
 * stance; a RESTRICTED badge; and Edit / Delete.
 */
import { useState } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../../shared/records.ts';
import { navigate } from '../../app/navigation.ts';
import { openNoteEditor } from '../../app/quick-note.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Modal } from '../../components/Modal.tsx';
import { useErrorText } from '../../lib/errors.ts';
import { useVaultMutation } from '../../lib/vault-mutation.ts';
import { announceNote } from './announce.ts';
import { useFormatDate } from './format.ts';
import { MarkdownBody } from './MarkdownBody.tsx';
import { RestrictedBadge } from './RestrictedBadge.tsx';
import './notes.css';

export function NoteCard({ note }: { note: Note }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [confirming, setConfirming] = useState(false);
  const title = note.title.trim() === '' ? t('ui.notes.untitled') : note.title;
  const headingId = `note-${String(note.id)}-title`;
  const statement = note.kind === 'public_statement';
  const facts: [string, string][] = [];
  if (statement && note.source !== '') facts.push([t('ui.notes.source'), note.source]);
  if (statement && note.stance)
    facts.push([t('ui.notes.stance'), t(`ui.domain.stance.${note.stance}`)]);
  if (note.askedFor !== '') facts.push([t('ui.notes.askedFor'), note.askedFor]);
  if (note.offered !== '') facts.push([t('ui.notes.offered'), note.offered]);
  if (note.followUpOn) facts.push([t('ui.notes.followUpOn'), formatDate(note.followUpOn)]);

  return (
    <article
      className={`note-card ${note.restricted ? 'note-card--restricted' : ''}`}
      aria-labelledby={headingId}
    >
      <header className="note-card__header">
        <p className="note-card__meta">
          <time dateTime={note.occurredOn}>{formatDate(note.occurredOn)}</time>
          <span aria-hidden="true"> · </span>
          <span className="note-card__kind">{t(`ui.domain.noteKind.${note.kind}`)}</span>
        </p>
        {note.restricted ? <RestrictedBadge /> : null}
      </header>
      <h3 className="note-card__title" id={headingId}>
        {title}
      </h3>
      {note.persons.length > 0 ? (
        <p className="note-card__persons">
          <span className="note-card__label">{t('ui.notes.about')}:</span>{' '}
          {note.persons.map((person, index) => (
            <span key={person.id}>
              {index > 0 ? ', ' : null}
              <Link
                className="note-card__person"
                onPress={() => {
                  navigate({ area: 'person', id: person.id });
                }}
              >
                {person.fullName}
              </Link>{' '}
              <span className="note-card__codename">({person.codename})</span>
            </span>
          ))}
        </p>
      ) : null}
      {note.body.trim() !== '' ? (
        <MarkdownBody text={note.body} className="note-card__body" />
      ) : null}
      {facts.length > 0 ? (
        <dl className="note-card__facts">
          {facts.map(([label, value]) => (
            <div key={label} className="note-card__fact">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <div className="note-card__actions">
        <Button
          variant="quiet"
          aria-label={t('ui.notes.editLabel', { title })}
          onPress={() => {
            openNoteEditor(note.id);
          }}
        >
          {t('ui.notes.edit')}
        </Button>
        <Button
          variant="quiet"
          className="note-card__delete"
          aria-label={t('ui.notes.deleteLabel', { title })}
          onPress={() => {
            setConfirming(true);
          }}
        >
          {t('ui.notes.delete')}
        </Button>
      </div>
      <DeleteNoteDialog
        note={note}
        title={title}
        date={formatDate(note.occurredOn)}
        isOpen={confirming}
        onClose={() => {
          setConfirming(false);
        }}
      />
    </article>
  );
}

function DeleteNoteDialog({
  note,
  title,
  date,
  isOpen,
  onClose,
}: {
  note: Note;
  title: string;
  date: string;
  isOpen: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const remove = useVaultMutation('notes:delete');
  return (
    <Modal
      title={t('ui.notes.deleteTitle')}
      isOpen={isOpen}
      onClose={() => {
        remove.reset();
        onClose();
      }}
      isDismissable={false}
      role="alertdialog"
    >
      <div className="stack">
        <p>{t('ui.notes.deleteBody', { title, date })}</p>
        {remove.isError ? <Alert tone="error">{errorText(remove.error)}</Alert> : null}
        <div className="actions">
          <Button
            variant="danger"
            isDisabled={remove.isPending}
            onPress={() => {
              remove.mutate(
                { id: note.id },
                {
                  onSuccess: () => {
                    announceNote('deleted');
                    onClose();
                    document.querySelector<HTMLElement>('main h1')?.focus();
                  },
                },
              );
            }}
          >
            {remove.isPending ? t('ui.notes.deleting') : t('ui.notes.delete')}
          </Button>
          <Button variant="secondary" onPress={onClose} autoFocus isDisabled={remove.isPending}>
            {t('ui.notes.keep')}
          </Button>
        </div>
      </div>
    </Modal>
  );
}
