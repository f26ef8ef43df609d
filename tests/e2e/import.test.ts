/**
 * Importing people from a spreadsheet, through the screen: a UTF-8 CSV with English headers,
 * a Windows-1251 one with Russian headers and semicolons (the encoding detected, and the
 * wrong encoding refused in words), a file with bad rows (the report, Import disabled, nothing
 * imported), a file whose columns are mapped by hand, a file too large to read. Formula-like
 * cells are stored as the text they are.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../shared/contract.ts';
import { ImportPage } from './pages/import-page.ts';
import { launchChromium, type AppSession } from './support/harness.ts';
import { seed, unlockedApp } from './support/unlocked.ts';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/import-ui');
const fixture = (name: string) => join(FIXTURES, name);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** The app scrolls inside its main area: a tall window photographs the whole screen. */
async function screenshotWhole(app: AppSession, name: string) {
  const size = app.page.viewportSize() ?? { width: 1200, height: 820 };
  const height = await app.page.evaluate(
    () => (document.querySelector('main')?.scrollHeight ?? 0) + 40,
  );
  await app.page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  await app.screenshot(name);
  await app.page.setViewportSize(size);
}

async function importScreen(name: string, language: 'en' | 'ru') {
  const session = await unlockedApp(browser, name, language);
  await session.shell.open('people');
  const screen = new ImportPage(session.page, session.t);
  await screen.openFromPeople();
  return { ...session, screen };
}

