import type { Locator } from 'playwright-core';
import type { ShareDecision } from '../../../shared/share-review.ts';
import { PageObject } from './page-object.ts';

/** The Shares area: the review wizard, the disclosure log, received packages, our key. */
export class SharePage extends PageObject {
  tab(key: 'review' | 'log' | 'received' | 'key') {
    return this.page.getByRole('tab', { name: this.t(`ui.shares.tabs.${key}`) });
  }

  // The review wizard ---------------------------------------------------------------------

  async chooseRecipient(kind: 'internal' | 'partner' | 'publication') {
    await this.page
      .getByText(this.t(`ui.shareReview.setup.recipientKinds.${kind}`), { exact: true })
      .click();
  }

  field(label: string, scope: Locator | null = null) {
    return (scope ?? this.page).getByLabel(label, { exact: true });
  }

  async select(label: string, option: string) {
    await this.page
      .locator('.field', { has: this.page.getByText(label, { exact: true }) })
      .getByRole('button')
      .click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async tickField(key: 'about' | 'notes') {
    // react-aria keeps the input hidden: the user clicks the label.
    await this.page
      .getByText(this.t(`ui.shareReview.setup.fieldNames.${key}`), { exact: true })
      .click();
  }

  personsBox() {
    return this.page.getByRole('combobox', { name: this.t('ui.shareReview.setup.persons') });
  }

  /** Types part of a name, then picks the suggestion with the keyboard. */
  async addPerson(typed: string, fullName: string) {
    const box = this.personsBox();
    await box.focus();
    await box.pressSequentially(typed);
    await this.page.getByRole('option', { name: new RegExp(fullName) }).waitFor();
    await box.press('ArrowDown');
    await box.press('Enter');
    await this.page
      .getByRole('grid', { name: this.t('ui.notes.chosenPersons') })
      .getByRole('row', { name: new RegExp(fullName) })
      .waitFor();
  }

  button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }

  decisionGroup(codename: string) {
    return this.page.getByRole('radiogroup', {
      name: this.t('ui.shareReview.review.decision', { codename }),
    });
  }

  /** The decision the radio group holds for a person. */
  async decisionOf(codename: string): Promise<ShareDecision | null> {
    for (const decision of ['named', 'codename', 'withheld'] as const) {
      const radio = this.decisionGroup(codename).getByRole('radio', {
        name: this.t(`ui.shareReview.review.decisions.${decision}`),
      });
      if (await radio.isChecked()) return decision;
    }
    return null;
  }

  async chooseOutput(kind: 'pdf' | 'html' | 'csv' | 'package') {
    await this.page
      .getByText(this.t(`ui.shareReview.output.kinds.${kind}`), { exact: true })
      .click();
  }

  writeButton(kind: 'pdf' | 'html' | 'csv' | 'package') {
    return this.page.getByRole('button', {
      name: new RegExp(`^${this.t(`ui.shareReview.output.action.${kind}`)}`),
    });
  }

  resultHeading() {
    return this.page.getByRole('heading', { name: this.t('ui.shareReview.result.title') });
  }
}
