/**
 * The quick note: a case note written from anywhere (Ctrl/Cmd+Shift+N, the header's button,
 * a person page) or an existing note edited from its card. Mounted once by the Shell.
 */
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { NoteFields } from '../../../../shared/domain.ts';
import { closeQuickNote, useQuickNote } from '../../app/quick-note.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Modal } from '../../components/Modal.tsx';
import { Progress } from '../../components/Progress.tsx';
import { call } from '../../lib/api.ts';
import { useErrorText } from '../../lib/errors.ts';
import { domainKey, useVaultMutation, useVaultQuery } from '../../lib/vault-mutation.ts';
import { announceNote } from './announce.ts';
import { NoteAnnouncer } from './NoteAnnouncer.tsx';
import { NoteForm } from './NoteForm.tsx';
import { emptyNote, valuesOfNote, type NoteFormValues } from './note-form-values.ts';
import './notes.css';

export function QuickNoteDialog() {
  const { t } = useTranslation();
  const state = useQuickNote();
  const editing = state.noteId !== null;
  return (
    <>
      <Modal
        title={editing ? t('ui.notes.editNote') : t('ui.notes.newNote')}
        isOpen={state.open}
        onClose={closeQuickNote}
        size="wide"
        isDismissable={false}
      >
        {state.open ? (
          <NoteDialogBody key={state.session} personIds={state.personIds} noteId={state.noteId} />
        ) : null}
      </Modal>
      <NoteAnnouncer />
    </>
  );
}

function NoteDialogBody({ personIds, noteId }: { personIds: number[]; noteId: number | null }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const note = useVaultQuery('notes:get', { id: noteId ?? 1 }, { enabled: noteId !== null });
  const persons = useQueries({
    queries: personIds.map((id) => ({
      queryKey: domainKey('persons:get', { id }),
      queryFn: () => call('persons:get', { id }),
    })),
  });
  const create = useVaultMutation('notes:create');
  const update = useVaultMutation('notes:update');
  const save = noteId === null ? create : update;

  const loadError = note.error ?? persons.find((query) => query.error)?.error;
  if (loadError) {
    return (
      <div className="stack">
        <Alert tone="error">{errorText(loadError)}</Alert>
        <div className="actions">
          <Button onPress={closeQuickNote}>{t('ui.notes.cancel')}</Button>
        </div>
      </div>
    );
  }
  let initial: NoteFormValues | null = null;
  if (noteId !== null) {
    if (note.data && note.data.id === noteId) initial = valuesOfNote(note.data);
  } else if (persons.every((query) => query.data)) {
    initial = emptyNote(
      persons.flatMap((query) =>
        query.data
          ? [
              {
                id: query.data.person.id,
                fullName: query.data.person.fullName,
                codename: query.data.person.codename,
              },
            ]
          : [],
      ),
    );
  }
  if (!initial) return <Progress label={t('ui.notes.loading')} />;

  const onSave = (fields: NoteFields) => {
    const done = () => {
      announceNote(noteId === null ? 'saved' : 'updated');
      closeQuickNote();
    };
    if (noteId === null) create.mutate(fields, { onSuccess: done });
    else update.mutate({ id: noteId, fields }, { onSuccess: done });
  };
  return (
    <NoteForm
      initial={initial}
      onSave={onSave}
      onCancel={closeQuickNote}
      isSaving={save.isPending}
      error={save.error}
    />
  );
}
