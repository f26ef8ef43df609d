/**
 * The spreadsheet import as a person uses it (issue 15), through the IPC contract:
 * - duplicates: a row whose full name (case, ё/е and spacing aside) is a person already in the
 *   vault, or an earlier row, is flagged; skipped by default — the same file imported twice
 *   adds nothing — or merged, filling only the person's empty fields, never overwriting;
 * - unknown values of a closed-list column are offered for mapping with a suggestion
 *   ("контакт" → in contact) instead of refusing the file; undecided ones are still problems;
 * - columns no field takes are kept in a restricted note per person, titled with the file.
 */
import { describe, expect, it } from 'vitest';
import type { Input, Output } from '../../shared/contract.ts';
import {
  MAX_LISTED_DUPLICATES,
  MAX_UNKNOWN_VALUES,
  type ImportMapping,
} from '../../shared/import.ts';
import { openTestVault } from '../helpers/domain.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir('confidant-import-dup-');

type Api = Awaited<ReturnType<typeof openTestVault>>;
type Choices = Omit<Input<'import:preview'>, 'fileName' | 'base64' | 'encoding' | 'mapping'>;

function csv(lines: string[]): string {
  return `${lines.join('\r\n')}\r\n`;
}

function file(text: string, fileName = 'people.csv') {
  return { fileName, base64: Buffer.from(text).toString('base64'), encoding: 'auto' as const };
}

function preview(api: Api, text: string, choices: Choices & { mapping?: ImportMapping } = {}) {
  return api.call('import:preview', { ...file(text), ...choices });
}

/** Previews, then imports with what the preview showed (the mapping and values in force). */
async function commit(api: Api, text: string, choices: Choices & { mapping?: ImportMapping } = {}) {
  const shown = await preview(api, text, choices);
  return api.call('import:commit', {
    ...file(text),
    ...choices,
    mapping: shown.mapping,
    values: shown.values,
  });
}

async function people(api: Api) {
  return (await api.call('persons:list', { sort: 'name' })).rows;
}

async function pageOf(api: Api, fullName: string): Promise<Output<'persons:get'>> {
  const row = (await people(api)).find((person) => person.fullName === fullName);
  if (!row) throw new Error(`no person ${fullName}`);
  return api.call('persons:get', { id: row.id });
}

function notesOf(page: Output<'persons:get'>) {
  return page.timeline.flatMap((entry) => (entry.type === 'note' ? [entry.note] : []));
}

const TEAM = csv([
  'ФИО;Должность;Ведомство;Этап;Метки',
  'Анна Сергеевна Белова;Судья;Северный областной суд;Наблюдаем;суды',
  'Борис Петрович Орлов;;Прокуратура Северной области;На связи;',
  '  анна   сергеевна БЕЛОВА ;Председатель;Другой суд;Партнёр;реформа',
]);

