/**
 * The case note form: in the quick note dialog, for a new note or an existing one. Checked
 * with the shared zod schema before it goes to the core; Ctrl/Cmd+Enter saves from any field,
 * and only that: Enter in a one-line field (the title, the source) does not send the form.
 */
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { Form, Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { NOTE_KINDS, STANCES, type NoteFields } from '../../../../shared/domain.ts';
import { isMac } from '../../app/shortcuts.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import {
  FormDateField,
  FormSelectField,
  FormTextAreaField,
  FormTextField,
} from '../../components/form-fields.tsx';
import { problemText } from '../../lib/field-problem.ts';
import { useErrorText } from '../../lib/errors.ts';
import { MarkdownBody } from './MarkdownBody.tsx';
import { noteResolver, type NoteFormValues } from './note-form-values.ts';
import { PersonPicker } from './PersonPicker.tsx';

export interface NoteFormProps {
  initial: NoteFormValues;
  onSave: (fields: NoteFields) => void;
  onCancel: () => void;
  isSaving: boolean;
  error: unknown;
}

export function NoteForm({ initial, onSave, onCancel, isSaving, error }: NoteFormProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const form = useForm<NoteFormValues, unknown, NoteFields>({
    defaultValues: initial,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    resolver: noteResolver((field, code, maximum) =>
      field === 'personIds' && code === 'too_small'
        ? t('errors.NOTE_WITHOUT_PERSON')
        : `${t(`fields.${field}`)}: ${problemText(t, code, maximum)}`,
    ),
  });
  const errors = form.formState.errors;
  const kind = useWatch({ control: form.control, name: 'kind' });
  const body = useWatch({ control: form.control, name: 'body' });
  const submit = form.handleSubmit((fields) => {
    onSave(fields);
  });

  return (
    // Ctrl/Cmd+Enter saves from any field, before a field's own Enter handling sees it. A
    // plain Enter in a one-line field would submit the form as browsers do (a note with half
    // its fields, never marked restricted): it is stopped from doing so, and still reaches the
    // field (the persons box chooses the highlighted person with it).
    <div
      className="note-form-keys"
      onKeyDownCapture={(event) => {
        if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
        if (event.ctrlKey || event.metaKey) {
          event.preventDefault();
          event.stopPropagation();
          if (!isSaving) void submit();
        } else if (event.target instanceof HTMLInputElement) {
          event.preventDefault();
        }
      }}
    >
      <Form
        className="note-form"
        validationBehavior="aria"
        onSubmit={(event) => {
          void submit(event);
        }}
      >
        <div className="note-form__row">
          <FormDateField
            control={form.control}
            name="occurredOn"
            htmlName={false}
            label={t('ui.notes.date')}
            isRequired
            errorMessage={errors.occurredOn?.message}
            isDisabled={isSaving}
          />
          <FormSelectField
            control={form.control}
            name="kind"
            htmlName={false}
            label={t('ui.notes.kind')}
            options={NOTE_KINDS.map((value) => ({
              value,
              label: t(`ui.domain.noteKind.${value}`),
            }))}
            errorMessage={errors.kind?.message}
            isDisabled={isSaving}
          />
        </div>
        <Controller
          control={form.control}
          name="persons"
          render={({ field }) => (
            <PersonPicker
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              errorMessage={errors.persons?.message}
              isDisabled={isSaving}
            />
          )}
        />
        <FormTextField
          control={form.control}
          name="title"
          htmlName={false}
          label={t('ui.notes.title')}
          spellCheck="true"
          errorMessage={errors.title?.message}
          isDisabled={isSaving}
        />
        {kind === 'public_statement' ? (
          <fieldset className="note-form__statement">
            <legend>{t('ui.notes.statement')}</legend>
            <div className="note-form__row">
              <FormTextField
                control={form.control}
                name="source"
                htmlName={false}
                label={t('ui.notes.source')}
                description={t('ui.notes.sourceHelp')}
                spellCheck="true"
                errorMessage={errors.source?.message}
                isDisabled={isSaving}
              />
              <FormSelectField
                control={form.control}
                name="stance"
                htmlName={false}
                label={t('ui.notes.stance')}
                placeholder={t('ui.notes.stancePlaceholder')}
                options={STANCES.map((value) => ({
                  value,
                  label: t(`ui.domain.stance.${value}`),
                }))}
                errorMessage={errors.stance?.message}
                isDisabled={isSaving}
              />
            </div>
          </fieldset>
        ) : null}
        <Tabs
          className="note-body"
          selectedKey={tab}
          onSelectionChange={(key) => {
            setTab(key === 'preview' ? 'preview' : 'write');
          }}
        >
          <TabList className="note-body__tabs" aria-label={t('ui.notes.bodyTabs')}>
            <Tab id="write" className="note-body__tab">
              {t('ui.notes.write')}
            </Tab>
            <Tab id="preview" className="note-body__tab">
              {t('ui.notes.preview')}
            </Tab>
          </TabList>
          <TabPanel id="write" className="note-body__panel">
            <FormTextAreaField
              control={form.control}
              name="body"
              htmlName={false}
              label={t('ui.notes.body')}
              description={t('ui.notes.bodyHelp')}
              rows={7}
              errorMessage={errors.body?.message}
              isDisabled={isSaving}
            />
          </TabPanel>
          <TabPanel id="preview" className="note-body__panel note-body__preview">
            {body.trim() === '' ? (
              <p className="muted">{t('ui.notes.previewEmpty')}</p>
            ) : (
              <MarkdownBody text={body} />
            )}
          </TabPanel>
        </Tabs>
        <div className="note-form__row">
          <FormTextAreaField
            control={form.control}
            name="askedFor"
            htmlName={false}
            label={t('ui.notes.askedFor')}
            rows={2}
            errorMessage={errors.askedFor?.message}
            isDisabled={isSaving}
          />
          <FormTextAreaField
            control={form.control}
            name="offered"
            htmlName={false}
            label={t('ui.notes.offered')}
            rows={2}
            errorMessage={errors.offered?.message}
            isDisabled={isSaving}
          />
        </div>
        <div className="note-form__row note-form__row--end">
          <FormDateField
            control={form.control}
            name="followUpOn"
            htmlName={false}
            label={t('ui.notes.followUpOn')}
            description={t('ui.notes.followUpHelp')}
            errorMessage={errors.followUpOn?.message}
            isDisabled={isSaving}
          />
          <Controller
            control={form.control}
            name="restricted"
            render={({ field }) => (
              <div className="note-form__restricted">
                <CheckboxField
                  label={t('ui.notes.restricted')}
                  description={t('ui.notes.restrictedHelp')}
                  isSelected={field.value}
                  onChange={field.onChange}
                  isDisabled={isSaving}
                />
              </div>
            )}
          />
        </div>
        {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
        <div className="actions note-form__actions">
          <Button
            type="submit"
            variant="primary"
            isDisabled={isSaving}
            aria-keyshortcuts={isMac() ? 'Meta+Enter' : 'Control+Enter'}
          >
            {isSaving ? t('ui.notes.saving') : t('ui.notes.save')}
          </Button>
          <Button variant="secondary" onPress={onCancel} isDisabled={isSaving}>
            {t('ui.notes.cancel')}
          </Button>
          <span className="muted note-form__hint" aria-hidden="true">
            {isMac() ? t('ui.notes.saveHintMac') : t('ui.notes.saveHint')}
          </span>
        </div>
      </Form>
    </div>
  );
}
