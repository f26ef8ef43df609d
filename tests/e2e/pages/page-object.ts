import type { Page } from 'playwright-core';
import type { TFunction } from 'i18next';

/** A page object finds elements by what a user reads, in the session's language. */
export abstract class PageObject {
  protected readonly page: Page;
  protected readonly t: TFunction;

  constructor(page: Page, t: TFunction) {
    this.page = page;
    this.t = t;
  }
}
