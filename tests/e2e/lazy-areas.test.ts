/**
 * The renderer starts small: the unlock screen loads only what index.html names (no area),
 * each area's code is fetched the first time it is opened, every area and page still opens
 * from its own chunk, a loading area is accessible, and an area whose code cannot be loaded
 * says so inside its own boundary — and loads when asked again.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../renderer/src/features/shell/areas.ts';
import { AgenciesPage } from './pages/agencies-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { MapPage } from './pages/map-page.ts';
import { NotesPage } from './pages/notes-page.ts';
import { PartnersPage } from './pages/partners-page.ts';
import { PeoplePage } from './pages/people-page.ts';
import { SearchPage } from './pages/search-page.ts';
import { SharePage } from './pages/share-page.ts';
import { UnlockPage } from './pages/unlock-page.ts';
import { launchChromium, type AppSession } from './support/harness.ts';
import { E2E_PASSPHRASE, seed, unlockedApp } from './support/unlocked.ts';

const RENDERER = resolve(import.meta.dirname, '../../out/renderer');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** The scripts index.html loads at start: the entry and its modulepreloads. */
function startupScripts(): string[] {
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
}

/** Records the scripts the page fetches, by file name. */
function recordScripts(page: Page): string[] {
  const fetched: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/assets/') && pathname.endsWith('.js'))
      fetched.push(pathname.slice('/assets/'.length));
  });
  return fetched;
}

/** Whether a chunk of this component (features/shell/AreaView.tsx, Shell) was fetched. */
const fetchedChunk = (fetched: string[], name: string) =>
  fetched.some((file) => file.startsWith(`${name}-`));

const AREA_CHUNKS = [
  'Shell',
  'PeopleArea',
  'PersonPage',
  'PipelineBoard',
  'RelationshipMap',
  'AgenciesArea',
  'PartnersArea',
  'RiskDashboard',
  'SharesArea',
  'BackupsArea',
  'AuditArea',
  'SettingsArea',
  'QuickNoteDialog',
  'MarkdownBody',
];

async function finish(app: AppSession) {
  expect(await app.cspViolations()).toEqual([]);
  expect(app.strayRequests).toEqual([]);
  await app.close();
}

