import { PageObject } from './page-object.ts';

/** The quick note dialog, and note cards wherever they are shown. */
export class NotesPage extends PageObject {
  dialog(edit = false) {
    return this.page.getByRole('dialog', {
      name: this.t(edit ? 'ui.notes.editNote' : 'ui.notes.newNote'),
    });
  }

  async openWithShortcut() {
    await this.page.keyboard.press('Control+Shift+N');
    await this.dialog().waitFor();
  }

  async openWithButton() {
    await this.page.getByRole('button', { name: new RegExp(this.t('ui.shell.newNote')) }).click();
    await this.dialog().waitFor();
  }

  personsBox() {
    return this.dialog().getByRole('combobox', { name: this.t('ui.notes.persons') });
  }

  chosenPersons() {
    return this.dialog().getByRole('grid', { name: this.t('ui.notes.chosenPersons') });
  }

  /** Types part of a name, then picks the suggestion with the keyboard. */
  async addPerson(typed: string, fullName: string) {
    const box = this.personsBox();
    await box.focus();
    await box.pressSequentially(typed);
    await this.page.getByRole('option', { name: new RegExp(fullName) }).waitFor();
    await box.press('ArrowDown');
    await box.press('Enter');
    await this.chosenPersons()
      .getByRole('row', { name: new RegExp(fullName) })
      .waitFor();
  }

  field(label: string) {
    return this.dialog().getByLabel(this.t(label), { exact: true });
  }

  async chooseKind(kind: string) {
    await this.dialog()
      .getByRole('button', { name: new RegExp(this.t('ui.notes.kind')) })
      .click();
    await this.page
      .getByRole('option', { name: this.t(`ui.domain.noteKind.${kind}`), exact: true })
      .click();
  }

  async chooseStance(stance: string) {
    await this.dialog()
      .getByRole('button', { name: new RegExp(this.t('ui.notes.stance')) })
      .click();
    await this.page
      .getByRole('option', { name: this.t(`ui.domain.stance.${stance}`), exact: true })
      .click();
  }

  tab(name: 'write' | 'preview') {
    return this.dialog().getByRole('tab', { name: this.t(`ui.notes.${name}`) });
  }

  preview() {
    return this.dialog().getByRole('tabpanel', { name: this.t('ui.notes.preview') });
  }

  restricted() {
    return this.dialog().getByRole('checkbox', { name: new RegExp(this.t('ui.notes.restricted')) });
  }

  saveButton() {
    return this.dialog().getByRole('button', { name: this.t('ui.notes.save') });
  }

  saved() {
    return this.page.getByRole('status').filter({ hasText: this.t('ui.notes.saved') });
  }

  card(title: string) {
    return this.page.getByRole('article', { name: title });
  }
}
