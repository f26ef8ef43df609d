/**
 * The pipeline board and the relationship map, in both languages, over a small seeded
 * network: a chief (Lt-Col Arkhipov) whose subordinate is in contact with us, his superior,
 * a judge who introduced the subordinate, colleagues and acquaintances around them.
 *
 * Board: everyone in the right column; a move with the keyboard through the card's menu, one
 * with Alt+→, one with a mouse drag, one with react-aria's keyboard drag and drop; each lands
 * on the person's timeline in the core. Map: a canvas for the focused person, the same graph
 * as a table, a route in through the subordinate, highlighting it, re-centring from the
 * keyboard. No CSP violation (cytoscape must not inject a <style>), axe clean throughout.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RelationshipKind, Stage } from '../../shared/domain.ts';
import { MapPage } from './pages/map-page.ts';
import { PipelinePage } from './pages/pipeline-page.ts';
import type { AppSession } from './support/harness.ts';
import { launchChromium } from './support/harness.ts';
import { seed, unlockedApp } from './support/unlocked.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

type Key =
  | 'arkhipov'
  | 'sokolova'
  | 'belov'
  | 'markov'
  | 'zuev'
  | 'kravets'
  | 'lapin'
  | 'orlova'
  | 'fomin'
  | 'gromova'
  | 'ibragimov'
  | 'vetrova';

const PEOPLE: Record<
  Key,
  { en: string; ru: string; stage: Stage; position: string; agency?: 'police' | 'court' }
> = {
  arkhipov: {
    en: 'Lt-Col Viktor Arkhipov',
    ru: 'Подполковник Виктор Архипов',
    stage: 'approach_planned',
    position: 'Head of department',
    agency: 'police',
  },
  sokolova: {
    en: 'Maj. Irina Sokolova',
    ru: 'Майор Ирина Соколова',
    stage: 'in_contact',
    position: 'Deputy head',
    agency: 'police',
  },
  belov: {
    en: 'Col. Gennady Belov',
    ru: 'Полковник Геннадий Белов',
    stage: 'watching',
    position: 'Regional chief',
    agency: 'police',
  },
  markov: {
    en: 'Judge Oleg Markov',
    ru: 'Судья Олег Марков',
    stage: 'partner',
    position: 'Judge',
    agency: 'court',
  },
  zuev: {
    en: 'Capt. Pavel Zuev',
    ru: 'Капитан Павел Зуев',
    stage: 'vetting',
    position: 'Inspector',
    agency: 'police',
  },
  kravets: {
    en: 'Elena Kravets',
    ru: 'Елена Кравец',
    stage: 'collaborating',
    position: 'Prosecutor',
  },
  lapin: { en: 'Dmitry Lapin', ru: 'Дмитрий Лапин', stage: 'dormant', position: 'Analyst' },
  orlova: {
    en: 'Svetlana Orlova',
    ru: 'Светлана Орлова',
    stage: 'moved_on',
    position: 'UN adviser',
  },
  fomin: { en: 'Nikolai Fomin', ru: 'Николай Фомин', stage: 'closed', position: 'Major' },
  gromova: {
    en: 'Tatiana Gromova',
    ru: 'Татьяна Громова',
    stage: 'watching',
    position: 'Spokesperson',
    agency: 'police',
  },
  ibragimov: {
    en: 'Ruslan Ibragimov',
    ru: 'Руслан Ибрагимов',
    stage: 'vetting',
    position: 'Lieutenant',
    agency: 'police',
  },
  vetrova: {
    en: 'Anna Vetrova',
    ru: 'Анна Ветрова',
    stage: 'in_contact',
    position: 'Investigator',
  },
};

/** Read "A kind B": A subordinate_of B, A introduced_by B … */
const RELATIONSHIPS: [Key, RelationshipKind, Key][] = [
  ['sokolova', 'subordinate_of', 'arkhipov'],
  ['arkhipov', 'subordinate_of', 'belov'],
  ['sokolova', 'introduced_by', 'markov'],
  ['zuev', 'colleague', 'arkhipov'],
  ['kravets', 'knows', 'belov'],
  ['orlova', 'influences', 'belov'],
  ['ibragimov', 'subordinate_of', 'belov'],
  ['vetrova', 'knows', 'zuev'],
  ['lapin', 'colleague', 'zuev'],
  ['markov', 'knows', 'kravets'],
  ['fomin', 'knows', 'ibragimov'],
  ['gromova', 'colleague', 'sokolova'],
];

