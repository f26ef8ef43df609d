/**
 * The person pickers' ranking through the core API (persons:pick, issue 15): exact name or
 * codename first, then every word typed the start of a word of the name (or of the codename),
 * then the rest — "Кудряшова Ф" gives Кудряшова Феврония before Кудряшова Анжела; "Орл" never
 * offers someone whose owner, position, agency or notes say Орлов; ё is е, case and Latin
 * accents do not count; chosen persons are left out, archived ones only when asked and then
 * last; and at 10,000 persons an answer stays small and quick.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Input } from '../../shared/contract.ts';
import { personFields } from '../../shared/domain.ts';
import { insertPerson } from '../../electron/core/repos/persons.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import { makeTestApi, type TestApi } from '../helpers/api.ts';
import { openTestVault, PASSPHRASE } from '../helpers/domain.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();

async function pick(api: TestApi, input: Input<'persons:pick'>): Promise<string[]> {
  return (await api.call('persons:pick', input)).candidates.map((c) => c.fullName);
}

/** Persons with given codenames (a generated one could hold a word a test types). */
async function people(
  api: TestApi,
  persons: { fullName: string; codename: string; owner?: string; position?: string }[],
): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  for (const person of persons)
    ids[person.fullName] = (await api.call('persons:create', person)).id;
  return ids;
}

