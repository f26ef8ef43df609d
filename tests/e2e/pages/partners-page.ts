import type { Locator } from 'playwright-core';
import { chooseOption } from './agencies-page.ts';
import { PageObject } from './page-object.ts';

export interface PartnerFormValues {
  name?: string;
  country?: string;
  kind?: string;
  themes?: string;
  trust?: string;
  notes?: string;
}

/** The partner organisations list and its form. */
export class PartnersPage extends PageObject {
  heading() {
    return this.page.getByRole('heading', { level: 1, name: this.t('ui.shell.areas.partners') });
  }

  table() {
    return this.page.getByRole('grid', { name: this.t('ui.partners.table') });
  }

  rows() {
    return this.table().locator('tbody').getByRole('row');
  }

  /** The row whose name (its row header) is exactly `name`. */
  row(name: string) {
    return this.rows().filter({
      has: this.page.getByRole('rowheader', { name, exact: true }),
    });
  }

  async add() {
    await this.page.getByRole('button', { name: this.t('ui.partners.add') }).click();
    return this.form('add');
  }

  form(kind: 'add' | 'edit') {
    return this.page.getByRole('dialog', {
      name: this.t(kind === 'add' ? 'ui.partners.form.addTitle' : 'ui.partners.form.editTitle'),
    });
  }

  async fill(form: Locator, values: PartnerFormValues) {
    const text = async (label: string, value: string | undefined) => {
      if (value !== undefined) await form.getByLabel(label, { exact: true }).fill(value);
    };
    await text(this.t('fields.name'), values.name);
    await text(this.t('fields.country'), values.country);
    if (values.kind) await chooseOption(form, this.t('fields.kind'), values.kind);
    await text(this.t('fields.themes'), values.themes);
    if (values.trust) await chooseOption(form, this.t('fields.trust'), values.trust);
    await text(this.t('fields.notes'), values.notes);
  }

  async submit(form: Locator, kind: 'add' | 'edit') {
    await form
      .getByRole('button', {
        name: this.t(kind === 'add' ? 'ui.partners.form.create' : 'ui.partners.form.save'),
      })
      .click();
  }

  deleteDialog(name: string) {
    return this.page.getByRole('alertdialog', {
      name: this.t('ui.partners.delete.title', { name }),
    });
  }
}