async function seedNetwork(app: AppSession, language: 'en' | 'ru') {
  const police = await seed(app, 'agencies:create', {
    name: language === 'en' ? 'Central District Police' : 'Полиция Центрального района',
    sphere: 'police',
  });
  const court = await seed(app, 'agencies:create', {
    name: language === 'en' ? 'Regional Court' : 'Областной суд',
    sphere: 'judiciary',
  });
  const ids = {} as Record<Key, number>;
  for (const [key, person] of Object.entries(PEOPLE) as [Key, (typeof PEOPLE)[Key]][]) {
    const { id } = await seed(app, 'persons:create', {
      fullName: person[language],
      stage: person.stage,
      position: person.position,
      agencyId:
        person.agency === 'police' ? police.id : person.agency === 'court' ? court.id : null,
      sphere: person.agency === 'court' ? 'judiciary' : 'police',
      owner: key === 'gromova' ? 'Boris' : 'Anna',
      nextFollowUp: key === 'gromova' ? '2024-01-15' : key === 'sokolova' ? '2099-03-01' : null,
    });
    ids[key] = id;
  }
  for (const [from, kind, to] of RELATIONSHIPS) {
    await seed(app, 'relationships:create', {
      fromPersonId: ids[from],
      toPersonId: ids[to],
      kind,
    });
  }
  return ids;
}

async function stageMoves(app: AppSession, id: number) {
  const page = await seed(app, 'persons:get', { id });
  return page.timeline.flatMap((entry) =>
    entry.type === 'stage' ? [{ from: entry.from, to: entry.to }] : [],
  );
}

/** What has the focus: a card's person id, or the element's accessible text. */
function focusedPersonId(page: Page) {
  return page.evaluate(() => document.activeElement?.getAttribute('data-person-id') ?? null);
}

