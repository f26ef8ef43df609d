// @vitest-environment jsdom
/**
 * The person page's risk feature over a stand-in bridge: the badge at a glance, the history
 * put into words from assessmentChanges, the guided form (its live level, its steps, the
 * core's refusals shown while what was typed stays) and the engagement plan's "go" gaps.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/contract.ts';
import type { ErrorCode } from '../../shared/error-codes.ts';
import type { Offer } from '../../shared/records.ts';
import {
  DEFAULT_REVIEW_INTERVALS,
  reviewDueFor,
  type Assessment,
  type AssessmentFieldsInput,
  type EngagementPlanFieldsInput,
  type PersonRisk,
} from '../../shared/risk.ts';
import { queryClient } from '../../renderer/src/app/session.ts';
import { formatDate } from '../../renderer/src/features/people/format.ts';
import { AssessmentHistory } from '../../renderer/src/features/risk-assessment/AssessmentHistory.tsx';
import { EngagementPlanPanel } from '../../renderer/src/features/risk-assessment/EngagementPlanPanel.tsx';
import { RiskBadge } from '../../renderer/src/features/risk-assessment/RiskBadge.tsx';
import { RiskSection } from '../../renderer/src/features/risk-assessment/RiskSection.tsx';
import { dateGroup, dateValue } from './date-input.tsx';
import { renderIn } from './render.tsx';

const TODAY = '2026-11-21';
const PERSON = { id: 7, codename: 'Amber Heron', consent: 'internal' as const };

function version(n: number, overrides: Partial<Assessment> = {}): Assessment {
  return {
    id: n,
    personId: PERSON.id,
    version: n,
    correctsVersion: null,
    correctionReason: '',
    assessedOn: '2026-06-01',
    assessedAt: '2026-06-01T10:00:00.000Z',
    assessor: 'LK',
    factors: {
      visibility: 2,
      superiorHostility: 2,
      politicalClimate: 2,
      priorRetaliation: 2,
      surveillance: 2,
      postDependence: 2,
      leakHarm: 2,
    },
    likelihood: 2,
    impact: 2,
    level: 'low',
    consent: 'internal',
    consentConfirmedOn: null,
    mitigations: ['meet_privately'],
    mitigationNotes: '',
    narrative: 'Met twice at seminars.',
    reviewDueOn: '2026-11-28',
    ...overrides,
  };
}

function personRisk(overrides: Partial<PersonRisk> = {}): PersonRisk {
  return {
    today: TODAY,
    needsAssessment: true,
    archived: false,
    history: [],
    reviewState: null,
    intervals: DEFAULT_REVIEW_INTERVALS,
    plan: null,
    ...overrides,
  };
}

let risk: PersonRisk;
let assessed: AssessmentFieldsInput[];
let plans: EngagementPlanFieldsInput[];
let refuse: ErrorCode | null;

function answer<T>(value: T): Promise<ApiResult<T>> {
  if (refuse) return Promise.resolve({ ok: false, error: { code: refuse, details: { count: 6 } } });
  return Promise.resolve({ ok: true, value });
}

// jsdom has no CSS.escape, which react-aria's Modal uses to read a meta tag by its name.
if (typeof globalThis.CSS === 'undefined') {
  globalThis.CSS = {
    escape: (value: string) => value.replace(/[^\w-]/g, (c) => `\\${c}`),
  } as unknown as typeof CSS;
}

beforeEach(() => {
  queryClient.clear();
  assessed = [];
  plans = [];
  refuse = null;
  risk = personRisk();
  window.confidant = {
    risk: {
      person: () => Promise.resolve({ ok: true, value: risk }),
      assess: (input: AssessmentFieldsInput) => {
        assessed.push(input);
        return answer({ id: 99, version: (input.basedOnVersion ?? 0) + 1 });
      },
    },
    plans: {
      save: (input: EngagementPlanFieldsInput) => {
        plans.push(input);
        return answer({ personId: input.personId });
      },
    },
  } as unknown as Window['confidant'];
});
afterEach(cleanup);

function withQueries(ui: ReactElement) {
  return <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>;
}

/** Presses a button given itself, or by its name (within `scope` if given). */
function press(button: HTMLElement | string, scope?: HTMLElement) {
  const target =
    typeof button === 'string'
      ? (scope ? within(scope) : screen).getByRole('button', { name: button })
      : button;
  fireEvent.click(target);
}

function chooseScore(dialog: HTMLElement, factor: string, score: number) {
  const group = within(dialog).getByRole('radiogroup', { name: factor });
  fireEvent.click(within(group).getByRole('radio', { name: String(score) }));
}

