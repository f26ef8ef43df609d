/**
 * The retaliation-risk rules of shared/risk.ts, table by table: every cell of the matrix
 * against the thresholds DOMAIN.md's policy states (likelihood × impact: 1–4 low, 5–9
 * moderate, 10–16 high, 20–25 critical), how factor scores combine, realistic profiles, review
 * dates by level (default and custom intervals, across month ends, leap days, year ends and
 * daylight-saving changes in several time zones), review states at their boundaries, the
 * review-interval policy schema, the changes between two versions and the gaps in a plan.
 * Expected dates are written out, computed by hand, not with the date library under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  type Assessment,
  type AssessmentChange,
  combineScores,
  daysBetween,
  DEFAULT_REVIEW_INTERVALS,
  type FactorScores,
  IMPACT_FACTORS,
  impactOf,
  LIKELIHOOD_FACTORS,
  likelihoodOf,
  levelOf,
  planGaps,
  rateRisk,
  REVIEW_SOON_DAYS,
  reviewDueFor,
  reviewIntervals,
  reviewState,
  reviewStatesOn,
  RISK_FACTORS,
  RISK_MATRIX,
  type RiskLevel,
  assessmentChanges,
} from '../../shared/risk.ts';

/** The policy as DOMAIN.md words it, independently of RISK_MATRIX. */
function policyLevel(product: number): RiskLevel {
  if (product <= 4) return 'low';
  if (product <= 9) return 'moderate';
  if (product <= 16) return 'high';
  return 'critical';
}

const SCORES = [1, 2, 3, 4, 5] as const;
const CELLS = SCORES.flatMap((likelihood) =>
  SCORES.map((impact) => ({ likelihood, impact, expected: policyLevel(likelihood * impact) })),
);

function factors(overrides: Partial<FactorScores> = {}): FactorScores {
  return {
    visibility: 1,
    superiorHostility: 1,
    politicalClimate: 1,
    priorRetaliation: 1,
    surveillance: 1,
    postDependence: 1,
    leakHarm: 1,
    ...overrides,
  };
}

describe('the risk matrix', () => {
  it('has 5 rows of 5 cells, and the policy has no product between 16 and 20', () => {
    expect(CELLS).toHaveLength(25);
    expect(RISK_MATRIX).toHaveLength(5);
    for (const row of RISK_MATRIX) expect(row).toHaveLength(5);
    // The thresholds jump from 16 to 20 because no product of two scores 1–5 lies between.
    expect(
      CELLS.filter((c) => c.likelihood * c.impact > 16 && c.likelihood * c.impact < 20),
    ).toEqual([]);
  });

  it.each(CELLS)(
    'likelihood $likelihood × impact $impact is $expected',
    ({ likelihood, impact, expected }) => {
      expect(levelOf(likelihood, impact)).toBe(expected);
      expect(RISK_MATRIX[likelihood - 1]?.[impact - 1]).toBe(expected);
    },
  );

  it('is symmetric: likelihood and impact weigh the same', () => {
    for (const { likelihood, impact } of CELLS)
      expect(levelOf(likelihood, impact)).toBe(levelOf(impact, likelihood));
  });

  it('never lowers the level when either score rises', () => {
    const rank = (level: RiskLevel) => ['low', 'moderate', 'high', 'critical'].indexOf(level);
    for (const { likelihood, impact } of CELLS) {
      if (likelihood < 5)
        expect(rank(levelOf(likelihood + 1, impact))).toBeGreaterThanOrEqual(
          rank(levelOf(likelihood, impact)),
        );
      if (impact < 5)
        expect(rank(levelOf(likelihood, impact + 1))).toBeGreaterThanOrEqual(
          rank(levelOf(likelihood, impact)),
        );
    }
  });

  it.each([
    [0, 1],
    [1, 0],
    [6, 1],
    [1, 6],
    [0, 0],
    [-1, 3],
    [2.5, 2],
    [2, 2.5],
    [Number.NaN, 1],
  ])('refuses %s × %s as off the matrix', (likelihood, impact) => {
    expect(() => levelOf(likelihood, impact)).toThrow(RangeError);
  });
});

