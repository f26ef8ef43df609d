import { describe, expect, it } from 'vitest';
import {
  formatRecoveryKey,
  generateRecoverySecret,
  parseRecoveryKey,
  RECOVERY_SECRET_BYTES,
} from '../../electron/core/crypto/recovery-key.ts';
import { isVaultError } from '../../electron/core/errors.ts';

const SECRET = Buffer.from('00112233445566778899aabbccddeeff01234567', 'hex');

function malformed(text: string): boolean {
  try {
    parseRecoveryKey(text);
    return false;
  } catch (error) {
    return isVaultError(error, 'RECOVERY_KEY_MALFORMED');
  }
}

describe('recovery key', () => {
  it('is 160 random bits written as nine groups of four Crockford base32 symbols', () => {
    const secret = generateRecoverySecret();
    expect(secret.length).toBe(RECOVERY_SECRET_BYTES);
    expect(formatRecoveryKey(secret)).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){8}[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('is different every time', () => {
    const keys = new Set(
      Array.from({ length: 50 }, () => formatRecoveryKey(generateRecoverySecret())),
    );
    expect(keys.size).toBe(50);
  });

  it('reads back the secret it was made from', () => {
    for (let i = 0; i < 200; i++) {
      const secret = generateRecoverySecret();
      expect(parseRecoveryKey(formatRecoveryKey(secret)).equals(secret)).toBe(true);
    }
  });

  it('forgives case, spacing, missing or different separators', () => {
    const key = formatRecoveryKey(SECRET);
    const variants = [
      key.toLowerCase(),
      key.replaceAll('-', ''),
      key.replaceAll('-', ' '),
      `  ${key.replaceAll('-', ' - ')}  `,
      key.replaceAll('-', '—'),
      key.replaceAll('-', '\n'),
    ];
    for (const variant of variants) expect(parseRecoveryKey(variant).equals(SECRET)).toBe(true);
  });

  it('reads O as 0 and I or L as 1, as Crockford base32 intends', () => {
    const key = formatRecoveryKey(SECRET);
    expect(key).toContain('0');
    const withLetters = key.replaceAll('0', 'O').replaceAll('1', 'l');
    expect(parseRecoveryKey(withLetters).equals(SECRET)).toBe(true);
  });

  it('reads Cyrillic look-alike letters typed on a Russian layout as the Latin ones', () => {
    const latinToCyrillic: Record<string, string> = {
      A: 'А',
      B: 'В',
      C: 'С',
      E: 'Е',
      H: 'Н',
      K: 'К',
      M: 'М',
      P: 'Р',
      T: 'Т',
      X: 'Х',
    };
    let tested = 0;
    for (let i = 0; i < 50 && tested < 5; i++) {
      const secret = generateRecoverySecret();
      const key = formatRecoveryKey(secret);
      const typed = Array.from(key, (ch) => latinToCyrillic[ch] ?? ch).join('');
      if (typed === key) continue;
      tested++;
      expect(parseRecoveryKey(typed.toLowerCase()).equals(secret)).toBe(true);
    }
    expect(tested).toBe(5);
  });

  it('tells a typo (any single changed symbol) from a wrong key', () => {
    const key = formatRecoveryKey(SECRET);
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    let checked = 0;
    for (let position = 0; position < key.length; position++) {
      if (key[position] === '-') continue;
      for (const replacement of alphabet) {
        if (replacement === key[position]) continue;
        const typo = key.slice(0, position) + replacement + key.slice(position + 1);
        expect(malformed(typo), `${typo} should be a typo`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBe(36 * 31);
  });

  it('calls too short, too long and foreign-alphabet input malformed', () => {
    const key = formatRecoveryKey(SECRET);
    for (const text of [
      '',
      key.slice(0, -1),
      `${key}A`,
      key.replace(/^./, 'U'),
      key.replace(/^./, 'Ж'),
      'correct horse battery staple',
    ]) {
      expect(malformed(text), text).toBe(true);
    }
  });
});
