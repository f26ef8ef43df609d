import { PageObject } from './page-object.ts';

/** The first-run screens: the form, the recovery key, the check of the paper copy. */
export class CreateVaultPage extends PageObject {
  heading() {
    return this.page.getByRole('heading', { level: 1, name: this.t('ui.create.title') });
  }

  async fill(values: { path?: string; passphrase: string; repeat?: string }) {
    if (values.path !== undefined)
      await this.page.getByLabel(this.t('ui.create.location'), { exact: true }).fill(values.path);
    await this.page
      .getByLabel(this.t('ui.create.passphrase'), { exact: true })
      .fill(values.passphrase);
    await this.page
      .getByLabel(this.t('ui.create.repeat'), { exact: true })
      .fill(values.repeat ?? values.passphrase);
  }

  async submit() {
    await this.page.getByRole('button', { name: this.t('ui.create.submit') }).click();
  }

  strengthLabel() {
    return this.page.locator('.strength__label');
  }

  recoveryHeading() {
    return this.page.getByRole('heading', { level: 1, name: this.t('ui.recovery.title') });
  }

  /** The recovery key as shown: nine groups joined by dashes. */
  async recoveryKey(): Promise<string> {
    await this.recoveryHeading().waitFor();
    return (await this.page.locator('.recovery-key__text').allTextContents()).join('-');
  }

  async writtenDown() {
    await this.page.getByRole('button', { name: this.t('ui.recovery.writtenDown') }).click();
  }

  confirmHeading() {
    return this.page.getByRole('heading', { level: 1, name: this.t('ui.confirmKey.title') });
  }

  /** Which groups the confirmation asks for, read from the field labels. */
  async askedGroups(): Promise<number[]> {
    await this.confirmHeading().waitFor();
    const labels = await this.page.locator('.confirm-groups .field__label').allTextContents();
    return labels.map((label) => Number(/\d+/.exec(label)?.[0]));
  }

  async confirm(recoveryKey: string, override?: Record<number, string>) {
    const groups = recoveryKey.split('-');
    for (const index of await this.askedGroups()) {
      await this.page
        .getByLabel(this.t('ui.confirmKey.group', { n: index }), { exact: true })
        .fill(override?.[index] ?? groups[index - 1] ?? '');
    }
    await this.page.getByRole('button', { name: this.t('ui.confirmKey.finish') }).click();
  }

  /** Runs the whole first run and returns the recovery key. */
  async createVault(values: { path?: string; passphrase: string }): Promise<string> {
    await this.fill(values);
    await this.submit();
    const key = await this.recoveryKey();
    await this.writtenDown();
    await this.confirm(key);
    return key;
  }
}
