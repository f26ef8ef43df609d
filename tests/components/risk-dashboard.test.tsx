// @vitest-environment jsdom
/**
 * The risk dashboard, the review reminder and the review-intervals form over a stand-in
 * bridge: the heat map counts the assessed persons cell by cell and lists a cell's persons
 * when it is selected (by pointer or keyboard), its table view holds the same counts, the
 * reminder names codenames only, and Russian reads Russian.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Language } from '../../shared/contract.ts';
import type { Stage } from '../../shared/domain.ts';
import {
  DEFAULT_REVIEW_INTERVALS,
  type ReviewState,
  type RiskDashboard as Dashboard,
  type RiskReminders,
  type RiskRow,
} from '../../shared/risk.ts';
import { errorMessage } from '../../shared/i18n/error-message.ts';
import { currentRoute, resetNavigation } from '../../renderer/src/app/navigation.ts';
import { queryClient } from '../../renderer/src/app/session.ts';
import { RiskDashboard } from '../../renderer/src/features/risk-dashboard/RiskDashboard.tsx';
import {
  resetReminderLater,
  ReviewBadge,
  ReviewReminder,
} from '../../renderer/src/features/risk-dashboard/ReviewReminder.tsx';
import { ReviewIntervalsForm } from '../../renderer/src/features/settings/ReviewIntervalsForm.tsx';
import { i18n } from '../../renderer/src/i18n/index.ts';
import { renderIn } from './render.tsx';

const TODAY = '2026-11-24';

function row(
  id: number,
  likelihood: number,
  impact: number,
  level: RiskRow['level'],
  reviewState: ReviewState,
  reviewDueOn: string,
  stage: Stage = 'in_contact',
): RiskRow {
  return {
    id,
    codename: `Code ${String(id)}`,
    fullName: `Person ${String(id)}`,
    stage,
    consent: 'internal',
    level,
    likelihood,
    impact,
    assessedOn: '2026-09-01',
    reviewDueOn,
    reviewState,
  };
}

const DASHBOARD: Dashboard = {
  today: TODAY,
  assessed: [
    row(1, 4, 5, 'critical', 'overdue', '2026-11-01', 'collaborating'),
    row(2, 4, 5, 'critical', 'current', '2027-01-10'),
    row(3, 1, 1, 'low', 'due-soon', '2026-12-01', 'partner'),
    row(4, 3, 3, 'moderate', 'due', TODAY),
  ],
  unassessed: [{ id: 5, codename: 'Code 5', fullName: 'Person 5', stage: 'in_contact' }],
  consentNotAsked: [{ id: 6, codename: 'Code 6', fullName: 'Person 6', stage: 'dormant' }],
  stageCounts: [
    { stage: 'watching', count: 3 },
    { stage: 'in_contact', count: 4 },
    { stage: 'collaborating', count: 1 },
  ],
  followUpsDue: {
    total: 1,
    persons: [
      { id: 7, codename: 'Code 7', fullName: 'Person 7', stage: 'vetting', nextFollowUp: TODAY },
    ],
  },
  lastBackupAt: null,
  backupWarnDays: 7,
};

const EMPTY: Dashboard = {
  today: TODAY,
  assessed: [],
  unassessed: [],
  consentNotAsked: [],
  stageCounts: [],
  followUpsDue: { total: 0, persons: [] },
  lastBackupAt: null,
  backupWarnDays: 7,
};

/** Full names the core knows: the reminder must never show any of them. */
const FULL_NAMES = ['Ivan Petrov', 'Olga Sidorova'];
const REMINDERS: RiskReminders = {
  today: TODAY,
  reviews: [
    {
      personId: 11,
      codename: 'Amber Heron 42',
      level: 'high',
      reviewDueOn: TODAY,
      reviewState: 'due',
    },
    {
      personId: 12,
      codename: 'Ruby Arrow 31',
      level: 'critical',
      reviewDueOn: '2026-11-02',
      reviewState: 'overdue',
    },
  ],
};

let dashboard: Dashboard;
let reminders: RiskReminders;
let updates: unknown[];

const ok = (value: unknown) => Promise.resolve({ ok: true, value });

beforeEach(() => {
  queryClient.clear();
  resetReminderLater();
  resetNavigation({ area: 'risk' });
  dashboard = DASHBOARD;
  reminders = REMINDERS;
  updates = [];
  window.confidant = {
    risk: {
      dashboard: () => ok(dashboard),
      reminders: () => ok(reminders),
    },
    settings: {
      get: () => ok({ autoLockMinutes: 10, reviewIntervals: DEFAULT_REVIEW_INTERVALS }),
      update: (input: { reviewIntervals: typeof DEFAULT_REVIEW_INTERVALS }) => {
        updates.push(input);
        const days = input.reviewIntervals;
        return days.critical <= days.high && days.high <= days.moderate && days.moderate <= days.low
          ? ok({ autoLockMinutes: 10, reviewIntervals: days })
          : Promise.resolve({
              ok: false,
              error: {
                code: 'VALIDATION',
                details: { field: 'reviewIntervals.critical', reason: 'interval_order' },
              },
            });
      },
    },
  } as unknown as Window['confidant'];
});
afterEach(cleanup);

