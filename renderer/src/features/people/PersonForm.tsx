import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  CLOSED_REASONS,
  CONSENT_LEVELS,
  REFORM_ORIENTATIONS,
  SPHERES,
  STAGES,
} from '../../../../shared/domain.ts';
import type { Facets, Person } from '../../../../shared/records.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import {
  FormDateField,
  FormSelectField,
  FormTextAreaField,
  FormTextField,
} from '../../components/form-fields.tsx';
import { Modal } from '../../components/Modal.tsx';
import type { SelectOption } from '../../components/SelectField.tsx';
import { navigate } from '../../app/navigation.ts';
import { ApiError, call } from '../../lib/api.ts';
import { useErrorText } from '../../lib/errors.ts';
import { useDebounced } from '../../lib/use-debounced.ts';
import { useVaultMutation, useVaultQuery } from '../../lib/vault-mutation.ts';
import { DuplicateWarning, type DuplicatesAnswer } from './DuplicateWarning.tsx';
import {
  EMPTY_PERSON,
  fieldsOf,
  personFormSchema,
  RATINGS,
  valuesOf,
  type PersonFormValues,
} from './person-form-values.ts';
import { SuggestField } from './SuggestField.tsx';

export type PersonFormMode = { kind: 'create' } | { kind: 'edit'; person: Person };

type StringKeys = {
  [K in keyof PersonFormValues]: PersonFormValues[K] extends string ? K : never;
}[keyof PersonFormValues];

/** Errors from the core that belong to one field of the form. */
const FIELD_ERRORS = new Set(['DUPLICATE_CODENAME', 'CODENAME_REVEALS_NAME']);