describe('areas load when first opened', () => {
  it('shows the unlock screen without any area; unlocking brings the shell and People only', async () => {
    const { app, t, shell, page } = await unlockedApp(browser, 'lazy-unlock', 'en');
    const unlock = new UnlockPage(page, t);
    await shell.lock();
    await unlock.heading().waitFor();

    // A fresh page at the unlock screen, as at every start.
    const fetched = recordScripts(page);
    await page.reload();
    await unlock.heading().waitFor();
    await page.waitForLoadState('load');
    expect(new Set(fetched)).toEqual(new Set(startupScripts()));
    for (const chunk of AREA_CHUNKS) expect(fetchedChunk(fetched, chunk), chunk).toBe(false);
    await app.expectAccessible('the unlock screen');

    fetched.length = 0;
    await unlock.unlockWith(E2E_PASSPHRASE);
    await new PeoplePage(page, t).heading().waitFor();
    expect(fetchedChunk(fetched, 'Shell')).toBe(true);
    expect(fetchedChunk(fetched, 'PeopleArea')).toBe(true);
    // The map's graph library, the charts and the note editor wait until they are opened.
    for (const chunk of ['RelationshipMap', 'RiskDashboard', 'QuickNoteDialog', 'MarkdownBody'])
      expect(fetchedChunk(fetched, chunk), chunk).toBe(false);

    await shell.open('map');
    expect(fetchedChunk(fetched, 'RelationshipMap')).toBe(true);
    await shell.open('risk');
    expect(fetchedChunk(fetched, 'RiskDashboard')).toBe(true);
    await finish(app);
  });

  it('opens every area, page and dialog', async () => {
    const { app, t, shell, page } = await unlockedApp(browser, 'lazy-every-area', 'en');
    const agency = await seed(app, 'agencies:create', { name: 'Harbour Police', sphere: 'police' });
    await seed(app, 'persons:create', { fullName: 'Irina Lazareva', agencyId: agency.id });
    await seed(app, 'partners:create', { name: 'Northern Rights Centre' });
    const failure = page.getByRole('heading', { level: 1, name: t('ui.shell.failure.areaTitle') });

    for (const area of AREAS) await shell.open(area);

    // Search → its results → the person page → the map around them; the quick note there.
    const search = new SearchPage(page, t);
    await search.box().fill('Lazareva');
    await search.box().press('Enter');
    await search.resultsHeading('Lazareva').waitFor();
    await search
      .results()
      .getByRole('link', { name: /^Irina Lazareva/ })
      .first()
      .click();
    const people = new PeoplePage(page, t);
    await people.personHeading('Irina Lazareva').waitFor();
    const notes = new NotesPage(page, t);
    await notes.openWithShortcut();
    await notes
      .dialog()
      .getByRole('button', { name: t('ui.notes.cancel') })
      .click();
    await notes.dialog().waitFor({ state: 'detached' });
    await people.action('showOnMap').click();
    await new MapPage(page, t).heading('Irina Lazareva').waitFor();

    await shell.open('people');
    await new ImportPage(page, t).openFromPeople();

    const agencies = new AgenciesPage(page, t);
    await shell.open('agencies');
    await agencies.row('Harbour Police').click({ position: { x: 5, y: 5 } });
    await agencies.pageHeading('Harbour Police').waitFor();

    await shell.open('partners');
    await new PartnersPage(page, t).heading().waitFor();
    await page.getByRole('link', { name: 'Northern Rights Centre' }).click();
    await page.getByRole('heading', { level: 1, name: 'Northern Rights Centre' }).waitFor();

    // The Shares area's tabs: the review, the disclosure log, received packages, our key.
    const shares = new SharePage(page, t);
    await shell.open('shares');
    for (const tab of ['log', 'received', 'key', 'review'] as const) {
      await shares.tab(tab).click();
      await page.getByRole('tab', { name: t(`ui.shares.tabs.${tab}`), selected: true }).waitFor();
      await page.getByRole('tabpanel').waitFor();
    }

    expect(await failure.count()).toBe(0);
    await finish(app);
  });

  it('shows an accessible loading state while an area’s code loads, then the area, focused (ru)', async () => {
    const { app, t, shell, page } = await unlockedApp(browser, 'lazy-loading', 'ru');
    // The audit trail's code is held back until the test lets it through.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/assets\/AuditArea-[^/]+\.js$/, async (route) => {
      await held;
      await route.fallback();
    });
    await shell
      .navigation()
      .getByRole('button', { name: t('ui.shell.areas.audit') })
      .click();
    const loading = page.getByRole('heading', { level: 1, name: t('ui.shell.loading.title') });
    await loading.waitFor();
    await page.getByRole('progressbar', { name: t('ui.shell.loading.progress') }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'area-loading-title');
    await app.expectAccessible('an area while its code loads');
    await app.screenshot('area-loading');

    release();
    const audit = page.getByRole('heading', { level: 1, name: t('ui.shell.areas.audit') });
    await audit.waitFor();
    expect(await loading.count()).toBe(0);
    // Focus follows to the area's own title, as on any change of screen.
    await page.waitForFunction(
      (name) =>
        document.activeElement?.tagName === 'H1' && document.activeElement.textContent === name,
      t('ui.shell.areas.audit'),
    );
    await finish(app);
  });

  it('says so when an area’s code cannot be loaded, keeps the rest working, and loads it when asked again', async () => {
    const { app, t, shell, page } = await unlockedApp(browser, 'lazy-load-failure', 'en');
    const chunk = /\/assets\/BackupsArea-[^/]+\.js$/;
    await page.route(chunk, (route) => route.abort('failed'));
    const openBackups = () =>
      shell
        .navigation()
        .getByRole('button', { name: t('ui.shell.areas.backups') })
        .click();
    await openBackups();
    const failure = page.getByRole('heading', { level: 1, name: t('ui.shell.failure.areaTitle') });
    await failure.waitFor();
    expect(await page.getByRole('alert').textContent()).toContain(t('ui.shell.failure.loadBody'));
    await page.waitForFunction(() => document.activeElement?.id === 'area-failure-title');
    await app.expectAccessible('an area whose code could not be loaded');
    await app.screenshot('area-load-failed');

    // The other areas open; the failed one fails again while its file is still unreadable.
    await shell.open('settings');
    await openBackups();
    await failure.waitFor();

    // Once the file can be read, "Load this screen again" loads it.
    await page.unroute(chunk);
    await page.getByRole('button', { name: t('ui.shell.failure.reload') }).click();
    await page.getByRole('heading', { level: 1, name: t('ui.shell.areas.backups') }).waitFor();
    expect(await failure.count()).toBe(0);
    await finish(app);
  });
});
