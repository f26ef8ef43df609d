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