/** Adding or editing a person: every field of the profile, checked as the core checks it. */
export function PersonForm({
  mode,
  facets,
  onClose,
  onSaved,
}: {
  mode: PersonFormMode;
  facets: Facets | undefined;
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const schema = useMemo(() => personFormSchema(t), [t]);
  const form = useForm<PersonFormValues>({
    defaultValues: mode.kind === 'edit' ? valuesOf(mode.person) : EMPTY_PERSON,
    resolver: zodResolver(schema),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const create = useVaultMutation('persons:create');
  const update = useVaultMutation('persons:update');
  const saving = create.isPending || update.isPending;
  const [failure, setFailure] = useState<unknown>(null);
  const stage = useWatch({ control: form.control, name: 'stage' });

  // Someone with the same full name already in the vault: the core compares the names (case,
  // ё/е and spacing aside); the form warns as the name is typed, and holds a save back until
  // the user says it is someone else. Editing, only a changed name is checked.
  const fullName = useWatch({ control: form.control, name: 'fullName' });
  const originalName = mode.kind === 'edit' ? mode.person.fullName.trim() : null;
  const selfId = mode.kind === 'edit' ? mode.person.id : undefined;
  const isChecked = (name: string) => name.trim() !== '' && name.trim() !== originalName;
  const duplicateQuery = (name: string) => ({
    fullName: name.trim(),
    ...(selfId === undefined ? {} : { excludeId: selfId }),
  });
  const typedName = useDebounced(fullName, 400);
  const found = useVaultQuery('persons:findDuplicates', duplicateQuery(typedName), {
    enabled: isChecked(typedName),
  });
  const [held, setHeld] = useState<{ name: string; answer: DuplicatesAnswer } | null>(null);
  /** The name the user chose to save anyway. */
  const [acknowledged, setAcknowledged] = useState<string | null>(null);
  const warningElement = useRef<HTMLDivElement>(null);
  // A held save moves the focus to the warning, which says why and what to do.
  useEffect(() => {
    if (!held) return;
    const frame = requestAnimationFrame(() => {
      warningElement.current?.focus();
    });
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [held]);
  const shownDuplicates: DuplicatesAnswer | null =
    held?.name === fullName
      ? held.answer
      : isChecked(fullName) &&
          typedName === fullName &&
          found.data &&
          !found.isPlaceholderData &&
          found.data.total > 0
        ? found.data
        : null;
  const openExisting = (id: number) => {
    onClose();
    navigate({ area: 'person', id });
  };

  const suggest = async () => {
    try {
      const { codename } = await call('persons:suggestCodename', {});
      form.setValue('codename', codename, { shouldValidate: form.formState.isSubmitted });
    } catch (error) {
      setFailure(error);
    }
  };
  // A new person starts with a suggested codename (kept if the user typed one meanwhile).
  const creating = mode.kind === 'create';
  useEffect(() => {
    if (!creating) return;
    call('persons:suggestCodename', {})
      .then(({ codename }) => {
        if (form.getValues('codename') === '') form.setValue('codename', codename);
      })
      .catch(setFailure);
  }, [creating, form]);

  // After a refused submit, the first field in error takes the focus (and scrolls into view).
  const formElement = useRef<HTMLFormElement>(null);
  const [refusals, setRefusals] = useState(0);
  const refused = () => {
    setRefusals((count) => count + 1);
  };
  useEffect(() => {
    if (refusals === 0) return;
    // The fields show their errors in a render of their own: look once they have.
    const frame = requestAnimationFrame(() => {
      formElement.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    });
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [refusals]);

  const failed = (error: unknown) => {
    if (error instanceof ApiError && FIELD_ERRORS.has(error.code)) {
      form.setError('codename', { message: errorText(error) });
      setFailure(null);
      refused();
    } else {
      setFailure(error);
    }
  };
  const save = (values: PersonFormValues) => {
    setFailure(null);
    setHeld(null);
    const fields = fieldsOf(values);
    if (mode.kind === 'create') {
      create.mutate(fields, {
        onSuccess: ({ id }) => {
          onSaved(id);
        },
        onError: failed,
      });
    } else {
      update.mutate(
        { id: mode.person.id, fields },
        {
          onSuccess: ({ id }) => {
            onSaved(id);
          },
          onError: failed,
        },
      );
    }
  };
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    if (isChecked(values.fullName) && acknowledged !== values.fullName) {
      try {
        // Asked again at the moment of saving: the typed name's answer may be a moment old.
        const answer = await call('persons:findDuplicates', duplicateQuery(values.fullName));
        if (answer.total > 0) {
          setHeld({ name: values.fullName, answer });
          return;
        }
      } catch (error) {
        setFailure(error);
        return;
      }
    }
    save(values);
  }, refused);
  const saveAnyway = form.handleSubmit((values) => {
    setAcknowledged(values.fullName);
    save(values);
  }, refused);

  const errors = form.formState.errors;
  const text = (name: StringKeys, label: string, description?: string) => (
    <FormTextField
      control={form.control}
      name={name}
      label={label}
      description={description}
      isDisabled={saving}
      errorMessage={errors[name]?.message}
    />
  );
  const area = (name: StringKeys, label: string, description?: string, rows = 3) => (
    <FormTextAreaField
      control={form.control}
      name={name}
      label={label}
      description={description}
      rows={rows}
      isDisabled={saving}
      errorMessage={errors[name]?.message}
    />
  );
  const select = <K extends StringKeys>(
    name: K,
    label: string,
    options: readonly SelectOption<PersonFormValues[K] & string>[],
    description?: string,
  ) => (
    <FormSelectField
      control={form.control}
      name={name}
      label={label}
      options={options}
      description={description}
      isDisabled={saving}
      errorMessage={errors[name]?.message}
    />
  );
  const labelled = <V extends string>(values: readonly V[], prefix: string) =>
    values.map((value) => {
      const key: string = `${prefix}.${value}`;
      return { value, label: t(key) };
    });
  const ratings = RATINGS.map((value) => ({
    value,
    label: value === 'unset' ? t('ui.people.form.notSet') : t(`ui.people.form.rating.${value}`),
  }));

  const title =
    mode.kind === 'create'
      ? t('ui.people.form.createTitle')
      : t('ui.people.form.editTitle', { codename: mode.person.codename });

  return (
    <Modal title={title} isOpen onClose={onClose} size="wide" isDismissable={false}>
      <Form
        ref={formElement}
        className="person-form"
        validationBehavior="aria"
        onSubmit={(event) => {
          void submit(event);
        }}
      >
        <Section title={t('ui.people.form.identity')}>
          {text('fullName', t('ui.people.form.fullName'), t('ui.people.form.fullNameHelp'))}
          {shownDuplicates ? (
            <DuplicateWarning
              answer={shownDuplicates}
              held={held?.name === fullName}
              onOpen={openExisting}
              isDisabled={saving}
              focusRef={warningElement}
              onSaveAnyway={() => {
                void saveAnyway();
              }}
            />
          ) : null}
          <div className="field-with-action">
            {text('codename', t('ui.people.form.codename'), t('ui.people.form.codenameHelp'))}
            <Button
              onPress={() => {
                void suggest();
              }}
              isDisabled={saving}
            >
              {t('ui.people.form.suggest')}
            </Button>
          </div>
        </Section>
        <Section title={t('ui.people.form.work')}>
          <div className="form-grid">
            {text('position', t('ui.people.form.position'))}
            {text('rank', t('ui.people.form.rank'))}
            {select('agencyId', t('ui.people.form.agency'), [
              { value: 'none', label: t('ui.people.form.noAgency') },
              ...(facets?.agencies ?? []).map((agency) => ({
                value: String(agency.id),
                label: agency.name,
              })),
            ])}
            {text('unit', t('ui.people.form.unit'))}
            {select('sphere', t('ui.people.form.sphere'), labelled(SPHERES, 'ui.domain.sphere'))}
            {text('region', t('ui.people.form.region'))}
          </div>
        </Section>
        <Section title={t('ui.people.form.assessment')}>
          <div className="form-grid">
            {select('stage', t('ui.people.form.stage'), labelled(STAGES, 'ui.domain.stage'))}
            {stage === 'closed' ? (
              select('closedReason', t('ui.people.form.closedReason'), [
                { value: 'unset', label: t('ui.people.form.notSet') },
                ...labelled(CLOSED_REASONS, 'ui.domain.closedReason'),
              ])
            ) : (
              <span aria-hidden="true" />
            )}
            {select('professionalism', t('ui.people.form.professionalism'), ratings)}
            {select('influence', t('ui.people.form.influence'), ratings)}
            {select(
              'reformOrientation',
              t('ui.people.form.reformOrientation'),
              labelled(REFORM_ORIENTATIONS, 'ui.domain.reformOrientation'),
            )}
          </div>
          {area(
            'sincerityConcern',
            t('ui.people.form.sincerityConcern'),
            t('ui.people.form.sincerityConcernHelp'),
            2,
          )}
          {area('needs', t('ui.people.form.needs'), undefined, 2)}
        </Section>
        <Section title={t('ui.people.form.relationship')}>
          <div className="form-grid">
            {select(
              'consent',
              t('ui.people.form.consent'),
              labelled(CONSENT_LEVELS, 'ui.domain.consent'),
              t('ui.people.form.consentHelp'),
            )}
            <Controller
              control={form.control}
              name="owner"
              render={({ field, fieldState }) => (
                <SuggestField
                  label={t('ui.people.form.owner')}
                  description={t('ui.people.form.ownerHelp')}
                  value={field.value}
                  onChange={field.onChange}
                  name={field.name}
                  suggestions={facets?.owners ?? []}
                  errorMessage={fieldState.error?.message}
                />
              )}
            />
            <FormDateField
              control={form.control}
              name="nextFollowUp"
              label={t('ui.people.form.nextFollowUp')}
              isDisabled={saving}
              errorMessage={errors.nextFollowUp?.message}
            />
            {text('tags', t('ui.people.form.tags'), t('ui.people.form.tagsHelp'))}
          </div>
          {area('about', t('ui.people.form.about'), undefined, 4)}
        </Section>
        {failure ? <Alert tone="error">{errorText(failure)}</Alert> : null}
        <div className="actions actions--end">
          <Button onPress={onClose} isDisabled={saving}>
            {t('ui.common.cancel')}
          </Button>
          <Button type="submit" variant="primary" isDisabled={saving}>
            {mode.kind === 'create' ? t('ui.people.form.create') : t('ui.people.form.save')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="form-section">
      <legend className="form-section__title">{title}</legend>
      {children}
    </fieldset>
  );
}
