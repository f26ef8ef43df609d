/**
 * Case notes and search, in English and Russian: the quick note from anywhere by keyboard, a
 * note about two persons, the no-person error, a safe markdown preview (no HTML, no links
 * followed, no images fetched), a public statement with its source and stance, the search
 * box's suggestions (Cyrillic, any case, prefixes) and the results page with marked matches
 * and the restricted badge; the note card's Edit and Delete on a person's page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../shared/domain.ts';
import { dateValue, fillDate } from './pages/date-field.ts';
import { NotesPage } from './pages/notes-page.ts';
import { SearchPage } from './pages/search-page.ts';
import { launchChromium } from './support/harness.ts';
import type { AppSession } from './support/harness.ts';
import { seed, unlockedApp } from './support/unlocked.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const PEOPLE = {
  en: {
    first: { fullName: 'Irene Falk', codename: 'Heron', typed: 'fal' },
    second: { fullName: 'Peter Lind', codename: 'Juniper', typed: 'juni' },
    title: 'Round table on juvenile custody',
    body: '**Agreed** to a joint seminar.\n\n<img src=x onerror="window.__pwned=1">\n\nSee [the draft](https://example.org/draft).',
    strong: 'Agreed',
  },
  ru: {
    first: { fullName: 'Ирина Соколова', codename: 'Цапля', typed: 'сокол' },
    second: { fullName: 'Пётр Линд', codename: 'Можжевельник', typed: 'можж' },
    title: 'Круглый стол о задержании подростков',
    body: '**Согласилась** провести совместный семинар.\n\n<img src=x onerror="window.__pwned=1">\n\nСм. [проект](https://example.org/draft).',
    strong: 'Согласилась',
  },
} as const;

async function seedPersons(app: AppSession, language: 'en' | 'ru') {
  const people = PEOPLE[language];
  const first = await seed(app, 'persons:create', {
    fullName: people.first.fullName,
    codename: people.first.codename,
  });
  const second = await seed(app, 'persons:create', {
    fullName: people.second.fullName,
    codename: people.second.codename,
  });
  return { first: first.id, second: second.id };
}

describe('the quick note', () => {
  for (const language of ['en', 'ru'] as const) {
    it(`writes a restricted note about two persons from the keyboard (${language})`, async () => {
      const { app, t, page } = await unlockedApp(
        browser,
        `notes-two-persons-${language}`,
        language,
      );
      const people = PEOPLE[language];
      const ids = await seedPersons(app, language);
      const notes = new NotesPage(page, t);

      // From the people screen, by the shortcut; the date is today's.
      await page.getByRole('heading', { level: 1, name: t('ui.shell.areas.people') }).waitFor();
      await notes.openWithShortcut();
      expect(await dateValue(notes.dialog(), t('ui.notes.date'))).toBe(localDate(new Date()));
      await app.expectAccessible(`the quick note dialog (${language})`);
      await app.screenshot('quick-note-open');

      // Nobody chosen: Ctrl+Enter says a note needs a person, and nothing is saved.
      await notes.field('ui.notes.title').fill(people.title);
      await notes.field('ui.notes.title').press('Control+Enter');
      const noPerson = notes.dialog().getByText(t('errors.NOTE_WITHOUT_PERSON'));
      await noPerson.waitFor();
      expect(await notes.personsBox().getAttribute('aria-invalid')).toBe('true');
      await app.expectAccessible(`the quick note without a person (${language})`);
      await app.screenshot('quick-note-no-person');
      expect((await seed(app, 'search:query', { text: people.title, limit: 5 })).hits).toEqual([]);

      // Two persons, picked by typing part of a name or a codename.
      await notes.addPerson(people.first.typed, people.first.fullName);
      await notes.addPerson(people.second.typed, people.second.fullName);
      await expect.poll(() => noPerson.count()).toBe(0);

      // The markdown preview: bold is bold, raw HTML is text, a link goes nowhere.
      await notes.field('ui.notes.body').fill(people.body);
      await notes.tab('write').focus();
      await page.keyboard.press('ArrowRight');
      const preview = notes.preview();
      await preview.waitFor();
      expect(await preview.locator('strong').textContent()).toBe(people.strong);
      expect(await preview.locator('img').count()).toBe(0);
      expect(await preview.locator('a').count()).toBe(0);
      expect(await preview.textContent()).toContain('<img src=x onerror="window.__pwned=1">');
      await preview.getByText(language === 'en' ? 'the draft' : 'проект').click();
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(app.strayRequests).toEqual([]);
      await app.expectAccessible(`the markdown preview (${language})`);
      await app.screenshot('quick-note-preview');

      // Restricted, then Ctrl+Enter saves and the dialog says so as it closes.
      await notes.restricted().focus();
      await page.keyboard.press('Space');
      expect(await notes.restricted().isChecked()).toBe(true);
      await page.keyboard.press('Control+Enter');
      await notes.saved().waitFor();
      await notes.dialog().waitFor({ state: 'detached' });
      await app.expectAccessible(`after saving a note (${language})`);
      await app.screenshot('quick-note-saved');

      // In the vault: one note, about both, restricted, with the body as typed.
      const { hits } = await seed(app, 'search:query', { text: people.title, limit: 5 });
      const hit = hits.find((candidate) => candidate.kind === 'note');
      expect(hit?.restricted).toBe(true);
      const note = await seed(app, 'notes:get', { id: hit?.id ?? 0 });
      expect(note.persons.map((person) => person.id).sort()).toEqual(
        [ids.first, ids.second].sort(),
      );
      expect(note.restricted).toBe(true);
      expect(note.body).toBe(people.body);
      expect(note.occurredOn).toBe(localDate(new Date()));

      // Found by search, flagged restricted.
      const search = new SearchPage(page, t);
      const word = people.title.split(' ')[0] ?? '';
      await search.box().fill(word);
      await search.box().press('Enter');
      await search.resultsHeading(word).waitFor();
      const result = search.result(people.title);
      await result.waitFor();
      expect(await result.getByText(t('ui.search.restricted'), { exact: true }).count()).toBe(1);
      await app.expectAccessible(`search results with a restricted note (${language})`);
      await app.screenshot('search-restricted-note');
      expect(await app.cspViolations()).toEqual([]);
      await app.close();
    });

    it(`records a public statement with its source and stance (${language})`, async () => {
      const { app, t, page } = await unlockedApp(browser, `notes-statement-${language}`, language);
      const people = PEOPLE[language];
      const ids = await seedPersons(app, language);
      const notes = new NotesPage(page, t);
      await notes.openWithButton();
      const source = notes.field('ui.notes.source');
      expect(await source.count()).toBe(0);
      await notes.chooseKind('public_statement');
      await source.fill(
        language === 'en' ? 'Press conference, 3 March' : 'Пресс-конференция 3 марта',
      );
      await notes.chooseStance('supportive');
      await notes.addPerson(people.first.typed, people.first.fullName);
      await fillDate(notes.dialog(), t('ui.notes.date'), '2026-03-03');
      await app.expectAccessible(`a public statement (${language})`);
      await app.screenshot('quick-note-statement');
      await notes.saveButton().click();
      await notes.saved().waitFor();

      const page1 = await seed(app, 'persons:get', { id: ids.first });
      const entry = page1.timeline.find((item) => item.type === 'note');
      expect(entry?.type).toBe('note');
      if (entry?.type !== 'note') return;
      expect(entry.note.kind).toBe('public_statement');
      expect(entry.note.stance).toBe('supportive');
      expect(entry.note.source).toBe(
        language === 'en' ? 'Press conference, 3 March' : 'Пресс-конференция 3 марта',
      );
      expect(entry.note.occurredOn).toBe('2026-03-03');
      expect(entry.note.restricted).toBe(false);
      await app.close();
    });
  }
});

describe('search', () => {
  for (const language of ['en', 'ru'] as const) {
    it(`suggests as you type, in any case, and lists the matches marked (${language})`, async () => {
      const { app, t, page } = await unlockedApp(browser, `search-${language}`, language);
      const agency = await seed(app, 'agencies:create', {
        name: 'Прокуратура Центрального района',
        admittedProblems: 'Нехватка следователей; прокуратура признаёт задержки.',
      });
      const person = await seed(app, 'persons:create', {
        fullName: 'Анна Ёлкина',
        codename: 'Sparrow',
        position: 'Заместитель прокурора',
        agencyId: agency.id,
      });
      await seed(app, 'notes:create', {
        occurredOn: '2026-02-10',
        kind: 'meeting',
        personIds: [person.id],
        title: 'Встреча в прокуратуре',
        body: 'Обсудили **жалобы** на _прокуратуру_ и [стажировку](https://example.org).',
      });
      const search = new SearchPage(page, t);

      // Ctrl+K from anywhere; capitals find lower case, a prefix finds the word.
      await page.keyboard.press('Control+K');
      await expect
        .poll(() => search.box().evaluate((el) => el === document.activeElement))
        .toBe(true);
      await search.box().pressSequentially('ПРОКУР');
      await search.suggestion(/Прокуратура Центрального района/).waitFor();
      const options = await search.suggestions().getByRole('option').allTextContents();
      expect(options.some((text) => text.includes('Анна Ёлкина'))).toBe(true);
      expect(options.some((text) => text.includes('Встреча в прокуратуре'))).toBe(true);
      expect(options.at(-1)).toContain(t('ui.search.seeAll', { text: 'ПРОКУР' }));
      await app.expectAccessible(`the search suggestions (${language})`);
      await app.screenshot('search-suggestions');

      // Arrows move through the suggestions without leaving the box.
      await search.box().press('ArrowDown');
      const active = await search.box().getAttribute('aria-activedescendant');
      expect(active).toBeTruthy();
      await search.box().press('ArrowUp');

      // Enter on the text: all results, matches marked, names and titles first.
      await page.keyboard.press('Escape');
      await search.box().fill('ПРОКУР');
      await search.suggestions().waitFor();
      await search.box().press('Enter');
      await search.resultsHeading('ПРОКУР').waitFor();
      await expect.poll(() => search.results().count()).toBe(3);
      const marks = await page.locator('.search-results__list mark').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      for (const mark of marks) expect(mark.toLowerCase()).toBe('прокур');
      const note = search.result('Встреча в прокуратуре');
      expect(await note.locator('time').getAttribute('datetime')).toBe('2026-02-10');
      expect(await note.getByText(t('ui.domain.noteKind.meeting'), { exact: true }).count()).toBe(
        1,
      );
      // The count of all matches; whom the note is about; its passage as words, not markdown.
      await search.resultsCount(t('ui.search.found', { count: 3 })).waitFor();
      await note
        .getByText(
          t('ui.search.about', {
            persons: t('ui.search.person', { fullName: 'Анна Ёлкина', codename: 'Sparrow' }),
          }),
          { exact: true },
        )
        .waitFor();
      expect(await note.locator('.hit-snippet').textContent()).toBe(
        'Обсудили жалобы на прокуратуру и стажировку.',
      );
      expect(await note.locator('.hit-snippet mark').textContent()).toBe('прокур');
      await app.expectAccessible(`the search results page (${language})`);
      await app.screenshot('search-results');

      // ё and е are the same letter to search; refine from the results page.
      await search.refineBox().fill('елкин');
      await search.refineBox().press('Enter');
      await search.resultsHeading('елкин').waitFor();
      await search.result('Анна Ёлкина · Sparrow').waitFor();

      // More matches than the page shows: "the best 50 of 55", and how to narrow it.
      for (let i = 0; i < 55; i++) {
        await seed(app, 'notes:create', {
          occurredOn: '2026-02-11',
          kind: 'call',
          personIds: [person.id],
          title: `Звонок ${String(i + 1)}`,
        });
      }
      await search.refineBox().fill('звонок');
      await search.refineBox().press('Enter');
      await search.resultsHeading('звонок').waitFor();
      await search.resultsCount(t('ui.search.foundBest', { shown: 50, count: 55 })).waitFor();
      expect(await search.results().count()).toBe(50);
      await page.getByText(t('ui.search.limited', { shown: 50 })).waitFor();
      await app.expectAccessible(`the best of many search results (${language})`);
      await app.screenshot('search-best-of');

      // Nothing found: said so.
      await search.refineBox().fill('zzzz');
      await search.refineBox().press('Enter');
      await page.getByText(t('ui.search.nothingFound', { text: 'zzzz' })).waitFor();
      await app.expectAccessible(`no search results (${language})`);
      await app.screenshot('search-nothing');

      // A suggestion opens its record: the person's page.
      await page.keyboard.press('Control+K');
      await search.box().pressSequentially('Sparrow');
      // The person, not a note about her (a note's suggestion names whom it is about).
      await search.suggestion(/Анна Ёлкина · Sparrow/).waitFor();
      await search.box().press('ArrowDown');
      await search.box().press('Enter');
      await page.getByRole('heading', { level: 1, name: /Анна Ёлкина/ }).waitFor();
      expect(await search.suggestions().count()).toBe(0);
      expect(await app.cspViolations()).toEqual([]);
      await app.close();
    });
  }
});

describe('the note card', () => {
  it('edits and deletes a note from a person’s page', async () => {
    const { app, t, page } = await unlockedApp(browser, 'notes-card', 'en');
    const ids = await seedPersons(app, 'en');
    const { id } = await seed(app, 'notes:create', {
      occurredOn: '2026-01-15',
      kind: 'call',
      personIds: [ids.first, ids.second],
      title: 'Call about the internship',
      body: 'She asked for *materials*.',
      askedFor: 'Translated training materials',
      restricted: true,
    });
    const notes = new NotesPage(page, t);
    const search = new SearchPage(page, t);
    await search.box().fill('Heron');
    await search.suggestion(/Irene Falk · Heron/).waitFor();
    await search.box().press('ArrowDown');
    await search.box().press('Enter');
    await page.getByRole('heading', { level: 1, name: /Irene Falk/ }).waitFor();

    const card = notes.card('Call about the internship');
    await card.waitFor();
    expect(await card.getByText(t('ui.notes.restrictedBadge'), { exact: true }).count()).toBe(1);
    expect(await card.locator('em').textContent()).toBe('materials');
    expect(await card.getByRole('link', { name: 'Peter Lind' }).count()).toBe(1);
    await card.scrollIntoViewIfNeeded();
    await app.expectAccessible('a person page with a restricted note card');
    await app.screenshot('note-card');

    // Edit: the dialog opens with the note, and saves the change.
    await card
      .getByRole('button', {
        name: t('ui.notes.editLabel', { title: 'Call about the internship' }),
      })
      .click();
    const dialog = notes.dialog(true);
    await dialog.waitFor();
    const title = dialog.getByLabel(t('ui.notes.title'), { exact: true });
    await expect.poll(() => title.inputValue()).toBe('Call about the internship');
    expect(await dialog.getByRole('row').count()).toBe(2);
    await app.screenshot('note-edit');
    await title.fill('Call about the summer internship');
    await title.press('Control+Enter');
    // Wait on state, not on the announcement (shown for a few seconds, it can come and go
    // between two polls on a busy machine): the card shows the new title.
    await notes.card('Call about the summer internship').waitFor();
    expect((await seed(app, 'notes:get', { id })).title).toBe('Call about the summer internship');

    // Delete, after confirming.
    const edited = notes.card('Call about the summer internship');
    await edited
      .getByRole('button', {
        name: t('ui.notes.deleteLabel', { title: 'Call about the summer internship' }),
      })
      .click();
    const confirm = page.getByRole('alertdialog', { name: t('ui.notes.deleteTitle') });
    await confirm.waitFor();
    await app.expectAccessible('the delete confirmation');
    await app.screenshot('note-delete-confirm');
    await confirm.getByRole('button', { name: t('ui.notes.delete'), exact: true }).click();
    await edited.waitFor({ state: 'detached' });
    await expect(seed(app, 'notes:get', { id })).rejects.toThrow(/NOT_FOUND/);
    expect(await app.cspViolations()).toEqual([]);
    await app.close();
  });
});
