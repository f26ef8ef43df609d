/**
 * Typing into a DateField (components/DateField.tsx) as a keyboard does: the field is a group
 * named by its label, with a spin button per part (day, month, year in the app's language);
 * digits typed into the first fill them in turn. react-aria reads them from beforeinput.
 */
import { act, screen, within } from '@testing-library/react';

/** The field's group, by its label (within `container`, or the whole document). */
export function dateGroup(label: string, container?: HTMLElement): HTMLElement {
  return (container ? within(container) : screen).getByRole('group', { name: label });
}

/** Types `text` into whatever has the focus, one key at a time. */
export function typeKeys(text: string): void {
  for (const char of text) {
    const target = document.activeElement;
    if (!target) throw new Error('nothing has the focus');
    act(() => {
      target.dispatchEvent(
        new InputEvent('beforeinput', {
          inputType: 'insertText',
          data: char,
          bubbles: true,
          cancelable: true,
        }),
      );
    });
  }
}

/** Types a YYYY-MM-DD date into the field labelled `label` (both languages put the day first). */
export function typeDate(label: string, iso: string, container?: HTMLElement): void {
  const [year, month, day] = iso.split('-');
  const first = within(dateGroup(label, container)).getAllByRole('spinbutton')[0];
  if (!first || !year || !month || !day) throw new Error(`cannot type ${iso} into ${label}`);
  act(() => {
    first.focus();
  });
  typeKeys(`${day}${month}${year}`);
}

/** The date a field holds, as the hidden input it posts with its form says (needs a name). */
export function dateValue(name: string, container: ParentNode = document): string | undefined {
  return container.querySelector<HTMLInputElement>(`input[type="hidden"][name="${name}"]`)?.value;
}
