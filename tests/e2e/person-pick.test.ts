/**
 * The person pickers as a person uses them (issue 15), in English and Russian: typing
 * "Кудряшова Ф" in a note's picker offers Кудряшова Феврония first — each candidate with
 * position, agency and codename — before her namesake Анжела; Enter in the note's title does
 * not save it, Ctrl+Enter does; and the share review shows who is being shared (name,
 * codename, position, agency) in every step, whether picked or started from the person.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotesPage } from './pages/notes-page.ts';
import { PeoplePage } from './pages/people-page.ts';
import { SharePage } from './pages/share-page.ts';
import { launchChromium, type AppSession } from './support/harness.ts';
import { seed, unlockedApp } from './support/unlocked.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const COURT = { en: 'Regional Court of Orel', ru: 'Орловский областной суд' } as const;
const FEVRONIA = {
  fullName: 'Кудряшова Феврония',
  codename: 'Сокол 34',
  position: { en: 'Judge', ru: 'Судья' },
};
const ANZHELA = {
  fullName: 'Кудряшова Анжела',
  // Her codename starts with Ф: it must not lift her above Феврония.
  codename: 'Филин 12',
  position: { en: 'Prosecutor', ru: 'Прокурор' },
};

/** The two namesakes at one court, and someone whose owner is Орлов. */
async function seedNamesakes(app: AppSession, language: 'en' | 'ru') {
  const { id: court } = await seed(app, 'agencies:create', { name: COURT[language] });
  const ids: Record<string, number> = {};
  for (const person of [ANZHELA, FEVRONIA]) {
    const { id } = await seed(app, 'persons:create', {
      fullName: person.fullName,
      codename: person.codename,
      position: person.position[language],
      agencyId: court,
      stage: 'collaborating',
    });
    ids[person.fullName] = id;
  }
  await seed(app, 'persons:create', {
    fullName: 'Иван Петров',
    codename: 'Аист 11',
    owner: 'Орлов',
  });
  return { fevronia: ids[FEVRONIA.fullName] ?? 0, anzhela: ids[ANZHELA.fullName] ?? 0 };
}

/** The options the open picker shows, in order, as their text. */
async function optionTexts(page: Page): Promise<string[]> {
  return page.getByRole('listbox').getByRole('option').allTextContents();
}

