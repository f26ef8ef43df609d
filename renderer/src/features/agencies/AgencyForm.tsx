import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useRef } from 'react';
import { Form } from 'react-aria-components';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { agencyFields, LIMITS, SPHERES } from '../../../../shared/domain.ts';
import type { Agency, AgencyListRow } from '../../../../shared/records.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import {
  FormSelectField,
  FormTextAreaField,
  FormTextField,
} from '../../components/form-fields.tsx';
import { Modal } from '../../components/Modal.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { isApiError } from '../../lib/api.ts';
import { useErrorText } from '../../lib/errors.ts';
import { useVaultMutation, useVaultQuery } from '../../lib/vault-mutation.ts';
import { fieldErrorText } from '../../lib/field-problem.ts';

type Values = z.input<typeof agencyFields>;
const NO_PARENT = 'none';

export interface AgencyFormProps {
  isOpen: boolean;
  onClose: () => void;
  /** The agency being edited; absent when adding one. */
  agency?: Agency;
  onSaved?: (id: number) => void;
}

/** Add or edit an agency, in a dialog. */
export function AgencyFormDialog({ isOpen, onClose, agency, onSaved }: AgencyFormProps) {
  const { t } = useTranslation();
  return (
    <Modal
      title={agency ? t('ui.agencies.form.editTitle') : t('ui.agencies.form.addTitle')}
      isOpen={isOpen}
      onClose={onClose}
      size="wide"
      isDismissable={false}
    >
      <AgencyForm agency={agency} onClose={onClose} onSaved={onSaved} />
    </Modal>
  );
}

/** Ids of the agency and everything under it: none of them can become its parent. */
function selfAndDescendants(rows: readonly AgencyListRow[], id: number): Set<number> {
  const children = new Map<number, number[]>();
  for (const row of rows) {
    if (row.parentId === null) continue;
    children.set(row.parentId, [...(children.get(row.parentId) ?? []), row.id]);
  }
  const found = new Set<number>([id]);
  const queue = [id];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const child of children.get(next) ?? []) {
      if (!found.has(child)) {
        found.add(child);
        queue.push(child);
      }
    }
  }
  return found;
}

function AgencyForm({
  agency,
  onClose,
  onSaved,
}: {
  agency: Agency | undefined;
  onClose: () => void;
  onSaved: ((id: number) => void) | undefined;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const list = useVaultQuery('agencies:list', {});
  const create = useVaultMutation('agencies:create');
  const update = useVaultMutation('agencies:update');
  const form = useForm<Values, unknown, z.output<typeof agencyFields>>({
    resolver: zodResolver(agencyFields),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    defaultValues: {
      name: agency?.name ?? '',
      sphere: agency?.sphere ?? 'other',
      region: agency?.region ?? '',
      parentId: agency?.parentId ?? null,
      admittedProblems: agency?.admittedProblems ?? '',
      publicComplaints: agency?.publicComplaints ?? '',
      commonInterest: agency?.commonInterest ?? '',
    },
  });
  const errors = form.formState.errors;
  const formRef = useRef<HTMLFormElement>(null);

  const parentOptions = useMemo(() => {
    const rows = list.data?.rows ?? [];
    const excluded = agency ? selfAndDescendants(rows, agency.id) : new Set<number>();
    return [
      { value: NO_PARENT, label: t('ui.agencies.form.noParent') },
      ...rows
        .filter((row) => !excluded.has(row.id))
        .map((row) => ({ value: String(row.id), label: row.name })),
    ];
  }, [list.data, agency, t]);
  const sphereOptions = SPHERES.map((sphere) => ({
    value: sphere,
    label: t(`ui.domain.sphere.${sphere}`),
  }));

  const mutation = agency ? update : create;
  const save = async (fields: z.output<typeof agencyFields>) => {
    try {
      const { id } = agency
        ? await update.mutateAsync({ id: agency.id, fields })
        : await create.mutateAsync(fields);
      onSaved?.(id);
      onClose();
    } catch (error) {
      // The two mistakes the core can find are about one field each: say so there.
      if (isApiError(error, 'DUPLICATE_AGENCY')) {
        form.setError('name', { type: 'server', message: errorText(error) });
        formRef.current?.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
      } else if (isApiError(error, 'AGENCY_CYCLE'))
        form.setError('parentId', { type: 'server', message: errorText(error) });
    }
  };
  const otherError =
    mutation.isError &&
    !isApiError(mutation.error, 'DUPLICATE_AGENCY') &&
    !isApiError(mutation.error, 'AGENCY_CYCLE')
      ? errorText(mutation.error)
      : null;
  const busy = mutation.isPending;

  return (
    <Form
      ref={formRef}
      className="agency-form"
      validationBehavior="aria"
      onSubmit={(event) => {
        void form.handleSubmit(save)(event);
      }}
    >
      <div className="agency-form__facts">
        <FormTextField
          control={form.control}
          name="name"
          label={t('fields.name')}
          isRequired
          autoFocus
          spellCheck="true"
          errorMessage={fieldErrorText(t, errors.name, LIMITS.name)}
        />
        <FormSelectField
          control={form.control}
          name="sphere"
          label={t('fields.sphere')}
          options={sphereOptions}
          fallback="other"
          errorMessage={fieldErrorText(t, errors.sphere)}
        />
        <FormTextField
          control={form.control}
          name="region"
          label={t('fields.region')}
          spellCheck="true"
          errorMessage={fieldErrorText(t, errors.region, LIMITS.short)}
        />
        <Controller
          control={form.control}
          name="parentId"
          render={({ field }) => (
            <SelectField
              label={t('ui.agencies.form.parent')}
              description={t('ui.agencies.form.parentHelp')}
              options={parentOptions}
              value={
                field.value === null || field.value === undefined ? NO_PARENT : String(field.value)
              }
              onChange={(value) => {
                field.onChange(value === NO_PARENT ? null : Number(value));
              }}
              name={field.name}
              errorMessage={fieldErrorText(t, errors.parentId)}
            />
          )}
        />
      </div>
      <p className="agency-form__overlap">{t('ui.agencies.form.overlap')}</p>
      <div className="agency-form__texts">
        <FormTextAreaField
          control={form.control}
          name="admittedProblems"
          label={t('fields.admittedProblems')}
          description={t('ui.agencies.form.admittedHelp')}
          rows={6}
          errorMessage={fieldErrorText(t, errors.admittedProblems, LIMITS.longText)}
        />
        <FormTextAreaField
          control={form.control}
          name="publicComplaints"
          label={t('fields.publicComplaints')}
          description={t('ui.agencies.form.complaintsHelp')}
          rows={6}
          errorMessage={fieldErrorText(t, errors.publicComplaints, LIMITS.longText)}
        />
        <FormTextAreaField
          control={form.control}
          name="commonInterest"
          label={t('fields.commonInterest')}
          description={t('ui.agencies.form.commonHelp')}
          rows={6}
          errorMessage={fieldErrorText(t, errors.commonInterest, LIMITS.longText)}
        />
      </div>
      {otherError ? <Alert tone="error">{otherError}</Alert> : null}
      <div className="actions agency-form__actions">
        <Button variant="primary" type="submit" isDisabled={busy}>
          {busy
            ? t('ui.agencies.form.saving')
            : agency
              ? t('ui.agencies.form.save')
              : t('ui.agencies.form.create')}
        </Button>
        <Button variant="quiet" onPress={onClose} isDisabled={busy}>
          {t('ui.common.cancel')}
        </Button>
      </div>
    </Form>
  );
}
