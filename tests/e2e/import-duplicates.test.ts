/**
 * The spreadsheet import as a person uses it (issue 15), through the screen, in both
 * languages: a file whose stage column says "контакт" (suggested: In contact) and "Думаем"
 * (mapped by hand in the mapping step instead of refusing the file), whose phone and remark
 * columns no field takes (kept in a note on the person page), with a row already in the vault
 * and a row repeated lower down. Imported once, the duplicates are skipped; imported again,
 * nothing is added; merged, only empty fields are filled.
 */
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportPage } from './pages/import-page.ts';
import { PeoplePage } from './pages/people-page.ts';
import { launchChromium, type AppSession } from './support/harness.ts';
import { seed, unlockedApp } from './support/unlocked.ts';

const FILE = 'people-duplicates.csv';
const FIXTURE = join(resolve(import.meta.dirname, '../fixtures/import-ui'), FILE);

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

describe('import: duplicates, values not on the lists, other columns', () => {
  for (const language of ['en', 'ru'] as const) {
    it(`maps "контакт", skips what is already there, imports the same file again without adding anyone, then merges (${language})`, async () => {
      const { app, t, page, shell } = await unlockedApp(
        browser,
        `import-dup-${language}`,
        language,
      );
      // Someone from the file is already in the vault, without a position.
      const orlov = await seed(app, 'persons:create', {
        fullName: 'Борис Петрович Орлов',
        codename: 'Grey Heron',
      });
      await shell.open('people');
      const screen = new ImportPage(page, t);
      await screen.openFromPeople();
      await screen.chooseFile(FIXTURE);
      await screen.sampleTable().waitFor();

      // Values not on the lists: "контакт" means In contact (suggested and chosen), "Думаем"
      // is not known: its row is a problem until someone says what it means.
      await screen.valuesSection().waitFor();
      expect(await screen.valueChoice('контакт').textContent()).toContain(
        t('ui.domain.stage.in_contact'),
      );
      expect(await screen.valueChoice('Думаем').textContent()).toContain(
        t('ui.import.values.choose'),
      );
      await screen.valuesSection().getByText(t('ui.import.values.undecided')).waitFor();
      expect(await screen.problems()).toEqual([
        [
          '4',
          t('fields.stage'),
          t('ui.import.problems.codes.unknownValue', { limit: '' }),
          'Думаем',
        ],
      ]);
      expect(await screen.importButton().isDisabled()).toBe(true);

      // The columns no field takes are listed, to be kept in a note.
      expect(await screen.otherColumns().allTextContents()).toEqual([
        t('ui.import.mapping.column', { number: 4, header: 'Телефон' }),
        t('ui.import.mapping.column', { number: 5, header: 'Комментарий куратора' }),
      ]);
      expect(await screen.keepOtherColumns().isChecked()).toBe(true);

      // Two rows are already there: one in the vault, one higher up in the file.
      expect(await screen.duplicates()).toEqual([
        [
          '3',
          'Борис Петрович Орлов',
          t('ui.import.duplicates.existing', {
            fullName: 'Борис Петрович Орлов',
            codename: 'Grey Heron',
          }),
        ],
        ['5', 'анна  сергеевна БЕЛОВА', t('ui.import.duplicates.sameAsLine', { line: 2 })],
      ]);
      expect(await screen.duplicateMode('skip').isChecked()).toBe(true);
      await app.expectAccessible(`the import mapping step with values to map (${language})`);
      await screenshotWhole(app, 'import-values-to-map');

      // "Думаем" is mapped by hand, with the keyboard-free way a user picks from a list.
      await screen.mapValue('Думаем', t('ui.domain.stage.watching'));
      await expect
        .poll(() => screen.state().textContent())
        .toBe(
          [
            t('ui.import.commit.ready', { count: 2 }),
            t('ui.import.commit.skipped', { count: 2 }),
          ].join(' '),
        );
      expect(await screen.problemsTable().count()).toBe(0);
      expect(await screen.importButton().textContent()).toBe(
        t('ui.import.commit.button', { count: 2 }),
      );
      await app.expectAccessible(`the import ready, duplicates skipped (${language})`);
      await screenshotWhole(app, 'import-duplicates-skip');

      await screen.importButton().click();
      await screen.doneHeading().waitFor();
      await page.getByText(t('ui.import.done.imported', { count: 2 })).waitFor();
      await page.getByText(t('ui.import.done.skipped', { count: 2 })).waitFor();
      await page.getByText(t('ui.import.done.notes', { count: 2 })).waitFor();
      await app.screenshot('import-duplicates-done');

      const listed = async () =>
        (await seed(app, 'persons:list', { sort: 'name' })).rows.map(
          (row) => `${row.fullName} | ${row.position} | ${row.stage}`,
        );
      const afterFirst = await listed();
      expect(afterFirst).toEqual([
        'Анна Сергеевна Белова | Судья | in_contact',
        'Борис Петрович Орлов |  | watching',
        'Вера Николаевна Соколова | Адвокат | watching',
      ]);

      // The other columns are on the person page, in a note titled with the file.
      const anna = (await seed(app, 'persons:list', { text: 'Белова' })).rows[0];
      if (!anna) throw new Error('Белова missing');
      await page.getByRole('button', { name: t('ui.import.done.toPeople') }).click();
      await new PeoplePage(page, t).row('Анна Сергеевна Белова').click();
      await page.getByRole('heading', { level: 1, name: 'Анна Сергеевна Белова' }).waitFor();
      const noteTitle =
        language === 'en' ? `Other columns from ${FILE}` : `Другие столбцы из ${FILE}`;
      await page.getByText(noteTitle).first().waitFor();
      await page.getByText('Телефон: +7 900 000-00-01').waitFor();
      await app.expectAccessible(`the person page with the other columns' note (${language})`);
      await screenshotWhole(app, 'import-other-columns-note');

      // The same file again: everyone is there already; skipping adds nothing.
      await shell.open('people');
      await screen.openFromPeople();
      await screen.chooseFile(FIXTURE);
      await screen.duplicatesTable().waitFor();
      await expect.poll(async () => (await screen.duplicates()).length).toBe(4);
      await expect.poll(() => screen.state().textContent()).toBe(t('ui.import.commit.nothing'));
      expect(await screen.importButton().isDisabled()).toBe(true);
      await app.expectAccessible(`the same file again: nothing to import (${language})`);
      await screenshotWhole(app, 'import-same-file-again');
      expect(await listed()).toEqual(afterFirst);

      // Merged instead: only empty fields are filled (Orlov's position), nothing overwritten.
      await screen.chooseDuplicateMode('merge');
      expect(await screen.duplicateMode('merge').isChecked()).toBe(true);
      await screen.valuesSection().waitFor();
      await screen.mapValue('Думаем', t('ui.domain.stage.watching'));
      await expect
        .poll(() => screen.state().textContent())
        .toBe(
          [t('ui.import.commit.readyNone'), t('ui.import.commit.merged', { count: 4 })].join(' '),
        );
      await page.getByText(t('ui.import.duplicates.mergeHelp')).waitFor();
      await app.expectAccessible(`the same file again, merging (${language})`);
      await screenshotWhole(app, 'import-duplicates-merge');
      await screen.importButton().click();
      await page.getByText(t('ui.import.done.merged', { count: 4 })).waitFor();
      expect(await listed()).toEqual([
        'Анна Сергеевна Белова | Судья | in_contact',
        'Борис Петрович Орлов | Прокурор | watching',
        'Вера Николаевна Соколова | Адвокат | watching',
      ]);
      expect((await seed(app, 'persons:get', { id: orlov.id })).person.codename).toBe('Grey Heron');
      // The note is not added a second time.
      const page1 = await seed(app, 'persons:get', { id: anna.id });
      expect(page1.timeline.filter((entry) => entry.type === 'note')).toHaveLength(1);
      expect(await app.cspViolations()).toEqual([]);
      await app.close();
    });
  }
});
