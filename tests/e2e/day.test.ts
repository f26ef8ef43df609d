/**
 * A realistic day, in both languages, through the screens only: the team imports its old
 * spreadsheet, finds an official with the search box, writes up a meeting with two of them
 * from the keyboard, moves one along the pipeline after the meeting, and follows a route in
 * to the chief on the map. Every screen is photographed and checked with axe-core.
 */
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportPage } from './pages/import-page.ts';
import { MapPage } from './pages/map-page.ts';
import { NotesPage } from './pages/notes-page.ts';
import { PeoplePage } from './pages/people-page.ts';
import { PipelinePage } from './pages/pipeline-page.ts';
import { SearchPage } from './pages/search-page.ts';
import { launchChromium } from './support/harness.ts';
import { seed, unlockedApp } from './support/unlocked.ts';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/import-ui');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** The people in each language's spreadsheet: a chief we only watch, two we know. */
const DAY = {
  en: {
    file: 'people-en.csv',
    chief: 'Thomas Albert Whitfield',
    typed: 'WHITF',
    colleague: 'George Edward Lambert',
    colleagueTyped: 'lamb',
    third: 'Helen Margaret Cartwright',
    meeting: 'Bail hearings round table',
    body: 'Agreed to **compare bail statistics** before the spring session.',
  },
  ru: {
    file: 'people-ru-1251.csv',
    chief: 'Сергей Викторович Орлов',
    typed: 'ОРЛО',
    colleague: 'Анна Павловна Белова',
    colleagueTyped: 'бел',
    third: 'Пётр Ильич Ёлкин',
    meeting: 'Круглый стол о продлении содержания под стражей',
    body: 'Договорились **сравнить статистику** к весенней сессии.',
  },
} as const;

describe('a day with Confidant', () => {
  for (const language of ['en', 'ru'] as const) {
    it(`imports, finds, writes up a meeting, moves a person, follows a route (${language})`, async () => {
      const day = DAY[language];
      const { app, t, shell, page } = await unlockedApp(browser, `day-${language}`, language);
      const people = new PeoplePage(page, t);
      const check = async (step: string) => {
        await app.expectAccessible(`${step} (${language})`);
        await app.screenshot(step);
      };

      // Morning: the old spreadsheet comes in.
      await shell.open('people');
      const importer = new ImportPage(page, t);
      await importer.openFromPeople();
      await importer.chooseFile(join(FIXTURES, day.file));
      await importer.sampleTable().waitFor();
      await check('import-preview');
      await importer.importButton().click();
      await importer.doneHeading().waitFor();
      await check('import-done');
      const imported = await seed(app, 'persons:list', {});
      expect(imported.rows.map((row) => row.fullName).sort()).toEqual(
        [day.chief, day.colleague, day.third].sort(),
      );
      const idOf = (name: string) => imported.rows.find((row) => row.fullName === name)?.id ?? 0;
      // What the team already knew: the colleague works under the chief.
      await seed(app, 'relationships:create', {
        fromPersonId: idOf(day.colleague),
        toPersonId: idOf(day.chief),
        kind: 'subordinate_of',
      });

      // Find the chief: a prefix, in capitals, in the search box.
      const search = new SearchPage(page, t);
      await search.box().fill(day.typed);
      await search.suggestion(new RegExp(day.chief)).waitFor();
      await check('search-suggestions');
      await search.box().press('ArrowDown');
      await search.box().press('Enter');
      await people.personHeading(day.chief).waitFor();
      await check('person-page');

      // The meeting with the chief and the colleague, written up without the mouse.
      const notes = new NotesPage(page, t);
      await notes.openWithShortcut();
      await notes
        .chosenPersons()
        .getByRole('row', { name: new RegExp(day.chief) })
        .waitFor();
      await notes.addPerson(day.colleagueTyped, day.colleague);
      await notes.field('ui.notes.title').fill(day.meeting);
      await notes.field('ui.notes.body').fill(day.body);
      await check('meeting-note');
      await notes.saveButton().click();
      await notes.saved().waitFor();
      await notes.card(day.meeting).waitFor();
      await check('person-page-with-note');
      for (const name of [day.chief, day.colleague]) {
        const page = await seed(app, 'persons:get', { id: idOf(name) });
        expect(
          page.timeline.some((entry) => entry.type === 'note' && entry.note.title === day.meeting),
        ).toBe(true);
      }

      // After the meeting, the chief moves on the pipeline: approach planned.
      await shell.open('pipeline');
      const board = new PipelinePage(page, t);
      const card = board.card('watching', day.chief);
      await board.moveButton(card).click();
      await board.menuItem('approach_planned').click();
      await board.card('approach_planned', day.chief).waitFor();
      await check('pipeline-moved');
      const chief = await seed(app, 'persons:get', { id: idOf(day.chief) });
      expect(chief.person.stage).toBe('approach_planned');
      expect(chief.timeline.find((entry) => entry.type === 'stage')).toMatchObject({
        from: 'watching',
        to: 'approach_planned',
      });

      // The route in: the map around the chief shows the way through the colleague.
      await shell.open('people');
      await people.row(day.chief).click();
      await people.personHeading(day.chief).waitFor();
      await people.action('showOnMap').click();
      const map = new MapPage(page, t);
      await map.heading(day.chief).waitFor();
      const route = map.route('subordinate', day.colleague);
      await route.click();
      expect(await route.getAttribute('aria-pressed')).toBe('true');
      await check('map-route');

      expect(await app.cspViolations()).toEqual([]);
      await app.close();
    });
  }
});
