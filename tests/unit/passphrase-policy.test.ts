import { describe, expect, it } from 'vitest';
import { checkNewPassphrase, passphraseLength } from '../../shared/passphrase-policy.ts';

describe('new passphrase rule', () => {
  it.each([
    ['', 'PASSPHRASE_EMPTY'],
    ['        ', 'PASSPHRASE_EMPTY'],
    ['\t\n', 'PASSPHRASE_EMPTY'],
    ['short', 'PASSPHRASE_TOO_SHORT'],
    ['1234567', 'PASSPHRASE_TOO_SHORT'],
    ['12345678', null],
    ['пароль12', null],
    ['пароль1', 'PASSPHRASE_TOO_SHORT'],
    ['correct horse battery staple', null],
    ['x'.repeat(1024), null],
    ['x'.repeat(1025), 'PASSPHRASE_TOO_LONG'],
  ])('%j → %s', (passphrase, expected) => {
    expect(checkNewPassphrase(passphrase)).toBe(expected);
  });

  it('counts what a person sees as characters, whatever the Unicode form', () => {
    expect(passphraseLength('пароль')).toBe(6);
    expect(passphraseLength('й'.normalize('NFD'))).toBe(1);
    expect(passphraseLength('👍🏽👍🏽')).toBe(2);
  });
});
