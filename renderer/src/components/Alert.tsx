import type { ReactNode } from 'react';

export interface AlertProps {
  tone: 'error' | 'warning' | 'info' | 'success';
  children: ReactNode;
  /** Errors interrupt (role=alert); the rest are announced politely (role=status). */
  live?: boolean;
  actions?: ReactNode;
}

export function Alert({ tone, children, live = true, actions }: AlertProps) {
  const role = live ? (tone === 'error' ? 'alert' : 'status') : undefined;
  return (
    <div className={`alert alert--${tone}`} role={role}>
      <div className="alert__body">{children}</div>
      {actions ? <div className="alert__actions">{actions}</div> : null}
    </div>
  );
}
