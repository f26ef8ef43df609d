import { PageObject } from './page-object.ts';

/** The search box in the top bar, its suggestions, and the results page. */
export class SearchPage extends PageObject {
  box() {
    return this.page.getByRole('searchbox', { name: this.t('ui.search.label'), exact: true });
  }

  suggestions() {
    return this.page.getByRole('listbox', { name: this.t('ui.search.suggestions') });
  }

  suggestion(name: RegExp | string) {
    return this.suggestions().getByRole('option', { name });
  }

  resultsHeading(text: string) {
    return this.page.getByRole('heading', {
      level: 1,
      name: this.t('ui.search.title', { text }),
    });
  }

  results() {
    return this.page.locator('.search-results__list > li');
  }

  /** The results page's count ("3 matches", "The best 50 of 55 matches"). */
  resultsCount(text: string) {
    return this.page.getByRole('heading', { level: 2, name: text, exact: true });
  }

  result(title: string) {
    return this.results().filter({
      has: this.page.getByRole('link', { name: title, exact: true }),
    });
  }

  refineBox() {
    return this.page.getByRole('searchbox', { name: this.t('ui.search.refine') });
  }
}
