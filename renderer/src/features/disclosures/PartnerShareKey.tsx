import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Partner } from '../../../../shared/records.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { Modal } from '../../components/Modal.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { useErrorText } from '../../lib/errors.ts';
import { useDebounced } from '../../lib/use-debounced.ts';
import { useVaultMutation, useVaultQuery } from '../../lib/vault-mutation.ts';
import { formatTimestamp } from '../people/format.ts';
import { ShapeIcon } from '../risk-assessment/icons.tsx';
import { Fingerprint } from './parts.tsx';
import './disclosures.css';

/**
 * A partner's share key on their page: the stored fingerprint, or none; pasting their key shows
 * its fingerprint, and it is saved only once the user ticks that it matches what the partner
 * read out on the phone. Removing it asks first.
 */
export function PartnerShareKey({ partner }: { partner: Partner }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [matches, setMatches] = useState(false);
  const [done, setDone] = useState<'saved' | 'removed' | null>(null);
  const [removing, setRemoving] = useState(false);
  const save = useVaultMutation('partners:setShareKey');
  const k = 'ui.disclosures.partnerKey';
  const stored = partner.shareKeyFingerprint;
  const formOpen = editing || stored === null;

  const pasted = text.trim();
  const settled = useDebounced(pasted, 250);
  const inspect = useVaultQuery(
    'share:inspectKey',
    { publicKey: settled },
    { enabled: formOpen && settled !== '' },
  );
  // Only an answer about exactly the text in the field counts: while a new key is being
  // checked, the previous key's fingerprint must not stay on screen to be ticked as matching.
  const current = pasted !== '' && settled === pasted && !inspect.isPlaceholderData;
  const inspected = current && inspect.isSuccess ? inspect.data : null;
  const inspectError = current && inspect.isError ? inspect.error : null;
  const checking = pasted !== '' && !inspected && !inspectError;

  const closeForm = () => {
    setEditing(false);
    setText('');
    setMatches(false);
    save.reset();
  };

  return (
    <section className="partner-key" aria-labelledby="partner-key-title">
      <h2 id="partner-key-title" className="org-section-title">
        {t(`${k}.title`)}
      </h2>
      <p className="disclosures__muted">{t(`${k}.intro`)}</p>
      <div className="panel partner-key__body">
        {stored !== null ? (
          <div className="partner-key__stored">
            <p className="partner-key__stored-line">
              <ShapeIcon shape="check" /> {t(`${k}.stored`)} <Fingerprint value={stored} />
            </p>
            {partner.shareKeyAddedAt !== null ? (
              <p className="disclosures__muted">
                {t(`${k}.since`, {
                  date: formatTimestamp(partner.shareKeyAddedAt, i18n.language),
                })}
              </p>
            ) : null}
            {!editing ? (
              <div className="actions">
                <Button
                  onPress={() => {
                    setDone(null);
                    setEditing(true);
                  }}
                >
                  {t(`${k}.replace`)}
                </Button>
                <Button
                  variant="danger"
                  onPress={() => {
                    setDone(null);
                    setRemoving(true);
                  }}
                >
                  {t(`${k}.remove`)}
                </Button>
              </div>
            ) : null}
          </div>
        ) : (
          <p className="partner-key__none">{t(`${k}.none`)}</p>
        )}
        {formOpen ? (
          <div className="partner-key__form" role="group" aria-label={t(`${k}.add`)}>
            <TextAreaField
              label={t(`${k}.paste`)}
              description={t(`${k}.pasteHelp`)}
              value={text}
              rows={3}
              spellCheck="false"
              onChange={(value) => {
                setText(value);
                setMatches(false);
                setDone(null);
                save.reset();
              }}
            />
            {checking ? <p className="disclosures__muted">{t(`${k}.checking`)}</p> : null}
            {inspectError ? <Alert tone="error">{errorText(inspectError)}</Alert> : null}
            {inspected ? (
              <div className="partner-key__check">
                <p className="partner-key__label">{t(`${k}.fingerprintOfPasted`)}</p>
                <Fingerprint value={inspected.fingerprint} large />
                <p className="partner-key__read-out">{t(`${k}.readOut`)}</p>
                {inspected.partnerId === partner.id ? (
                  <Alert tone="info" live={false}>
                    {t(`${k}.alreadyTheirs`)}
                  </Alert>
                ) : inspected.partnerId !== null ? (
                  <Alert tone="warning" live={false}>
                    {t(`${k}.otherPartner`)}
                  </Alert>
                ) : null}
                <CheckboxField
                  label={t(`${k}.matches`)}
                  description={t(`${k}.matchesHelp`)}
                  isSelected={matches}
                  onChange={setMatches}
                />
              </div>
            ) : null}
            {save.isError ? <Alert tone="error">{errorText(save.error)}</Alert> : null}
            <div className="actions">
              <Button
                variant="primary"
                isDisabled={!inspected || !matches || save.isPending}
                onPress={() => {
                  save.mutate(
                    { id: partner.id, publicKey: pasted },
                    {
                      onSuccess: () => {
                        closeForm();
                        setDone('saved');
                      },
                    },
                  );
                }}
              >
                {save.isPending ? t(`${k}.saving`) : t(`${k}.save`)}
              </Button>
              {stored !== null ? (
                <Button variant="quiet" isDisabled={save.isPending} onPress={closeForm}>
                  {t(`${k}.cancel`)}
                </Button>
              ) : null}
            </div>
          </div>
        ) : null}
        <p role="status" className="partner-key__done">
          {done ? t(`${k}.${done}`) : null}
        </p>
      </div>
      {removing ? (
        <RemoveKeyDialog
          partner={partner}
          onClose={() => {
            setRemoving(false);
          }}
          onRemoved={() => {
            setRemoving(false);
            setDone('removed');
          }}
        />
      ) : null}
    </section>
  );
}

function RemoveKeyDialog({
  partner,
  onClose,
  onRemoved,
}: {
  partner: Partner;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const remove = useVaultMutation('partners:setShareKey');
  const k = 'ui.disclosures.partnerKey';
  return (
    <Modal
      title={t(`${k}.removeTitle`, { name: partner.name })}
      isOpen
      onClose={onClose}
      isDismissable={false}
      role="alertdialog"
    >
      <div className="stack">
        <p>{t(`${k}.removeText`)}</p>
        {remove.isError ? <Alert tone="error">{errorText(remove.error)}</Alert> : null}
        <div className="actions">
          <Button
            variant="danger"
            isDisabled={remove.isPending}
            onPress={() => {
              remove.mutate({ id: partner.id, publicKey: null }, { onSuccess: onRemoved });
            }}
          >
            {remove.isPending ? t(`${k}.removing`) : t(`${k}.removeConfirm`)}
          </Button>
          <Button variant="quiet" autoFocus isDisabled={remove.isPending} onPress={onClose}>
            {t('ui.common.cancel')}
          </Button>
        </div>
      </div>
    </Modal>
  );
}
