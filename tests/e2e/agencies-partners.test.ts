/**
 * Agencies and partner organisations, in both languages: the agencies list (filters, sorting,
 * keyboard), the agency form with its DUPLICATE_AGENCY error, an agency's page (admitted
 * problems, public complaints, the common interest between them, its people, parent and
 * sub-agencies), editing and deleting one (its people stay); the partners list and form.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgenciesPage, chooseOption } from './pages/agencies-page.ts';
import { PartnersPage } from './pages/partners-page.ts';
import { launchChromium } from './support/harness.ts';
import { seed, unlockedApp } from './support/unlocked.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** Plainly fictional records, in the language of the session. */
const DATA = {
  en: {
    ministry: 'Ministry of the Interior',
    department: 'Northern Regional Police Department',
    academy: 'Police Academy',
    region: 'Northern Region',
    admitted: 'Detainees are kept beyond the legal 48 hours; staff shortages in the custody units.',
    complaints: 'Beatings in custody; lawyers refused access to detainees at night.',
    common: 'Access of lawyers to custody units at any hour; training for custody officers.',
    persons: [
      { fullName: 'Ivan Petrovich Sidorov', position: 'Deputy head', stage: 'in_contact' },
      { fullName: 'Maria Olegovna Kuznetsova', position: 'Head of custody', stage: 'vetting' },
    ],
    newAgency: 'Migration Service of the Northern Region',
    newCommon: 'Interpreters for detained foreigners.',
    partners: [
      {
        name: 'International Commission of Jurists',
        country: 'Switzerland',
        themes: 'fair trial, judicial independence',
      },
      { name: 'Civic Assistance Committee', country: 'Domestic', themes: 'migrants, refugees' },
    ],
    newPartner: 'Nordic Human Rights Federation',
  },
  ru: {
    ministry: 'Министерство внутренних дел',
    department: 'Северное региональное управление полиции',
    academy: 'Академия полиции',
    region: 'Северный край',
    admitted: 'Задержанных держат дольше положенных 48 часов; в изоляторах не хватает сотрудников.',
    complaints: 'Избиения в изоляторах; адвокатов не пускают к задержанным ночью.',
    common: 'Доступ адвокатов в изоляторы в любое время; обучение сотрудников изоляторов.',
    persons: [
      {
        fullName: 'Иван Петрович Сидоров',
        position: 'Заместитель начальника',
        stage: 'in_contact',
      },
      { fullName: 'Мария Олеговна Кузнецова', position: 'Начальник изолятора', stage: 'vetting' },
    ],
    newAgency: 'Миграционная служба Северного края',
    newCommon: 'Переводчики для задержанных иностранцев.',
    partners: [
      {
        name: 'Международная комиссия юристов',
        country: 'Швейцария',
        themes: 'справедливый суд, независимость судей',
      },
      { name: 'Комитет гражданского содействия', country: 'Россия', themes: 'мигранты, беженцы' },
    ],
    newPartner: 'Северная правозащитная федерация',
  },
} as const;