describe('combineScores: the rounded mean, never more than one below the worst', () => {
  it.each([
    { scores: [1, 1, 1, 1, 1], expected: 1, why: 'all quiet' },
    { scores: [5, 5, 5, 5, 5], expected: 5, why: 'all alarming' },
    { scores: [3, 3, 3, 3, 3], expected: 3, why: 'all the same' },
    { scores: [1, 1, 1, 1, 2], expected: 1, why: 'mean 1.2, worst−1 = 1' },
    { scores: [2, 2, 3, 3, 3], expected: 3, why: 'mean 2.6 rounds up' },
    { scores: [2, 2, 2, 3, 3], expected: 2, why: 'mean 2.4 rounds down, worst−1 = 2' },
    { scores: [1, 2], expected: 2, why: 'mean 1.5: a half rounds up' },
    { scores: [2, 3], expected: 3, why: 'mean 2.5: a half rounds up' },
    { scores: [1, 1, 1, 1, 5], expected: 4, why: 'floor: mean 1.8 → 2, but worst−1 = 4' },
    { scores: [2, 2, 2, 2, 4], expected: 3, why: 'floor: mean 2.4 → 2, but worst−1 = 3' },
    { scores: [1, 1, 1, 1, 4], expected: 3, why: 'floor: mean 1.6 → 2, but worst−1 = 3' },
    { scores: [1, 1, 1, 1, 3], expected: 2, why: 'floor: mean 1.4 → 1, but worst−1 = 2' },
    { scores: [1, 5], expected: 4, why: 'floor: mean 3, worst−1 = 4' },
    { scores: [4, 5], expected: 5, why: 'mean 4.5 rounds up above the floor' },
    { scores: [3, 4, 4, 5, 5], expected: 4, why: 'mean 4.2 and floor 4 agree' },
    { scores: [5], expected: 5, why: 'a single score is itself' },
    { scores: [2], expected: 2, why: 'a single score is itself' },
  ])('$scores → $expected ($why)', ({ scores, expected }) => {
    expect(combineScores(scores)).toBe(expected);
  });

  it('never returns less than the worst score minus one, nor more than the worst', () => {
    // Every combination of three scores.
    for (const a of SCORES)
      for (const b of SCORES)
        for (const c of SCORES) {
          const combined = combineScores([a, b, c]);
          expect(combined).toBeGreaterThanOrEqual(Math.max(a, b, c) - 1);
          expect(combined).toBeLessThanOrEqual(Math.max(a, b, c));
          expect(Number.isInteger(combined)).toBe(true);
        }
  });

  it.each([[[0]], [[6]], [[2.5]], [[-1]], [[1, 2, 7]], [[Number.NaN]], [[Infinity]], [[3, 0.5]]])(
    'refuses %j with a RangeError',
    (scores) => {
      expect(() => combineScores(scores)).toThrow(RangeError);
    },
  );

  it('refuses an empty list', () => {
    expect(() => combineScores([])).toThrow();
  });
});

describe('likelihood and impact', () => {
  it('split the seven factors five and two', () => {
    expect([...LIKELIHOOD_FACTORS]).toEqual([
      'visibility',
      'superiorHostility',
      'politicalClimate',
      'priorRetaliation',
      'surveillance',
    ]);
    expect([...IMPACT_FACTORS]).toEqual(['postDependence', 'leakHarm']);
    expect([...RISK_FACTORS].sort()).toEqual([...LIKELIHOOD_FACTORS, ...IMPACT_FACTORS].sort());
  });

  it.each(LIKELIHOOD_FACTORS.map((factor) => [factor]))(
    '%s raises the likelihood, not the impact',
    (factor) => {
      const alarming = factors({ [factor]: 5 });
      // Mean of 5,1,1,1,1 is 1.8 → 2, but the worst factor minus one is 4.
      expect(likelihoodOf(alarming)).toBe(4);
      expect(impactOf(alarming)).toBe(1);
    },
  );

  it.each(IMPACT_FACTORS.map((factor) => [factor]))(
    '%s raises the impact, not the likelihood',
    (factor) => {
      const alarming = factors({ [factor]: 5 });
      // Mean of 5 and 1 is 3, but the worst factor minus one is 4.
      expect(impactOf(alarming)).toBe(4);
      expect(likelihoodOf(alarming)).toBe(1);
    },
  );

  it('refuses a factor out of range', () => {
    expect(() => likelihoodOf(factors({ surveillance: 6 }))).toThrow(RangeError);
    expect(() => impactOf(factors({ leakHarm: 0 }))).toThrow(RangeError);
    expect(() => rateRisk(factors({ visibility: 2.5 }))).toThrow(RangeError);
  });
});

