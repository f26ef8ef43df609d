// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StrengthMeter } from '../../renderer/src/components/StrengthMeter.tsx';
import { renderIn } from './render.tsx';

afterEach(cleanup);

describe('StrengthMeter', () => {
  it('shows the level and zxcvbn’s advice in English', async () => {
    await renderIn(
      'en',
      <StrengthMeter
        strength={{
          score: 0,
          warning: 'warnings.common',
          suggestions: ['suggestions.anotherWord'],
        }}
      />,
    );
    expect(screen.getByText('Very weak')).toBeTruthy();
    expect(screen.getByText('This is a common password.')).toBeTruthy();
    expect(screen.getByText('Add another word or two, less common ones.')).toBeTruthy();
  });

  it('and in Russian', async () => {
    await renderIn('ru', <StrengthMeter strength={{ score: 4, warning: null, suggestions: [] }} />);
    expect(screen.getByText('Надёжный')).toBeTruthy();
  });

  it('lights as many segments as the score, plus one', async () => {
    const { container } = await renderIn(
      'en',
      <StrengthMeter strength={{ score: 2, warning: null, suggestions: [] }} />,
    );
    expect(container.querySelectorAll('.strength__segment--on')).toHaveLength(3);
  });

  it('shows nothing before anything is typed', async () => {
    const { container } = await renderIn('en', <StrengthMeter strength={null} />);
    expect(container.textContent).toBe('');
  });
});
