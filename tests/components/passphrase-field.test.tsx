// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PassphraseField } from '../../renderer/src/components/PassphraseField.tsx';
import { renderIn } from './render.tsx';

afterEach(cleanup);

describe('PassphraseField', () => {
  it('hides what is typed until asked, and says what its button does', async () => {
    await renderIn('en', <PassphraseField label="Passphrase" autoComplete="new-password" />);
    const input = screen.getByLabelText<HTMLInputElement>('Passphrase');
    expect(input.type).toBe('password');
    fireEvent.click(screen.getByRole('button', { name: 'Show passphrase' }));
    expect(input.type).toBe('text');
    fireEvent.click(screen.getByRole('button', { name: 'Hide passphrase' }));
    expect(input.type).toBe('password');
  });

  it('is never spell-checked, corrected or capitalised', async () => {
    await renderIn('ru', <PassphraseField label="Пароль" autoComplete="current-password" />);
    const input = screen.getByLabelText('Пароль');
    expect(input.getAttribute('spellcheck')).toBe('false');
    expect(input.getAttribute('autocorrect')).toBe('off');
    expect(input.getAttribute('autocapitalize')).toBe('off');
    expect(input.getAttribute('autocomplete')).toBe('current-password');
  });

  it('ties its error to the input for screen readers', async () => {
    await renderIn(
      'en',
      <PassphraseField label="Passphrase" autoComplete="new-password" errorMessage="Too short." />,
    );
    const input = screen.getByLabelText('Passphrase');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('Too short.');
  });
});
