import { ProgressBar } from 'react-aria-components';

/** An indeterminate progress bar with a visible, announced label. */
export function Progress({ label }: { label: string }) {
  return (
    <ProgressBar isIndeterminate className="progress" aria-label={label}>
      <div className="progress__label" aria-hidden="true">
        {label}
      </div>
      <div className="progress__track">
        <div className="progress__fill" />
      </div>
    </ProgressBar>
  );
}