describe('rateRisk: realistic profiles', () => {
  it.each([
    {
      who: 'a quiet clerk nobody watches',
      scores: factors(),
      expected: { likelihood: 1, impact: 1, level: 'low' },
    },
    {
      who: 'a judge at public seminars with us, otherwise calm',
      scores: factors({ visibility: 3, postDependence: 2, leakHarm: 2 }),
      expected: { likelihood: 2, impact: 2, level: 'low' },
    },
    {
      who: 'a prosecutor meeting us openly in a tense sphere',
      scores: factors({
        visibility: 3,
        superiorHostility: 2,
        politicalClimate: 3,
        priorRetaliation: 2,
        surveillance: 2,
        postDependence: 3,
        leakHarm: 3,
      }),
      // likelihood: mean 2.4 → 2, worst−1 = 2 → 2; impact 3; 2 × 3 = 6
      expected: { likelihood: 2, impact: 3, level: 'moderate' },
    },
    {
      who: 'someone already disciplined once, with hostile superiors',
      scores: factors({
        visibility: 2,
        superiorHostility: 5,
        politicalClimate: 3,
        priorRetaliation: 5,
        surveillance: 2,
        postDependence: 4,
        leakHarm: 4,
      }),
      // likelihood: mean 3.4 → 3, but worst−1 = 4; impact 4; 4 × 4 = 16
      expected: { likelihood: 4, impact: 4, level: 'high' },
    },
    {
      who: 'disciplined once, hostile superiors, watched, and a leak would end the career',
      scores: factors({
        visibility: 4,
        superiorHostility: 5,
        politicalClimate: 4,
        priorRetaliation: 5,
        surveillance: 4,
        postDependence: 5,
        leakHarm: 5,
      }),
      // likelihood: mean 4.4 → 4, worst−1 = 4; impact 5; 4 × 5 = 20
      expected: { likelihood: 4, impact: 5, level: 'critical' },
    },
    {
      who: 'one alarming factor among quiet ones is not averaged away',
      scores: factors({ priorRetaliation: 5, leakHarm: 5 }),
      // likelihood 4 (floor), impact 4 (floor): 16
      expected: { likelihood: 4, impact: 4, level: 'high' },
    },
  ])('$who → $expected.level', ({ scores, expected }) => {
    expect(rateRisk(scores)).toEqual(expected);
  });

  it('puts someone already disciplined with hostile superiors at high or critical, whatever else', () => {
    // However quiet the other factors, prior retaliation and hostile superiors at 5 and a
    // leak that would hurt (4) never come out below high.
    for (const quiet of SCORES) {
      const rating = rateRisk(
        factors({
          visibility: quiet,
          politicalClimate: quiet,
          surveillance: quiet,
          superiorHostility: 5,
          priorRetaliation: 5,
          postDependence: 4,
          leakHarm: 4,
        }),
      );
      expect(['high', 'critical']).toContain(rating.level);
    }
  });
});

describe('review dates', () => {
  it('defaults to the documented intervals', () => {
    expect(DEFAULT_REVIEW_INTERVALS).toEqual({ critical: 30, high: 60, moderate: 120, low: 180 });
  });

  it.each([
    { level: 'critical', expected: '2026-04-09' },
    { level: 'high', expected: '2026-05-09' },
    { level: 'moderate', expected: '2026-07-08' },
    { level: 'low', expected: '2026-09-06' },
  ] as const)('$level, assessed 2026-03-10, by default: $expected', ({ level, expected }) => {
    expect(reviewDueFor(level, '2026-03-10')).toBe(expected);
    expect(reviewDueFor(level, '2026-03-10', DEFAULT_REVIEW_INTERVALS)).toBe(expected);
  });

  const custom = { critical: 7, high: 14, moderate: 30, low: 365 };
  it.each([
    { level: 'critical', expected: '2026-03-17' },
    { level: 'high', expected: '2026-03-24' },
    { level: 'moderate', expected: '2026-04-09' },
    { level: 'low', expected: '2027-03-10' },
  ] as const)(
    '$level, assessed 2026-03-10, with custom intervals: $expected',
    ({ level, expected }) => {
      expect(reviewDueFor(level, '2026-03-10', custom)).toBe(expected);
    },
  );

  it('follows the intervals given, not the defaults', () => {
    expect(reviewDueFor('low', '2026-03-10', { ...DEFAULT_REVIEW_INTERVALS, low: 7 })).toBe(
      '2026-03-17',
    );
  });
});

