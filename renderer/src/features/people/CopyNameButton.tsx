import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RISK_LEVELS, type RiskLevel } from '../../../../shared/risk.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Modal } from '../../components/Modal.tsx';
import { call, isApiError } from '../../lib/api.ts';
import { useErrorText } from '../../lib/errors.ts';
import { RiskLevelChip } from '../risk-assessment/RiskLevelChip.tsx';
import '../disclosures/disclosures.css';

export interface CopyNameButtonProps {
  personId: number;
  fullName: string;
  /** The person's current risk level as the page knows it; null when not assessed. */
  riskLevel: RiskLevel | null;
}

/** Levels whose names are copied only after the user confirms (the core checks it too). */
const CONFIRM_LEVELS: readonly RiskLevel[] = ['high', 'critical'];

function isRiskLevel(value: unknown): value is RiskLevel {
  return (RISK_LEVELS as readonly unknown[]).includes(value);
}

/**
 * "Copy name": the one way a name leaves the vault besides the reviewed outputs. For a person
 * at high or critical risk it first asks, saying the level in words; the core refuses an
 * unconfirmed copy too (COPY_NEEDS_CONFIRMATION, when this page was stale), which opens the
 * same question. After a copy, a polite status says the risk and when the clipboard is cleared.
 */
export function CopyNameButton({ personId, fullName, riskLevel }: CopyNameButtonProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [confirming, setConfirming] = useState(false);
  // The level the question names: the page's, or the core's when it knew better.
  const [askedLevel, setAskedLevel] = useState<RiskLevel | null>(null);
  const [copied, setCopied] = useState<{ level: RiskLevel | null; seconds: number } | null>(null);
  const k = 'ui.disclosures.copy';
  // Copying writes nothing in the vault's records, so it is not a vault mutation.
  const copy = useMutation({
    mutationFn: (confirmed: boolean) => call('clipboard:copyName', { personId, confirmed }),
  });

  // Once the clipboard has been cleared, "will be cleared in 30 seconds" is no longer true.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const run = (confirmed: boolean) => {
    setCopied(null);
    copy.mutate(confirmed, {
      onSuccess: (answer) => {
        setConfirming(false);
        setCopied({ level: answer.riskLevel, seconds: answer.clearAfterSeconds });
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => {
          setCopied(null);
        }, answer.clearAfterSeconds * 1000);
      },
      onError: (error) => {
        if (isApiError(error, 'COPY_NEEDS_CONFIRMATION')) {
          const level = error.details.riskLevel;
          setAskedLevel(isRiskLevel(level) ? level : null);
          copy.reset();
          setConfirming(true);
        }
      },
    });
  };

  const press = () => {
    if (riskLevel !== null && CONFIRM_LEVELS.includes(riskLevel)) {
      setAskedLevel(riskLevel);
      copy.reset();
      setConfirming(true);
    } else run(false);
  };

  const levelWord = (level: RiskLevel | null) => t(`${k}.level.${level ?? 'none'}`);

  return (
    <div className="copy-name">
      <Button onPress={press} isDisabled={copy.isPending && !confirming}>
        {t(`${k}.button`)}
      </Button>
      <span role="status" className="copy-name__status">
        {copied
          ? t(`${k}.copied`, { level: levelWord(copied.level), seconds: copied.seconds })
          : null}
      </span>
      {copy.isError && !confirming ? (
        <div className="copy-name__error">
          <Alert tone="error">{errorText(copy.error)}</Alert>
        </div>
      ) : null}
      <Modal
        title={t(`${k}.confirmTitle`)}
        isOpen={confirming}
        onClose={() => {
          setConfirming(false);
          copy.reset();
        }}
        isDismissable={false}
        role="alertdialog"
      >
        <div className="stack">
          <p className="copy-name__who">{fullName}</p>
          {askedLevel ? (
            <p>
              <RiskLevelChip
                level={askedLevel}
                label={t(`${k}.riskLabel`, { level: t(`ui.domain.riskLevel.${askedLevel}`) })}
              />
            </p>
          ) : (
            <p>{t(`${k}.riskChanged`)}</p>
          )}
          <p>{t(`${k}.confirmText`)}</p>
          {copy.isError ? <Alert tone="error">{errorText(copy.error)}</Alert> : null}
          <div className="actions">
            <Button
              variant="danger"
              isDisabled={copy.isPending}
              onPress={() => {
                run(true);
              }}
            >
              {copy.isPending ? t(`${k}.copying`) : t(`${k}.confirm`)}
            </Button>
            <Button
              variant="quiet"
              autoFocus
              isDisabled={copy.isPending}
              onPress={() => {
                setConfirming(false);
                copy.reset();
              }}
            >
              {t('ui.common.cancel')}
            </Button>
          </div>
        </div>
      </Modal>
    </div>
  );
}
