import { useState, type ReactNode } from 'react';
import { ToggleButton } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { TextField, type TextFieldProps } from './TextField.tsx';

export interface PassphraseFieldProps extends Omit<TextFieldProps, 'type' | 'trailing'> {
  /** 'new-password' on screens that set one, 'current-password' where one is typed. */
  autoComplete: 'new-password' | 'current-password';
  children?: ReactNode;
}

/** A passphrase input that can be shown, never spell-checked, never auto-capitalised. */
export function PassphraseField({ children, ...props }: PassphraseFieldProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <div className="passphrase-field">
      <TextField
        {...props}
        type={visible ? 'text' : 'password'}
        trailing={
          <ToggleButton
            className="field__reveal"
            isSelected={visible}
            onChange={setVisible}
            aria-label={visible ? t('ui.common.hidePassphrase') : t('ui.common.showPassphrase')}
            excludeFromTabOrder={false}
          >
            <EyeIcon open={!visible} />
          </ToggleButton>
        }
      />
      {children}
    </div>
  );
}

function EyeIcon({ open }: { open: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
      />
      <circle cx="12" cy="12" r="3" fill="none" stroke="currentColor" strokeWidth="1.8" />
      {open ? null : <path d="M4 4l16 16" stroke="currentColor" strokeWidth="1.8" />}
    </svg>
  );
}
