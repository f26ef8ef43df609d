/**
 * The agencies and partners lists are filtered by the core, with the core's own folding (case,
 * ё/е, spaces) — the window sends what was typed and shows what comes back, so a filter never
 * disagrees with search about what "the same text" is.
 */
import { describe, expect, it } from 'vitest';
import { openTestVault } from '../helpers/domain.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir('confidant-list-filters-');

describe('list filters are the core’s', () => {
  it('agencies: by name folded as the core stores it, and by sphere', async () => {
    const api = await openTestVault(tempDir(), { vaultOptions: { kdf: FAST_KDF } });
    await api.call('agencies:create', { name: 'МВД России', sphere: 'police' });
    await api.call('agencies:create', { name: 'Суд  Ёлкинского района', sphere: 'judiciary' });
    await api.call('agencies:create', { name: 'Прокуратура', sphere: 'prosecution' });
    const names = async (input: { text?: string; sphere?: 'judiciary' | null }) =>
      (await api.call('agencies:list', input)).rows.map((row) => row.name);
    expect(await names({})).toHaveLength(3);
    expect(await names({ text: 'мвд' })).toEqual(['МВД России']);
    expect(await names({ text: 'елкинского' })).toEqual(['Суд  Ёлкинского района']);
    expect(await names({ text: 'суд ёлкинского' })).toEqual(['Суд  Ёлкинского района']);
    expect(await names({ sphere: 'judiciary' })).toEqual(['Суд  Ёлкинского района']);
    expect(await names({ text: 'мвд', sphere: 'judiciary' })).toEqual([]);
    // The vault's count stays whole, so the window can say "1 of 3 shown".
    expect((await api.call('agencies:list', { text: 'мвд' })).total).toBe(3);
    await expect(api.call('agencies:list', { text: 'x'.repeat(201) })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('partners: by name, country or themes, folded', async () => {
    const api = await openTestVault(tempDir(), { vaultOptions: { kdf: FAST_KDF } });
    await api.call('partners:create', { name: 'Комитет', country: 'Швейцария', themes: 'Судьи' });
    await api.call('partners:create', {
      name: 'Hélsinki Group',
      country: 'Norway',
      themes: 'Ёлки',
    });
    const names = async (text: string) =>
      (await api.call('partners:list', { text })).rows.map((row) => row.name);
    expect(await names('')).toHaveLength(2);
    expect(await names('ШВЕЙЦ')).toEqual(['Комитет']);
    expect(await names('судьи')).toEqual(['Комитет']);
    expect(await names('елки')).toEqual(['Hélsinki Group']);
    expect(await names('norway')).toEqual(['Hélsinki Group']);
    expect((await api.call('partners:list', { text: 'norway' })).total).toBe(2);
  });
});