describe('the person pickers', () => {
  for (const language of ['en', 'ru'] as const) {
    it(`offer the person typed first, and Enter in a note's title does not save it (${language})`, async () => {
      const { app, t, page } = await unlockedApp(browser, `person-pick-note-${language}`, language);
      const ids = await seedNamesakes(app, language);
      const notes = new NotesPage(page, t);
      await page.getByRole('heading', { level: 1, name: t('ui.shell.areas.people') }).waitFor();
      await notes.openWithShortcut();

      // "Кудряшова Ф": Феврония first, with what tells her apart; her namesake after.
      const box = notes.personsBox();
      await box.focus();
      await box.pressSequentially('Кудряшова Ф');
      await page.getByRole('option', { name: new RegExp(ANZHELA.fullName) }).waitFor();
      const options = await optionTexts(page);
      expect(options).toHaveLength(2);
      expect(options[0]).toContain(FEVRONIA.fullName);
      expect(options[0]).toContain(
        [
          FEVRONIA.position[language],
          COURT[language],
          t('ui.people.pick.codename', { codename: FEVRONIA.codename }),
        ].join(' · '),
      );
      expect(options[1]).toContain(ANZHELA.fullName);
      expect(options[1]).toContain(ANZHELA.position[language]);
      // (axe runs once the list is closed: react-aria's list, in a portal beside the dialog,
      // trips its best-practice "region" rule in every combo box of the app.)
      await app.screenshot('note-person-picker');

      // "Орл" matches no name or codename: the person whose owner is Орлов is not offered.
      await box.fill('');
      await box.pressSequentially('Орл');
      const noMatch = t('ui.people.pick.noMatch', { text: 'Орл' });
      await page.getByText(noMatch).waitFor();
      // (react-aria shows the empty list's sentence in the place of an option.)
      expect(await optionTexts(page)).toEqual([noMatch]);

      // Back to "Кудряшова Ф": the first option, by keyboard, is Феврония.
      await box.fill('');
      await box.pressSequentially('Кудряшова Ф');
      await page.getByRole('option', { name: new RegExp(ANZHELA.fullName) }).waitFor();
      await box.press('ArrowDown');
      await box.press('Enter');
      await notes
        .chosenPersons()
        .getByRole('row', { name: new RegExp(FEVRONIA.fullName) })
        .waitFor();
      expect(await notes.chosenPersons().getByRole('row').count()).toBe(1);
      await app.expectAccessible(`the note with the person picked (${language})`);

      // Enter in the title: the form stays open, nothing is saved.
      const title = notes.field('ui.notes.title');
      await title.fill(language === 'en' ? 'Hearing in chambers' : 'Беседа в кабинете');
      await title.press('Enter');
      // The dialog is still there to type the text and mark it restricted: had Enter saved,
      // it would have closed and the note would be unrestricted with no text.
      await notes.field('ui.notes.body').fill('Обещала передать копию решения.');
      await notes.restricted().focus();
      await page.keyboard.press('Space');
      expect(await notes.restricted().isChecked()).toBe(true);
      await app.screenshot('note-enter-in-title');
      await title.press('Control+Enter');
      await notes.saved().waitFor();
      await notes.dialog().waitFor({ state: 'detached' });

      // One note, about Феврония only, restricted, with its text.
      const timeline = (await seed(app, 'persons:get', { id: ids.fevronia })).timeline;
      const saved = timeline.flatMap((item) => (item.type === 'note' ? [item.note] : []));
      expect(saved).toHaveLength(1);
      expect(saved[0]?.restricted).toBe(true);
      expect(saved[0]?.body).toBe('Обещала передать копию решения.');
      const other = (await seed(app, 'persons:get', { id: ids.anzhela })).timeline;
      expect(other.filter((item) => item.type === 'note')).toHaveLength(0);
      expect(await app.cspViolations()).toEqual([]);
      await app.close();
    });

    it(`shows who is being shared, with codename, position and agency, on every step (${language})`, async () => {
      const { app, t, page, shell } = await unlockedApp(
        browser,
        `person-pick-share-${language}`,
        language,
      );
      const ids = await seedNamesakes(app, language);
      const shares = new SharePage(page, t);
      await shell.open('shares');
      const banners = page.getByRole('group', { name: t('ui.shareReview.sharing.title') });
      const banner = banners.first();
      await banner.getByText(t('ui.shareReview.sharing.none')).waitFor();

      // Picked by typing "Кудряшова Ф": Феврония, shown in full above the steps.
      await shares.personsBox().focus();
      await shares.personsBox().pressSequentially('Кудряшова Ф');
      await page.getByRole('option', { name: new RegExp(ANZHELA.fullName) }).waitFor();
      expect((await optionTexts(page))[0]).toContain(FEVRONIA.fullName);
      await app.screenshot('share-person-picker');
      await shares.personsBox().press('ArrowDown');
      await shares.personsBox().press('Enter');
      await banner.getByText(FEVRONIA.fullName, { exact: true }).waitFor();
      const shown = await banner.textContent();
      expect(shown).toContain(t('ui.people.pick.codename', { codename: FEVRONIA.codename }));
      expect(shown).toContain(`${FEVRONIA.position[language]} · ${COURT[language]}`);
      expect(shown).not.toContain(ANZHELA.fullName);

      // Steps 2 and 3 say it again: in the review and beside the write button.
      await shares.field(t('ui.shareReview.setup.purpose')).fill('Мониторинг заседаний');
      await shares.field(t('ui.shareReview.setup.reviewedBy')).fill('Мария Иванова');
      await shares.button(t('ui.shareReview.setup.review')).click();
      await shares.decisionGroup(FEVRONIA.codename).waitFor();
      await expect.poll(() => banners.count()).toBe(3);
      for (const text of await banners.allTextContents()) {
        expect(text).toContain(FEVRONIA.fullName);
        expect(text).toContain(`${FEVRONIA.position[language]} · ${COURT[language]}`);
        expect(text).not.toContain(ANZHELA.fullName);
      }
      await shares.writeButton('pdf').scrollIntoViewIfNeeded();
      await app.expectAccessible(`the share review with who is being shared (${language})`);
      await app.screenshot('share-review-who');

      // Started from Анжела's page: she is the one shown, with her details, before any typing.
      const people = new PeoplePage(page, t);
      await shell.open('people');
      await people.row(ANZHELA.fullName).click();
      await people.personHeading(ANZHELA.fullName).waitFor();
      await page.getByRole('button', { name: t('ui.disclosures.person.share') }).click();
      await banner.getByText(ANZHELA.fullName, { exact: true }).waitFor();
      expect(await banner.textContent()).toContain(
        `${ANZHELA.position[language]} · ${COURT[language]}`,
      );
      expect(await banner.textContent()).not.toContain(FEVRONIA.fullName);
      expect(ids.anzhela).toBeGreaterThan(0);
      await app.expectAccessible(`a share started from a person (${language})`);
      await app.screenshot('share-from-person');
      expect(await app.cspViolations()).toEqual([]);
      await app.close();
    });
  }
});