describe('agencies', () => {
  for (const language of ['en', 'ru'] as const) {
    it(`lists, adds (refusing a duplicate), opens, edits and deletes agencies (${language})`, async () => {
      const data = DATA[language];
      const { app, t, shell, page } = await unlockedApp(browser, `agencies-${language}`, language);
      const ministry = await seed(app, 'agencies:create', {
        name: data.ministry,
        sphere: 'executive',
      });
      const department = await seed(app, 'agencies:create', {
        name: data.department,
        sphere: 'police',
        region: data.region,
        parentId: ministry.id,
        admittedProblems: data.admitted,
        publicComplaints: data.complaints,
        commonInterest: data.common,
      });
      await seed(app, 'agencies:create', {
        name: data.academy,
        sphere: 'police_education',
        parentId: ministry.id,
      });
      const personIds: number[] = [];
      for (const person of data.persons) {
        const { id } = await seed(app, 'persons:create', { ...person, agencyId: department.id });
        personIds.push(id);
      }

      const agencies = new AgenciesPage(page, t);
      await shell.open('agencies');
      await agencies.row(data.department).waitFor();
      expect(await agencies.names()).toEqual(
        [data.academy, data.ministry, data.department].toSorted((a, b) =>
          a.localeCompare(b, language),
        ),
      );
      await expect.poll(() => agencies.row(data.department).textContent()).toContain('2');
      expect(await agencies.row(data.department).textContent()).toContain(data.ministry);
      expect(await agencies.row(data.department).textContent()).toContain(
        t('ui.domain.sphere.police'),
      );
      await app.expectAccessible(`the agencies list (${language})`);
      await app.screenshot('agencies-list');

      // The name filter ignores case; the sphere filter narrows further.
      await agencies.filterBox().fill(data.ministry.slice(0, 6).toLocaleUpperCase());
      await expect.poll(() => agencies.names()).toEqual([data.ministry]);
      await agencies.filterBox().fill('');
      await agencies.filterBySphere(t('ui.domain.sphere.police_education'));
      await expect.poll(() => agencies.names()).toEqual([data.academy]);
      await page.getByText(t('ui.agencies.shown', { shown: 1, total: 3 })).waitFor();
      await agencies.filterBox().fill('zzz');
      await page.getByText(t('ui.agencies.noMatch')).waitFor();
      await agencies.filterBox().fill('');
      await agencies.filterBySphere(t('ui.agencies.allSpheres'));
      await expect.poll(() => agencies.names()).toHaveLength(3);

      // Sorting by the number of people, most first.
      const peopleColumn = agencies
        .table()
        .getByRole('columnheader', { name: t('ui.agencies.columns.people') });
      await peopleColumn.click();
      await peopleColumn.click();
      await expect.poll(async () => (await agencies.names())[0]).toBe(data.department);

      // A second agency with the same name (whatever the case) is refused, in the name field.
      let form = await agencies.add();
      await agencies.fill(form, {
        name: data.department.toLocaleUpperCase(),
        sphere: t('ui.domain.sphere.migration'),
        region: data.region,
        parent: data.ministry,
        commonInterest: data.newCommon,
      });
      await agencies.submit(form, 'add');
      const duplicate = t('errors.DUPLICATE_AGENCY', { name: data.department.toLocaleUpperCase() });
      await form.getByText(duplicate).waitFor();
      expect(
        await form.getByLabel(t('fields.name'), { exact: true }).getAttribute('aria-invalid'),
      ).toBe('true');
      await app.expectAccessible(`the agency form with a duplicate name (${language})`);
      await app.screenshot('agency-form-duplicate');
      // An empty name is refused by the form itself.
      await form.getByLabel(t('fields.name'), { exact: true }).fill('');
      await agencies.submit(form, 'add');
      await form.getByText(t('problems.too_small'), { exact: false }).first().waitFor();
      await agencies.fill(form, { name: data.newAgency });
      await agencies.submit(form, 'add');
      await form.waitFor({ state: 'detached' });
      await agencies.row(data.newAgency).waitFor();
      expect(await agencies.row(data.newAgency).textContent()).toContain(
        t('ui.domain.sphere.migration'),
      );

      // Open the department with the keyboard: focus the table, find its row, Enter.
      await agencies.row(data.department).click({ position: { x: 5, y: 5 } });
      await agencies.pageHeading(data.department).waitFor();
      await shell.open('agencies');
      await agencies.row(data.academy).waitFor();
      await agencies.filterBox().fill(data.department);
      await expect.poll(() => agencies.names()).toEqual([data.department]);
      await agencies.filterBox().press('Tab');
      // Tab passes the sphere drop-down into the table; the arrow keys move between rows.
      for (let i = 0; i < 5; i++) {
        const inTable = await page.evaluate(
          () => document.activeElement?.closest('[role="grid"]') !== null,
        );
        if (inTable) break;
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await agencies.pageHeading(data.department).waitFor();

      // The agency's page: its place, the three panels, its people.
      await agencies.panel(t('fields.admittedProblems')).getByText(data.admitted).waitFor();
      await agencies.panel(t('fields.publicComplaints')).getByText(data.complaints).waitFor();
      await agencies.panel(t('fields.commonInterest')).getByText(data.common).waitFor();
      await page.getByRole('link', { name: data.ministry }).waitFor();
      for (const person of data.persons) {
        const row = agencies.peopleTable().getByRole('row').filter({ hasText: person.fullName });
        await row.waitFor();
        expect(await row.textContent()).toContain(person.position);
        expect(await row.textContent()).toContain(t(`ui.domain.stage.${person.stage}`));
      }
      await app.expectAccessible(`an agency's page (${language})`);
      await app.screenshot('agency-page');

      // The parent link opens the ministry, whose sub-agencies link back.
      await page.getByRole('link', { name: data.ministry }).click();
      await agencies.pageHeading(data.ministry).waitFor();
      await page.getByRole('link', { name: data.academy }).waitFor();
      await page.getByText(t('ui.agencies.page.noPeople')).waitFor();
      await page.getByText(t('ui.agencies.page.notWritten')).first().waitFor();
      await app.screenshot('agency-page-empty');
      await page.getByRole('link', { name: data.department }).click();
      await agencies.pageHeading(data.department).waitFor();

      // Edit: the parent drop-down offers neither the agency itself nor anything under it.
      form = await agencies.edit();
      await form
        .locator('.field')
        .filter({ has: page.getByText(t('ui.agencies.form.parent'), { exact: true }) })
        .getByRole('button')
        .click();
      const offered = await page.getByRole('option').allTextContents();
      expect(offered).toContain(data.ministry);
      expect(offered).not.toContain(data.department);
      await page.keyboard.press('Escape');
      await form.getByLabel(t('fields.commonInterest'), { exact: true }).fill(data.newCommon);
      await agencies.submit(form, 'edit');
      await form.waitFor({ state: 'detached' });
      await agencies.panel(t('fields.commonInterest')).getByText(data.newCommon).waitFor();
      // A cycle the core finds (the ministry under the department) is worded on the field.
      await page.getByRole('link', { name: data.ministry }).click();
      await agencies.pageHeading(data.ministry).waitFor();
      form = await agencies.edit();
      await form
        .locator('.field')
        .filter({ has: page.getByText(t('ui.agencies.form.parent'), { exact: true }) })
        .getByRole('button')
        .click();
      expect(await page.getByRole('option').allTextContents()).not.toContain(data.department);
      await page.keyboard.press('Escape');
      await form.getByRole('button', { name: t('ui.common.cancel') }).click();
      await page.getByRole('link', { name: data.department }).click();
      await agencies.pageHeading(data.department).waitFor();

      // A person's row opens their page.
      await agencies
        .peopleTable()
        .getByRole('row')
        .filter({ hasText: data.persons[0].fullName })
        .click();
      await page
        .getByRole('heading', { level: 1 })
        .filter({ hasText: data.persons[0].fullName })
        .or(page.getByRole('heading', { level: 1, name: data.persons[0].fullName }))
        .first()
        .waitFor();
      await page.getByRole('button', { name: t('ui.shell.back'), exact: true }).click();
      await agencies.pageHeading(data.department).waitFor();

      // Delete: the dialog says its people stay; they do, without an agency.
      const dialog = await agencies.startDelete(data.department);
      await dialog.getByText(t('ui.agencies.page.deletePeople', { count: 2 })).waitFor();
      await dialog.getByText(t('ui.agencies.page.deleteFinal')).waitFor();
      await app.expectAccessible(`the delete-agency dialog (${language})`);
      await app.screenshot('agency-delete');
      await dialog.getByRole('button', { name: t('ui.agencies.page.deleteConfirm') }).click();
      await agencies.heading().waitFor();
      await agencies.row(data.ministry).waitFor();
      expect(await agencies.names()).not.toContain(data.department);
      const people = await seed(app, 'persons:list', {});
      expect(people.rows.map((row) => row.id).toSorted()).toEqual(personIds.toSorted());
      expect(people.rows.every((row) => row.agencyId === null)).toBe(true);

      expect(await app.cspViolations()).toEqual([]);
      await app.close();
    });
  }

  it('shows AGENCY_CYCLE on the parent field when the core finds one', async () => {
    const { app, t, shell, page } = await unlockedApp(browser, 'agencies-cycle', 'en');
    const top = await seed(app, 'agencies:create', { name: 'Top Agency' });
    const middle = await seed(app, 'agencies:create', { name: 'Middle Agency' });
    const agencies = new AgenciesPage(page, t);
    await shell.open('agencies');
    await agencies.row('Top Agency').click();
    await agencies.pageHeading('Top Agency').waitFor();
    const form = await agencies.edit();
    await chooseOption(form, t('ui.agencies.form.parent'), 'Middle Agency');
    // Meanwhile the middle agency was put under the top one (another window, an import…).
    await seed(app, 'agencies:update', {
      id: middle.id,
      fields: { name: 'Middle Agency', parentId: top.id },
    });
    await agencies.submit(form, 'edit');
    await form.getByText(t('errors.AGENCY_CYCLE')).waitFor();
    await app.expectAccessible('the agency form with a cycle');
    await app.screenshot('agency-form-cycle');
    await app.close();
  });
});

describe('partner organisations', () => {
  for (const language of ['en', 'ru'] as const) {
    it(`lists, adds, edits and deletes partners (${language})`, async () => {
      const data = DATA[language];
      const { app, t, shell, page } = await unlockedApp(browser, `partners-${language}`, language);
      const [first, second] = data.partners;
      const icj = await seed(app, 'partners:create', { ...first, trust: 'high' });
      await seed(app, 'partners:create', { ...second, kind: 'domestic', trust: 'low' });
      const person = await seed(app, 'persons:create', { fullName: data.persons[0].fullName });
      for (const kind of ['international_seminar', 'internship'] as const)
        await seed(app, 'offers:create', { personId: person.id, kind, partnerId: icj.id });

      const partners = new PartnersPage(page, t);
      await shell.open('partners');
      await partners.row(first.name).waitFor();
      await page.getByText(t('ui.partners.intro')).waitFor();
      const firstRow = await partners.row(first.name).textContent();
      expect(firstRow).toContain(first.country);
      expect(firstRow).toContain(first.themes);
      expect(firstRow).toContain(t('ui.domain.partnerKind.international'));
      // Trust in words, not colour alone; the offers made through them counted.
      expect(firstRow).toContain(t('ui.domain.partnerTrust.high'));
      expect(firstRow).toMatch(/2$/);
      expect(await partners.row(second.name).textContent()).toContain(
        t('ui.domain.partnerTrust.low'),
      );
      await app.expectAccessible(`the partners list (${language})`);
      await app.screenshot('partners-list');

      // Add: an empty name is refused in the field; then a complete one is listed.
      let form = await partners.add();
      await partners.submit(form, 'add');
      await form.getByText(t('problems.too_small'), { exact: false }).first().waitFor();
      await partners.fill(form, {
        name: data.newPartner,
        country: 'Norway',
        kind: t('ui.domain.partnerKind.international'),
        themes: data.partners[0].themes,
        trust: t('ui.domain.partnerTrust.medium'),
        notes: 'Met at a seminar.',
      });
      await app.expectAccessible(`the partner form (${language})`);
      await app.screenshot('partner-form');
      await partners.submit(form, 'add');
      await form.waitFor({ state: 'detached' });
      await partners.row(data.newPartner).waitFor();
      expect(await partners.row(data.newPartner).textContent()).toContain(
        t('ui.domain.partnerTrust.medium'),
      );

      // Edit from the row (Enter on a focused row opens it too).
      await partners.row(data.newPartner).click();
      form = partners.form('edit');
      await form.waitFor();
      expect(await form.getByLabel(t('fields.notes'), { exact: true }).inputValue()).toBe(
        'Met at a seminar.',
      );
      await partners.fill(form, { trust: t('ui.domain.partnerTrust.low'), country: 'Denmark' });
      await partners.submit(form, 'edit');
      await form.waitFor({ state: 'detached' });
      await expect
        .poll(() => partners.row(data.newPartner).textContent())
        .toContain(t('ui.domain.partnerTrust.low'));
      expect(await partners.row(data.newPartner).textContent()).toContain('Denmark');

      // Delete the one offers go through: the dialog says the offers stay.
      await partners.row(first.name).focus();
      await page.keyboard.press('Enter');
      form = partners.form('edit');
      await form.getByRole('button', { name: t('ui.partners.form.delete') }).click();
      const dialog = partners.deleteDialog(first.name);
      await dialog.getByText(t('ui.partners.delete.offers', { count: 2 })).waitFor();
      await app.expectAccessible(`the delete-partner dialog (${language})`);
      await app.screenshot('partner-delete');
      await dialog.getByRole('button', { name: t('ui.partners.delete.confirm') }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => partners.rows().count()).toBe(2);
      expect(await partners.row(first.name).count()).toBe(0);
      const personPage = await seed(app, 'persons:get', { id: person.id });
      expect(personPage.offers).toHaveLength(2);
      expect(personPage.offers.every((offer) => offer.partnerId === null)).toBe(true);

      expect(await app.cspViolations()).toEqual([]);
      await app.close();
    });
  }
});
