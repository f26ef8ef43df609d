import { chooseOption } from './agencies-page.ts';
import { PageObject } from './page-object.ts';

/** The import screen: file, encoding, column mapping, preview, problems, import. */
export class ImportPage extends PageObject {
  heading() {
    return this.page.getByRole('heading', { level: 1, name: this.t('ui.import.title') });
  }

  /** From the People screen, as a user gets there. */
  async openFromPeople() {
    // The People screen offers it in its header (and again in its empty state).
    await this.page
      .getByRole('button', { name: this.t('ui.people.import') })
      .first()
      .click();
    await this.heading().waitFor();
  }

  chooseButton() {
    return this.page.getByRole('button', {
      name: new RegExp(
        `^(${escape(this.t('ui.import.file.choose'))}|${escape(this.t('ui.import.file.chooseAnother'))})$`,
      ),
    });
  }

  /** Chooses a file through the button's file dialog (with the keyboard if asked). */
  async chooseFile(path: string, options: { keyboard?: boolean } = {}) {
    const chooser = this.page.waitForEvent('filechooser');
    if (options.keyboard) {
      await this.chooseButton().focus();
      await this.page.keyboard.press('Enter');
    } else {
      await this.chooseButton().click();
    }
    await (await chooser).setFiles(path);
  }

  async chooseEncoding(label: string) {
    await chooseOption(
      this.page.locator('.import__file-row'),
      this.t('ui.import.file.encoding'),
      label,
    );
  }

  /** Maps a person field (its form label) to a column (the option's text) or "Not imported". */
  async map(fieldLabel: string, option: string) {
    await chooseOption(this.page.locator('.import__mapping'), fieldLabel, option);
  }

  detected() {
    return this.page.locator('.import__detected');
  }

  sampleTable() {
    return this.page.getByRole('grid', { name: this.t('ui.import.sample.table') });
  }

  problemsTable() {
    return this.page.getByRole('grid', { name: this.t('ui.import.problems.table') });
  }

  /** The problems as listed: [line, field, problem, value] per row. */
  async problems(): Promise<string[][]> {
    const rows = this.problemsTable().locator('tbody').getByRole('row');
    const result: string[][] = [];
    for (const row of await rows.all()) {
      result.push(
        (await row.locator('[role="rowheader"], [role="gridcell"]').allTextContents()).map((text) =>
          text.trim(),
        ),
      );
    }
    return result;
  }

  /** Values not on the lists: what the value written `value` in the file is taken to mean. */
  valuesSection() {
    return this.page.locator('.import__values');
  }

  valueLabel(value: string) {
    return this.t('ui.import.values.value', { value });
  }

  /** The choice shown for an unknown value (the select's button text). */
  valueChoice(value: string) {
    return this.valuesSection()
      .locator('.field')
      .filter({ has: this.page.getByText(this.valueLabel(value), { exact: true }) })
      .getByRole('button');
  }

  async mapValue(value: string, option: string) {
    await chooseOption(this.valuesSection(), this.valueLabel(value), option);
  }

  otherColumns() {
    return this.page.locator('.import__other-list li');
  }

  keepOtherColumns() {
    return this.page.getByRole('checkbox', { name: this.t('ui.import.otherColumns.keep') });
  }

  duplicatesTable() {
    return this.page.getByRole('grid', { name: this.t('ui.import.duplicates.table') });
  }

  /** The duplicate rows as listed: [line, name in the file, same person as]. */
  async duplicates(): Promise<string[][]> {
    const rows = this.duplicatesTable().locator('tbody').getByRole('row');
    const result: string[][] = [];
    for (const row of await rows.all()) {
      result.push(
        (await row.locator('[role="rowheader"], [role="gridcell"]').allTextContents()).map((text) =>
          text.trim(),
        ),
      );
    }
    return result;
  }

  duplicateMode(mode: 'skip' | 'merge') {
    return this.page.getByRole('radio', { name: this.t(`ui.import.duplicates.${mode}`) });
  }

  /** Chooses by clicking the option's visible label (react-aria hides the radio input). */
  async chooseDuplicateMode(mode: 'skip' | 'merge') {
    await this.page
      .getByRole('radiogroup', { name: this.t('ui.import.duplicates.mode') })
      .getByText(this.t(`ui.import.duplicates.${mode}`), { exact: true })
      .click();
  }

  newAgencies() {
    return this.page.locator('.import__agency-list li');
  }

  importButton() {
    return this.page.locator('.import__commit').getByRole('button');
  }

  state() {
    return this.page.locator('#import-state');
  }

  doneHeading() {
    return this.page.getByRole('heading', { name: this.t('ui.import.done.heading') });
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