describe('import: duplicates', () => {
  it('flags rows already in the vault or higher up the file; skipping them, the same file twice adds nothing', async () => {
    const api = await openTestVault(tempDir());
    const first = await preview(api, TEAM);
    expect(first.duplicateMode).toBe('skip');
    expect(first.duplicates).toEqual([
      { line: 4, fullName: 'анна   сергеевна БЕЛОВА', existing: null, sameAsLine: 2 },
    ]);
    expect(first.duplicateCount).toBe(1);
    expect(first.counts).toEqual({ add: 2, merge: 0, skip: 1 });
    // The skipped row's agency is not created.
    expect(first.newAgencies).toEqual(['Северный областной суд', 'Прокуратура Северной области']);
    expect(await commit(api, TEAM)).toEqual({
      imported: 2,
      agenciesCreated: 2,
      merged: 0,
      skipped: 1,
      otherColumnNotes: 0,
    });
    const before = await people(api);
    expect(before.map((person) => person.fullName)).toEqual([
      'Анна Сергеевна Белова',
      'Борис Петрович Орлов',
    ]);
    const belova = before[0];
    if (!belova) throw new Error('missing');

    const again = await preview(api, TEAM);
    expect(again.counts).toEqual({ add: 0, merge: 0, skip: 3 });
    expect(again.duplicateCount).toBe(3);
    expect(again.duplicates[0]).toEqual({
      line: 2,
      fullName: 'Анна Сергеевна Белова',
      existing: { id: belova.id, codename: belova.codename, fullName: 'Анна Сергеевна Белова' },
      sameAsLine: null,
    });
    expect(again.duplicates[2]).toMatchObject({ line: 4, existing: { id: belova.id } });
    expect(again.newAgencies).toEqual([]);
    expect(await commit(api, TEAM)).toMatchObject({ imported: 0, merged: 0, skipped: 3 });
    expect(await people(api)).toEqual(before);
    expect((await api.call('agencies:list', {})).rows).toHaveLength(2);
  });

  it('a skipped duplicate is not checked: its codename, taken by the person it duplicates, is no problem', async () => {
    const api = await openTestVault(tempDir());
    const bytes = csv([
      'Full name,Codename',
      'Olivia Bennett,Harbour Fox',
      'Laura Mitchell,Quiet Oak',
    ]);
    await commit(api, bytes);
    const again = await preview(api, bytes);
    expect(again.problems).toEqual([]);
    // Merged, the row's codename is not taken either: the person keeps theirs.
    const merged = await preview(api, bytes, { duplicates: 'merge' });
    expect(merged.problems).toEqual([]);
    expect(merged.counts).toEqual({ add: 0, merge: 2, skip: 0 });
  });

  it('merges into the person already there: fills only empty fields, overwrites nothing, and twice changes nothing', async () => {
    const api = await openTestVault(tempDir());
    const { id: court } = await api.call('agencies:create', {
      name: 'Северный областной суд',
      sphere: 'judiciary',
    });
    const { id } = await api.call('persons:create', {
      fullName: 'Пётр Ильич Ёлкин',
      codename: 'Quiet Birch',
      rank: 'Советник юстиции',
      agencyId: court,
      stage: 'vetting',
      about: 'Знаком по семинару.',
    });
    const bytes = csv([
      'ФИО;Кодовое имя;Должность;Звание;Ведомство;Этап;Следующий контакт;Метки;Заметки',
      'петр  ильич елкин;Other Name;Председатель;Полковник;Другое ведомство;Партнёр;15.04.2026;суды, реформа;Новый текст',
    ]);
    const shown = await preview(api, bytes, { duplicates: 'merge' });
    expect(shown.counts).toEqual({ add: 0, merge: 1, skip: 0 });
    expect(shown.duplicates).toEqual([
      {
        line: 2,
        fullName: 'петр  ильич елкин',
        existing: { id, codename: 'Quiet Birch', fullName: 'Пётр Ильич Ёлкин' },
        sameAsLine: null,
      },
    ]);
    // The person has an agency: the file's is not needed, so not created.
    expect(shown.newAgencies).toEqual([]);
    expect(await commit(api, bytes, { duplicates: 'merge' })).toMatchObject({
      imported: 0,
      merged: 1,
      agenciesCreated: 0,
    });
    const after = (await api.call('persons:get', { id })).person;
    expect(after).toMatchObject({
      fullName: 'Пётр Ильич Ёлкин',
      codename: 'Quiet Birch',
      position: 'Председатель', // was empty: filled
      rank: 'Советник юстиции', // was set: kept
      agencyId: court,
      stage: 'vetting', // never taken from a merged row
      nextFollowUp: '2026-04-15',
      about: 'Знаком по семинару.',
    });
    expect(after.tags.toSorted()).toEqual(['реформа', 'суды']);
    expect((await api.call('persons:list', {})).total).toBe(1);

    // The same file merged again: nothing to fill, nothing written.
    await commit(api, bytes, { duplicates: 'merge' });
    expect((await api.call('persons:get', { id })).person).toEqual(after);
  });

  it('merges a duplicate row into the earlier row of the same file', async () => {
    const api = await openTestVault(tempDir());
    const bytes = csv([
      'Full name,Position,Agency,Region',
      'Helen Cartwright,,,North',
      'HELEN  CARTWRIGHT,Judge,Northern Court,South',
    ]);
    const shown = await preview(api, bytes, { duplicates: 'merge' });
    expect(shown.counts).toEqual({ add: 1, merge: 1, skip: 0 });
    expect(shown.newAgencies).toEqual(['Northern Court']);
    await commit(api, bytes, { duplicates: 'merge' });
    const rows = await people(api);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      fullName: 'Helen Cartwright',
      position: 'Judge',
      region: 'North',
      agencyName: 'Northern Court',
    });
  });

  it(`lists at most ${String(MAX_LISTED_DUPLICATES)} duplicates and counts the rest; the answer stays small`, async () => {
    const api = await openTestVault(tempDir());
    const rows = Array.from({ length: 5_000 }, (_, i) => `Person ${String(i)} Testov,Officer`);
    const bytes = csv(['Name,Position', ...rows]);
    await commit(api, bytes);
    const twice = csv(['Name,Position', ...rows, ...rows]);
    const started = performance.now();
    const shown = await preview(api, twice);
    const elapsed = performance.now() - started;
    expect(shown.duplicates).toHaveLength(MAX_LISTED_DUPLICATES);
    expect(shown.duplicateCount).toBe(10_000);
    expect(shown.counts).toEqual({ add: 0, merge: 0, skip: 10_000 });
    const size = JSON.stringify(shown).length;
    process.stdout.write(
      `import preview of 10,000 duplicate rows against 5,000 persons: ${elapsed.toFixed(0)} ms, ${String(size)} bytes\n`,
    );
    expect(size).toBeLessThan(256 * 1024);
  }, 60_000);
});

