import {
  CheckboxButton,
  CheckboxField as AriaCheckboxField,
  type CheckboxFieldProps,
} from 'react-aria-components';

/** A labelled checkbox with an optional line of help under the label. */
export function CheckboxField({
  label,
  description,
  ...props
}: Omit<CheckboxFieldProps, 'children'> & { label: string; description?: string }) {
  return (
    <AriaCheckboxField {...props}>
      <CheckboxButton className="checkbox">
        <span className="checkbox__box" aria-hidden="true">
          <svg viewBox="0 0 18 18" width="14" height="14" focusable="false">
            <polyline points="2 9 7 14 16 4" fill="none" stroke="currentColor" strokeWidth="3" />
          </svg>
        </span>
        <span className="checkbox__text">
          <span className="checkbox__label">{label}</span>
          {description ? <span className="checkbox__description">{description}</span> : null}
        </span>
      </CheckboxButton>
    </AriaCheckboxField>
  );
}
