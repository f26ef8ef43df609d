/**
 * Adding a person as a person does it (issue 15), in both languages: typing a full name that
 * is already in the vault (other capitals, ё written е, extra spaces) warns at once, naming
 * the person with a link to them; saving is held back until the user says it is someone
 * else; the link opens the existing person instead. The follow-up date is typed in the app's
 * language (day first; "дд.мм.гггг" in Russian), never the browser's, and never takes a
 * fifth digit of a year.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateField, dateValue, fillDate } from './pages/date-field.ts';
import { PeoplePage } from './pages/people-page.ts';
import { launchChromium } from './support/harness.ts';
import { seed, unlockedApp } from './support/unlocked.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const SHOWN = { en: '07/11/2026', ru: '07.11.2026' } as const;
const EMPTY = { en: 'dd/mm/yyyy', ru: 'дд.мм.гггг' } as const;

describe('the person form', () => {
  for (const language of ['en', 'ru'] as const) {
    it(`warns of a person with the same name, holds the save, and types dates in the app's language (${language})`, async () => {
      const { app, t, page, shell } = await unlockedApp(
        browser,
        `person-duplicates-${language}`,
        language,
      );
      const court = await seed(app, 'agencies:create', {
        name: 'Северный областной суд',
        sphere: 'judiciary',
      });
      const existing = await seed(app, 'persons:create', {
        fullName: 'Пётр Ильич Ёлкин',
        codename: 'Quiet Birch',
        position: 'Судья',
        agencyId: court.id,
      });
      await shell.open('people');
      const people = new PeoplePage(page, t);
      await people.addPersonButton().click();
      const form = people.form();
      await form.waitFor();
      const followUp = t('ui.people.form.nextFollowUp');

      // The date field, empty, in the app's language's order and words.
      expect(await dateField(form, followUp).textContent()).toBe(EMPTY[language]);
      // Five digits of a year never make a year: four at most.
      await fillDate(form, followUp, '70115-11-07');
      const year = dateField(form, followUp).locator('[data-type="year"]');
      expect((await year.textContent())?.length ?? 0).toBeLessThanOrEqual(4);
      expect(await dateValue(form, followUp)).not.toContain('70115');
      await fillDate(form, followUp, '2026-11-07');
      expect(await dateField(form, followUp).textContent()).toBe(SHOWN[language]);
      expect(await dateValue(form, followUp)).toBe('2026-11-07');
      // The calendar, from the keyboard.
      await dateField(form, followUp).getByRole('button').focus();
      await page.keyboard.press('Enter');
      const calendar = page.locator('.date-field__dialog').getByRole('grid');
      await calendar.waitFor();
      await app.expectAccessible(`the follow-up date's calendar (${language})`);
      await app.screenshot('date-field-calendar');
      await page.keyboard.press('Escape');
      await calendar.waitFor({ state: 'detached' });

      // The same name typed otherwise: the form warns, naming the person, before any save.
      await people.field(t('ui.people.form.fullName'), form).fill('  пётр  ильич ЕЛКИН ');
      const warning = form.locator('.duplicate-warning');
      await warning.getByText(t('ui.people.form.duplicates.found', { count: 1 })).waitFor();
      await warning.getByRole('link', { name: /Пётр Ильич Ёлкин/ }).waitFor();
      await warning.getByText('Quiet Birch').waitFor();
      await people.field(t('ui.people.form.fullName'), form).scrollIntoViewIfNeeded();
      await app.expectAccessible(`the person form warning of a duplicate (${language})`);
      await app.screenshot('person-form-duplicate-warning');

      // Saving is held back: the warning takes the focus and asks; nobody was added.
      await people.submitForm();
      await warning.getByText(t('ui.people.form.duplicates.held')).waitFor();
      await expect
        .poll(() => warning.evaluate((element) => element === document.activeElement))
        .toBe(true);
      expect((await seed(app, 'persons:list', {})).total).toBe(1);
      await app.expectAccessible(`the person form holding a duplicate (${language})`);
      await app.screenshot('person-form-duplicate-held');

      // Someone else of the same name: "Save anyway" saves, once.
      await warning
        .getByRole('button', { name: t('ui.people.form.duplicates.saveAnyway') })
        .click();
      await people.personHeading('пётр  ильич ЕЛКИН').waitFor();
      const rows = (await seed(app, 'persons:list', {})).rows;
      expect(rows).toHaveLength(2);
      const added = rows.find((row) => row.id !== existing.id);
      expect(added?.nextFollowUp).toBe('2026-11-07');

      // The same person after all: the link opens them, and nothing is added.
      await shell.open('people');
      await people.addPersonButton().click();
      await form.waitFor();
      await people.field(t('ui.people.form.fullName'), form).fill('Пётр Ильич Ёлкин');
      await warning.getByText(t('ui.people.form.duplicates.found', { count: 2 })).waitFor();
      await warning.getByRole('link', { name: /Quiet Birch/ }).click();
      await people.personHeading('Пётр Ильич Ёлкин').waitFor();
      await form.waitFor({ state: 'detached' });
      expect((await seed(app, 'persons:list', {})).total).toBe(2);
      expect(await app.cspViolations()).toEqual([]);
      await app.close();
    });
  }
});