function renderWith(language: Language, ui: ReactElement) {
  return renderIn(language, <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>);
}

/** axe-core's rules that work without layout (jsdom cannot compute colours). */
async function expectNoAxeViolations(container: HTMLElement) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.html ?? ''}`)).toEqual([]);
}

describe('the heat map', () => {
  it('counts the assessed persons in their cells and lists a cell when it is selected', async () => {
    const { container } = await renderWith('en', <RiskDashboard />);
    const chart = await screen.findByRole('group', {
      name: 'Heat map: likelihood (rows) by impact (columns)',
    });
    const cell = within(chart).getByRole('button', {
      name: 'Likelihood 4, impact 5: critical, 2 persons',
    });
    expect(cell.getAttribute('aria-pressed')).toBe('false');
    expect(cell.textContent).toBe('Critical 2');
    within(chart).getByRole('button', { name: 'Likelihood 1, impact 1: low, 1 person' });
    within(chart).getByRole('button', { name: 'Likelihood 3, impact 3: moderate, 1 person' });
    within(chart).getByRole('button', { name: 'Likelihood 5, impact 5: critical, 0 persons' });
    expect(within(chart).getAllByRole('button')).toHaveLength(25);
    // One tab stop: the first occupied cell from the top left.
    const tabStops = within(chart)
      .getAllByRole('button')
      .filter((element) => element.getAttribute('tabindex') === '0');
    expect(tabStops).toEqual([cell]);

    fireEvent.click(cell);
    expect(cell.getAttribute('aria-pressed')).toBe('true');
    const list = screen.getByRole('table', {
      name: 'Likelihood 4, impact 5 (critical): 2 persons',
    });
    const rows = within(list).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      `Code 1Person 1CollaboratingCritical1 Nov 2026`,
      `Code 2Person 2In contactCritical10 Jan 2027`,
    ]);
    fireEvent.click(within(list).getByRole('link', { name: 'Code 1' }));
    expect(currentRoute()).toEqual({ area: 'person', id: 1 });
    await expectNoAxeViolations(container);
  });

  it('is operated by keyboard: arrows move between cells, Enter and Space select', async () => {
    await renderWith('en', <RiskDashboard />);
    const start = await screen.findByRole('button', {
      name: 'Likelihood 4, impact 5: critical, 2 persons',
    });
    act(() => {
      start.focus();
    });
    fireEvent.keyDown(start, { key: 'ArrowDown' });
    const below = screen.getByRole('button', { name: 'Likelihood 3, impact 5: high, 0 persons' });
    expect(document.activeElement).toBe(below);
    expect(below.getAttribute('tabindex')).toBe('0');
    expect(start.getAttribute('tabindex')).toBe('-1');
    fireEvent.keyDown(below, { key: 'ArrowLeft' });
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowLeft' });
    const moderate = screen.getByRole('button', {
      name: 'Likelihood 3, impact 3: moderate, 1 person',
    });
    expect(document.activeElement).toBe(moderate);
    fireEvent.keyDown(moderate, { key: 'Enter' });
    const list = screen.getByRole('table', {
      name: 'Likelihood 3, impact 3 (moderate): 1 person',
    });
    expect(within(list).getByRole('link', { name: 'Code 4' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('1 person listed below.');
    // Space on the selected cell clears the selection.
    fireEvent.keyDown(moderate, { key: ' ' });
    expect(screen.queryByRole('table', { name: /Likelihood 3, impact 3/ })).toBeNull();
    // An empty cell says so.
    fireEvent.keyDown(moderate, { key: 'ArrowUp' });
    fireEvent.keyDown(document.activeElement as Element, { key: 'Enter' });
    expect(screen.getByText('No one is in this cell.')).toBeTruthy();
  });

  it('has a table view with the same counts, each cell a button that selects it', async () => {
    const { container } = await renderWith('en', <RiskDashboard />);
    const chart = await screen.findByRole('group', { name: /Heat map/ });
    const chartCounts = within(chart)
      .getAllByRole('button')
      .map((button) => button.getAttribute('aria-label'));
    fireEvent.click(screen.getByRole('radio', { name: 'Table' }));
    const table = screen.getByRole('table', {
      name: 'Assessed persons by likelihood (rows) and impact (columns)',
    });
    expect(screen.queryByRole('group', { name: /Heat map/ })).toBeNull();
    const header = within(table).getAllByRole('columnheader');
    expect(header.map((h) => h.textContent)).toEqual([
      'Likelihood / impact',
      'Impact 1',
      'Impact 2',
      'Impact 3',
      'Impact 4',
      'Impact 5',
    ]);
    const bodyRows = within(table).getAllByRole('row').slice(1);
    expect(bodyRows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Likelihood 5',
      'Likelihood 4',
      'Likelihood 3',
      'Likelihood 2',
      'Likelihood 1',
    ]);
    const counts = bodyRows.map((r) =>
      within(r)
        .getAllByRole('button')
        .map((b) => b.querySelector('.heat-table__count')?.textContent),
    );
    expect(counts).toEqual([
      ['0', '0', '0', '0', '0'],
      ['0', '0', '0', '0', '2'],
      ['0', '0', '1', '0', '0'],
      ['0', '0', '0', '0', '0'],
      ['1', '0', '0', '0', '0'],
    ]);
    // The same cells with the same names as the chart (rows from the top, like the chart's).
    const tableNames = within(table)
      .getAllByRole('button')
      .map((button) => button.getAttribute('aria-label'));
    expect(tableNames.toSorted()).toEqual(chartCounts.toSorted());

    fireEvent.click(
      within(table).getByRole('button', { name: 'Likelihood 1, impact 1: low, 1 person' }),
    );
    const list = screen.getByRole('table', { name: 'Likelihood 1, impact 1 (low): 1 person' });
    expect(within(list).getByText('Person 3')).toBeTruthy();
    await expectNoAxeViolations(container);
  });
});

describe('the other sections', () => {
  it('lists reviews due with the overdue first, the gaps, the stages and the backup', async () => {
    const { container } = await renderWith('en', <RiskDashboard />);
    const reviews = await screen.findByRole('table', { name: 'Reviews due' });
    const rows = within(reviews).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').at(-1)?.textContent)).toEqual([
      'Review overdue',
      'Review due today',
      'Review due soon',
    ]);
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual([
      'Code 1',
      'Code 4',
      'Code 3',
    ]);
    for (const [title, name] of [
      ['Never assessed', 'Person 5'],
      ['Consent never asked', 'Person 6'],
      ['Follow-ups due', 'Person 7'],
    ] as const) {
      const list = screen.getByRole('list', { name: title });
      expect(within(list).getByRole('link', { name: new RegExp(name) })).toBeTruthy();
    }
    const stages = screen.getByRole('table', { name: /Persons by stage/ });
    expect(
      within(stages)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['StagePersons', 'Watching3', 'In contact4', 'Collaborating1']);
    expect(screen.getByText('No backup has been written yet.')).toBeTruthy();
    await expectNoAxeViolations(container);
  });

  it('says how old the last backup is', async () => {
    dashboard = { ...DASHBOARD, lastBackupAt: new Date(2026, 10, 21, 15, 0).toISOString() };
    await renderWith('en', <RiskDashboard />);
    expect(await screen.findByText('Last backup: 3 days ago (21 Nov 2026)')).toBeTruthy();
    expect(screen.queryByText(/write a new one in Backups/)).toBeNull();
  });

  it('warns once the last backup is older than the vault’s own limit', async () => {
    dashboard = {
      ...DASHBOARD,
      lastBackupAt: new Date(2026, 10, 21, 15, 0).toISOString(),
      backupWarnDays: 2,
    };
    await renderWith('en', <RiskDashboard />);
    expect(
      await screen.findByText('It is older than 2 days: write a new one in Backups.'),
    ).toBeTruthy();
    cleanup();
    dashboard = { ...dashboard, backupWarnDays: 1 };
    await renderWith('ru', <RiskDashboard />);
    expect(
      await screen.findByText('Она старше 1 дня: создайте новую в разделе «Резервные копии».'),
    ).toBeTruthy();
  });

  it('reads well in a new vault, saying what will appear and how', async () => {
    dashboard = EMPTY;
    const { container } = await renderWith('en', <RiskDashboard />);
    expect(await screen.findByText(/No one has been assessed yet/)).toBeTruthy();
    expect(screen.getByText(/assess their risk there/)).toBeTruthy();
    expect(screen.getByText(/No one is in contact with us yet. A person who reaches/)).toBeTruthy();
    expect(screen.getByText(/No persons yet. Add people on the People screen/)).toBeTruthy();
    expect(screen.getByText('No follow-up is due.')).toBeTruthy();
    await expectNoAxeViolations(container);
  });
});

describe('the review reminder', () => {
  it('names the due reviews by codename only, opens the dashboard, and waits when asked', async () => {
    resetNavigation({ area: 'people' });
    await renderWith(
      'en',
      <>
        <nav aria-label="Areas">
          <button type="button">
            <span>Risk</span>
            <ReviewBadge />
          </button>
        </nav>
        <ReviewReminder />
      </>,
    );
    const banner = screen.getByRole('status');
    await waitFor(() => {
      expect(banner.textContent).toContain('2 risk reviews are due: Ruby Arrow 31, Amber Heron 42');
    });
    for (const name of FULL_NAMES) expect(document.body.textContent).not.toContain(name);
    expect(screen.getByRole('button', { name: 'Risk, 2 reviews due' })).toBeTruthy();
    expect(within(banner).queryByRole('alert')).toBeNull();

    fireEvent.click(within(banner).getByRole('button', { name: 'Open the risk dashboard' }));
    expect(currentRoute()).toEqual({ area: 'risk' });

    fireEvent.click(within(banner).getByRole('button', { name: 'Later' }));
    expect(banner.textContent).toBe('');
    // A new review falling due brings it back.
    reminders = {
      ...REMINDERS,
      reviews: [
        ...REMINDERS.reviews,
        {
          personId: 13,
          codename: 'Slate Fox 7',
          level: 'low',
          reviewDueOn: TODAY,
          reviewState: 'due',
        },
      ],
    };
    await act(() => queryClient.invalidateQueries());
    await waitFor(() => {
      expect(banner.textContent).toContain('3 risk reviews are due:');
    });
    expect(screen.getByRole('button', { name: 'Risk, 3 reviews due' })).toBeTruthy();
  });

  it('shows nothing when no review is due', async () => {
    reminders = { today: TODAY, reviews: [] };
    await renderWith('en', <ReviewReminder />);
    await act(() => queryClient.refetchQueries());
    expect(screen.getByRole('status').textContent).toBe('');
  });
});

describe('in Russian', () => {
  it('renders the dashboard, the reminder and the badge in Russian', async () => {
    await renderWith(
      'ru',
      <>
        <button type="button">
          <span>Риски</span>
          <ReviewBadge />
        </button>
        <ReviewReminder />
        <RiskDashboard />
      </>,
    );
    for (const heading of [
      'Риск: вероятность и последствия',
      'Пора пересмотреть',
      'Риск не оценён',
      'Согласие не спрошено',
      'Люди по этапам',
      'Пора связаться',
      'Резервная копия',
    ])
      expect(await screen.findByRole('heading', { level: 2, name: heading })).toBeTruthy();
    const cell = screen.getByRole('button', {
      name: 'Вероятность 4, последствия 5: риск критический, 2 человека',
    });
    fireEvent.click(cell);
    expect(
      screen.getByRole('table', {
        name: 'Вероятность 4, последствия 5 (риск критический): 2 человека',
      }),
    ).toBeTruthy();
    expect(screen.getByText('Резервная копия ещё ни разу не создавалась.')).toBeTruthy();
    await waitFor(() => {
      expect(
        screen.getByText(/2 оценки риска ждут пересмотра: Ruby Arrow 31, Amber Heron 42/),
      ).toBeTruthy();
    });
    expect(screen.getByRole('button', { name: 'Риски, 2 оценки пора пересмотреть' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Позже' })).toBeTruthy();
  });
});

describe('the review-intervals form', () => {
  it('applies the intervals and shows the core’s refusal in words', async () => {
    const { container } = await renderWith('en', <ReviewIntervalsForm />);
    const critical = await screen.findByRole('textbox', {
      name: 'Critical risk: days between reviews',
    });
    await waitFor(() => {
      expect((critical as HTMLInputElement).value).toBe('30');
    });
    const apply = screen.getByRole('button', { name: 'Apply review intervals' });
    fireEvent.change(critical, { target: { value: '90' } });
    fireEvent.blur(critical);
    fireEvent.click(apply);
    const refusal = errorMessage(i18n.t, {
      code: 'VALIDATION',
      details: { field: 'reviewIntervals.critical', reason: 'interval_order' },
    });
    expect(refusal).toMatch(/critical/i);
    expect(await screen.findByText(refusal)).toBeTruthy();
    expect(critical.getAttribute('aria-invalid')).toBe('true');
    expect(updates[0]).toEqual({
      reviewIntervals: { ...DEFAULT_REVIEW_INTERVALS, critical: 90 },
    });
    fireEvent.change(critical, { target: { value: '21' } });
    fireEvent.blur(critical);
    fireEvent.click(apply);
    expect(await screen.findByText('Review intervals updated.')).toBeTruthy();
    expect(updates[1]).toEqual({
      reviewIntervals: { ...DEFAULT_REVIEW_INTERVALS, critical: 21 },
    });
    expect(screen.getByText(/applies to new assessments/)).toBeTruthy();
    await expectNoAxeViolations(container);
  });
});