describe('persons:pick ranks by name and codename', () => {
  it('puts the person whose every word starts as typed first: "Кудряшова Ф"', async () => {
    const api = await openTestVault(tempDir());
    const { id: court } = await api.call('agencies:create', { name: 'Областной суд' });
    const ids = await people(api, [
      // Her codename starts with Ф: a codename word must not make up for the name's.
      { fullName: 'Кудряшова Анжела', codename: 'Филин 12', position: 'Прокурор' },
      { fullName: 'Кудряшова Феврония', codename: 'Сокол 34', position: 'Судья' },
      { fullName: 'Кудряшов Фёдор', codename: 'Ястреб 56' },
      { fullName: 'Анна Фомина', codename: 'Стриж 78' },
    ]);
    await api.call('persons:update', {
      id: ids['Кудряшова Феврония'] ?? 0,
      fields: {
        fullName: 'Кудряшова Феврония',
        codename: 'Сокол 34',
        position: 'Судья',
        agencyId: court,
      },
    });

    expect(await pick(api, { query: 'Кудряшова Ф' })).toEqual([
      'Кудряшова Феврония',
      'Кудряшова Анжела',
    ]);
    // Lower case, the other order, a prefix of each word: the same person first.
    expect(await pick(api, { query: 'ф кудряш' })).toEqual([
      'Кудряшов Фёдор',
      'Кудряшова Феврония',
      'Кудряшова Анжела',
    ]);
    const answer = await api.call('persons:pick', { query: 'Кудряшова Ф' });
    expect(answer.total).toBe(2);
    expect(answer.candidates[0]).toEqual({
      id: ids['Кудряшова Феврония'],
      fullName: 'Кудряшова Феврония',
      codename: 'Сокол 34',
      position: 'Судья',
      agencyName: 'Областной суд',
      stage: 'watching',
      archived: false,
    });
  });

  it('never matches on owner, position, agency, tags or notes: "Орл"', async () => {
    const api = await openTestVault(tempDir());
    const { id: agency } = await api.call('agencies:create', { name: 'Орловский районный суд' });
    const ids = await people(api, [
      { fullName: 'Иван Петров', codename: 'Аист 11', owner: 'Орлов' },
      { fullName: 'Пётр Сидоров', codename: 'Бобр 22', position: 'Судья Орловского суда' },
      { fullName: 'Мария Орлова', codename: 'Волк 33' },
      { fullName: 'Олег Кравец', codename: 'Орлан 44' },
    ]);
    await api.call('persons:update', {
      id: ids['Пётр Сидоров'] ?? 0,
      fields: {
        fullName: 'Пётр Сидоров',
        codename: 'Бобр 22',
        agencyId: agency,
        tags: ['орлов'],
        about: 'Работал с Орловым',
      },
    });
    await api.call('notes:create', {
      occurredOn: '2026-02-10',
      kind: 'meeting',
      personIds: [ids['Иван Петров'] ?? 0],
      title: 'Встреча у Орлова',
      body: 'Орлов обещал помочь.',
    });
    // The people list's search does find them all (it searches every field)…
    expect((await api.call('persons:list', { text: 'Орл' })).total).toBe(4);
    // …the picker only the name Орлова and the codename Орлан.
    expect(await pick(api, { query: 'Орл' })).toEqual(['Мария Орлова', 'Олег Кравец']);
  });

  it('folds ё to е, case and Latin accents, and keeps й apart from и', async () => {
    const api = await openTestVault(tempDir());
    await people(api, [
      { fullName: 'Пётр Ёлкин', codename: 'Клён 10' },
      { fullName: 'Ольга Семёнова', codename: 'Дуб 20' },
      { fullName: 'José Álvarez', codename: 'Heron 30' },
      { fullName: 'Андрей Бойко', codename: 'Липа 40' },
      { fullName: 'Андрей Боико', codename: 'Ясень 50' },
    ]);
    expect(await pick(api, { query: 'елкин петр' })).toEqual(['Пётр Ёлкин']);
    expect(await pick(api, { query: 'ЁЛК' })).toEqual(['Пётр Ёлкин']);
    expect(await pick(api, { query: 'семенова' })).toEqual(['Ольга Семёнова']);
    expect(await pick(api, { query: 'jose alv' })).toEqual(['José Álvarez']);
    expect(await pick(api, { query: 'ÁLVAREZ' })).toEqual(['José Álvarez']);
    expect(await pick(api, { query: 'клен' })).toEqual(['Пётр Ёлкин']);
    expect(await pick(api, { query: 'бойко' })).toEqual(['Андрей Бойко']);
    expect(await pick(api, { query: 'боико' })).toEqual(['Андрей Боико']);
  });

  it('finds by codename: exact, prefix, then inside a word', async () => {
    const api = await openTestVault(tempDir());
    await people(api, [
      { fullName: 'Irene Falk', codename: 'Heron' },
      { fullName: 'Peter Lind', codename: 'Heron Bay 12' },
      { fullName: 'Anna Smith', codename: 'Grey Heronry 7' },
      { fullName: 'Boris Theron', codename: 'Slate 8' },
    ]);
    expect(await pick(api, { query: 'heron' })).toEqual([
      'Irene Falk', // the codename exactly
      'Peter Lind', // a codename word, whole
      'Anna Smith', // a codename word starts so
      'Boris Theron', // inside a word of the name
    ]);
    expect(await pick(api, { query: 'Heron Bay 12' })).toEqual(['Peter Lind']);
    expect(await pick(api, { query: 'slat' })).toEqual(['Boris Theron']);
  });

  it('ranks exact before prefix before the rest, whatever the alphabet says', async () => {
    const api = await openTestVault(tempDir());
    await people(api, [
      { fullName: 'Петров Иван', codename: 'Кедр 1' },
      { fullName: 'Иванова Петрова', codename: 'Кедр 2' },
      { fullName: 'Аливанов Спетров', codename: 'Кедр 3' },
    ]);
    expect(await pick(api, { query: 'Петров Иван' })).toEqual([
      'Петров Иван',
      'Иванова Петрова',
      'Аливанов Спетров',
    ]);
    // A word typed in full counts before one only begun.
    expect(await pick(api, { query: 'иван' })).toEqual([
      'Петров Иван',
      'Иванова Петрова',
      'Аливанов Спетров',
    ]);
    expect(await pick(api, { query: '  ,.- ' })).toEqual([]);
  });

  it('leaves out the persons given, archived ones unless asked, and counts all matches', async () => {
    const api = await openTestVault(tempDir());
    const ids = await people(api, [
      { fullName: 'Анна Белова', codename: 'Гроза 1' },
      { fullName: 'Анна Борисова', codename: 'Гроза 2' },
      { fullName: 'Анна Андреева', codename: 'Гроза 3' },
      { fullName: 'Анна Быкова', codename: 'Гроза 4' },
    ]);
    await api.call('persons:archive', { id: ids['Анна Андреева'] ?? 0, archived: true });
    expect(await pick(api, { query: 'анна' })).toEqual([
      'Анна Белова',
      'Анна Борисова',
      'Анна Быкова',
    ]);
    expect(await pick(api, { query: 'анна', excludeIds: [ids['Анна Борисова'] ?? 0] })).toEqual([
      'Анна Белова',
      'Анна Быкова',
    ]);
    const all = await api.call('persons:pick', { query: 'анна', includeArchived: true, limit: 2 });
    expect(all.total).toBe(4);
    expect(all.candidates.map((c) => c.fullName)).toEqual(['Анна Белова', 'Анна Борисова']);
    const archivedLast = await api.call('persons:pick', { query: 'анна', includeArchived: true });
    expect(archivedLast.candidates.map((c) => [c.fullName, c.archived])).toEqual([
      ['Анна Белова', false],
      ['Анна Борисова', false],
      ['Анна Быкова', false],
      ['Анна Андреева', true],
    ]);
  });

  it('refuses a limit over 50 and a query over 200 characters', async () => {
    const api = await openTestVault(tempDir());
    for (const input of [
      { query: 'a', limit: 51 },
      { query: 'a', limit: 0 },
      { query: 'a'.repeat(201) },
      { query: 'a', owner: 'x' },
    ]) {
      const result = await api.raw('persons:pick', input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
    }
  });
});

describe('persons:pick at 10,000 persons', () => {
  it('answers the best 50 in well under 256 KB, quickly', async () => {
    const dir = tempDir();
    const path = join(dir, 'big.confidant');
    const { vault } = await Vault.create(path, PASSPHRASE, { kdf: FAST_KDF });
    const now = new Date('2026-03-01T10:00:00Z');
    const first = ['Фаина', 'Фёдор', 'Мария', 'Иван', 'Ольга', 'Пётр', 'Елена', 'Сергей'];
    const last = ['Кудряшова', 'Орлова', 'Семёнова', 'Петрова', 'Иванова', 'Соколова'];
    vault.db.transaction(() => {
      for (let i = 0; i < 10_000; i++) {
        const fullName = `${last[i % last.length] ?? ''} ${first[i % first.length] ?? ''} ${String(i)}`;
        insertPerson(
          vault.db,
          {
            ...personFields.parse({
              fullName,
              position: 'Судья '.repeat(30).trim(),
              owner: 'Орлов',
            }),
            codename: `Кодовое имя ${String(i)}`,
          },
          now,
        );
      }
      insertPerson(
        vault.db,
        { ...personFields.parse({ fullName: 'Кудряшова Феврония' }), codename: 'Сокол 1' },
        now,
      );
    })();
    await vault.lock();

    const api = makeTestApi(dir);
    await api.call('vault:unlock', { path, secret: { passphrase: PASSPHRASE } });
    const timings: Record<string, number> = {};
    for (const query of ['а', 'Кудряшова Ф', 'орл', 'кудряшова феврония', 'zzz']) {
      const runs: number[] = [];
      let size = 0;
      for (let round = 0; round < 5; round++) {
        const started = performance.now();
        const result = await api.raw('persons:pick', { query, limit: 50 });
        runs.push(performance.now() - started);
        expect(result.ok).toBe(true);
        size = Buffer.byteLength(JSON.stringify(result));
      }
      runs.sort((a, b) => a - b);
      timings[query] = runs[2] ?? 0;
      process.stdout.write(
        `persons:pick "${query}" at 10,001 persons: median ${(runs[2] ?? 0).toFixed(1)} ms, ${String(size)} bytes\n`,
      );
      expect(size).toBeLessThan(256 * 1024);
    }
    // Кудряшова Фаина (every 24th) and Феврония start as typed; no one else.
    const best = await api.call('persons:pick', { query: 'Кудряшова Ф', limit: 50 });
    expect(best.total).toBe(Math.ceil(10_000 / 24) + 1);
    expect(best.candidates).toHaveLength(50);
    expect(best.candidates.every((c) => /^Кудряшова Ф/.test(c.fullName))).toBe(true);
    const exact = await api.call('persons:pick', { query: 'кудряшова феврония' });
    expect(exact.candidates[0]?.fullName).toBe('Кудряшова Феврония');
    // The owner "Орлов" of everyone counts for nothing: only the Орлова are offered.
    const orl = await api.call('persons:pick', { query: 'орл', limit: 50 });
    expect(orl.total).toBe(1667); // i % 6 === 1
    expect(orl.candidates.every((c) => c.fullName.startsWith('Орлова'))).toBe(true);
    // Generous bound for a busy 2-core machine; the measured medians are printed above.
    expect(Math.max(...Object.values(timings))).toBeLessThan(1000);
    await api.call('vault:lock', {});
  }, 120_000);
});
