import { useState } from 'react';
import {
  ComboBox,
  FieldError,
  Form,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
  type Key,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { PersonCandidate } from '../../../../shared/contract.ts';
import { RELATIONSHIP_KINDS, type RelationshipKind } from '../../../../shared/domain.ts';
import {
  RELATIONSHIP_ROLES,
  type Person,
  type RelationshipView,
} from '../../../../shared/records.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Modal } from '../../components/Modal.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { useErrorText } from '../../lib/errors.ts';
import { useVaultMutation } from '../../lib/vault-mutation.ts';
import { MoreMatches, PersonCandidateText, useCandidateLabel } from './PersonCandidate.tsx';
import { PersonLink } from './PersonLink.tsx';
import { usePersonPick } from './use-person-pick.ts';

/** "Who we know around this person": relationships grouped by what the other is to them. */
export function RelationshipsPanel({
  person,
  relationships,
}: {
  person: Person;
  relationships: RelationshipView[];
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [adding, setAdding] = useState(false);
  const remove = useVaultMutation('relationships:delete');
  const groups = RELATIONSHIP_ROLES.map((role) => ({
    role,
    items: relationships.filter((relationship) => relationship.role === role),
  })).filter((group) => group.items.length > 0);
  return (
    <section className="panel person-section" aria-labelledby="relationships-title">
      <div className="person-section__header">
        <h2 id="relationships-title" className="person-section__title">
          {t('ui.people.relationships.title')}
        </h2>
        <Button
          onPress={() => {
            setAdding(true);
          }}
        >
          {t('ui.people.relationships.add')}
        </Button>
      </div>
      {remove.isError ? <Alert tone="error">{errorText(remove.error)}</Alert> : null}
      {groups.length === 0 ? <p className="muted">{t('ui.people.relationships.empty')}</p> : null}
      {groups.map((group) => (
        <div key={group.role} className="relation-group">
          <h3 className="relation-group__title" id={`role-${group.role}`}>
            {t(`ui.domain.relationshipRole.${group.role}`)}
          </h3>
          <ul className="relation-list" aria-labelledby={`role-${group.role}`}>
            {group.items.map((relationship) => (
              <li key={relationship.id} className="relation">
                <div className="relation__main">
                  <PersonLink person={relationship.other} />
                  {relationship.note ? (
                    <p className="relation__note muted">{relationship.note}</p>
                  ) : null}
                </div>
                <Button
                  variant="quiet"
                  aria-label={t('ui.people.relationships.removeLabel', {
                    name: relationship.other.fullName,
                  })}
                  isDisabled={remove.isPending}
                  onPress={() => {
                    remove.mutate({ id: relationship.id });
                  }}
                >
                  {t('ui.people.relationships.remove')}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {adding ? (
        <RelationshipDialog
          person={person}
          onClose={() => {
            setAdding(false);
          }}
        />
      ) : null}
    </section>
  );
}

/** A combo box shows this many matches: more means the user should type more. */
const MAX_MATCHES = 50;

function RelationshipDialog({ person, onClose }: { person: Person; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [input, setInput] = useState('');
  const [other, setOther] = useState<PersonCandidate | null>(null);
  const [kind, setKind] = useState<RelationshipKind>('knows');
  const [note, setNote] = useState('');
  const [missingOther, setMissingOther] = useState(false);
  const create = useVaultMutation('relationships:create');

  const candidateLabel = useCandidateLabel();
  // While a person is chosen the box shows their name and codename: nothing to look up.
  const matches = usePersonPick(other ? '' : input, {
    excludeIds: [person.id],
    includeArchived: true,
    limit: MAX_MATCHES,
  });
  const options = other ? [other] : matches.candidates;

  const choose = (key: Key | null) => {
    const chosen = options.find((row) => row.id === Number(key)) ?? null;
    setOther(chosen);
    if (chosen) {
      setInput(`${chosen.fullName} (${chosen.codename})`);
      setMissingOther(false);
    }
  };

  const save = () => {
    if (!other) {
      setMissingOther(true);
      return;
    }
    create.mutate(
      { fromPersonId: person.id, toPersonId: other.id, kind, note: note.trim() },
      { onSuccess: onClose },
    );
  };

  const kindLabel = (value: RelationshipKind) => t(`ui.domain.relationshipKind.${value}`);
  return (
    <Modal title={t('ui.people.relationships.dialogTitle')} isOpen onClose={onClose}>
      <Form
        className="stack"
        validationBehavior="aria"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <ComboBox
          className="field"
          items={options}
          value={other?.id ?? null}
          onChange={choose}
          inputValue={input}
          onInputChange={(value) => {
            setInput(value);
            if (other && value !== `${other.fullName} (${other.codename})`) setOther(null);
          }}
          allowsEmptyCollection
          isInvalid={missingOther}
          validationBehavior="aria"
          autoFocus
        >
          <Label className="field__label">{t('ui.people.relationships.other')}</Label>
          <div className="field__control">
            <Input className="field__input" autoCorrect="off" spellCheck="false" />
          </div>
          <Text slot="description" className="field__description">
            {t('ui.people.relationships.otherHelp')}
          </Text>
          <FieldError className="field__error">
            {t('ui.people.relationships.chooseOther')}
          </FieldError>
          <Popover className="popover" placement="bottom start">
            <ListBox
              className="listbox"
              renderEmptyState={() => (
                <p className="relation-search__empty">
                  {input.trim() === '' || matches.searching
                    ? t('ui.people.pick.searching')
                    : t('ui.people.relationships.noMatches')}
                </p>
              )}
            >
              {(row: PersonCandidate) => (
                <ListBoxItem id={row.id} textValue={candidateLabel(row)} className="listbox__item">
                  <PersonCandidateText candidate={row} />
                </ListBoxItem>
              )}
            </ListBox>
            {other ? null : <MoreMatches shown={matches.candidates.length} total={matches.total} />}
          </Popover>
        </ComboBox>
        <SelectField<RelationshipKind>
          label={t('ui.people.relationships.kind')}
          options={RELATIONSHIP_KINDS.map((value) => ({
            value,
            label: t('ui.people.relationships.kindOption', {
              name: person.fullName,
              kind: kindLabel(value),
            }),
          }))}
          value={kind}
          onChange={setKind}
        />
        {other ? (
          <p className="relation-preview" aria-live="polite">
            {t('ui.people.relationships.preview', {
              name: person.fullName,
              kind: kindLabel(kind),
              other: other.fullName,
            })}
          </p>
        ) : null}
        <TextAreaField
          label={t('ui.people.relationships.note')}
          description={t('ui.people.relationships.noteHelp')}
          value={note}
          onChange={setNote}
          rows={2}
        />
        {create.isError ? <Alert tone="error">{errorText(create.error)}</Alert> : null}
        <div className="actions actions--end">
          <Button onPress={onClose} isDisabled={create.isPending}>
            {t('ui.common.cancel')}
          </Button>
          <Button type="submit" variant="primary" isDisabled={create.isPending}>
            {t('ui.people.relationships.save')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
