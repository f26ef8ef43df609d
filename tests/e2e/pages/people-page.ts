import type { Locator } from 'playwright-core';
import { PageObject } from './page-object.ts';

/** The People area, the person form, and the person page with its dialogs. */
export class PeoplePage extends PageObject {
  // The list ---------------------------------------------------------------------------------

  heading() {
    return this.page.getByRole('heading', { level: 1, name: this.t('ui.people.title') });
  }

  emptyState() {
    return this.page.getByRole('heading', { level: 2, name: this.t('ui.people.empty.title') });
  }

  noMatch() {
    return this.page.getByRole('heading', { level: 2, name: this.t('ui.people.noMatch.title') });
  }

  table() {
    return this.page.getByRole('grid', { name: this.t('ui.people.tableLabel') });
  }

  /** Data rows only (the header row holds column headers, not cells). */
  rows() {
    return this.table()
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader') });
  }

  row(text: string) {
    return this.rows().filter({ hasText: text });
  }

  /** The names in the rows on screen, top to bottom (read at one instant). */
  async names(): Promise<string[]> {
    await this.rows().first().waitFor();
    return this.table().evaluate((grid) =>
      [...grid.querySelectorAll('[role="row"]')]
        .map((row) => ({
          top: row.getBoundingClientRect().top,
          name: row.querySelector('.people-table__name')?.textContent ?? null,
        }))
        .filter((row): row is { top: number; name: string } => row.name !== null)
        .sort((a, b) => a.top - b.top)
        .map((row) => row.name),
    );
  }

  /** How many data rows are wholly in view (below the header, above the list's bottom). */
  async visibleRowCount(): Promise<number> {
    await this.rows().first().waitFor();
    return this.table().evaluate((grid) => {
      const box = grid.getBoundingClientRect();
      const header = grid.querySelector('[role="row"]')?.getBoundingClientRect().bottom ?? box.top;
      return [...grid.querySelectorAll('[role="row"]')].filter((row) => {
        if (!row.querySelector('[role="rowheader"]')) return false;
        const rect = row.getBoundingClientRect();
        return rect.top >= header - 1 && rect.bottom <= box.bottom + 1 && rect.height > 0;
      }).length;
    });
  }

  /** The risk column of the rows on screen, top to bottom (the chip's word, or "" for none). */
  async risks(): Promise<string[]> {
    await this.rows().first().waitFor();
    return this.table().evaluate((grid) =>
      [...grid.querySelectorAll('[role="row"]')]
        .filter((row) => row.querySelector('[role="rowheader"]'))
        .map((row) => ({
          top: row.getBoundingClientRect().top,
          risk: row.querySelector('.risk-level')?.textContent ?? '',
        }))
        .sort((a, b) => a.top - b.top)
        .map((row) => row.risk),
    );
  }

  count() {
    return this.page.locator('.people__count');
  }

  /** The keyboard's row written out in full at the foot of the list. */
  focusedRow() {
    return this.page.locator('.people-table__peek');
  }

  async waitForCount(shown: number, total: number) {
    await this.page
      .locator('.people__count', {
        hasText: this.t('ui.people.count', { shown, count: total }),
      })
      .waitFor();
  }

  search() {
    return this.page.getByRole('searchbox', { name: this.t('ui.people.search') });
  }

  columnHeader(column: 'name' | 'codename' | 'position' | 'stage' | 'risk' | 'followUp') {
    return this.table().getByRole('columnheader', {
      name: this.t(`ui.people.columns.${column}`),
      exact: true,
    });
  }

  filterButton(filter: Filter) {
    return this.page.getByRole('button', {
      name: new RegExp(`^${this.t(`ui.people.filters.${filter}`)}:`),
    });
  }

  /** "Filters": opens and closes the row of filters below the search. */
  filtersToggle() {
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const active = escape(this.t('ui.people.filters.toggleActive', { active: '0' })).replace(
      '0',
      '\\d+',
    );
    return this.page
      .getByRole('region', { name: this.t('ui.people.filters.label') })
      .getByRole('button', {
        name: new RegExp(`^(${escape(this.t('ui.people.filters.toggle'))}|${active})$`),
      });
  }

  async openFilters() {
    if ((await this.filtersToggle().getAttribute('aria-expanded')) !== 'true')
      await this.filtersToggle().click();
    await this.filterButton('stage').waitFor();
  }

  /** Ticks the options in a filter's list (opening the filters first), then closes it. */
  async chooseFilter(filter: Filter, options: string[]) {
    await this.openFilters();
    await this.filterButton(filter).click();
    const list = this.page.getByRole('listbox', { name: this.t(`ui.people.filters.${filter}`) });
    for (const option of options) await list.getByRole('option', { name: option }).click();
  }

  async closePopover() {
    await this.page.keyboard.press('Escape');
    await this.page.getByRole('dialog').waitFor({ state: 'detached' });
  }

  async select(label: string, option: string, scope: Locator | null = null) {
    const root = scope ?? this.page;
    await root
      .locator('.field', { has: this.page.getByText(label, { exact: true }) })
      .getByRole('button')
      .click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** "Show": active, archived or both. */
  async show(option: 'active' | 'archived' | 'all') {
    await this.openFilters();
    await this.page
      .locator('.filter-select', { has: this.page.getByText(this.t('ui.people.filters.archived')) })
      .getByRole('button')
      .click();
    await this.page
      .getByRole('option', {
        name: this.t(`ui.people.filters.archivedOptions.${option}`),
        exact: true,
      })
      .click();
  }

  clearFilters() {
    return this.page.getByRole('button', { name: this.t('ui.people.filters.clear') }).first();
  }

  addPersonButton() {
    return this.page.getByRole('button', { name: this.t('ui.people.addPerson') }).first();
  }

  // The person form --------------------------------------------------------------------------

  form() {
    return this.page.getByRole('dialog', { name: this.t('ui.people.form.createTitle') });
  }

  field(label: string, scope: Locator | null = null) {
    return (scope ?? this.page).getByLabel(label, { exact: true });
  }

  async submitForm() {
    await this.form()
      .getByRole('button', { name: this.t('ui.people.form.create') })
      .click();
  }

  // The person page --------------------------------------------------------------------------

  personHeading(fullName: string) {
    return this.page.getByRole('heading', { level: 1, name: fullName });
  }

  action(key: 'edit' | 'addNote' | 'showOnMap' | 'archive' | 'restore' | 'delete') {
    return this.page
      .getByRole('toolbar', { name: this.t('ui.people.page.actions') })
      .getByRole('button', { name: this.t(`ui.people.page.${key}`) });
  }

  relationshipsSection() {
    return this.page.getByRole('region', { name: this.t('ui.people.relationships.title') });
  }

  /** The list of people under one role in "who we know around this person". */
  relationGroup(role: string) {
    return this.relationshipsSection().getByRole('list', {
      name: this.t(`ui.domain.relationshipRole.${role}`),
    });
  }

  routesSection() {
    return this.page.getByRole('region', { name: this.t('ui.people.routes.title') });
  }

  offersSection() {
    return this.page.getByRole('region', { name: this.t('ui.people.offers.title') });
  }

  relationshipDialog() {
    return this.page.getByRole('dialog', { name: this.t('ui.people.relationships.dialogTitle') });
  }

  deleteDialog(codename: string) {
    return this.page.getByRole('alertdialog', {
      name: this.t('ui.people.delete.title', { codename }),
    });
  }
}

type Filter = 'stage' | 'risk' | 'sphere' | 'agency' | 'region' | 'owner' | 'consent' | 'tags';