describe('import: values not on the lists', () => {
  const STAGES_FILE = csv([
    'ФИО;Этап;Сфера;Согласие',
    'Иван Первый;контакт;Суды общей юрисдикции;нет',
    'Иван Второй;Контакт!;;',
    'Иван Третий;Думаем;;да',
    'Иван Четвёртый;—;Космос;',
  ]);

  it('offers each distinct unknown value with a suggestion; the suggested ones need nothing, the others are problems until chosen', async () => {
    const api = await openTestVault(tempDir());
    const shown = await preview(api, STAGES_FILE);
    expect(shown.unknownValues).toEqual([
      {
        field: 'sphere',
        key: 'суды общей юрисдикции',
        value: 'Суды общей юрисдикции',
        rows: 1,
        suggestion: 'judiciary',
      },
      { field: 'sphere', key: 'космос', value: 'Космос', rows: 1, suggestion: null },
      { field: 'stage', key: 'контакт', value: 'контакт', rows: 2, suggestion: 'in_contact' },
      { field: 'stage', key: 'думаем', value: 'Думаем', rows: 1, suggestion: null },
      // Consent is never guessed towards sharing: "да" must be chosen by a person.
      { field: 'consent', key: 'нет', value: 'нет', rows: 1, suggestion: 'not_asked' },
      { field: 'consent', key: 'да', value: 'да', rows: 1, suggestion: null },
    ]);
    expect(shown.values).toEqual({
      sphere: { 'суды общей юрисдикции': 'judiciary' },
      stage: { контакт: 'in_contact' },
      consent: { нет: 'not_asked' },
    });
    // A dash is no value at all; the undecided ones are the only problems.
    expect(shown.problems).toEqual([
      { line: 4, field: 'stage', problem: 'unknownValue', value: 'Думаем', limit: null },
      { line: 4, field: 'consent', problem: 'unknownValue', value: 'да', limit: null },
      { line: 5, field: 'sphere', problem: 'unknownValue', value: 'Космос', limit: null },
    ]);
    const refused = await api.raw('import:commit', {
      ...file(STAGES_FILE),
      mapping: shown.mapping,
      values: shown.values,
    });
    expect(refused.ok).toBe(false);
    expect((await api.call('persons:list', {})).total).toBe(0);

    // Chosen in the mapping step: one mapped, one left empty (the field's default), and a
    // suggestion overridden.
    const values = {
      sphere: { ...shown.values.sphere, космос: null },
      stage: { контакт: 'vetting' as const, думаем: 'watching' as const },
      consent: { ...shown.values.consent, да: 'internal' as const },
    };
    const chosen = await preview(api, STAGES_FILE, { values });
    expect(chosen.problems).toEqual([]);
    expect(chosen.values).toEqual(values);
    await api.call('import:commit', { ...file(STAGES_FILE), mapping: chosen.mapping, values });
    const byName = new Map((await people(api)).map((person) => [person.fullName, person]));
    expect(byName.get('Иван Первый')).toMatchObject({ stage: 'vetting', sphere: 'judiciary' });
    expect(byName.get('Иван Второй')).toMatchObject({ stage: 'vetting' });
    expect(byName.get('Иван Третий')).toMatchObject({ stage: 'watching' });
    expect(byName.get('Иван Четвёртый')).toMatchObject({ stage: 'watching', sphere: 'other' });
    const third = await pageOf(api, 'Иван Третий');
    expect(third.person.consent).toBe('internal');
  });

  it('takes the suggestions as they are when nothing was chosen', async () => {
    const api = await openTestVault(tempDir());
    const bytes = csv([
      'Full name,Stage,Sphere',
      'Anna One,contacted,Prosecutors',
      'Anna Two,на паузе,Ministry',
      'Anna Three,Наблюдается,Police department',
    ]);
    await commit(api, bytes);
    const byName = new Map((await people(api)).map((person) => [person.fullName, person]));
    expect(byName.get('Anna One')).toMatchObject({ stage: 'in_contact', sphere: 'prosecution' });
    expect(byName.get('Anna Two')).toMatchObject({ stage: 'dormant', sphere: 'executive' });
    expect(byName.get('Anna Three')).toMatchObject({ stage: 'watching', sphere: 'police' });
  });

  it(`offers at most ${String(MAX_UNKNOWN_VALUES)} unknown values a field; rows with the others stay problems`, async () => {
    const api = await openTestVault(tempDir());
    const rows = Array.from({ length: 80 }, (_, i) => `Person ${String(i)},Stage ${String(i)}`);
    const shown = await preview(api, csv(['Name,Stage', ...rows]));
    expect(shown.unknownValues).toHaveLength(MAX_UNKNOWN_VALUES);
    expect(shown.problems).toHaveLength(80);
    const values = {
      stage: Object.fromEntries(shown.unknownValues.map((entry) => [entry.key, null])),
    };
    const chosen = await preview(api, csv(['Name,Stage', ...rows]), { values });
    expect(chosen.problems).toHaveLength(80 - MAX_UNKNOWN_VALUES);
    expect(chosen.problems[0]).toMatchObject({ line: 2 + MAX_UNKNOWN_VALUES, field: 'stage' });
  });
});

