/**
 * The People area and the person page, in both languages: the empty list, adding a person
 * through the form (with a validation error first), a seeded list searched by a Cyrillic
 * prefix, filtered by stage and sorted by name; a person's page with a relationship seen from
 * both sides, an offer, archiving, and deletion that needs the codename typed. And the list
 * virtualized: 2,000 people render only a window of rows, and scrolling reaches the last.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stage } from '../../shared/domain.ts';
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

const SURNAMES = [
  'Абрамов',
  'Белова',
  'Васильев',
  'Григорьева',
  'Давыдов',
  'Егорова',
  'Жуков',
  'Зайцева',
  'Ильин',
  'Комарова',
  'Лебедев',
  'Морозова',
  'Новиков',
  'Орлова',
  'Павлов',
  'Романова',
  'Соколов',
  'Тарасова',
  'Уваров',
  'Фёдорова',
  'Харитонов',
  'Цветкова',
  'Чернов',
  'Шубина',
  'Щукин',
  'Юдина',
  'Яковлев',
  'Adams',
  'Brown',
];
const STAGE_CYCLE: Stage[] = ['watching', 'vetting', 'in_contact', 'collaborating', 'dormant'];

describe('the People area', () => {
  for (const language of ['en', 'ru'] as const) {
    it(`adds, finds, filters, sorts and opens people (${language})`, async () => {
      const { app, t, shell, page } = await unlockedApp(browser, `people-${language}`, language);
      const people = new PeoplePage(page, t);
      await shell.open('people');

      // No one yet: the list says what to do.
      await people.emptyState().waitFor();
      await app.expectAccessible(`the empty people list (${language})`);
      await app.screenshot('list-empty');

      // The form refuses a person without a name, in the user's language.
      await people.addPersonButton().click();
      const form = people.form();
      await form.waitFor();
      const codename = people.field(t('ui.people.form.codename'), form);
      await expect.poll(() => codename.inputValue()).not.toBe('');
      await people.submitForm();
      await form.getByText(t('ui.people.form.problems.required')).waitFor();
      // The first field in error takes the focus.
      await expect
        .poll(() =>
          people
            .field(t('ui.people.form.fullName'), form)
            .evaluate((input) => input === document.activeElement),
        )
        .toBe(true);
      await app.expectAccessible(`the person form with an error (${language})`);
      await app.screenshot('form-validation-error');

      const newName = language === 'en' ? 'Anna Kovaleva' : 'Анна Ковалёва';
      await people.field(t('ui.people.form.fullName'), form).fill(newName);
      await codename.fill('Lighthouse');
      await people.field(t('ui.people.form.position'), form).fill('Judge');
      await people.field(t('ui.people.form.tags'), form).fill('reform, juvenile');
      await people.submitForm();
      await people.personHeading(newName).waitFor();
      await page.getByText('Lighthouse', { exact: true }).waitFor();

      // A seeded list of thirty people in two agencies.
      const court = await seed(app, 'agencies:create', {
        name: language === 'en' ? 'Supreme Court' : 'Верховный суд',
        sphere: 'judiciary',
      });
      const police = await seed(app, 'agencies:create', {
        name: language === 'en' ? 'Police Academy' : 'Академия полиции',
        sphere: 'police_education',
      });
      const ids: Record<string, number> = {};
      for (const [index, surname] of SURNAMES.entries()) {
        const created = await seed(app, 'persons:create', {
          fullName: `${surname} ${language === 'en' ? 'J.' : 'И. П.'}`,
          position: index % 2 === 0 ? 'Judge' : 'Colonel',
          agencyId: index % 2 === 0 ? court.id : police.id,
          stage: STAGE_CYCLE[index % STAGE_CYCLE.length],
          owner: index % 3 === 0 ? 'Maria' : 'Oleg',
          tags: index % 4 === 0 ? ['reform'] : [],
          nextFollowUp: index % 5 === 0 ? '2020-01-15' : null,
        });
        ids[surname] = created.id;
      }
      const yolkin = await seed(app, 'persons:create', {
        fullName: 'Ёлкин Пётр Сергеевич',
        position: 'Prosecutor',
        stage: 'collaborating',
        agencyId: court.id,
      });
      const total = SURNAMES.length + 2;
      await shell.open('people');
      await people.waitForCount(total, total);
      await app.expectAccessible(`the people list (${language})`);
      await app.screenshot('list');

      // A Cyrillic prefix finds Ёлкин though typed with е and in lower case.
      await people.search().fill('елк');
      await people.waitForCount(1, total);
      await expect.poll(() => people.names()).toEqual(['Ёлкин Пётр Сергеевич']);
      await app.expectAccessible(`the people list searched (${language})`);
      await app.screenshot('list-searched');
      await people.search().fill('');
      await people.waitForCount(total, total);

      // Filtered by stage: only those at Vetting.
      const vetting = SURNAMES.filter((_, index) => STAGE_CYCLE[index % 5] === 'vetting');
      await people.chooseFilter('stage', [t('ui.domain.stage.vetting')]);
      await people.closePopover();
      await people.waitForCount(vetting.length, total);
      const stageCells = await people.rows().locator('.stage-chip').allTextContents();
      expect(stageCells).toHaveLength(vetting.length);
      expect(new Set(stageCells)).toEqual(new Set([t('ui.domain.stage.vetting')]));
      await app.expectAccessible(`the people list filtered by stage (${language})`);
      await app.screenshot('list-filtered');

      // A filter no one matches says so and offers to clear.
      await people.chooseFilter('stage', [
        t('ui.domain.stage.vetting'),
        t('ui.domain.stage.partner'),
      ]);
      await people.closePopover();
      await people.noMatch().waitFor();
      await app.expectAccessible(`the people list with no match (${language})`);
      await app.screenshot('list-no-match');
      await page
        .getByRole('button', { name: t('ui.people.filters.clear') })
        .last()
        .click();
      await people.waitForCount(total, total);

      // Sorted by name, then the other way round by clicking the header again.
      const header = people.columnHeader('name');
      expect(await header.getAttribute('aria-sort')).toBe('ascending');
      expect((await people.names())[0]).toMatch(/^Adams/);
      await header.click();
      await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
      await expect.poll(async () => (await people.names())[0]).toMatch(/^Яковлев/);
      const descending = await people.names();
      expect(descending[1]).toMatch(/^Юдина/);
      await app.expectAccessible(`the people list sorted (${language})`);
      await app.screenshot('list-sorted');
      await people.columnHeader('stage').click();
      await expect
        .poll(() => people.columnHeader('stage').getAttribute('aria-sort'))
        .toBe('ascending');
      await header.click();
      await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');

      // Open a person from the list; the filters are kept when coming back.
      await people.search().fill('Давыдов');
      await people.waitForCount(1, total);
      await expect.poll(() => people.rows().count()).toBe(1);
      await people.row('Давыдов').click();
      const davydov = `Давыдов ${language === 'en' ? 'J.' : 'И. П.'}`;
      await people.personHeading(davydov).waitFor();
      await app.expectAccessible(`a person page (${language})`);
      await app.screenshot('person-page');
      await page.getByRole('button', { name: t('ui.shell.back'), exact: true }).click();
      await people.waitForCount(1, total);
      expect(await people.search().inputValue()).toBe('Давыдов');
      await people.row('Давыдов').click();
      await people.personHeading(davydov).waitFor();

      // Давыдов is a subordinate of Ёлкин: seen from both pages with the right role.
      await page.getByRole('button', { name: t('ui.people.relationships.add') }).click();
      const dialog = people.relationshipDialog();
      await dialog.waitFor();
      await dialog.getByRole('combobox', { name: t('ui.people.relationships.other') }).fill('Ёлк');
      await page.getByRole('option', { name: /Ёлкин/ }).click();
      await people.select(
        t('ui.people.relationships.kind'),
        t('ui.people.relationships.kindOption', {
          name: davydov,
          kind: t('ui.domain.relationshipKind.subordinate_of'),
        }),
        dialog,
      );
      await dialog.getByLabel(t('ui.people.relationships.note'), { exact: true }).fill('Deputy');
      await dialog
        .getByText(
          t('ui.people.relationships.preview', {
            name: davydov,
            kind: t('ui.domain.relationshipKind.subordinate_of'),
            other: 'Ёлкин Пётр Сергеевич',
          }),
        )
        .waitFor();
      await app.expectAccessible(`the relationship dialog (${language})`);
      await app.screenshot('relationship-dialog');
      await dialog.getByRole('button', { name: t('ui.people.relationships.save') }).click();
      await dialog.waitFor({ state: 'detached' });
      const superiors = people.relationGroup('superior');
      await superiors.getByRole('link', { name: /Ёлкин/ }).waitFor();
      await superiors.getByText('Deputy').waitFor();

      // The same relationship refused twice, with the core's words.
      await page.getByRole('button', { name: t('ui.people.relationships.add') }).click();
      await dialog.getByRole('combobox', { name: t('ui.people.relationships.other') }).fill('Ёлк');
      await page.getByRole('option', { name: /Ёлкин/ }).click();
      await people.select(
        t('ui.people.relationships.kind'),
        t('ui.people.relationships.kindOption', {
          name: davydov,
          kind: t('ui.domain.relationshipKind.subordinate_of'),
        }),
        dialog,
      );
      await dialog.getByRole('button', { name: t('ui.people.relationships.save') }).click();
      await dialog.getByText(t('errors.DUPLICATE_RELATIONSHIP')).waitFor();
      await dialog.getByRole('button', { name: t('ui.common.cancel') }).click();
      await dialog.waitFor({ state: 'detached' });

      await superiors.getByRole('link', { name: /Ёлкин/ }).click();
      await people.personHeading('Ёлкин Пётр Сергеевич').waitFor();
      await people
        .relationGroup('subordinate')
        .getByRole('link', { name: new RegExp(davydov.replace(/\./g, '\\.')) })
        .waitFor();

      // An offer for Ёлкин.
      await people
        .offersSection()
        .getByRole('button', { name: t('ui.people.offers.add') })
        .click();
      const offerDialog = page.getByRole('dialog', { name: t('ui.people.offers.createTitle') });
      await people.select(
        t('ui.people.offers.kind'),
        t('ui.domain.offerKind.study_trip'),
        offerDialog,
      );
      await people.select(
        t('ui.people.offers.status'),
        t('ui.domain.offerStatus.proposed'),
        offerDialog,
      );
      await offerDialog
        .getByLabel(t('ui.people.offers.description'), { exact: true })
        .fill('Study trip to Strasbourg');
      await app.expectAccessible(`the offer dialog (${language})`);
      await offerDialog.getByRole('button', { name: t('ui.people.offers.save') }).click();
      await offerDialog.waitFor({ state: 'detached' });
      await people.offersSection().getByText('Study trip to Strasbourg').waitFor();
      await people
        .offersSection()
        .getByText(t('ui.domain.offerStatus.proposed'), { exact: true })
        .waitFor();
      await app.expectAccessible(`a person page with a relationship and an offer (${language})`);
      await app.screenshot('person-page-related');

      // Archived: gone from the active list, there under "Archived".
      await people.action('archive').click();
      await people.action('restore').waitFor();
      await shell.open('people');
      await people.clearFilters().click();
      await people.waitForCount(total - 1, total);
      expect(await people.row('Ёлкин').count()).toBe(0);
      await people.show('archived');
      await people.waitForCount(1, total);
      await people.row('Ёлкин').click();
      await people.personHeading('Ёлкин Пётр Сергеевич').waitFor();

      // Deleting needs the codename: a wrong one is refused by the core, the right one deletes.
      const yolkinCodename = (await seed(app, 'persons:get', { id: yolkin.id })).person.codename;
      await people.action('delete').click();
      const confirm = people.deleteDialog(yolkinCodename);
      await confirm.waitFor();
      const typed = confirm.getByLabel(
        t('ui.people.delete.confirm', { codename: yolkinCodename }),
        { exact: true },
      );
      await typed.fill('not the codename');
      await confirm.getByRole('button', { name: t('ui.people.delete.submit') }).click();
      await confirm
        .getByRole('alert')
        .filter({ hasText: t('errors.CONFIRMATION_MISMATCH', { codename: yolkinCodename }) })
        .waitFor();
      await app.expectAccessible(`the delete confirmation (${language})`);
      await app.screenshot('delete-confirmation');
      await typed.fill(yolkinCodename);
      await confirm.getByRole('button', { name: t('ui.people.delete.submit') }).click();
      await people.heading().waitFor();
      await people.waitForCount(0, total - 1);
      const left = await seed(app, 'persons:list', { archived: 'all', text: 'Ёлкин' });
      expect(left.rows).toEqual([]);
      // Давыдов's page no longer lists the deleted superior.
      const davydovPage = await seed(app, 'persons:get', { id: ids['Давыдов'] ?? 0 });
      expect(davydovPage.relationships).toEqual([]);

      expect(await app.cspViolations()).toEqual([]);
      await app.close();
    }, 120_000);
  }

  it('renders only a window of 2,000 people and scrolls to the last', async () => {
    const { app, t, shell, page } = await unlockedApp(browser, 'people-virtualized', 'en');
    const people = new PeoplePage(page, t);
    const count = 2000;
    for (let index = 1; index <= count; index++) {
      await seed(app, 'persons:create', {
        fullName: `Official ${String(index).padStart(4, '0')}`,
        stage: STAGE_CYCLE[index % STAGE_CYCLE.length],
      });
    }
    // Seeded behind the screen's back: open another area and come back to read them.
    await shell.open('agencies');
    await shell.open('people');
    await people.waitForCount(count, count);
    await people.rows().first().waitFor();
    expect(await people.table().getByRole('row').count()).toBeLessThan(100);
    // The grid still tells assistive technology how many rows there are.
    expect(await people.table().getAttribute('aria-rowcount')).toBe(String(count + 1));
    await people.table().evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    await people.row('Official 2000').waitFor();
    expect(await people.row('Official 0001').count()).toBe(0);
    expect(await people.table().getByRole('row').count()).toBeLessThan(100);
    await app.expectAccessible('the people list with 2,000 people, scrolled to the end');
    await app.screenshot('list-2000-end');

    // Keyboard: Home goes back to the first row, Enter opens it.
    await people.row('Official 2000').focus();
    await page.keyboard.press('Home');
    await people.row('Official 0001').waitFor();
    await page.keyboard.press('Enter');
    await people.personHeading('Official 0001').waitFor();
    await app.close();
  }, 180_000);
});
