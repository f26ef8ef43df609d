import type { Locator } from 'playwright-core';
import type { Stage } from '../../../shared/domain.ts';
import { PageObject } from './page-object.ts';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The pipeline board: a grid (react-aria GridList) per stage, a row per person. */
export class PipelinePage extends PageObject {
  heading() {
    return this.page.getByRole('heading', { level: 1, name: this.t('ui.shell.areas.pipeline') });
  }

  stageLabel(stage: Stage): string {
    return this.t(`ui.domain.stage.${stage}`);
  }

  /** The column's list; its name is "<stage>: <count> persons". */
  column(stage: Stage): Locator {
    return this.page.getByRole('grid', {
      name: new RegExp(`^${escape(this.stageLabel(stage))}:`),
    });
  }

  card(stage: Stage, fullName: string): Locator {
    return this.column(stage).getByRole('row', { name: fullName, exact: true });
  }

  async names(stage: Stage): Promise<string[]> {
    const rows = this.column(stage).getByRole('row');
    const names = await rows.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('aria-label') ?? ''),
    );
    return names.filter((name) => name !== '').sort();
  }

  /** A column's "Show more (N)" button, under its list. */
  showMore(stage: Stage): Locator {
    return this.page
      .locator('.pipeline-column')
      .filter({ has: this.column(stage) })
      .getByRole('button', {
        name: new RegExp(
          `^${escape(this.t('ui.pipeline.showMore_other', { shown: '' }).replace(/\s*\(\)$/, ''))} \\(`,
        ),
      });
  }

  moveButton(card: Locator): Locator {
    return card.getByRole('button', { name: this.t('ui.pipeline.moveTo') });
  }

  filterText(): Locator {
    return this.page.getByRole('searchbox', { name: this.t('ui.pipeline.text') });
  }

  status(): Locator {
    return this.page.getByRole('status').filter({ hasText: /\S/ }).first();
  }

  offSection(): Locator {
    return this.page.getByRole('region', { name: this.t('ui.pipeline.offPipeline') });
  }

  /** Shows or hides the dormant, moved-on and closed columns. */
  offToggle(): Locator {
    return this.offSection().locator('button[aria-expanded]');
  }

  /** The menu item of a stage in an open "Move to…" menu. */
  menuItem(stage: Stage): Locator {
    return this.page.getByRole('menuitem', { name: this.stageLabel(stage), exact: true });
  }
}
