import { PageObject } from './page-object.ts';

export class UnlockPage extends PageObject {
  heading() {
    return this.page.getByRole('heading', { level: 1, name: this.t('ui.unlock.title') });
  }

  async setPath(path: string) {
    await this.page.getByLabel(this.t('ui.unlock.path'), { exact: true }).fill(path);
  }

  async useRecoveryKey() {
    await this.page
      .getByRole('radio', { name: this.t('ui.unlock.withRecoveryKey') })
      .or(this.page.getByRole('button', { name: this.t('ui.unlock.withRecoveryKey') }))
      .click();
  }

  async unlockWith(secret: string, kind: 'passphrase' | 'recoveryKey' = 'passphrase') {
    const label =
      kind === 'passphrase' ? this.t('ui.unlock.passphrase') : this.t('ui.unlock.recoveryKey');
    await this.page.getByLabel(label, { exact: true }).fill(secret);
    await this.page.getByRole('button', { name: this.t('ui.unlock.submit'), exact: true }).click();
  }

  submitButton() {
    return this.page.getByRole('button', { name: this.t('ui.unlock.submit'), exact: true });
  }

  error() {
    return this.page.getByRole('alert');
  }

  async openPreviousCopy() {
    await this.page.getByRole('button', { name: this.t('ui.unlock.openPrevious') }).click();
  }
}