describe('import: other columns', () => {
  const WITH_OTHERS = csv([
    'Full name,Phone,Position,,Curator remark,Stage',
    'Victor Hale,+7 900 000-00-01,Colonel,room 12,"Met twice,\n*friendly*",Watching',
    'Irene Drake,,Major,,,Watching',
  ]);

  it('lists them, and keeps their cells in a restricted note per person, titled with the file (en)', async () => {
    const api = await openTestVault(tempDir());
    const shown = await preview(api, WITH_OTHERS);
    expect(shown.otherColumns).toEqual([
      { index: 1, header: 'Phone' },
      { index: 3, header: '' },
      { index: 4, header: 'Curator remark' },
    ]);
    expect(shown.keepOtherColumns).toBe(true);
    expect(shown.otherColumnsTitle).toBe('Other columns from people.csv');
    expect(await commit(api, WITH_OTHERS)).toMatchObject({ imported: 2, otherColumnNotes: 1 });
    const [note, ...more] = notesOf(await pageOf(api, 'Victor Hale'));
    expect(more).toEqual([]);
    expect(note).toMatchObject({
      title: 'Other columns from people.csv',
      // A markdown list, a column an item; the cells' own markup is shown, not applied.
      body: [
        '- Phone: +7 900 000-00-01',
        '- Column 4: room 12',
        '- Curator remark: Met twice,',
        '  \\*friendly\\*',
      ].join('\n'),
      kind: 'materials',
      restricted: true,
    });
    // A person with nothing in those columns gets no note.
    expect(notesOf(await pageOf(api, 'Irene Drake'))).toEqual([]);
  });

  it('words the note in the app’s language, takes a column set to "not imported", and can be turned off (ru)', async () => {
    const api = await openTestVault(tempDir());
    await api.call('app:setLanguage', { language: 'ru' });
    const mapping = { fullName: 0, position: 2 };
    const shown = await preview(api, WITH_OTHERS, { mapping });
    expect(shown.otherColumns.map((column) => column.index)).toEqual([1, 3, 4, 5]);
    expect(shown.otherColumnsTitle).toBe('Другие столбцы из people.csv');
    await commit(api, WITH_OTHERS, { mapping });
    const [note] = notesOf(await pageOf(api, 'Victor Hale'));
    expect(note?.title).toBe('Другие столбцы из people.csv');
    expect(note?.body).toContain('- Столбец 4: room 12');
    expect(note?.body).toContain('- Stage: Watching');
    expect(notesOf(await pageOf(api, 'Irene Drake'))[0]?.body).toBe('- Stage: Watching');

    const other = await openTestVault(tempDir());
    expect(await commit(other, WITH_OTHERS, { keepOtherColumns: false })).toMatchObject({
      imported: 2,
      otherColumnNotes: 0,
    });
    expect(notesOf(await pageOf(other, 'Victor Hale'))).toEqual([]);
  });

  it('merging the same file twice adds the note once', async () => {
    const api = await openTestVault(tempDir());
    await commit(api, WITH_OTHERS);
    expect(await commit(api, WITH_OTHERS, { duplicates: 'merge' })).toMatchObject({
      imported: 0,
      merged: 2,
      otherColumnNotes: 0,
    });
    expect(notesOf(await pageOf(api, 'Victor Hale'))).toHaveLength(1);
  });
});