/** axe-core's rules that work without layout (jsdom cannot compute colours). */
async function expectNoAxeViolations(context: Element) {
  const results = await axe.run(context, {
    rules: { 'color-contrast': { enabled: false } },
  });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.html ?? ''}`)).toEqual([]);
}

describe('RiskBadge', () => {
  it('says "Not assessed" when the stage needs an assessment and none exists', async () => {
    await renderIn('en', <RiskBadge risk={personRisk()} />);
    expect(screen.getByText('Not assessed')).toBeTruthy();
  });

  it('shows nothing when no assessment is needed and none was made', async () => {
    const { container } = await renderIn(
      'en',
      <RiskBadge risk={personRisk({ needsAssessment: false })} />,
    );
    expect(container.textContent).toBe('');
  });

  it('shows the level as a word and an overdue review with its date', async () => {
    const current = version(2, { level: 'high', reviewDueOn: '2026-11-01' });
    await renderIn(
      'en',
      <RiskBadge risk={personRisk({ history: [current], reviewState: 'overdue' })} />,
    );
    expect(screen.getByText('Risk: High')).toBeTruthy();
    expect(screen.getByText(`review overdue since ${formatDate('2026-11-01', 'en')}`)).toBeTruthy();
  });

  it('speaks Russian in Russian', async () => {
    const current = version(1, { level: 'critical', reviewDueOn: TODAY });
    await renderIn(
      'ru',
      <RiskBadge risk={personRisk({ history: [current], reviewState: 'due' })} />,
    );
    expect(screen.getByText('Риск: Критический')).toBeTruthy();
    expect(screen.getByText('пересмотр сегодня')).toBeTruthy();
  });
});

describe('AssessmentHistory', () => {
  const first = version(1, { level: 'moderate', likelihood: 3 });
  const second = version(2, {
    assessedOn: '2026-09-01',
    factors: { ...first.factors, visibility: 4 },
    likelihood: 4,
    level: 'high',
    mitigations: ['meet_privately', 'codename_only'],
    narrative: 'Seen with us at a conference.',
  });
  const third = version(3, {
    ...second,
    id: 3,
    version: 3,
    correctsVersion: 2,
    correctionReason: 'Wrong assessor',
    assessor: 'MB',
    mitigations: ['codename_only'],
  });

  it('lists every version newest first with what changed, in words', async () => {
    await renderIn('en', <AssessmentHistory history={[third, second, first]} />);
    const items = within(screen.getByRole('list', { name: 'Assessment history' }))
      .getAllByRole('listitem')
      .filter((item) => item.classList.contains('risk-history__entry'));
    expect(items).toHaveLength(3);
    expect(items[0]?.textContent).toContain(
      `Version 3 · ${formatDate('2026-09-01', 'en')} · by MB · High`,
    );
    expect(items[0]?.textContent).toContain('Corrects version 2: Wrong assessor');
    expect(items[0]?.textContent).toContain('Mitigations: removed Meet privately');
    expect(items[0]?.textContent).toContain('Assessor changed');
    const changes = within(items[1] as HTMLElement).getByRole('list', {
      name: 'Changes from version 1',
    });
    const lines = within(changes)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(lines).toEqual([
      'Visibility of the collaboration: 2 → 4',
      'Likelihood: 3 → 4',
      'Level: Moderate → High',
      'Mitigations: added Codename only',
      'Narrative changed',
    ]);
    expect(items[2]?.textContent).toContain('First assessment');
  });

  it('says the changes in Russian', async () => {
    await renderIn('ru', <AssessmentHistory history={[second, first]} />);
    expect(screen.getByRole('heading', { name: 'История оценок' })).toBeTruthy();
    expect(screen.getByText('Заметность сотрудничества: 2 → 4')).toBeTruthy();
    expect(screen.getByText('Уровень: Умеренный → Высокий')).toBeTruthy();
    expect(screen.getByText('Первая оценка')).toBeTruthy();
  });
});

describe('RiskSection and the guided form', () => {
  it('previews the level live as a factor changes, then saves from the latest version', async () => {
    risk = personRisk({ history: [version(1)], reviewState: 'due-soon' });
    await renderIn('en', withQueries(<RiskSection person={PERSON} />));
    press(await screen.findByRole('button', { name: 'Reassess' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reassess the risk to Amber Heron' });
    expect(within(dialog).getByRole('heading', { name: 'Step 1 of 3: Factors' })).toBeTruthy();
    expect(within(dialog).getByText('Likelihood 2 × impact 2: Low')).toBeTruthy();

    chooseScore(dialog, 'Visibility of the collaboration', 5);
    // One alarming factor is not averaged away: likelihood 4 (the worst minus one).
    expect(await within(dialog).findByText('Likelihood 4 × impact 2: Moderate')).toBeTruthy();
    chooseScore(dialog, 'Harm if our records leaked', 5);
    expect(await within(dialog).findByText('Likelihood 4 × impact 4: High')).toBeTruthy();

    press('Next', dialog);
    const step2 = await within(dialog).findByRole('heading', {
      name: 'Step 2 of 3: Consent and mitigations',
    });
    await waitFor(() => {
      expect(document.activeElement).toBe(step2);
    });
    expect(within(dialog).getByRole('checkbox', { name: 'Meet privately' })).toHaveProperty(
      'checked',
      true,
    );
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Codename only' }));
    press('Next', dialog);
    await within(dialog).findByRole('heading', { name: 'Step 3 of 3: Review' });
    const latest = reviewDueFor('high', TODAY, DEFAULT_REVIEW_INTERVALS);
    dateGroup('Review due', dialog);
    expect(dateValue('reviewDueOn', dialog)).toBe(latest);
    expect(
      within(dialog).getByText(`At the latest ${formatDate(latest, 'en')} for a High risk.`),
    ).toBeTruthy();
    expect(within(dialog).getByLabelText<HTMLInputElement>('Assessor').value).toBe('LK');

    press('Save assessment', dialog);
    await waitFor(() => {
      expect(assessed).toHaveLength(1);
    });
    expect(assessed[0]).toMatchObject({
      personId: PERSON.id,
      basedOnVersion: 1,
      correction: false,
      factors: { visibility: 5, leakHarm: 5, surveillance: 2 },
      mitigations: ['meet_privately', 'codename_only'],
      assessor: 'LK',
      reviewDueOn: latest,
    });
    expect(await screen.findByText('Assessment saved as version 2.')).toBeTruthy();
  });

  it('asks for every score before moving on from a first assessment', async () => {
    await renderIn('en', withQueries(<RiskSection person={PERSON} />));
    expect(await screen.findByText(/has no risk assessment yet/)).toBeTruthy();
    press(await screen.findByRole('button', { name: 'Assess risk' }));
    const dialog = await screen.findByRole('dialog', { name: 'Assess the risk to Amber Heron' });
    expect(within(dialog).getByText('Score every factor to see the level.')).toBeTruthy();
    press('Next', dialog);
    expect(await within(dialog).findAllByText('Choose a score from 1 to 5.')).toHaveLength(7);
    expect(within(dialog).getByRole('heading', { name: 'Step 1 of 3: Factors' })).toBeTruthy();
    await waitFor(() => {
      expect(document.activeElement?.getAttribute('type')).toBe('radio');
    });
  });

  it('shows what the core refused in the form, keeping what was typed', async () => {
    risk = personRisk({ history: [version(1)], reviewState: 'current' });
    refuse = 'ASSESSMENT_NOT_LATEST';
    await renderIn('en', withQueries(<RiskSection person={PERSON} />));
    press(await screen.findByRole('button', { name: 'Correct this version' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Correct version 1 of the assessment of Amber Heron',
    });
    press('Next', dialog);
    press('Next', dialog);
    await within(dialog).findByRole('heading', { name: 'Step 3 of 3: Review' });
    press('Save correction', dialog);
    expect(
      await within(dialog).findByText('Say what was wrong in the previous version.'),
    ).toBeTruthy();
    expect(assessed).toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText(/What this corrects/), {
      target: { value: 'The narrative named the wrong seminar' },
    });
    press('Save correction', dialog);
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('started from an older assessment of');
    expect(assessed[0]).toMatchObject({
      basedOnVersion: 1,
      correction: true,
      correctionReason: 'The narrative named the wrong seminar',
      // A correction keeps the corrected version's review date while it is still allowed.
      reviewDueOn: '2026-11-28',
    });
    expect(within(dialog).getByLabelText<HTMLTextAreaElement>(/What this corrects/).value).toBe(
      'The narrative named the wrong seminar',
    );
  });

  it('passes axe on the section, its long history and every step of the form', async () => {
    const history = [5, 4, 3, 2, 1].map((n) =>
      version(n, { factors: { ...version(1).factors, visibility: n }, mitigationNotes: 'x' }),
    );
    risk = personRisk({ history, reviewState: 'overdue' });
    await renderIn('en', withQueries(<RiskSection person={PERSON} />));
    press(await screen.findByRole('button', { name: 'Older versions: 2' }));
    await expectNoAxeViolations(document.body);
    press('Correct this version');
    const dialog = await screen.findByRole('dialog');
    await expectNoAxeViolations(dialog);
    press('Next', dialog);
    await within(dialog).findByRole('heading', { name: /Step 2 of 3/ });
    await expectNoAxeViolations(dialog);
    press('Next', dialog);
    await within(dialog).findByRole('heading', { name: /Step 3 of 3/ });
    press('Save correction', dialog);
    await within(dialog).findByText('Say what was wrong in the previous version.');
    await expectNoAxeViolations(dialog);
  });

  it('offers no assessment for an archived person, and says why', async () => {
    risk = personRisk({ archived: true, history: [version(1)], reviewState: 'current' });
    await renderIn('en', withQueries(<RiskSection person={PERSON} />));
    expect(await screen.findByText(/This person is archived/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Reassess' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Correct this version' })).toBeNull();
  });

  it('speaks Russian in Russian', async () => {
    risk = personRisk({ history: [version(1, { level: 'high' })], reviewState: 'current' });
    await renderIn('ru', withQueries(<RiskSection person={PERSON} />));
    expect(await screen.findByRole('button', { name: 'Оценить заново' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Риск преследования' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Исправить эту версию' })).toBeTruthy();
    expect(screen.getAllByText('2 из 5')).toHaveLength(7);
    press('Оценить заново');
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading', { name: 'Шаг 1 из 3: Факторы' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Далее' })).toBeTruthy();
  });
});

describe('EngagementPlanPanel', () => {
  const offers: Offer[] = [
    {
      id: 1,
      personId: PERSON.id,
      kind: 'internship',
      partnerId: null,
      partnerName: null,
      status: 'proposed',
      description: 'Three months in Strasbourg',
      proposedOn: null,
      completedOn: null,
      outcome: '',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
    {
      id: 2,
      personId: PERSON.id,
      kind: 'translation',
      partnerId: null,
      partnerName: null,
      status: 'done',
      description: '',
      proposedOn: null,
      completedOn: null,
      outcome: '',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
  ];

  it('counts what a go still needs live, and shows the core refusing an incomplete go', async () => {
    refuse = 'PLAN_INCOMPLETE';
    await renderIn('en', withQueries(<EngagementPlanPanel person={PERSON} offers={offers} />));
    expect(screen.getByText('Internship')).toBeTruthy();
    expect(screen.queryByText('Translation')).toBeNull();
    press(await screen.findByRole('button', { name: 'Write a plan' }));
    const dialog = await screen.findByRole('dialog', { name: 'Engagement plan for Amber Heron' });
    expect(within(dialog).getByText('Still to answer before go: 7')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/^Objective/), {
      target: { value: 'Joint training on juvenile detention' },
    });
    expect(await within(dialog).findByText('Still to answer before go: 6')).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('radio', { name: 'Go' }));
    press('Save plan', dialog);
    expect(await within(dialog).findByText('Say why this decision was taken.')).toBeTruthy();
    expect(within(dialog).getByText('Say who took this decision.')).toBeTruthy();
    expect(plans).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText(/^Why/), { target: { value: 'Ready' } });
    fireEvent.change(within(dialog).getByLabelText(/^Decided by/), { target: { value: 'LK' } });
    press('Save plan', dialog);
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('A “go” needs the objective');
    expect(plans[0]).toMatchObject({
      objective: 'Joint training on juvenile detention',
      decision: 'go',
      decisionNote: 'Ready',
      decidedBy: 'LK',
      approachRoute: null,
    });
  });

  it('shows a saved plan with unanswered considerations and its decision', async () => {
    risk = personRisk({
      plan: {
        personId: PERSON.id,
        objective: 'Joint training',
        commonInterest: '',
        approachRoute: 'through_subordinates',
        routeNotes: '',
        plannedOffers: '',
        considerations: {
          securityRisk: 'Low if we meet privately',
          benefitVsRisk: '',
          longTermCommitment: '',
          organisationBehind: '',
          trust: '',
        },
        decision: 'hold',
        decisionNote: 'Wait for the new minister',
        decidedBy: 'LK',
        decidedOn: '2026-11-01',
        updatedAt: '2026-11-01T00:00:00.000Z',
      },
    });
    await renderIn('ru', withQueries(<EngagementPlanPanel person={PERSON} offers={[]} />));
    press(await screen.findByRole('button', { name: 'Изменить план' }));
    const dialog = await screen.findByRole('dialog', { name: 'План взаимодействия с Amber Heron' });
    await expectNoAxeViolations(dialog);
    press('Отмена', dialog);
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull();
    });
    await expectNoAxeViolations(document.body);
    expect(screen.getByText('Через подчинённых')).toBeTruthy();
    expect(screen.getAllByText('Пока без ответа')).toHaveLength(4);
    expect(screen.getByText('Отложить')).toBeTruthy();
    expect(screen.getByText('Осталось ответить до решения начинать: 4')).toBeTruthy();
  });
});
