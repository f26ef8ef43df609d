import {
  CheckboxGroup,
  Label,
  RadioButton,
  RadioField,
  RadioGroup,
  Text,
} from 'react-aria-components';
import { Controller, type Control, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Partner } from '../../../../shared/records.ts';
import { IDENTIFYING_FIELDS, SHARE_FIELDS } from '../../../../shared/share.ts';
import { CONSENT_NEEDED, RECIPIENT_KINDS } from '../../../../shared/share-review.ts';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import {
  FormSelectField,
  FormTextAreaField,
  FormTextField,
} from '../../components/form-fields.tsx';
import { PersonPicker } from '../notes/PersonPicker.tsx';
import {
  MAX_PURPOSE,
  MAX_REVIEWED_BY,
  MAX_TITLE,
  type SetupOutput,
  type SetupProblem,
  type SetupValues,
} from './share-values.ts';

const k = 'ui.shareReview.setup';

/**
 * Step 1: who receives it (internal leadership, a partner, a publication), why, who reviews,
 * which fields may go, and about whom. The values stay in the form through the whole share.
 */
export function RecipientStep({
  control,
  errors,
  recipientKind,
  partners,
  partnersLoading,
  isDisabled,
}: {
  control: Control<SetupValues, unknown, SetupOutput>;
  errors: FieldErrors<SetupValues>;
  recipientKind: SetupValues['recipientKind'];
  partners: readonly Partner[];
  partnersLoading: boolean;
  isDisabled: boolean;
}) {
  const { t } = useTranslation();
  const problem = (message: string | undefined): string | undefined =>
    message ? t(`${k}.problems.${message as SetupProblem}`) : undefined;

  return (
    <>
      <Controller
        control={control}
        name="recipientKind"
        render={({ field }) => (
          <RadioGroup
            className="share-choice"
            value={field.value}
            isDisabled={isDisabled}
            onChange={(value) => {
              field.onChange(value);
            }}
          >
            <Label className="field__label">{t(`${k}.recipientKind`)}</Label>
            <div className="share-options share-options--row">
              {RECIPIENT_KINDS.map((kind) => (
                <RadioField key={kind} value={kind} className="choice-card">
                  <RadioButton className="choice-card__button">
                    <span className="choice-card__dot" aria-hidden="true" />
                    <span className="choice-card__label">{t(`${k}.recipientKinds.${kind}`)}</span>
                  </RadioButton>
                  <Text slot="description" className="choice-card__help">
                    {t(`${k}.recipientHelp`, {
                      consent: t(`ui.domain.consent.${CONSENT_NEEDED[kind]}`),
                    })}
                  </Text>
                </RadioField>
              ))}
            </div>
          </RadioGroup>
        )}
      />

      {recipientKind === 'partner' ? (
        partners.length === 0 ? (
          <p className="share-note">
            {partnersLoading ? t(`${k}.partnersLoading`) : t(`${k}.noPartners`)}
          </p>
        ) : (
          <div className="share-grid">
            <FormSelectField
              control={control}
              name="partnerId"
              label={t(`${k}.partner`)}
              placeholder={t(`${k}.partnerPlaceholder`)}
              isDisabled={isDisabled}
              options={partners.map((partner) => ({
                value: String(partner.id),
                label: partner.name,
              }))}
              errorMessage={problem(errors.partnerId?.message)}
            />
          </div>
        )
      ) : null}
      {recipientKind === 'publication' ? (
        <FormTextField
          control={control}
          name="title"
          label={t(`${k}.title`)}
          description={t(`${k}.titleHelp`)}
          isRequired
          maxLength={MAX_TITLE}
          spellCheck="true"
          isDisabled={isDisabled}
          errorMessage={problem(errors.title?.message)}
        />
      ) : null}

      <FormTextAreaField
        control={control}
        name="purpose"
        label={t(`${k}.purpose`)}
        description={t(`${k}.purposeHelp`)}
        isRequired
        rows={2}
        maxLength={MAX_PURPOSE}
        spellCheck="true"
        isDisabled={isDisabled}
        errorMessage={problem(errors.purpose?.message)}
      />
      <div className="share-grid">
        <FormTextField
          control={control}
          name="reviewedBy"
          label={t(`${k}.reviewedBy`)}
          description={t(`${k}.reviewedByHelp`)}
          isRequired
          maxLength={MAX_REVIEWED_BY}
          autoComplete="name"
          isDisabled={isDisabled}
          errorMessage={problem(errors.reviewedBy?.message)}
        />
      </div>

      <Controller
        control={control}
        name="fields"
        render={({ field }) => (
          <CheckboxGroup
            className="field share-fields"
            value={field.value}
            isDisabled={isDisabled}
            onChange={(value) => {
              field.onChange(value);
            }}
          >
            <Label className="field__label">{t(`${k}.fields`)}</Label>
            <Text slot="description" className="field__description">
              {t(`${k}.fieldsHelp`)}
            </Text>
            <div className="share-fields__list">
              {SHARE_FIELDS.map((name) => (
                <CheckboxField
                  key={name}
                  value={name}
                  label={t(`${k}.fieldNames.${name}`)}
                  description={
                    name === 'notes'
                      ? t(`${k}.notesHelp`)
                      : IDENTIFYING_FIELDS.includes(name)
                        ? t(`${k}.identifying`)
                        : undefined
                  }
                />
              ))}
            </div>
          </CheckboxGroup>
        )}
      />

      <Controller
        control={control}
        name="persons"
        render={({ field }) => (
          <div className="share-persons">
            <PersonPicker
              label={t(`${k}.persons`)}
              description={t(`${k}.personsHelp`)}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              isDisabled={isDisabled}
              errorMessage={problem(errors.persons?.message ?? errors.persons?.root?.message)}
            />
          </div>
        )}
      />
    </>
  );
}
