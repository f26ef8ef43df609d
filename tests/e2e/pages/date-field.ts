/**
 * The app's date fields (renderer/src/components/DateField.tsx) as a user meets them: a group
 * named by its label, holding a spin button each for the day, the month and the year, in the
 * order of the app's language (day first in English and in Russian), and a calendar button.
 * Dates are typed into the segments from the keyboard, as a person does.
 */
import type { Locator, Page } from 'playwright-core';

export function dateField(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('group', { name: label, exact: true });
}

/** Types a YYYY-MM-DD date into the field: day, month and year digits from its first segment. */
export async function fillDate(scope: Page | Locator, label: string, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  if (!year || !month || !day) throw new Error(`not a date: ${iso}`);
  const field = dateField(scope, label);
  // Typing into a segment replaces what it held; each moves on to the next when full.
  await field.getByRole('spinbutton').first().click();
  await field.page().keyboard.type(`${day}${month}${year}`);
}

/** The date the field shows, as YYYY-MM-DD, or '' while any part is empty. */
export async function dateValue(scope: Page | Locator, label: string): Promise<string> {
  const field = dateField(scope, label);
  const part = async (type: string) => {
    const segment = field.locator(`[role="spinbutton"][data-type="${type}"]`);
    if ((await segment.getAttribute('data-placeholder')) !== null) return '';
    return (await segment.getAttribute('aria-valuenow')) ?? '';
  };
  const [year, month, day] = [await part('year'), await part('month'), await part('day')];
  if (!year || !month || !day) return '';
  return `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}
