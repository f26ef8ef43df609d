import { describe, expect, it } from 'vitest';
import { estimateStrength } from '../../renderer/src/lib/passphrase-strength.ts';
import { onLatinLayout } from '../../renderer/src/lib/russian-passwords.ts';

describe('passphrase strength', () => {
  it('reads "пароль" typed on a Latin layout as gfhjkm', () => {
    expect(onLatinLayout('пароль')).toBe('gfhjkm');
    expect(onLatinLayout('йцукен')).toBe('qwerty');
  });

  it.each([
    'пароль',
    'пароль123',
    'gfhjkm',
    'gfhjkm123',
    'наташа1985',
    'password1',
    'qwerty123',
    'confidant2026',
    'Confidant',
  ])('calls %j weak (below "fair")', (passphrase) => {
    expect(estimateStrength(passphrase).score).toBeLessThan(2);
  });

  it.each([
    'quiet harbour lantern seventeen',
    'тихая гавань фонарь семнадцать',
    'Mother of Pearl Quarry 4417',
    'seven green lamps on the quay',
  ])('calls %j strong', (passphrase) => {
    expect(estimateStrength(passphrase).score).toBeGreaterThanOrEqual(3);
  });

  it('gives its advice as keys the screens translate', () => {
    const result = estimateStrength('password');
    expect(result.warning).toMatch(/^warnings\.\w+$/);
    for (const suggestion of result.suggestions) expect(suggestion).toMatch(/^suggestions\.\w+$/);
  });

  it('counts the vault’s file name against a passphrase made from it', () => {
    expect(estimateStrength('OfficeVault', ['OfficeVault']).score).toBeLessThan(2);
  });
});
