// @vitest-environment jsdom
/**
 * The date field (issue 15): typed in the app's language — day first, as the app writes
 * dates — never in the browser's (an outer en-US locale changes nothing); digits fill day,
 * month and year in turn, the year takes four digits at most (a native date input once made
 * 70115 of them); labelled, described and wired to its error; the value stays YYYY-MM-DD.
 */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { I18nProvider } from 'react-aria-components';
import { afterEach, describe, expect, it } from 'vitest';
import { DateField, fullYear } from '../../renderer/src/components/DateField.tsx';
import { dateValue, typeKeys as type } from './date-input.tsx';
import { renderIn } from './render.tsx';

afterEach(cleanup);

const LABEL = { en: 'Next follow-up', ru: 'Следующий контакт' } as const;

/** A form's view of the field: the value it holds, and every change it was told of. */
function Controlled({
  language,
  initial = '',
  changes,
  errorMessage,
}: {
  language: 'en' | 'ru';
  initial?: string;
  changes: string[];
  errorMessage?: string;
}) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DateField
        label={LABEL[language]}
        description="help text"
        name="nextFollowUp"
        errorMessage={errorMessage}
        value={value}
        onChange={(next) => {
          changes.push(next);
          setValue(next);
        }}
      />
      <output data-testid="held">{value}</output>
      <button type="button">elsewhere</button>
    </>
  );
}

function field(language: 'en' | 'ru') {
  const group = screen.getByRole('group', { name: LABEL[language] });
  const segments = within(group).getAllByRole('spinbutton');
  return { group, segments };
}

function held(): string {
  return screen.getByTestId('held').textContent;
}

function leave() {
  act(() => {
    screen.getByRole('button', { name: 'elsewhere' }).focus();
  });
}

describe('DateField', () => {
  const cases = [
    { language: 'en', shown: '07/11/2026', empty: 'dd/mm/yyyy', calendar: 'Calendar' },
    { language: 'ru', shown: '07.11.2026', empty: 'дд.мм.гггг', calendar: 'Календарь' },
  ] as const;

  for (const { language, shown, empty, calendar } of cases) {
    it(`is typed day, month, year in the app's language, whatever the browser's (${language})`, async () => {
      const changes: string[] = [];
      // The browser says en-US (month first); the app's language decides.
      await renderIn(
        language,
        <I18nProvider locale="en-US">
          <Controlled language={language} changes={changes} />
        </I18nProvider>,
      );
      const { group, segments } = field(language);
      expect(group.textContent).toBe(empty);
      expect(segments.map((segment) => segment.getAttribute('data-type'))).toEqual([
        'day',
        'month',
        'year',
      ]);
      // Each segment is named by the field's label (and its own part) for screen readers.
      for (const segment of segments) {
        expect(segment.getAttribute('aria-labelledby')?.split(' ')).toContain(
          screen.getByText(LABEL[language]).id,
        );
      }
      expect(
        within(group)
          .getByRole('button', { name: new RegExp(calendar) })
          .getAttribute('aria-haspopup'),
      ).toBe('dialog');

      act(() => {
        segments[0]?.focus();
      });
      type('07112026');
      expect(group.textContent).toBe(shown);
      expect(held()).toBe('2026-11-07');
      expect(changes.at(-1)).toBe('2026-11-07');
      // The hidden input a form posts holds the vault's format.
      expect(dateValue('nextFollowUp')).toBe('2026-11-07');
    });

    it(`never takes a fifth digit of a year (${language})`, async () => {
      const changes: string[] = [];
      await renderIn(language, <Controlled language={language} changes={changes} />);
      const { segments } = field(language);
      act(() => {
        segments[0]?.focus();
      });
      // What was typed into the browser's own date input, which made the year 70115 of it.
      type('071170115');
      leave();
      expect(changes.length).toBeGreaterThan(0);
      for (const change of changes) expect(change).toMatch(/^(\d{4}-\d{2}-\d{2})?$/u);
      expect(changes.every((change) => !change.includes('70115'))).toBe(true);
      expect(segments[2]?.textContent.length).toBeLessThanOrEqual(4);
    });
  }

  it('shows a date held by the form, and changes it with the arrow keys', async () => {
    const changes: string[] = [];
    await renderIn('en', <Controlled language="en" initial="2026-03-31" changes={changes} />);
    const { group, segments } = field('en');
    expect(group.textContent).toBe('31/03/2026');
    act(() => {
      segments[0]?.focus();
    });
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'ArrowDown' });
    expect(held()).toBe('2026-03-30');
  });

  it('reads a two-digit year as this century’s when the field is left', async () => {
    const changes: string[] = [];
    await renderIn('en', <Controlled language="en" changes={changes} />);
    act(() => {
      field('en').segments[0]?.focus();
    });
    type('070426');
    expect(held()).toBe('0026-04-07');
    leave();
    expect(held()).toBe(`${String(fullYear(26))}-04-07`);
    expect(fullYear(26, new Date(2026, 0, 1))).toBe(2026);
    expect(fullYear(98, new Date(2026, 0, 1))).toBe(1998);
    expect(fullYear(2031, new Date(2026, 0, 1))).toBe(2031);
  });

  it('clears a half-typed date when the field is left, so it shows what the form holds', async () => {
    const changes: string[] = [];
    await renderIn('ru', <Controlled language="ru" initial="2026-03-31" changes={changes} />);
    const { group, segments } = field('ru');
    act(() => {
      segments[2]?.focus();
    });
    // Backspace empties the year only: day and month stay, the form still holds the date.
    for (let i = 0; i < 4; i += 1) {
      fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Backspace' });
    }
    expect(group.textContent).toBe('31.03.гггг');
    leave();
    expect(held()).toBe('');
    expect(group.textContent).toBe('дд.мм.гггг');
  });

  it('ties its help and its error to every segment, and marks them invalid', async () => {
    await renderIn('en', <Controlled language="en" changes={[]} errorMessage="Not a date." />);
    const { group, segments } = field('en');
    for (const element of [group, ...segments]) {
      const described = (element.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent);
      expect(described).toContain('Not a date.');
      expect(described).toContain('help text');
    }
    for (const segment of segments) expect(segment.getAttribute('aria-invalid')).toBe('true');
  });
});
