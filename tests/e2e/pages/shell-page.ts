import type { Area } from '../../../renderer/src/features/shell/areas.ts';
import { PageObject } from './page-object.ts';

export class ShellPage extends PageObject {
  navigation() {
    return this.page.getByRole('navigation', { name: this.t('ui.shell.navigation') });
  }

  async open(area: Area) {
    await this.navigation()
      .getByRole('button', { name: this.t(`ui.shell.areas.${area}`) })
      .click();
    await this.page
      .getByRole('heading', { level: 1, name: this.t(`ui.shell.areas.${area}`) })
      .waitFor();
  }

  lockButton() {
    return this.page.getByRole('button', { name: new RegExp(this.t('ui.shell.lock')) });
  }

  async lock() {
    await this.lockButton().click();
  }

  async switchLanguage(language: 'en' | 'ru') {
    const name = this.t(`ui.common.languages.${language}`);
    await this.page
      .getByRole('group', { name: this.t('ui.common.language') })
      .first()
      .getByRole('button', { name })
      .or(
        this.page
          .getByRole('radiogroup', { name: this.t('ui.common.language') })
          .first()
          .getByRole('radio', { name }),
      )
      .first()
      .click();
  }
}