describe('the pipeline board and the relationship map', () => {
  for (const language of ['en', 'ru'] as const) {
    it(`moves persons between stages and maps the routes in (${language})`, async () => {
      const { app, t, shell, page } = await unlockedApp(
        browser,
        `pipeline-map-${language}`,
        language,
      );
      const ids = await seedNetwork(app, language);
      const name = (key: Key) => PEOPLE[key][language];
      const board = new PipelinePage(page, t);

      // The board: everyone active in their stage's column.
      await shell.open('pipeline');
      await board.card('approach_planned', name('arkhipov')).waitFor();
      expect(await board.names('watching')).toEqual([name('belov'), name('gromova')].sort());
      expect(await board.names('vetting')).toEqual([name('ibragimov'), name('zuev')].sort());
      expect(await board.names('in_contact')).toEqual([name('sokolova'), name('vetrova')].sort());
      expect(await board.names('partner')).toEqual([name('markov')]);
      // Gromova's follow-up is overdue: her card says so in words.
      await board
        .card('watching', name('gromova'))
        .getByText(t('ui.pipeline.due', { date: '' }).replace(/[\s:]+$/, ''), { exact: false })
        .waitFor();
      // Compact cards: the name on one line, ending in "…" when long; the full name is the
      // card's accessible name and the name's tooltip.
      const arkhipovName = board.card('approach_planned', name('arkhipov')).locator('[title]');
      expect(await arkhipovName.first().getAttribute('title')).toBe(name('arkhipov'));
      expect(
        await arkhipovName.first().evaluate((element) => getComputedStyle(element).textOverflow),
      ).toBe('ellipsis');
      // Off the pipeline is folded away until asked for.
      expect(await board.offToggle().getAttribute('aria-expanded')).toBe('false');
      await app.expectAccessible(`the pipeline board (${language})`);
      await app.screenshot('pipeline-board');

      // 1. The keyboard alternative: the card's "Move to…" menu, only keys pressed.
      const zuevCard = board.card('vetting', name('zuev'));
      await board.moveButton(zuevCard).focus();
      await page.keyboard.press('Enter');
      await board.menuItem('in_contact').waitFor();
      for (let i = 0; i < 10; i++) {
        const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
        if (focused === board.stageLabel('in_contact')) break;
        await page.keyboard.press('ArrowDown');
      }
      await app.screenshot('pipeline-move-menu');
      await page.keyboard.press('Enter');
      await board.card('in_contact', name('zuev')).waitFor();
      await expect
        .poll(() => board.status().textContent())
        .toBe(
          t('ui.pipeline.moved', { name: name('zuev'), stage: board.stageLabel('in_contact') }),
        );
      expect(await board.card('vetting', name('zuev')).count()).toBe(0);
      // The moved card keeps the focus, in its new column.
      await expect.poll(() => focusedPersonId(page)).toBe(String(ids.zuev));
      expect(await stageMoves(app, ids.zuev)).toContainEqual({ from: 'vetting', to: 'in_contact' });

      // 2. Alt+→ on a focused card: one stage forward.
      await board.card('watching', name('gromova')).focus();
      await page.keyboard.press('Alt+ArrowRight');
      await board.card('vetting', name('gromova')).waitFor();
      await expect.poll(() => focusedPersonId(page)).toBe(String(ids.gromova));
      expect(await stageMoves(app, ids.gromova)).toContainEqual({
        from: 'watching',
        to: 'vetting',
      });
      // And Alt+← takes it back.
      await page.keyboard.press('Alt+ArrowLeft');
      await board.card('watching', name('gromova')).waitFor();
      expect(await stageMoves(app, ids.gromova)).toContainEqual({
        from: 'vetting',
        to: 'watching',
      });

      // 3. A mouse drag from Watching to Collaborating.
      await board.card('watching', name('belov')).dragTo(board.column('collaborating'));
      await board.card('collaborating', name('belov')).waitFor();
      expect(await board.card('watching', name('belov')).count()).toBe(0);
      expect(await stageMoves(app, ids.belov)).toContainEqual({
        from: 'watching',
        to: 'collaborating',
      });
      await expect
        .poll(() => board.status().textContent())
        .toBe(
          t('ui.pipeline.moved', { name: name('belov'), stage: board.stageLabel('collaborating') }),
        );
      await app.expectAccessible(`the board after moves (${language})`);
      await app.screenshot('pipeline-after-moves');

      // 4. react-aria's keyboard drag and drop: the card's drag button, Enter, Tab to a
      // column, Enter. Ibragimov: Vetting → the first drop target after his own column.
      const ibragimov = board.card('vetting', name('ibragimov'));
      await ibragimov
        .getByRole('button', { name: new RegExp(name('ibragimov')) })
        .first()
        .focus();
      await page.keyboard.press('Enter');
      // The drag starts on the nearest column; Tab walks the columns (they get the focus).
      const target = `${board.stageLabel('approach_planned')}:`;
      for (let i = 0; i < 12; i++) {
        const focused = await page.evaluate(
          () => document.activeElement?.getAttribute('aria-label') ?? '',
        );
        if (focused.startsWith(target)) break;
        await page.keyboard.press('Tab');
      }
      await app.screenshot('pipeline-keyboard-drag');
      await page.keyboard.press('Enter');
      await board.card('approach_planned', name('ibragimov')).waitFor();
      expect(await stageMoves(app, ids.ibragimov)).toContainEqual({
        from: 'vetting',
        to: 'approach_planned',
      });

      // The off-pipeline columns, opened.
      await board.offToggle().press('Enter');
      expect(await board.names('dormant')).toEqual([name('lapin')]);
      expect(await board.names('moved_on')).toEqual([name('orlova')]);
      expect(await board.names('closed')).toEqual([name('fomin')]);
      await app.expectAccessible(`the board with the off-pipeline stages (${language})`);
      await app.screenshot('pipeline-off-pipeline');

      // The filter narrows every column.
      await board.filterText().fill(name('markov').split(' ').at(-1)!);
      await expect.poll(() => board.names('partner')).toEqual([name('markov')]);
      await expect.poll(() => board.names('in_contact')).toEqual([]);
      await board.filterText().fill('');

      // The map: the whole network first.
      const map = new MapPage(page, t);
      await shell.open('map');
      await map.drawing().waitFor();
      expect(await map.drawing().getAttribute('aria-label')).toBe(
        t('ui.map.summaryAll', { count: 12, edges: 12 }),
      );
      await app.expectAccessible(`the whole network (${language})`);
      await app.screenshot('map-whole-network');

      // Centre on Arkhipov with the picker, keys only.
      await map.picker().focus();
      await page.keyboard.type(name('arkhipov').split(' ').at(-1)!.slice(0, 5));
      await page.getByRole('option', { name: name('arkhipov') }).waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await map.heading(name('arkhipov')).waitFor();
      await map.drawing().waitFor();
      expect(await map.drawing().locator('canvas').count()).toBeGreaterThan(0);
      // The same graph as a table: Sokolova is Arkhipov's subordinate.
      await expect
        .poll(() => map.row(name('sokolova')).textContent())
        .toContain(`${t('ui.map.kind.subordinate_of')} ${name('arkhipov')}`);
      await expect
        .poll(() => map.row(name('arkhipov')).textContent())
        .toContain(`${t('ui.map.reverse.subordinate_of')} ${name('sokolova')}`);
      // The route in through the subordinate, who is in contact with us.
      const throughSubordinate = map.route('subordinate', name('sokolova'));
      await throughSubordinate.waitFor();
      expect(await throughSubordinate.textContent()).toContain(name('arkhipov'));
      // Markov, a partner, reaches him through Sokolova (he introduced her): two steps.
      await map.route('subordinate', name('markov')).waitFor();
      // Belov (now collaborating) is his superior.
      await map.route('superior', name('belov')).waitFor();
      await app.expectAccessible(`the map around a person (${language})`);
      await app.screenshot('map-focused');

      // Choosing a route highlights it (a toggle).
      await throughSubordinate.press('Enter');
      expect(await throughSubordinate.getAttribute('aria-pressed')).toBe('true');
      await map.drawing().scrollIntoViewIfNeeded();
      await app.expectAccessible(`a highlighted route (${language})`);
      await app.screenshot('map-route-highlighted');

      await map.table().scrollIntoViewIfNeeded();
      await app.screenshot('map-as-a-list');

      // Re-centre from the table with the keyboard.
      await map.centreButton(name('sokolova')).focus();
      await page.keyboard.press('Enter');
      await map.heading(name('sokolova')).waitFor();
      await expect.poll(() => map.details().textContent()).toContain(name('sokolova'));
      await app.expectAccessible(`the map re-centred (${language})`);
      await app.screenshot('map-recentred');

      expect(await app.cspViolations()).toEqual([]);
      expect(app.strayRequests).toEqual([]);
      await app.close();
    });
  }
});
