import type { Locator } from 'playwright-core';
import type { RelationshipRole } from '../../../shared/records.ts';
import { PageObject } from './page-object.ts';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The relationship map: the drawing, the details, the routes in and the map as a table. */
export class MapPage extends PageObject {
  heading(focusName?: string): Locator {
    return this.page.getByRole('heading', {
      level: 1,
      name: focusName
        ? this.t('ui.map.titleAround', { name: focusName })
        : this.t('ui.shell.areas.map'),
    });
  }

  drawing(): Locator {
    return this.page.getByRole('img', { name: /./ }).filter({ has: this.page.locator('canvas') });
  }

  picker(): Locator {
    return this.page.getByRole('combobox', { name: this.t('ui.map.picker') });
  }

  depth(): Locator {
    return this.page.getByRole('button', { name: new RegExp(this.t('ui.map.depth')) });
  }

  routes(): Locator {
    return this.page.getByRole('region', { name: this.t('ui.map.routes') });
  }

  /** The toggle button of the route that starts at `start`: "<via> · <n steps> <start> (…". */
  route(via: RelationshipRole, start: string): Locator {
    return this.routes().getByRole('button', {
      name: new RegExp(`^${escape(this.t(`ui.map.via.${via}`))} · \\S+ \\S+ ${escape(start)} \\(`),
    });
  }

  details(): Locator {
    return this.page.getByRole('region', { name: this.t('ui.map.details') });
  }

  table(): Locator {
    return this.page.getByRole('region', { name: this.t('ui.map.list') }).getByRole('table');
  }

  row(fullName: string): Locator {
    return this.table()
      .getByRole('row')
      .filter({
        has: this.page.getByRole('rowheader', { name: new RegExp(`^${fullName}`) }),
      });
  }

  centreButton(fullName: string): Locator {
    return this.table().getByRole('button', {
      name: this.t('ui.map.centreOn', { name: fullName }),
    });
  }
}
