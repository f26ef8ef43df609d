import { zodResolver } from '@hookform/resolvers/zod';
import { Form } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { LIMITS, PARTNER_KINDS, PARTNER_TRUST, partnerFields } from '../../../../shared/domain.ts';
import type { Partner } from '../../../../shared/records.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import {
  FormSelectField,
  FormTextAreaField,
  FormTextField,
} from '../../components/form-fields.tsx';
import { Modal } from '../../components/Modal.tsx';
import { useErrorText } from '../../lib/errors.ts';
import { useVaultMutation } from '../../lib/vault-mutation.ts';
import { fieldErrorText } from '../../lib/field-problem.ts';

type Values = z.input<typeof partnerFields>;

export interface PartnerFormProps {
  isOpen: boolean;
  onClose: () => void;
  /** The partner being edited; absent when adding one. */
  partner?: Partner | undefined;
  /** Editing only: the user asked to delete this partner. */
  onDelete?: (partner: Partner) => void;
}

/** Add or edit a partner organisation, in a dialog. */
export function PartnerFormDialog({ isOpen, onClose, partner, onDelete }: PartnerFormProps) {
  const { t } = useTranslation();
  return (
    <Modal
      title={partner ? t('ui.partners.form.editTitle') : t('ui.partners.form.addTitle')}
      isOpen={isOpen}
      onClose={onClose}
      isDismissable={false}
    >
      <PartnerForm partner={partner} onClose={onClose} onDelete={onDelete} />
    </Modal>
  );
}

function PartnerForm({
  partner,
  onClose,
  onDelete,
}: {
  partner: Partner | undefined;
  onClose: () => void;
  onDelete: ((partner: Partner) => void) | undefined;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const create = useVaultMutation('partners:create');
  const update = useVaultMutation('partners:update');
  const form = useForm<Values, unknown, z.output<typeof partnerFields>>({
    resolver: zodResolver(partnerFields),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    defaultValues: {
      name: partner?.name ?? '',
      country: partner?.country ?? '',
      kind: partner?.kind ?? 'international',
      themes: partner?.themes ?? '',
      trust: partner?.trust ?? 'medium',
      notes: partner?.notes ?? '',
    },
  });
  const errors = form.formState.errors;
  const mutation = partner ? update : create;
  const busy = mutation.isPending;
  const submit = form.handleSubmit(async (fields) => {
    try {
      if (partner) await update.mutateAsync({ id: partner.id, fields });
      else await create.mutateAsync(fields);
      onClose();
    } catch {
      // Shown below the form (mutation.error).
    }
  });

  return (
    <Form
      className="partner-form"
      validationBehavior="aria"
      onSubmit={(event) => {
        void submit(event);
      }}
    >
      <FormTextField
        control={form.control}
        name="name"
        label={t('fields.name')}
        isRequired
        autoFocus
        spellCheck="true"
        errorMessage={fieldErrorText(t, errors.name, LIMITS.name)}
      />
      <div className="partner-form__row">
        <FormTextField
          control={form.control}
          name="country"
          label={t('fields.country')}
          spellCheck="true"
          errorMessage={fieldErrorText(t, errors.country, LIMITS.short)}
        />
        <FormSelectField
          control={form.control}
          name="kind"
          label={t('fields.kind')}
          options={PARTNER_KINDS.map((kind) => ({
            value: kind,
            label: t(`ui.domain.partnerKind.${kind}`),
          }))}
          fallback="international"
          errorMessage={fieldErrorText(t, errors.kind)}
        />
      </div>
      <p className="partner-form__help">{t('ui.partners.form.kindHelp')}</p>
      <FormTextField
        control={form.control}
        name="themes"
        label={t('fields.themes')}
        description={t('ui.partners.form.themesHelp')}
        spellCheck="true"
        errorMessage={fieldErrorText(t, errors.themes, LIMITS.text)}
      />
      <FormSelectField
        control={form.control}
        name="trust"
        label={t('fields.trust')}
        description={t('ui.partners.form.trustHelp')}
        options={PARTNER_TRUST.map((trust) => ({
          value: trust,
          label: t(`ui.domain.partnerTrust.${trust}`),
        }))}
        fallback="medium"
        errorMessage={fieldErrorText(t, errors.trust)}
      />
      <FormTextAreaField
        control={form.control}
        name="notes"
        label={t('fields.notes')}
        rows={4}
        errorMessage={fieldErrorText(t, errors.notes, LIMITS.longText)}
      />
      {mutation.isError ? <Alert tone="error">{errorText(mutation.error)}</Alert> : null}
      <div className="actions partner-form__actions">
        <Button variant="primary" type="submit" isDisabled={busy}>
          {busy
            ? t('ui.partners.form.saving')
            : partner
              ? t('ui.partners.form.save')
              : t('ui.partners.form.create')}
        </Button>
        <Button variant="quiet" onPress={onClose} isDisabled={busy}>
          {t('ui.common.cancel')}
        </Button>
        {partner && onDelete ? (
          <Button
            variant="danger"
            className="partner-form__delete"
            isDisabled={busy}
            onPress={() => {
              onDelete(partner);
            }}
          >
            {t('ui.partners.form.delete')}
          </Button>
        ) : null}
      </div>
    </Form>
  );
}