/** [from, days, to]: to − from = days, both ways. */
const CALENDAR: [string, number, string, string][] = [
  ['2026-01-31', 1, '2026-02-01', 'month end'],
  ['2026-01-31', 30, '2026-03-02', 'across a short February'],
  ['2026-04-30', 1, '2026-05-01', 'a 30-day month end'],
  ['2027-02-28', 1, '2027-03-01', 'February of a common year'],
  ['2028-02-28', 1, '2028-02-29', 'into a leap day'],
  ['2028-02-29', 1, '2028-03-01', 'out of a leap day'],
  ['2028-01-31', 30, '2028-03-01', 'across a leap February'],
  ['2028-02-29', 365, '2029-02-28', 'a leap day plus a year of days'],
  ['2028-01-01', 366, '2029-01-01', 'a leap year is 366 days'],
  ['2026-01-01', 365, '2027-01-01', 'a common year is 365 days'],
  ['2026-12-31', 1, '2027-01-01', 'year end'],
  ['2026-12-15', 30, '2027-01-14', 'across the year end'],
  ['2026-03-28', 2, '2026-03-30', 'EU clocks go forward on 2026-03-29'],
  ['2026-03-29', 1, '2026-03-30', 'from the EU spring-forward day'],
  ['2026-03-01', 30, '2026-03-31', 'a whole March with its change'],
  ['2026-10-24', 2, '2026-10-26', 'EU clocks go back on 2026-10-25'],
  ['2026-10-25', 1, '2026-10-26', 'from the EU fall-back day'],
  ['2026-10-01', 30, '2026-10-31', 'a whole October with its change'],
  ['2026-03-07', 2, '2026-03-09', 'US clocks go forward on 2026-03-08'],
  ['2026-10-31', 2, '2026-11-02', 'US clocks go back on 2026-11-01'],
  ['2026-09-05', 1, '2026-09-06', 'Chile skips the midnight of 2026-09-06'],
  ['2026-09-06', 30, '2026-10-06', 'from a day with no midnight in Chile'],
  ['2026-04-04', 1, '2026-04-05', 'Chile repeats an hour before 2026-04-05'],
  ['2018-11-04', 30, '2018-12-04', 'Brazil skipped the midnight of 2018-11-04'],
  ['2026-02-27', 180, '2026-08-26', 'half a year across both EU changes'],
];

// The vault is used wherever the team works: the dates must not move with the machine's zone.
const ZONES = [
  'UTC',
  'Europe/Berlin',
  'Europe/Moscow',
  'America/New_York',
  'America/Santiago',
  'America/Sao_Paulo',
  'Asia/Beirut',
  'Australia/Lord_Howe',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
];

