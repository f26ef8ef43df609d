import type { Ref } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import './duplicate-warning.css';

export type DuplicatesAnswer = Output<'persons:findDuplicates'>;

/**
 * The person form's warning that someone with the same full name (case, ё/е and spacing
 * aside, as the core compares) is already in the vault: who, each a link to their page, and —
 * once a save was held back for it — "Save anyway" for someone else of the same name.
 */
export function DuplicateWarning({
  answer,
  held,
  onOpen,
  onSaveAnyway,
  isDisabled,
  focusRef,
}: {
  answer: DuplicatesAnswer;
  /** A save is waiting for the user's word. */
  held: boolean;
  onOpen: (id: number) => void;
  onSaveAnyway: () => void;
  isDisabled?: boolean;
  focusRef?: Ref<HTMLDivElement>;
}) {
  const { t } = useTranslation();
  const k = 'ui.people.form.duplicates';
  const more = answer.total - answer.duplicates.length;
  return (
    <div className="duplicate-warning" tabIndex={-1} ref={focusRef}>
      <Alert
        tone="warning"
        actions={
          held ? (
            <Button onPress={onSaveAnyway} isDisabled={isDisabled}>
              {t(`${k}.saveAnyway`)}
            </Button>
          ) : null
        }
      >
        {held ? <p className="duplicate-warning__held">{t(`${k}.held`)}</p> : null}
        <p className="duplicate-warning__lead">{t(`${k}.found`, { count: answer.total })}</p>
        <ul className="duplicate-warning__list">
          {answer.duplicates.map((person) => (
            <li key={person.id}>
              <Link
                className="person-link"
                onPress={() => {
                  onOpen(person.id);
                }}
              >
                <span className="person-link__name">{person.fullName}</span>
                <span className="codename">{person.codename}</span>
              </Link>
              {[person.position, person.agencyName ?? '', person.archived ? t(`${k}.archived`) : '']
                .filter((part) => part !== '')
                .map((part) => (
                  <span key={part} className="duplicate-warning__detail">
                    {' · '}
                    {part}
                  </span>
                ))}
            </li>
          ))}
        </ul>
        {more > 0 ? (
          <p className="duplicate-warning__more">{t(`${k}.more`, { count: more })}</p>
        ) : null}
        <p className="duplicate-warning__advice">{t(`${k}.advice`)}</p>
      </Alert>
    </div>
  );
}
