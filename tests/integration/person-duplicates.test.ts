/**
 * persons:findDuplicates (issue 15): the person form warns of a person already in the vault
 * with the same full name — case, ё/е, composed or decomposed letters and runs of spaces
 * aside — through the IPC contract. At 10,000 persons it answers from the name index in a
 * few milliseconds, never with the whole list.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { personIdsByNameKey, personNameKey } from '../../electron/core/repos/person-duplicates.ts';
import { MAX_DUPLICATES } from '../../shared/contract.ts';
import { openTestVault } from '../helpers/domain.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir('confidant-duplicates-');

type Api = Awaited<ReturnType<typeof openTestVault>>;

async function find(api: Api, fullName: string, excludeId?: number) {
  return api.call('persons:findDuplicates', {
    fullName,
    ...(excludeId === undefined ? {} : { excludeId }),
  });
}

describe('persons:findDuplicates', () => {
  it('finds the same full name whatever its case, ё/е, composition and spacing, and says who it is', async () => {
    const api = await openTestVault(tempDir());
    const { id: court } = await api.call('agencies:create', {
      name: 'Северный областной суд',
      sphere: 'judiciary',
    });
    const { id: yolkin } = await api.call('persons:create', {
      fullName: 'Пётр Ильич Ёлкин',
      codename: 'Quiet Birch',
      position: 'Судья',
      agencyId: court,
    });
    // Stored with two spaces, as typed.
    const { id: carver } = await api.call('persons:create', {
      fullName: 'John  Carver',
      codename: 'Amber Heron',
    });
    await api.call('persons:create', { fullName: 'Пётр Ильич', codename: 'Grey Owl' });
    await api.call('persons:create', { fullName: 'Пётр Ильич Ёлкина', codename: 'Red Fox' });

    for (const typed of [
      'Пётр Ильич Ёлкин',
      '  петр   ильич   елкин ',
      'ПЁТР ИЛЬИЧ ЁЛКИН',
      'Петр\tИльич Елкин',
      // "й" decomposed (и + combining breve) is the same name once composed.
      'Пётр Ильич Ёлкин'.normalize('NFD'),
    ]) {
      const answer = await find(api, typed);
      expect(answer, typed).toEqual({
        duplicates: [
          {
            id: yolkin,
            fullName: 'Пётр Ильич Ёлкин',
            codename: 'Quiet Birch',
            position: 'Судья',
            agencyName: 'Северный областной суд',
            archived: false,
          },
        ],
        total: 1,
      });
    }
    expect((await find(api, 'JOHN CARVER')).duplicates.map((person) => person.id)).toEqual([
      carver,
    ]);
    // Only the whole name: not a prefix, not a longer name, not another person.
    expect((await find(api, 'Пётр')).total).toBe(0);
    expect((await find(api, 'Пётр Ильич Ёлки')).total).toBe(0);
    expect((await find(api, 'Carver John')).total).toBe(0);
    expect(await find(api, '   ')).toEqual({ duplicates: [], total: 0 });
    expect(await find(api, '')).toEqual({ duplicates: [], total: 0 });
  });

  it('leaves out the person being edited, and includes archived persons, marked so', async () => {
    const api = await openTestVault(tempDir());
    const { id: first } = await api.call('persons:create', { fullName: 'Anna Belova' });
    const { id: second } = await api.call('persons:create', { fullName: 'anna belova' });
    await api.call('persons:archive', { id: second, archived: true });

    const all = await find(api, 'Anna Belova');
    expect(all.duplicates.map((person) => [person.id, person.archived])).toEqual([
      [first, false],
      [second, true],
    ]);
    expect((await find(api, 'Anna Belova', first)).duplicates.map((person) => person.id)).toEqual([
      second,
    ]);
    // Renamed, the person is no longer a duplicate of anyone.
    await api.call('persons:update', { id: first, fields: { fullName: 'Anna Belova-Orlova' } });
    expect((await find(api, 'Anna Belova')).duplicates.map((person) => person.id)).toEqual([
      second,
    ]);
    expect((await find(api, 'anna belova-orlova')).total).toBe(1);
  });

  it(`shows at most ${String(MAX_DUPLICATES)}, oldest first, and counts them all`, async () => {
    const api = await openTestVault(tempDir());
    const ids: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      ids.push((await api.call('persons:create', { fullName: 'Ivan Petrov' })).id);
    }
    const answer = await find(api, 'ivan petrov');
    expect(answer.total).toBe(8);
    expect(answer.duplicates.map((person) => person.id)).toEqual(ids.slice(0, MAX_DUPLICATES));
  });

  it('refuses input that is not a name, by the contract', async () => {
    const api = await openTestVault(tempDir());
    for (const input of [
      {},
      { fullName: 5 },
      { fullName: 'x'.repeat(1001) },
      { fullName: 'x', excludeId: -1 },
    ]) {
      const result = await api.raw('persons:findDuplicates', input);
      expect(result.ok, JSON.stringify(input).slice(0, 60)).toBe(false);
    }
  });

  it('answers from the name index at 10,000 persons, in milliseconds', async () => {
    const api = await openTestVault(tempDir());
    const surnames = ['Ivanov', 'Petrov', 'Sidorov', 'Orlov', 'Belov', 'Volkov', 'Zaitsev'];
    const rows = Array.from(
      { length: 10_000 },
      (_, i) => `${surnames[i % surnames.length] ?? ''} Person${String(i)} Testovich`,
    );
    const csv = `Full name\r\n${rows.join('\r\n')}\r\n`;
    const file = { fileName: 'many.csv', base64: Buffer.from(csv).toString('base64') };
    await api.call('import:commit', { ...file, mapping: { fullName: 0 } });
    expect((await api.call('persons:list', {})).total).toBe(10_000);

    const times: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      const started = performance.now();
      const answer = await find(
        api,
        `  ${(surnames[(i * 97) % 7] ?? '').toUpperCase()} person${String(i * 97)}  testovich`,
      );
      times.push(performance.now() - started);
      expect(answer.total).toBe(1);
      expect(JSON.stringify(answer).length).toBeLessThan(2_000);
    }
    // The worst case: every person's name starts with the same word (one range of 10,000 keys).
    const worst = await openTestVault(tempDir());
    const same = Array.from({ length: 10_000 }, (_, i) => `Ivanov Person${String(i)}`);
    await worst.call('import:commit', {
      fileName: 'same.csv',
      base64: Buffer.from(`Full name\r\n${same.join('\r\n')}\r\n`).toString('base64'),
      mapping: { fullName: 0 },
    });
    const worstTimes: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const started = performance.now();
      expect((await find(worst, `ivanov person${String(i * 999)}`)).total).toBe(1);
      worstTimes.push(performance.now() - started);
    }
    const median = (values: number[]) => values.toSorted((a, b) => a - b)[values.length >> 1] ?? 0;
    process.stdout.write(
      `persons:findDuplicates at 10,000 persons: median ${median(times).toFixed(2)} ms; ` +
        `all sharing the first word: median ${median(worstTimes).toFixed(2)} ms\n`,
    );
    // Generous bounds for a busy 2-core machine; typical answers are far below.
    expect(median(times)).toBeLessThan(25);
    expect(median(worstTimes)).toBeLessThan(150);
  }, 120_000);
});

describe('the name key and the index it reads', () => {
  it('folds case, ё/е, composition and spacing, and nothing else', () => {
    expect(personNameKey('  Пётр   Ильич\tЁЛКИН ')).toBe('петр ильич елкин');
    expect(personNameKey('Йошкин'.normalize('NFD'))).toBe('йошкин');
    expect(personNameKey('Anne-Marie  O’Neil')).toBe('anne-marie o’neil');
    expect(personNameKey('Иван Петров')).not.toBe(personNameKey('Иван Петрова'));
  });

  it('reads the same names by range and by one pass over the index', () => {
    const db = openDatabase();
    migrate(db, 'test');
    const insert = db.prepare(
      `INSERT INTO persons (codename, codename_key, full_name, name_key, sphere, stage,
         reform_orientation, consent, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'other', 'watching', 'unknown', 'not_asked', 'x', 'x')`,
    );
    const names = ['Анна  Белова', 'анна белова', 'Анна Беловa', 'Борис Орлов', 'Анна'];
    names.forEach((name, i) => {
      insert.run(`C ${String(i)}`, `c ${String(i)}`, name, name.toLocaleLowerCase('ru'));
    });
    const few = personIdsByNameKey(db, new Set(['анна белова', 'борис орлов', 'нет такого']));
    expect(Object.fromEntries(few)).toEqual({ 'анна белова': [1, 2], 'борис орлов': [4] });
    // More distinct first words than the range lookups take: one pass, the same answer.
    const many = new Set(['анна белова', 'борис орлов']);
    for (let i = 0; i < 300; i += 1) many.add(`word${String(i)} x`);
    expect(Object.fromEntries(personIdsByNameKey(db, many))).toEqual({
      'анна белова': [1, 2],
      'борис орлов': [4],
    });
    db.close();
  });
});
