import { useState } from 'react';
import { Form } from 'react-aria-components';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { OFFER_KINDS, OFFER_STATUSES, type OfferFields } from '../../../../shared/domain.ts';
import type { Offer } from '../../../../shared/records.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { DateField } from '../../components/DateField.tsx';
import { Modal } from '../../components/Modal.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { useErrorText } from '../../lib/errors.ts';
import { useVaultMutation, useVaultQuery } from '../../lib/vault-mutation.ts';
import { formatDate } from './format.ts';

/** What we offer this person ("carrots"), each with its status, partner and outcome. */
export function OffersPanel({ personId, offers }: { personId: number; offers: Offer[] }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [editing, setEditing] = useState<Offer | 'new' | null>(null);
  const remove = useVaultMutation('offers:delete');
  return (
    <section className="panel person-section" aria-labelledby="offers-title">
      <div className="person-section__header">
        <h2 id="offers-title" className="person-section__title">
          {t('ui.people.offers.title')}
        </h2>
        <Button
          onPress={() => {
            setEditing('new');
          }}
        >
          {t('ui.people.offers.add')}
        </Button>
      </div>
      <p className="muted">{t('ui.people.offers.intro')}</p>
      {remove.isError ? <Alert tone="error">{errorText(remove.error)}</Alert> : null}
      {offers.length === 0 ? (
        <p>{t('ui.people.offers.empty')}</p>
      ) : (
        <ul className="offer-list">
          {offers.map((offer) => {
            const kind = t(`ui.domain.offerKind.${offer.kind}`);
            return (
              <li key={offer.id} className="offer">
                <div className="offer__head">
                  <span className="offer__kind">{kind}</span>
                  <span className={`badge badge--offer-${offer.status}`}>
                    {t(`ui.domain.offerStatus.${offer.status}`)}
                  </span>
                </div>
                <p className="offer__meta muted">
                  {[
                    offer.partnerName
                      ? t('ui.people.offers.via', { partner: offer.partnerName })
                      : null,
                    offer.proposedOn
                      ? t('ui.people.offers.proposed', {
                          date: formatDate(offer.proposedOn, i18n.language),
                        })
                      : null,
                    offer.completedOn
                      ? t('ui.people.offers.completed', {
                          date: formatDate(offer.completedOn, i18n.language),
                        })
                      : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                {offer.description ? <p className="offer__text">{offer.description}</p> : null}
                {offer.outcome ? (
                  <p className="offer__text">
                    <strong>{t('ui.people.offers.outcome')}:</strong> {offer.outcome}
                  </p>
                ) : null}
                <div className="offer__actions">
                  <Button
                    variant="quiet"
                    aria-label={t('ui.people.offers.editLabel', { kind })}
                    onPress={() => {
                      setEditing(offer);
                    }}
                  >
                    {t('ui.people.offers.edit')}
                  </Button>
                  <Button
                    variant="quiet"
                    aria-label={t('ui.people.offers.deleteLabel', { kind })}
                    isDisabled={remove.isPending}
                    onPress={() => {
                      remove.mutate({ id: offer.id });
                    }}
                  >
                    {t('ui.people.offers.delete')}
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {editing ? (
        <OfferDialog
          personId={personId}
          offer={editing === 'new' ? null : editing}
          onClose={() => {
            setEditing(null);
          }}
        />
      ) : null}
    </section>
  );
}

interface OfferValues {
  kind: OfferFields['kind'];
  partnerId: string;
  status: OfferFields['status'];
  description: string;
  proposedOn: string;
  completedOn: string;
  outcome: string;
}

function OfferDialog({
  personId,
  offer,
  onClose,
}: {
  personId: number;
  offer: Offer | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const partners = useVaultQuery('partners:list', {});
  const create = useVaultMutation('offers:create');
  const update = useVaultMutation('offers:update');
  const saving = create.isPending || update.isPending;
  const failure = create.error ?? update.error;
  const form = useForm<OfferValues>({
    defaultValues: {
      kind: offer?.kind ?? 'international_seminar',
      partnerId: offer?.partnerId === null || !offer ? 'none' : String(offer.partnerId),
      status: offer?.status ?? 'idea',
      description: offer?.description ?? '',
      proposedOn: offer?.proposedOn ?? '',
      completedOn: offer?.completedOn ?? '',
      outcome: offer?.outcome ?? '',
    },
  });
  const submit = form.handleSubmit((values) => {
    const fields = {
      personId,
      kind: values.kind,
      partnerId: values.partnerId === 'none' ? null : Number(values.partnerId),
      status: values.status,
      description: values.description.trim(),
      proposedOn: values.proposedOn === '' ? null : values.proposedOn,
      completedOn: values.completedOn === '' ? null : values.completedOn,
      outcome: values.outcome.trim(),
    };
    if (offer) update.mutate({ id: offer.id, fields }, { onSuccess: onClose });
    else create.mutate(fields, { onSuccess: onClose });
  });
  return (
    <Modal
      title={offer ? t('ui.people.offers.editTitle') : t('ui.people.offers.createTitle')}
      isOpen
      onClose={onClose}
      isDismissable={false}
    >
      <Form
        className="stack"
        validationBehavior="aria"
        onSubmit={(event) => {
          void submit(event);
        }}
      >
        <Controller
          control={form.control}
          name="kind"
          render={({ field }) => (
            <SelectField
              label={t('ui.people.offers.kind')}
              options={OFFER_KINDS.map((value) => ({
                value,
                label: t(`ui.domain.offerKind.${value}`),
              }))}
              value={field.value}
              onChange={field.onChange}
              isDisabled={saving}
            />
          )}
        />
        <Controller
          control={form.control}
          name="partnerId"
          render={({ field }) => (
            <SelectField
              label={t('ui.people.offers.partner')}
              options={[
                { value: 'none', label: t('ui.people.offers.noPartner') },
                ...(partners.data?.rows ?? []).map((partner) => ({
                  value: String(partner.id),
                  label: partner.name,
                })),
              ]}
              value={field.value}
              onChange={field.onChange}
              isDisabled={saving}
            />
          )}
        />
        <Controller
          control={form.control}
          name="status"
          render={({ field }) => (
            <SelectField
              label={t('ui.people.offers.status')}
              options={OFFER_STATUSES.map((value) => ({
                value,
                label: t(`ui.domain.offerStatus.${value}`),
              }))}
              value={field.value}
              onChange={field.onChange}
              isDisabled={saving}
            />
          )}
        />
        <Controller
          control={form.control}
          name="description"
          render={({ field }) => (
            <TextAreaField
              label={t('ui.people.offers.description')}
              value={field.value}
              onChange={field.onChange}
              rows={3}
              isDisabled={saving}
            />
          )}
        />
        <div className="form-grid">
          <Controller
            control={form.control}
            name="proposedOn"
            render={({ field }) => (
              <DateField
                label={t('ui.people.offers.proposedOn')}
                value={field.value}
                onChange={field.onChange}
                isDisabled={saving}
              />
            )}
          />
          <Controller
            control={form.control}
            name="completedOn"
            render={({ field }) => (
              <DateField
                label={t('ui.people.offers.completedOn')}
                value={field.value}
                onChange={field.onChange}
                isDisabled={saving}
              />
            )}
          />
        </div>
        <Controller
          control={form.control}
          name="outcome"
          render={({ field }) => (
            <TextAreaField
              label={t('ui.people.offers.outcome')}
              value={field.value}
              onChange={field.onChange}
              rows={2}
              isDisabled={saving}
            />
          )}
        />
        {failure ? <Alert tone="error">{errorText(failure)}</Alert> : null}
        <div className="actions actions--end">
          <Button onPress={onClose} isDisabled={saving}>
            {t('ui.common.cancel')}
          </Button>
          <Button type="submit" variant="primary" isDisabled={saving}>
            {t('ui.people.offers.save')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
