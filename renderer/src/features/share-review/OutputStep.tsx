import { Label, RadioButton, RadioField, RadioGroup, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { absolutePath } from '../../../../shared/contract.ts';
import type { Partner } from '../../../../shared/records.ts';
import { navigate } from '../../app/navigation.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/TextField.tsx';
import { isOutput, OUTPUTS, type Output, type Seal } from './share-values.ts';

const k = 'ui.shareReview.output';

export interface Destination {
  path: string;
  /** Chosen in the native save dialog, which already asked about replacing a file. */
  fromDialog: boolean;
}

/** Whether `path` is a full path the core accepts. */
export function isFullPath(path: string): boolean {
  return absolutePath.safeParse(path).success;
}

/**
 * Step 3: what to write (a PDF or HTML dossier, a CSV list, a share package), how a package
 * is sealed, and where the file goes (the native save dialog, or a full path typed in where
 * there are no file dialogs).
 */
export function OutputStep({
  output,
  onOutput,
  seal,
  onSeal,
  partner,
  destination,
  onDestination,
  fileDialogs,
  onChoose,
  choosing,
  examplePath,
  isDisabled,
}: {
  output: Output;
  onOutput: (output: Output) => void;
  /** The seal in use (a passphrase whenever the partner's key cannot be used). */
  seal: Seal;
  onSeal: (seal: Seal) => void;
  /** The partner receiving it, when the recipient is a partner. */
  partner: Partner | null;
  destination: Destination;
  onDestination: (destination: Destination) => void;
  fileDialogs: boolean;
  onChoose: () => void;
  choosing: boolean;
  examplePath: string;
  isDisabled: boolean;
}) {
  const { t } = useTranslation();
  const partnerKey = partner?.shareKeyFingerprint ?? null;
  const pathProblem =
    !fileDialogs && destination.path.trim() !== '' && !isFullPath(destination.path.trim())
      ? t(`${k}.pathInvalid`, { example: examplePath })
      : undefined;

  return (
    <>
      <RadioGroup
        className="share-choice"
        value={output}
        isDisabled={isDisabled}
        onChange={(value) => {
          if (isOutput(value)) onOutput(value);
        }}
      >
        <Label className="field__label">{t(`${k}.kind`)}</Label>
        <div className="share-options share-options--grid">
          {OUTPUTS.map((kind) => (
            <RadioField key={kind} value={kind} className="choice-card">
              <RadioButton className="choice-card__button">
                <span className="choice-card__dot" aria-hidden="true" />
                <span className="choice-card__label">{t(`${k}.kinds.${kind}`)}</span>
              </RadioButton>
              <Text slot="description" className="choice-card__help">
                {t(`${k}.kindHelp.${kind}`)}
              </Text>
            </RadioField>
          ))}
        </div>
      </RadioGroup>

      {output === 'package' ? (
        <div className="share-seal">
          {partner && partnerKey ? (
            <RadioGroup
              className="share-choice"
              value={seal}
              isDisabled={isDisabled}
              onChange={(value) => {
                if (value === 'partner-key' || value === 'passphrase') onSeal(value);
              }}
            >
              <Label className="field__label">{t(`${k}.seal`)}</Label>
              <div className="share-options share-options--row">
                <RadioField value="partner-key" className="choice-card">
                  <RadioButton className="choice-card__button">
                    <span className="choice-card__dot" aria-hidden="true" />
                    <span className="choice-card__label">
                      {t(`${k}.seals.partner-key`, { partner: partner.name })}
                    </span>
                  </RadioButton>
                  <Text slot="description" className="choice-card__help">
                    {t(`${k}.sealHelp.partner-key`, { fingerprint: partnerKey })}
                  </Text>
                </RadioField>
                <RadioField value="passphrase" className="choice-card">
                  <RadioButton className="choice-card__button">
                    <span className="choice-card__dot" aria-hidden="true" />
                    <span className="choice-card__label">{t(`${k}.seals.passphrase`)}</span>
                  </RadioButton>
                  <Text slot="description" className="choice-card__help">
                    {t(`${k}.sealHelp.passphrase`)}
                  </Text>
                </RadioField>
              </div>
            </RadioGroup>
          ) : partner ? (
            <Alert
              tone="warning"
              live={false}
              actions={
                <Button
                  variant="quiet"
                  onPress={() => {
                    navigate({ area: 'partner', id: partner.id });
                  }}
                >
                  {t(`${k}.openPartner`, { partner: partner.name })}
                </Button>
              }
            >
              {t(`${k}.noPartnerKey`, { partner: partner.name })}
            </Alert>
          ) : (
            <p className="share-note">{t(`${k}.passphraseOnly`)}</p>
          )}
          {seal === 'passphrase' ? (
            <p className="share-note share-note--key">{t(`${k}.passphraseNote`)}</p>
          ) : null}
        </div>
      ) : null}

      {fileDialogs ? (
        <div className="share-destination">
          <p className="field__label share-destination__label">{t(`${k}.destination`)}</p>
          <div className="share-destination__row">
            <p className="share-destination__path" aria-live="polite">
              {destination.path === '' ? (
                <span className="muted">{t(`${k}.notChosen`)}</span>
              ) : (
                <>
                  <span className="muted">{t(`${k}.chosen`)}: </span>
                  <span className="mono">{destination.path}</span>
                </>
              )}
            </p>
            <Button onPress={onChoose} isDisabled={isDisabled || choosing}>
              {destination.path === '' ? t(`${k}.choose`) : t(`${k}.chooseAgain`)}
            </Button>
          </div>
        </div>
      ) : (
        <TextField
          label={t(`${k}.path`)}
          description={t(`${k}.pathHelp`, { example: examplePath })}
          value={destination.path}
          onChange={(path) => {
            onDestination({ path, fromDialog: false });
          }}
          isRequired
          isDisabled={isDisabled}
          maxLength={4096}
          autoComplete="off"
          inputClassName="mono field__input--path"
          errorMessage={pathProblem}
        />
      )}
    </>
  );
}