describe.each(ZONES)('calendar days in the time zone %s', (zone) => {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.TZ;
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it.each(CALENDAR)('%s + %i days = %s (%s)', (from, days, to) => {
    expect(addCalendarDays(from, days)).toBe(to);
    expect(addCalendarDays(to, -days)).toBe(from);
    expect(daysBetween(from, to)).toBe(days);
    expect(daysBetween(to, from)).toBe(-days);
  });

  it('a review date never moves with daylight saving', () => {
    // Every day of 2026 and of leap 2028, every level: the review is exactly N days later.
    for (const start of ['2026-01-01', '2028-01-01']) {
      const year = Number(start.slice(0, 4));
      for (let offset = 0; offset < 366; offset++) {
        const day = new Date(Date.UTC(year, 0, 1 + offset)).toISOString().slice(0, 10);
        if (!day.startsWith(String(year))) break;
        for (const level of ['critical', 'high', 'moderate', 'low'] as const) {
          const due = reviewDueFor(level, day);
          const utcDays =
            (Date.parse(`${due}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000;
          expect(utcDays, `${level} from ${day}`).toBe(DEFAULT_REVIEW_INTERVALS[level]);
          expect(daysBetween(day, due)).toBe(DEFAULT_REVIEW_INTERVALS[level]);
        }
      }
    }
  });
});

describe('reviewStatesOn (the dashboard’s many-at-once form)', () => {
  it('rates every review date around today by days left, across month and year ends', () => {
    const expected = (daysLeft: number) =>
      daysLeft < 0 ? 'overdue' : daysLeft === 0 ? 'due' : daysLeft <= 14 ? 'due-soon' : 'current';
    for (const today of ['2026-11-21', '2026-12-25', '2028-02-20', '2026-03-28']) {
      const stateOf = reviewStatesOn(today);
      for (let offset = -40; offset <= 40; offset++) {
        const due = addCalendarDays(today, offset);
        expect(stateOf(due), `${today} → ${due}`).toBe(expected(offset));
      }
    }
  });
});

describe('reviewState', () => {
  const DUE = '2026-05-09';
  it('uses a 14-day "due soon" window', () => {
    expect(REVIEW_SOON_DAYS).toBe(14);
  });

  it.each([
    { today: '2026-03-10', expected: 'current', why: 'just assessed' },
    { today: '2026-04-24', expected: 'current', why: '15 days left' },
    { today: '2026-04-25', expected: 'due-soon', why: '14 days left' },
    { today: '2026-05-08', expected: 'due-soon', why: '1 day left' },
    { today: '2026-05-09', expected: 'due', why: 'on the review date' },
    { today: '2026-05-10', expected: 'overdue', why: 'the day after' },
    { today: '2027-05-09', expected: 'overdue', why: 'a year late' },
  ] as const)('review due $today: $expected ($why)', ({ today, expected }) => {
    expect(reviewState(DUE, today)).toBe(expected);
  });

  it.each([
    { due: '2027-01-01', today: '2026-12-31', expected: 'due-soon' },
    { due: '2026-12-31', today: '2027-01-01', expected: 'overdue' },
    { due: '2028-02-29', today: '2028-02-29', expected: 'due' },
    { due: '2028-02-29', today: '2028-03-01', expected: 'overdue' },
    { due: '2028-03-14', today: '2028-02-29', expected: 'due-soon' },
    { due: '2028-03-15', today: '2028-02-29', expected: 'current' },
    { due: '2026-03-29', today: '2026-03-29', expected: 'due' },
    { due: '2026-10-25', today: '2026-10-26', expected: 'overdue' },
  ] as const)('due $due, today $today: $expected', ({ due, today, expected }) => {
    expect(reviewState(due, today)).toBe(expected);
  });
});

describe('the review-interval policy', () => {
  it.each([
    { days: DEFAULT_REVIEW_INTERVALS, why: 'the defaults' },
    { days: { critical: 7, high: 7, moderate: 7, low: 7 }, why: 'all at the minimum' },
    { days: { critical: 365, high: 365, moderate: 365, low: 365 }, why: 'all at the maximum' },
    { days: { critical: 30, high: 30, moderate: 120, low: 120 }, why: 'equal neighbours' },
    { days: { critical: 7, high: 14, moderate: 30, low: 365 }, why: 'the full range' },
  ])('accepts $why', ({ days }) => {
    expect(reviewIntervals.parse(days)).toEqual(days);
  });

  it.each([
    {
      days: { critical: 6, high: 60, moderate: 120, low: 180 },
      why: 'below 7 days',
      code: 'too_small',
    },
    { days: { critical: 0, high: 60, moderate: 120, low: 180 }, why: 'zero', code: 'too_small' },
    {
      days: { critical: -30, high: 60, moderate: 120, low: 180 },
      why: 'negative',
      code: 'too_small',
    },
    {
      days: { critical: 30, high: 60, moderate: 120, low: 366 },
      why: 'above 365',
      code: 'too_big',
    },
    {
      days: { critical: 30, high: 60.5, moderate: 120, low: 180 },
      why: 'a fraction of a day',
      code: 'invalid_type',
    },
    {
      days: { critical: 30, high: '60', moderate: 120, low: 180 },
      why: 'a string',
      code: 'invalid_type',
    },
    {
      days: { critical: 30, high: 60, moderate: 120 },
      why: 'a level missing',
      code: 'invalid_type',
    },
    {
      days: { critical: 30, high: 60, moderate: 120, low: 180, extra: 1 },
      why: 'an unknown level',
      code: 'unrecognized_keys',
    },
  ])('refuses $why', ({ days, code }) => {
    const result = reviewIntervals.safeParse(days);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe(code);
  });

  it.each([
    {
      days: { critical: 61, high: 60, moderate: 120, low: 180 },
      why: 'critical after high',
      at: 'critical',
    },
    {
      days: { critical: 30, high: 121, moderate: 120, low: 180 },
      why: 'high after moderate',
      at: 'high',
    },
    {
      days: { critical: 30, high: 60, moderate: 181, low: 180 },
      why: 'moderate after low',
      at: 'moderate',
    },
    {
      days: { critical: 365, high: 180, moderate: 120, low: 30 },
      why: 'upside down',
      at: 'critical',
    },
  ])(
    'refuses an order where a higher level waits longer: $why (reported on $at)',
    ({ days, at }) => {
      const result = reviewIntervals.safeParse(days);
      expect(result.success).toBe(false);
      const issue = result.error?.issues[0];
      expect(issue?.code).toBe('custom');
      expect(issue?.path).toEqual([at]);
      expect(issue && 'params' in issue ? issue.params : undefined).toEqual({
        reason: 'interval_order',
      });
    },
  );
});

function version(overrides: Partial<Assessment> = {}): Assessment {
  return {
    id: 1,
    personId: 7,
    version: 1,
    correctsVersion: null,
    correctionReason: '',
    assessedOn: '2026-03-10',
    assessedAt: '2026-03-10T09:00:00.000Z',
    assessor: 'Maria',
    factors: factors({ visibility: 2, postDependence: 2 }),
    likelihood: 2,
    impact: 2,
    level: 'low',
    consent: 'internal',
    consentConfirmedOn: '2026-03-01',
    mitigations: ['meet_privately', 'codename_only'],
    mitigationNotes: 'no phone calls',
    narrative: 'calm so far',
    reviewDueOn: '2026-09-06',
    ...overrides,
  };
}

describe('assessmentChanges', () => {
  it('finds nothing between identical versions', () => {
    expect(assessmentChanges(version(), version())).toEqual([]);
  });

  it('ignores what every new version changes anyway (id, version, dates of the assessment)', () => {
    expect(
      assessmentChanges(
        version(),
        version({
          id: 2,
          version: 2,
          assessedOn: '2026-04-01',
          assessedAt: '2026-04-01T10:00:00.000Z',
        }),
      ),
    ).toEqual([]);
  });

  it('ignores the order of mitigations', () => {
    expect(
      assessmentChanges(version(), version({ mitigations: ['codename_only', 'meet_privately'] })),
    ).toEqual([]);
  });

  it.each(RISK_FACTORS.map((factor) => [factor]))('reports a change of %s', (factor) => {
    const before = version();
    const after = version({ factors: { ...before.factors, [factor]: 5 } });
    expect(assessmentChanges(before, after)).toEqual([
      { field: factor, from: before.factors[factor], to: 5 },
    ]);
  });

  it.each<[string, Partial<Assessment>, AssessmentChange]>([
    ['likelihood', { likelihood: 4 }, { field: 'likelihood', from: 2, to: 4 }],
    ['impact', { impact: 3 }, { field: 'impact', from: 2, to: 3 }],
    ['level', { level: 'high' }, { field: 'level', from: 'low', to: 'high' }],
    ['consent', { consent: 'public' }, { field: 'consent', from: 'internal', to: 'public' }],
    [
      'consent confirmed on',
      { consentConfirmedOn: '2026-04-01' },
      { field: 'consentConfirmedOn', from: '2026-03-01', to: '2026-04-01' },
    ],
    [
      'consent no longer confirmed',
      { consentConfirmedOn: null },
      { field: 'consentConfirmedOn', from: '2026-03-01', to: null },
    ],
    [
      'review date',
      { reviewDueOn: '2026-06-01' },
      { field: 'reviewDueOn', from: '2026-09-06', to: '2026-06-01' },
    ],
    [
      'a mitigation added',
      { mitigations: ['meet_privately', 'codename_only', 'secure_channel'] },
      { field: 'mitigations', added: ['secure_channel'], removed: [] },
    ],
    [
      'a mitigation removed',
      { mitigations: ['codename_only'] },
      { field: 'mitigations', added: [], removed: ['meet_privately'] },
    ],
    [
      'mitigations swapped',
      { mitigations: ['never_in_publications', 'codename_only'] },
      { field: 'mitigations', added: ['never_in_publications'], removed: ['meet_privately'] },
    ],
    [
      'mitigation notes',
      { mitigationNotes: 'Signal only' },
      { field: 'mitigationNotes', from: 'no phone calls', to: 'Signal only' },
    ],
    [
      'narrative',
      { narrative: 'a colleague was sacked' },
      { field: 'narrative', from: 'calm so far', to: 'a colleague was sacked' },
    ],
    ['assessor', { assessor: 'Ivan' }, { field: 'assessor', from: 'Maria', to: 'Ivan' }],
  ])('reports a change of %s', (_what, overrides, expected) => {
    expect(assessmentChanges(version(), version(overrides))).toEqual([expected]);
    // And the reverse, read the other way (mitigations: added and removed swap).
    const reverse = assessmentChanges(version(overrides), version());
    expect(reverse).toHaveLength(1);
    expect(reverse[0]?.field).toBe(expected.field);
  });

  it('lists several changes in a fixed order: factors, ratings, consent, dates, mitigations, texts', () => {
    const before = version();
    const after = version({
      assessor: 'Ivan',
      narrative: 'worse',
      mitigations: [...before.mitigations, 'secure_channel'],
      reviewDueOn: '2026-04-09',
      consent: 'not_asked',
      level: 'critical',
      impact: 5,
      likelihood: 5,
      factors: { ...before.factors, leakHarm: 5, visibility: 5 },
    });
    expect(assessmentChanges(before, after).map((change) => change.field)).toEqual([
      'visibility',
      'leakHarm',
      'likelihood',
      'impact',
      'level',
      'consent',
      'reviewDueOn',
      'mitigations',
      'narrative',
      'assessor',
    ]);
  });
});

describe('planGaps', () => {
  const complete = {
    objective: 'Open court hearings to monitors',
    approachRoute: 'through_subordinates' as const,
    considerations: {
      securityRisk: 'low for both',
      benefitVsRisk: 'worth it',
      longTermCommitment: 'three years',
      organisationBehind: 'board agreed',
      trust: 'introduced by a friend',
    },
  };

  it('finds none in a complete plan', () => {
    expect(planGaps(complete)).toEqual([]);
  });

  it('finds all seven in an empty plan, in the order of the form', () => {
    expect(
      planGaps({
        objective: '',
        approachRoute: null,
        considerations: {
          securityRisk: '',
          benefitVsRisk: '',
          longTermCommitment: '',
          organisationBehind: '',
          trust: '',
        },
      }),
    ).toEqual([
      'objective',
      'approachRoute',
      'securityRisk',
      'benefitVsRisk',
      'longTermCommitment',
      'organisationBehind',
      'trust',
    ]);
  });

  it.each([
    ['objective', { ...complete, objective: '' }],
    ['objective', { ...complete, objective: '  \n\t ' }],
    ['approachRoute', { ...complete, approachRoute: null }],
    ...(
      [
        'securityRisk',
        'benefitVsRisk',
        'longTermCommitment',
        'organisationBehind',
        'trust',
      ] as const
    ).flatMap((key) => [
      [key, { ...complete, considerations: { ...complete.considerations, [key]: '' } }],
      [key, { ...complete, considerations: { ...complete.considerations, [key]: '   ' } }],
    ]),
  ] as [string, Parameters<typeof planGaps>[0]][])('finds the gap %s', (gap, plan) => {
    expect(planGaps(plan)).toEqual([gap]);
  });
});