describe('import from a spreadsheet', () => {
  it('imports a UTF-8 CSV with English headers, formulas kept as plain text (en)', async () => {
    const { app, t, page, screen } = await importScreen('import-utf8-en', 'en');
    // One of the file's two agencies is already in the vault: only the other is new.
    await seed(app, 'agencies:create', { name: 'Northern Regional Court', sphere: 'judiciary' });
    await page.getByText(t('ui.import.file.none')).waitFor();
    await app.expectAccessible('the import screen before a file is chosen');
    await app.screenshot('import-start');

    await screen.chooseFile(fixture('people-en.csv'), { keyboard: true });
    await screen.sampleTable().waitFor();
    expect(await screen.detected().textContent()).toBe(
      t('ui.import.check.detected', {
        count: 3,
        encoding: t('ui.import.encodings.utf-8'),
        delimiter: t('ui.import.delimiters.comma'),
      }),
    );
    await page.getByText('people-en.csv', { exact: false }).first().waitFor();
    // The columns were recognised from their titles.
    const sample = await screen.sampleTable().locator('tbody').getByRole('row').allTextContents();
    expect(sample).toHaveLength(3);
    expect(sample[0]).toContain('Thomas Albert Whitfield');
    expect(sample[0]).toContain('Judge, criminal chamber');
    expect(sample[1]).toContain('=HYPERLINK("http://evil.example","x")');
    for (const field of ['fullName', 'position', 'agencyId', 'stage', 'about'] as const) {
      await screen
        .sampleTable()
        .getByRole('columnheader', { name: t(`fields.${field}`), exact: true })
        .waitFor();
    }
    expect(await screen.newAgencies().allTextContents()).toEqual([
      "Prosecutor's Office of the Northern Region",
    ]);
    expect(await screen.state().textContent()).toBe(t('ui.import.commit.ready', { count: 3 }));
    await page.getByText(t('ui.import.commit.allOrNothing')).waitFor();
    expect(await screen.problemsTable().count()).toBe(0);
    await app.expectAccessible('the import preview of a UTF-8 file');
    await screenshotWhole(app, 'import-preview-utf8');

    expect(await screen.importButton().textContent()).toBe(
      t('ui.import.commit.button', { count: 3 }),
    );
    await screen.importButton().click();
    await screen.doneHeading().waitFor();
    await page.getByText(t('ui.import.done.imported', { count: 3 })).waitFor();
    await page.getByText(t('ui.import.done.agencies', { count: 1 })).waitFor();
    await app.expectAccessible('the import done');
    await app.screenshot('import-done');

    const people = await seed(app, 'persons:list', {});
    expect(people.rows.map((row) => row.fullName).toSorted()).toEqual([
      'George Edward Lambert',
      'Helen Margaret Cartwright',
      'Thomas Albert Whitfield',
    ]);
    const helen = people.rows.find((row) => row.fullName === 'Helen Margaret Cartwright');
    const george = people.rows.find((row) => row.fullName === 'George Edward Lambert');
    if (!helen || !george) throw new Error('imported persons missing');
    expect(helen.stage).toBe('vetting');
    expect(helen.nextFollowUp).toBe('2026-03-31');
    expect(helen.agencyName).toBe('Northern Regional Court');
    // Formula-looking cells are kept exactly as text: never evaluated, never altered.
    expect((await seed(app, 'persons:get', { id: helen.id })).person.about).toBe(
      '=HYPERLINK("http://evil.example","x")',
    );
    expect((await seed(app, 'persons:get', { id: george.id })).person.about).toBe(
      "+cmd|' /C calc'!A0",
    );
    expect((await seed(app, 'agencies:list', {})).rows.map((row) => row.name).toSorted()).toEqual([
      'Northern Regional Court',
      "Prosecutor's Office of the Northern Region",
    ]);

    await page.getByRole('button', { name: t('ui.import.done.toPeople') }).click();
    await page.getByRole('heading', { level: 1, name: t('ui.shell.areas.people') }).waitFor();
    expect(await app.cspViolations()).toEqual([]);
    await app.close();
  });

  it('detects a Windows-1251 CSV with Russian headers and semicolons; the wrong encoding is refused in words (ru)', async () => {
    const { app, t, page, screen } = await importScreen('import-1251-ru', 'ru');
    await screen.chooseFile(fixture('people-ru-1251.csv'));
    await screen.sampleTable().waitFor();
    expect(await screen.detected().textContent()).toBe(
      t('ui.import.check.detected', {
        count: 3,
        encoding: t('ui.import.encodings.windows-1251'),
        delimiter: t('ui.import.delimiters.semicolon'),
      }),
    );
    const sample = await screen.sampleTable().locator('tbody').getByRole('row').allTextContents();
    expect(sample[2]).toContain('Пётр Ильич Ёлкин');
    expect(sample[0]).toContain('суды, ювенальная юстиция');
    expect(await screen.newAgencies().count()).toBe(3);
    await app.expectAccessible('the import preview of a Windows-1251 file');
    await screenshotWhole(app, 'import-preview-1251');

    // Forced to UTF-8, the same bytes are not text: the screen says so and offers no import.
    await screen.chooseEncoding(t('ui.import.encodings.utf-8'));
    const refused = t('errors.IMPORT_ENCODING', {
      file: 'people-ru-1251.csv',
      encoding: 'UTF-8',
    });
    await page.getByRole('alert').filter({ hasText: refused }).waitFor();
    expect(await screen.sampleTable().count()).toBe(0);
    await app.expectAccessible('the import screen with the wrong encoding');
    await app.screenshot('import-wrong-encoding');
    await screen.chooseEncoding(t('ui.import.encodings.auto'));
    await screen.sampleTable().waitFor();

    await screen.importButton().click();
    await page.getByText(t('ui.import.done.imported', { count: 3 })).waitFor();
    await page.getByText(t('ui.import.done.agencies', { count: 3 })).waitFor();
    await app.screenshot('import-done');
    const people = await seed(app, 'persons:list', {});
    const names = people.rows.map((row) => row.fullName).toSorted();
    expect(names).toEqual(
      ['Анна Павловна Белова', 'Пётр Ильич Ёлкин', 'Сергей Викторович Орлов'].toSorted(),
    );
    const orlov = people.rows.find((row) => row.fullName === 'Сергей Викторович Орлов');
    expect(orlov?.sphere).toBe('judiciary');
    expect(orlov?.stage).toBe('watching');
    expect(orlov?.nextFollowUp).toBe('2026-04-15');
    expect(orlov?.tags.toSorted()).toEqual(['ювенальная юстиция', 'суды'].toSorted());
    expect(orlov?.agencyName).toBe('Северный областной суд');
    expect(await app.cspViolations()).toEqual([]);
    await app.close();
  });

  for (const language of ['en', 'ru'] as const) {
    it(`reports bad rows, disables Import and imports nothing (${language})`, async () => {
      const { app, t, page, screen } = await importScreen(`import-bad-${language}`, language);
      await seed(app, 'persons:create', { fullName: 'Someone Already Here', codename: 'Oak Tern' });
      await screen.chooseFile(fixture('people-bad.csv'));
      await screen.problemsTable().waitFor();
      const problems = await screen.problems();
      const has = (line: number, field: string, problem: string, value?: string) =>
        problems.some(
          (row) =>
            row[0] === String(line) &&
            row[1] === t(`fields.${field}`) &&
            row[2] === problem &&
            (value === undefined || row[3] === value),
        );
      const code = (name: string, limit?: number) =>
        t(`ui.import.problems.codes.${name}`, { limit: limit ?? '' });
      expect(has(3, 'fullName', code('required'), t('ui.import.problems.empty'))).toBe(true);
      // A codename used higher up in the file (whatever the case), or already in the vault.
      expect(has(6, 'codename', code('duplicateCodename'), 'harbour fox')).toBe(true);
      expect(has(7, 'codename', code('duplicateCodename'), 'Oak Tern')).toBe(true);
      expect(has(4, 'position', code('tooLong', 200))).toBe(true);
      expect(has(4, 'stage', code('unknownValue'), 'Sleeping')).toBe(true);
      expect(has(4, 'nextFollowUp', code('invalidDate'), '31.02.2026')).toBe(true);
      expect(has(5, 'nextFollowUp', code('invalidDate'), 'next Tuesday')).toBe(true);
      expect(problems.some((row) => row[0] === '2')).toBe(false);

      // Import is disabled, and the reason is given next to it.
      expect(await screen.importButton().isDisabled()).toBe(true);
      expect(await screen.state().textContent()).toBe(
        t('ui.import.commit.blocked', { count: problems.length }),
      );
      expect(await screen.importButton().getAttribute('aria-describedby')).toBe('import-state');
      await page.getByText(t('ui.import.commit.allOrNothing')).waitFor();
      await app.expectAccessible(`the import problems report (${language})`);
      await screenshotWhole(app, 'import-problems');

      // Leaving the follow-up column out removes its problems, and only those.
      await screen.map(t('fields.nextFollowUp'), t('ui.import.mapping.notImported'));
      await expect.poll(async () => (await screen.problems()).length).toBe(problems.length - 2);
      expect((await screen.problems()).some((row) => row[1] === t('fields.nextFollowUp'))).toBe(
        false,
      );
      expect(await screen.importButton().isDisabled()).toBe(true);

      // Nothing was written: only the person from before is there.
      const people = await seed(app, 'persons:list', {});
      expect(people.rows.map((row) => row.fullName)).toEqual(['Someone Already Here']);
      expect(await app.cspViolations()).toEqual([]);
      await app.close();
    });
  }

  it('lets the columns be mapped by hand when their titles are not recognised (en)', async () => {
    const { app, t, page, screen } = await importScreen('import-mapping-en', 'en');
    await screen.chooseFile(fixture('people-unknown-headers.csv'));
    await screen.detected().waitFor();
    // No column is titled as a name: every row lacks one, and nothing can be imported.
    await expect.poll(() => screen.importButton().isDisabled()).toBe(true);
    const column = (number: number, header: string) =>
      t('ui.import.mapping.column', { number, header });
    await screen.map(t('fields.fullName'), column(1, 'Official'));
    await screen.map(t('fields.position'), column(2, 'Job'));
    await screen.map(t('fields.agencyId'), column(3, 'Where'));
    await screen.map(t('fields.about'), column(4, 'Remarks'));
    await expect
      .poll(() => screen.state().textContent())
      .toBe(t('ui.import.commit.ready', { count: 2 }));
    const sample = await screen.sampleTable().locator('tbody').getByRole('row').allTextContents();
    expect(sample[0]).toContain('Victor Samuel Hale');
    expect(sample[0]).toContain('Colonel');
    expect(await screen.newAgencies().allTextContents()).toEqual(['Police Academy']);
    await app.expectAccessible('the import with columns mapped by hand');
    await screenshotWhole(app, 'import-mapped');

    // Unmapping the full name is refused by the core, in words, and blocks the import.
    await screen.map(t('fields.fullName'), t('ui.import.mapping.notImported'));
    await page
      .getByRole('alert')
      .filter({
        hasText: t('errors.IMPORT_MISSING_COLUMNS', {
          file: 'people-unknown-headers.csv',
          fields: t('fields.fullName'),
        }),
      })
      .waitFor();
    expect(await screen.importButton().isDisabled()).toBe(true);
    await screen.map(t('fields.fullName'), column(1, 'Official'));
    await expect.poll(() => screen.importButton().isDisabled()).toBe(false);

    await screen.importButton().click();
    await page.getByText(t('ui.import.done.imported', { count: 2 })).waitFor();
    const people = await seed(app, 'persons:list', {});
    expect(
      people.rows.map((row) => `${row.fullName} / ${row.position} / ${row.agencyName ?? ''}`),
    ).toEqual([
      'Irene Louise Drake / Major / Police Academy',
      'Victor Samuel Hale / Colonel / Police Academy',
    ]);
    const victor = people.rows.find((row) => row.fullName === 'Victor Samuel Hale');
    if (!victor) throw new Error('imported person missing');
    expect((await seed(app, 'persons:get', { id: victor.id })).person.about).toBe(
      'Teaches human-rights law',
    );

    // Another file after the first: the screen starts again.
    await page.getByRole('button', { name: t('ui.import.done.another') }).click();
    await page.getByText(t('ui.import.file.none')).waitFor();
    expect(await app.cspViolations()).toEqual([]);
    await app.close();
  });

  it('refuses a file over the size limit before reading it (en)', async () => {
    const { app, t, page, screen } = await importScreen('import-too-large-en', 'en');
    const dir = mkdtempSync(join(tmpdir(), 'confidant-import-'));
    try {
      const big = join(dir, 'everyone.csv');
      writeFileSync(big, Buffer.alloc(MAX_IMPORT_BYTES + 1, 'a'));
      await screen.chooseFile(big);
      await page
        .getByRole('alert')
        .filter({
          hasText: t('errors.IMPORT_TOO_LARGE', {
            file: 'everyone.csv',
            maxMiB: MAX_IMPORT_BYTES / (1024 * 1024),
          }),
        })
        .waitFor();
      expect(await screen.sampleTable().count()).toBe(0);
      await app.expectAccessible('the import screen with a file too large');
      await app.screenshot('import-too-large');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await app.cspViolations()).toEqual([]);
    await app.close();
  });
});
