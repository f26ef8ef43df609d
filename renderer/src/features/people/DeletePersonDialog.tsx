import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/records.ts';
import { navigate } from '../../app/navigation.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Modal } from '../../components/Modal.tsx';
import { TextField } from '../../components/TextField.tsx';
import { call } from '../../lib/api.ts';
import { useErrorText } from '../../lib/errors.ts';
import { invalidateVaultQueries } from '../../lib/vault-mutation.ts';

/**
 * Deleting a person for good: the user types the codename, and the core checks it again. The
 * people list opens before the other screens refresh, so the deleted page is never refetched.
 */
export function DeletePersonDialog({ person, onClose }: { person: Person; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [typed, setTyped] = useState('');
  const remove = useMutation({
    mutationFn: (confirmCodename: string) =>
      call('persons:delete', { id: person.id, confirmCodename }),
    onSuccess: () => {
      navigate({ area: 'people' }, { replace: true });
      void invalidateVaultQueries();
    },
  });
  return (
    <Modal
      title={t('ui.people.delete.title', { codename: person.codename })}
      isOpen
      onClose={onClose}
      isDismissable={false}
      role="alertdialog"
    >
      <Form
        className="stack"
        validationBehavior="aria"
        onSubmit={(event) => {
          event.preventDefault();
          remove.mutate(typed);
        }}
      >
        <p>{t('ui.people.delete.text')}</p>
        <TextField
          label={t('ui.people.delete.confirm', { codename: person.codename })}
          value={typed}
          onChange={setTyped}
          isDisabled={remove.isPending}
          autoFocus
        />
        {remove.isError ? <Alert tone="error">{errorText(remove.error)}</Alert> : null}
        <div className="actions actions--end">
          <Button onPress={onClose} isDisabled={remove.isPending}>
            {t('ui.common.cancel')}
          </Button>
          <Button
            type="submit"
            variant="danger"
            isDisabled={remove.isPending || typed.trim() === ''}
          >
            {t('ui.people.delete.submit')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
