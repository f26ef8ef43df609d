import type { Locator } from 'playwright-core';
import { PageObject } from './page-object.ts';

export interface AgencyFormValues {
  name?: string;
  sphere?: string;
  region?: string;
  /** The parent agency's name as the drop-down lists it. */
  parent?: string;
  admittedProblems?: string;
  publicComplaints?: string;
  commonInterest?: string;
}

/** Picks `option` in the drop-down labelled `label` (components/SelectField.tsx) inside `scope`. */
export async function chooseOption(scope: Locator, label: string, option: string) {
  await scope
    .locator('.field')
    .filter({ has: scope.page().getByText(label, { exact: true }) })
    .getByRole('button')
    .click();
  await scope.page().getByRole('option', { name: option, exact: true }).click();
}

/** The agencies list, the agency form and one agency's page. */
export class AgenciesPage extends PageObject {
  heading() {
    return this.page.getByRole('heading', { level: 1, name: this.t('ui.shell.areas.agencies') });
  }

  table() {
    return this.page.getByRole('grid', { name: this.t('ui.agencies.table') });
  }

  /** Data rows (the header row excluded), in the order shown. */
  rows() {
    return this.table().locator('tbody').getByRole('row');
  }

  /** The row whose name (its row header) is exactly `name`. */
  row(name: string) {
    return this.rows().filter({
      has: this.page.getByRole('rowheader', { name, exact: true }),
    });
  }

  async names(): Promise<string[]> {
    return this.rows().locator('[role="rowheader"]').allTextContents();
  }

  filterBox() {
    return this.page.getByRole('searchbox', { name: this.t('ui.agencies.filter') });
  }

  async filterBySphere(sphere: string) {
    await chooseOption(
      this.page.locator('.org-filters'),
      this.t('ui.agencies.sphereFilter'),
      sphere,
    );
  }

  async add() {
    await this.page.getByRole('button', { name: this.t('ui.agencies.add') }).click();
    return this.form('add');
  }

  form(kind: 'add' | 'edit') {
    return this.page.getByRole('dialog', {
      name: this.t(kind === 'add' ? 'ui.agencies.form.addTitle' : 'ui.agencies.form.editTitle'),
    });
  }

  async fill(form: Locator, values: AgencyFormValues) {
    const text = async (label: string, value: string | undefined) => {
      if (value !== undefined) await form.getByLabel(label, { exact: true }).fill(value);
    };
    await text(this.t('fields.name'), values.name);
    if (values.sphere) await chooseOption(form, this.t('fields.sphere'), values.sphere);
    await text(this.t('fields.region'), values.region);
    if (values.parent) await chooseOption(form, this.t('ui.agencies.form.parent'), values.parent);
    await text(this.t('fields.admittedProblems'), values.admittedProblems);
    await text(this.t('fields.publicComplaints'), values.publicComplaints);
    await text(this.t('fields.commonInterest'), values.commonInterest);
  }

  async submit(form: Locator, kind: 'add' | 'edit') {
    await form
      .getByRole('button', {
        name: this.t(kind === 'add' ? 'ui.agencies.form.create' : 'ui.agencies.form.save'),
      })
      .click();
  }

  pageHeading(name: string) {
    return this.page.getByRole('heading', { level: 1, name });
  }

  /** One of the three panels on an agency's page, by its heading. */
  panel(title: string) {
    return this.page.getByRole('article', { name: title });
  }

  peopleTable() {
    return this.page.getByRole('grid', { name: this.t('ui.agencies.page.peopleTable') });
  }

  async edit() {
    await this.page.getByRole('button', { name: this.t('ui.agencies.page.edit') }).click();
    return this.form('edit');
  }

  async startDelete(name: string) {
    await this.page.getByRole('button', { name: this.t('ui.agencies.page.delete') }).click();
    return this.page.getByRole('alertdialog', {
      name: this.t('ui.agencies.page.deleteTitle', { name }),
    });
  }
}
