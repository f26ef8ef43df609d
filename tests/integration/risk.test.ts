/**
 * Retaliation-risk assessments and engagement plans through the API, as the renderer calls
 * them, with a clock the test controls: versions appended and never rewritten (down to the
 * SQL triggers), level and review date computed by the core, every bad input refused with its
 * own code while the vault file on disk stays byte for byte the same, reminders and the
 * dashboard on the right days, the review policy in settings, and plan decisions dated.
 */
import { vaultBytes } from '../helpers/vaults.ts';

import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/contract.ts';
import { createTranslator } from '../../shared/i18n/index.ts';
import { errorMessage } from '../../shared/i18n/error-message.ts';
import type {
  AssessmentFieldsInput,
  EngagementPlanFieldsInput,
  FactorScores,
} from '../../shared/risk.ts';
import { appendAuditEvent, listAuditEvents } from '../../electron/core/repos/audit-events.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import { openTestVault } from '../helpers/domain.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();
const PASSPHRASE = 'a long enough passphrase';

type Api = Awaited<ReturnType<typeof openTestVault>>;

/** Every factor at 1: likelihood 1 × impact 1 = low (180 days). */
const QUIET: FactorScores = {
  visibility: 1,
  superiorHostility: 1,
  politicalClimate: 1,
  priorRetaliation: 1,
  surveillance: 1,
  postDependence: 1,
  leakHarm: 1,
};
/** Every factor at 4: likelihood 4 × impact 4 = 16, high (60 days). */
const EXPOSED: FactorScores = {
  visibility: 4,
  superiorHostility: 4,
  politicalClimate: 4,
  priorRetaliation: 4,
  surveillance: 4,
  postDependence: 4,
  leakHarm: 4,
};

/** A clock at local noon (so the local date is the same in any zone), moved by whole days. */
function testClock(year = 2026, month = 3, day = 10) {
  const clock = {
    at: new Date(year, month - 1, day, 12),
    advance(days: number) {
      clock.at = new Date(
        clock.at.getFullYear(),
        clock.at.getMonth(),
        clock.at.getDate() + days,
        12,
      );
    },
  };
  return clock;
}

function errorOf(result: ApiResult<unknown>) {
  expect(result.ok).toBe(false);
  return result.ok ? undefined : result.error;
}

function assessment(
  personId: number,
  overrides: Partial<AssessmentFieldsInput> = {},
): AssessmentFieldsInput {
  return {
    personId,
    basedOnVersion: null,
    factors: QUIET,
    consent: 'internal',
    assessor: 'Maria',
    ...overrides,
  };
}

const COMPLETE_PLAN = {
  objective: 'Open court hearings to monitors',
  commonInterest: 'Public trust in the courts',
  approachRoute: 'through_subordinates',
  considerations: {
    securityRisk: 'Low for both if we meet at seminars',
    benefitVsRisk: 'Worth it',
    longTermCommitment: 'Three years',
    organisationBehind: 'The board agreed',
    trust: 'Introduced by a friend',
  },
} satisfies Partial<EngagementPlanFieldsInput>;

/** A vault on 2026-03-10 with Anna Smith (in contact, consent never asked). */
async function setup() {
  const clock = testClock();
  const api = await openTestVault(tempDir(), { now: () => clock.at });
  const { id: anna } = await api.call('persons:create', {
    fullName: 'Anna Smith',
    position: 'Deputy chair',
    stage: 'in_contact',
  });
  const { person } = await api.call('persons:get', { id: anna });
  return { api, clock, anna, codename: person.codename };
}

/** As setup, with Anna assessed once (version 1, high, due 2026-05-09). */
async function assessed() {
  const context = await setup();
  await context.api.call('risk:assess', assessment(context.anna, { factors: EXPOSED }));
  return context;
}

/** Opens the vault file directly (the API locked first), runs `use`, closes it. */
async function withVault<T>(
  api: Api,
  use: (vault: Vault) => T | Promise<T>,
  options: { readOnly?: boolean } = {},
): Promise<T> {
  await api.core.lock('manual');
  const vault = await Vault.unlock(
    api.path,
    { passphrase: PASSPHRASE },
    {
      kdf: FAST_KDF,
      readOnly: options.readOnly ?? true,
    },
  );
  try {
    return await use(vault);
  } finally {
    await vault.lock();
  }
}

async function unlock(api: Api) {
  await api.call('vault:unlock', { path: api.path, secret: { passphrase: PASSPHRASE } });
}

describe('assessments', () => {
  it('are appended as versions, newest first, rated and dated by the core', async () => {
    const { api, clock, anna } = await setup();
    const first = await api.call(
      'risk:assess',
      assessment(anna, {
        factors: EXPOSED,
        mitigations: ['meet_privately', 'codename_only', 'meet_privately'],
        narrative: 'Her superior warned her about NGO contacts.',
      }),
    );
    expect(first.version).toBe(1);

    clock.advance(5);
    const second = await api.call(
      'risk:assess',
      assessment(anna, { basedOnVersion: 1, factors: QUIET, assessor: 'Ivan' }),
    );
    expect(second.version).toBe(2);
    expect(second.id).not.toBe(first.id);

    const risk = await api.call('risk:person', { personId: anna });
    expect(risk.today).toBe('2026-03-15');
    expect(risk.needsAssessment).toBe(true);
    expect(risk.archived).toBe(false);
    expect(risk.history.map((v) => v.version)).toEqual([2, 1]);
    const [v2, v1] = risk.history;
    expect(v1).toMatchObject({
      id: first.id,
      personId: anna,
      correctsVersion: null,
      correctionReason: '',
      assessedOn: '2026-03-10',
      assessor: 'Maria',
      factors: EXPOSED,
      likelihood: 4,
      impact: 4,
      level: 'high',
      consent: 'internal',
      consentConfirmedOn: null,
      // Duplicates dropped, the order kept.
      mitigations: ['meet_privately', 'codename_only'],
      narrative: 'Her superior warned her about NGO contacts.',
      // High: 60 days.
      reviewDueOn: '2026-05-09',
    });
    expect(v1?.assessedAt).toBe(new Date(2026, 2, 10, 12).toISOString());
    expect(v2).toMatchObject({
      assessedOn: '2026-03-15',
      assessor: 'Ivan',
      likelihood: 1,
      impact: 1,
      level: 'low',
      // Low: 180 days from the day of the reassessment.
      reviewDueOn: '2026-09-11',
    });
    expect(risk.reviewState).toBe('current');
  });

  it('take no level, likelihood, impact or assessment date from the input', async () => {
    const { api, anna } = await setup();
    for (const extra of [
      { level: 'low' },
      { likelihood: 1 },
      { impact: 1 },
      { assessedOn: '2026-01-01' },
      { version: 7 },
    ]) {
      const error = errorOf(
        await api.raw('risk:assess', { ...assessment(anna, { factors: EXPOSED }), ...extra }),
      );
      expect(error?.code).toBe('VALIDATION');
    }
    expect((await api.call('risk:person', { personId: anna })).history).toEqual([]);
  });

  it('can correct the latest version, keeping the reason and what it corrects', async () => {
    const { api, clock, anna } = await assessed();
    clock.advance(2);
    const { version } = await api.call(
      'risk:assess',
      assessment(anna, {
        basedOnVersion: 1,
        correction: true,
        correctionReason: '  Prior retaliation was against a namesake, not her.  ',
        factors: { ...EXPOSED, priorRetaliation: 1 },
      }),
    );
    expect(version).toBe(2);
    const { history } = await api.call('risk:person', { personId: anna });
    expect(history[0]).toMatchObject({
      version: 2,
      correctsVersion: 1,
      correctionReason: 'Prior retaliation was against a namesake, not her.',
    });
    // The corrected version is still there, unchanged.
    expect(history[1]).toMatchObject({ version: 1, correctsVersion: null, level: 'high' });
  });

  it('a correction keeps the corrected version’s date, so a fix does not make it look fresh', async () => {
    const { api, clock, anna } = await assessed(); // 2026-03-10, high: due 2026-05-09
    clock.advance(50);
    await api.call(
      'risk:assess',
      assessment(anna, {
        basedOnVersion: 1,
        correction: true,
        correctionReason: 'The assessor’s initials were wrong.',
        factors: EXPOSED,
        assessor: 'Marina',
      }),
    );
    const { history } = await api.call('risk:person', { personId: anna });
    expect(history[0]).toMatchObject({
      version: 2,
      assessedOn: '2026-03-10',
      reviewDueOn: '2026-05-09',
    });
  });

  it('a correction raising the level past its review date makes the review due today', async () => {
    const { api, clock, anna } = await setup();
    await api.call('risk:assess', assessment(anna, { factors: QUIET })); // low: 180 days
    clock.advance(45); // 2026-04-24; critical would have been due 2026-04-09
    const critical = { ...EXPOSED, visibility: 5, priorRetaliation: 5, leakHarm: 5 };
    await api.call(
      'risk:assess',
      assessment(anna, {
        basedOnVersion: 1,
        correction: true,
        correctionReason: 'She had already been disciplined; we learnt it late.',
        factors: critical,
      }),
    );
    const risk = await api.call('risk:person', { personId: anna });
    expect(risk.history[0]).toMatchObject({ level: 'critical', reviewDueOn: '2026-04-24' });
    expect(risk.reviewState).toBe('due');
  });

  it('a reassessment ignores a correction reason it was not asked to record', async () => {
    const { api, anna } = await assessed();
    await api.call(
      'risk:assess',
      assessment(anna, { basedOnVersion: 1, correctionReason: 'left over in the form' }),
    );
    const { history } = await api.call('risk:person', { personId: anna });
    expect(history[0]).toMatchObject({ correctsVersion: null, correctionReason: '' });
  });

  it('accept a review date earlier than the policy, today, or the latest the policy allows', async () => {
    const { api, anna } = await setup();
    await api.call(
      'risk:assess',
      assessment(anna, { factors: EXPOSED, reviewDueOn: '2026-04-01' }),
    );
    await api.call(
      'risk:assess',
      assessment(anna, { basedOnVersion: 1, factors: EXPOSED, reviewDueOn: '2026-05-09' }),
    );
    await api.call(
      'risk:assess',
      assessment(anna, { basedOnVersion: 2, factors: EXPOSED, reviewDueOn: '2026-03-10' }),
    );
    const risk = await api.call('risk:person', { personId: anna });
    expect(risk.history.map((v) => v.reviewDueOn)).toEqual([
      '2026-03-10',
      '2026-05-09',
      '2026-04-01',
    ]);
    expect(risk.reviewState).toBe('due');
  });

  it('accept consent confirmed today or earlier', async () => {
    const { api, anna } = await setup();
    await api.call('risk:assess', assessment(anna, { consentConfirmedOn: '2026-03-10' }));
    await api.call(
      'risk:assess',
      assessment(anna, { basedOnVersion: 1, consentConfirmedOn: '2025-12-31' }),
    );
    const { history } = await api.call('risk:person', { personId: anna });
    expect(history.map((v) => v.consentConfirmedOn)).toEqual(['2025-12-31', '2026-03-10']);
  });

  it("update the person's consent and are audited by codename, never by name", async () => {
    const { api, anna, codename } = await setup();
    expect((await api.call('persons:get', { id: anna })).person.consent).toBe('not_asked');
    await api.call(
      'risk:assess',
      assessment(anna, { factors: EXPOSED, consent: 'trusted_partners' }),
    );
    expect((await api.call('persons:get', { id: anna })).person.consent).toBe('trusted_partners');
    await api.call(
      'risk:assess',
      assessment(anna, {
        basedOnVersion: 1,
        correction: true,
        correctionReason: 'typo',
        consent: 'trusted_partners',
      }),
    );
    const events = await withVault(api, (vault) => listAuditEvents(vault.db));
    const assessedEvents = events.filter((event) => event.action === 'risk.assessed');
    expect(assessedEvents).toEqual([
      expect.objectContaining({
        subject: codename,
        // The consent did not change this time: not recorded.
        detail: { version: 2, level: 'low', reviewDueOn: '2026-09-06', corrects: 1 },
      }),
      expect.objectContaining({
        subject: codename,
        detail: {
          version: 1,
          level: 'high',
          reviewDueOn: '2026-05-09',
          consent: { from: 'not_asked', to: 'trusted_partners' },
        },
      }),
    ]);
    expect(JSON.stringify(events)).not.toMatch(/Anna|Smith/);
  });
});

describe('bad input changes nothing on disk', () => {
  /**
   * Runs `attempt`, expects `code`, and checks that the vault file is byte for byte the same
   * and the person's risk page (history, plan) reads as before.
   */
  async function refused(
    api: Api,
    personId: number,
    code: string,
    attempt: () => Promise<ApiResult<unknown>>,
  ) {
    const before = vaultBytes(api.path);
    const riskBefore = await api.call('risk:person', { personId });
    const error = errorOf(await attempt());
    expect(error?.code).toBe(code);
    expect(vaultBytes(api.path).equals(before)).toBe(true);
    expect(await api.call('risk:person', { personId })).toEqual(riskBefore);
    return error;
  }

  const withoutLeakHarm: Partial<FactorScores> = { ...EXPOSED };
  delete withoutLeakHarm.leakHarm;
  it.each([
    {
      what: 'a score of 0',
      factors: { ...EXPOSED, visibility: 0 },
      details: { field: 'factors.visibility', reason: 'number_too_small', minimum: 1 },
      label: 'Visibility of the collaboration',
    },
    {
      what: 'a score of 6',
      factors: { ...EXPOSED, leakHarm: 6 },
      details: { field: 'factors.leakHarm', reason: 'number_too_big', maximum: 5 },
      label: 'Harm if our records leaked',
    },
    {
      what: 'a score of 2.5',
      factors: { ...EXPOSED, surveillance: 2.5 },
      details: { field: 'factors.surveillance', reason: 'not_integer' },
      label: 'Surveillance of their communications',
    },
    {
      what: 'a missing factor',
      factors: withoutLeakHarm,
      details: { field: 'factors.leakHarm', reason: 'invalid_type' },
      label: 'Harm if our records leaked',
    },
    {
      what: 'an extra factor',
      factors: { ...EXPOSED, mood: 3 },
      details: { field: 'factors', reason: 'unrecognized_keys' },
      label: 'Risk factors',
    },
  ])('$what → VALIDATION naming the field', async ({ factors, details, label }) => {
    const { api, anna } = await assessed();
    const error = await refused(api, anna, 'VALIDATION', () =>
      api.raw('risk:assess', { ...assessment(anna, { basedOnVersion: 1 }), factors }),
    );
    expect(error?.details).toMatchObject({ channel: 'risk:assess', ...details });
    expect(error && errorMessage(createTranslator('en'), error)).toContain(label);
  });

  it('a review date in the past → REVIEW_DATE_PAST', async () => {
    const { api, anna } = await assessed();
    const error = await refused(api, anna, 'REVIEW_DATE_PAST', () =>
      api.raw('risk:assess', assessment(anna, { basedOnVersion: 1, reviewDueOn: '2026-03-09' })),
    );
    expect(error?.details).toMatchObject({ date: '2026-03-09' });
  });

  it('a review date later than the policy allows → REVIEW_DATE_TOO_LATE', async () => {
    const { api, anna } = await assessed();
    const error = await refused(api, anna, 'REVIEW_DATE_TOO_LATE', () =>
      api.raw(
        'risk:assess',
        assessment(anna, { basedOnVersion: 1, factors: EXPOSED, reviewDueOn: '2026-05-10' }),
      ),
    );
    expect(error?.details).toMatchObject({ date: '2026-05-10', latest: '2026-05-09' });
  });

  it('an assessment of an archived person → PERSON_ARCHIVED', async () => {
    const { api, anna, codename } = await assessed();
    await api.call('persons:archive', { id: anna, archived: true });
    const error = await refused(api, anna, 'PERSON_ARCHIVED', () =>
      api.raw('risk:assess', assessment(anna, { basedOnVersion: 1 })),
    );
    expect(error?.details).toMatchObject({ codename });
    expect((await api.call('risk:person', { personId: anna })).archived).toBe(true);
  });

  it('a form based on an old version → ASSESSMENT_NOT_LATEST', async () => {
    const { api, anna } = await assessed();
    await api.call('risk:assess', assessment(anna, { basedOnVersion: 1 }));
    for (const basedOnVersion of [1, 3]) {
      const error = await refused(api, anna, 'ASSESSMENT_NOT_LATEST', () =>
        api.raw('risk:assess', assessment(anna, { basedOnVersion })),
      );
      expect(error?.details).toMatchObject({ version: 2 });
    }
    // A correction of an old version is refused the same way.
    await refused(api, anna, 'ASSESSMENT_NOT_LATEST', () =>
      api.raw(
        'risk:assess',
        assessment(anna, { basedOnVersion: 1, correction: true, correctionReason: 'typo' }),
      ),
    );
  });

  it('a first-assessment form when a version exists → ASSESSMENT_NOT_LATEST', async () => {
    const { api, anna } = await assessed();
    const error = await refused(api, anna, 'ASSESSMENT_NOT_LATEST', () =>
      api.raw('risk:assess', assessment(anna, { basedOnVersion: null })),
    );
    expect(error?.details).toMatchObject({ version: 1 });
  });

  it('a correction without a reason → CORRECTION_NEEDS_REASON', async () => {
    const { api, anna } = await assessed();
    for (const correctionReason of ['', '   ']) {
      await refused(api, anna, 'CORRECTION_NEEDS_REASON', () =>
        api.raw(
          'risk:assess',
          assessment(anna, { basedOnVersion: 1, correction: true, correctionReason }),
        ),
      );
    }
  });

  it('a correction with nothing to correct → NOTHING_TO_CORRECT', async () => {
    const { api, anna } = await setup();
    await refused(api, anna, 'NOTHING_TO_CORRECT', () =>
      api.raw(
        'risk:assess',
        assessment(anna, { basedOnVersion: null, correction: true, correctionReason: 'typo' }),
      ),
    );
  });

  it('consent confirmed in the future → CONSENT_DATE_FUTURE', async () => {
    const { api, anna } = await assessed();
    const error = await refused(api, anna, 'CONSENT_DATE_FUTURE', () =>
      api.raw(
        'risk:assess',
        assessment(anna, { basedOnVersion: 1, consentConfirmedOn: '2026-03-11' }),
      ),
    );
    expect(error?.details).toMatchObject({ date: '2026-03-11' });
  });

  it('an unknown person → NOT_FOUND', async () => {
    const { api, anna } = await assessed();
    await refused(api, anna, 'NOT_FOUND', () => api.raw('risk:assess', assessment(4242)));
    await refused(api, anna, 'NOT_FOUND', () => api.raw('risk:person', { personId: 4242 }));
    await refused(api, anna, 'NOT_FOUND', () =>
      api.raw('plans:save', { personId: 4242, ...COMPLETE_PLAN }),
    );
  });

  it('a plan decided "go" with gaps → PLAN_INCOMPLETE', async () => {
    const { api, anna } = await assessed();
    await api.call('plans:save', { personId: anna, ...COMPLETE_PLAN });
    const error = await refused(api, anna, 'PLAN_INCOMPLETE', () =>
      api.raw('plans:save', {
        personId: anna,
        ...COMPLETE_PLAN,
        approachRoute: null,
        considerations: { ...COMPLETE_PLAN.considerations, trust: '  ' },
        decision: 'go',
        decisionNote: 'Time to move',
        decidedBy: 'Maria',
      }),
    );
    expect(error?.details).toMatchObject({ count: 2 });
  });

  it('a decision without a note or without who decided → DECISION_NEEDS_REASON', async () => {
    const { api, anna } = await assessed();
    for (const missing of [
      { decision: 'go', decisionNote: '', decidedBy: 'Maria' },
      { decision: 'go', decisionNote: 'Time to move', decidedBy: '' },
      { decision: 'hold', decisionNote: ' ', decidedBy: 'Maria' },
      { decision: 'hold', decisionNote: 'Elections first' },
    ]) {
      await refused(api, anna, 'DECISION_NEEDS_REASON', () =>
        api.raw('plans:save', { personId: anna, ...COMPLETE_PLAN, ...missing }),
      );
    }
  });
  it('consent confirmed while recorded as not asked → CONSENT_NOT_ASKED_DATE', async () => {
    const { api, anna } = await setup();
    await refused(api, anna, 'CONSENT_NOT_ASKED_DATE', () =>
      api.raw(
        'risk:assess',
        assessment(anna, { consent: 'not_asked', consentConfirmedOn: '2026-03-01' }),
      ),
    );
  });

  it('a plan for an archived person → PERSON_ARCHIVED', async () => {
    const { api, anna } = await setup();
    await api.call('plans:save', { personId: anna, ...COMPLETE_PLAN });
    await api.call('persons:archive', { id: anna, archived: true });
    await refused(api, anna, 'PERSON_ARCHIVED', () =>
      api.raw('plans:save', { personId: anna, ...COMPLETE_PLAN, objective: 'Changed' }),
    );
  });
});

describe('history cannot be rewritten', () => {
  it('the database refuses a version out of sequence (a gap, or one already stored)', async () => {
    const { api, anna } = await assessed();
    await withVault(
      api,
      (vault) => {
        const insert = (version: number) =>
          vault.db
            .prepare(
              `INSERT INTO risk_assessments (person_id, version, assessed_on, assessed_at,
                 assessor, visibility, superior_hostility, political_climate, prior_retaliation,
                 surveillance, post_dependence, leak_harm, likelihood, impact, level, consent,
                 review_due_on)
               VALUES (?, ?, '2026-03-10', '2026-03-10T12:00:00.000Z', 'X',
                 1, 1, 1, 1, 1, 1, 1, 1, 1, 'low', 'public', '2026-09-06')`,
            )
            .run(anna, version);
        expect(() => insert(1)).toThrow(/append-only/);
        expect(() => insert(3)).toThrow(/append-only/);
        expect(() => insert(2)).not.toThrow();
      },
      { readOnly: false },
    );
  });

  it('the database itself refuses UPDATE and DELETE on risk_assessments', async () => {
    const { api, anna } = await assessed();
    await api.call('risk:assess', assessment(anna, { basedOnVersion: 1 }));
    await withVault(
      api,
      (vault) => {
        const { db } = vault;
        expect(() => db.prepare("UPDATE risk_assessments SET level = 'low'").run()).toThrow(
          /append-only/,
        );
        expect(() =>
          db
            .prepare("UPDATE risk_assessments SET review_due_on = '2030-01-01' WHERE version = 1")
            .run(),
        ).toThrow(/append-only/);
        expect(() =>
          db.prepare('DELETE FROM risk_assessments WHERE person_id = ?').run(anna),
        ).toThrow(/append-only/);
        expect(() => db.prepare('DELETE FROM risk_assessments WHERE version = 1').run()).toThrow(
          /append-only/,
        );
        expect(
          db.prepare('SELECT version, level FROM risk_assessments ORDER BY version').all(),
        ).toEqual([
          { version: 1, level: 'high' },
          { version: 2, level: 'low' },
        ]);
        // Deleting the person directly takes their assessments along.
        db.prepare('DELETE FROM persons WHERE id = ?').run(anna);
        expect(db.prepare('SELECT COUNT(*) FROM risk_assessments').pluck().get()).toBe(0);
      },
      { readOnly: false },
    );
  });

  // BUG (electron/core/db/migrations/0003_risk.sql, the append-only triggers): REPLACE deletes
  // the conflicting row without firing DELETE triggers (SQLite fires them on REPLACE only with
  // PRAGMA recursive_triggers, which electron/core/db/open-database.ts leaves off), so an
  // "INSERT OR REPLACE" of an existing (person_id, version) silently rewrites a stored
  // version. The migration promises history "cannot be rewritten even by a bug in the core".
  it('the database refuses to replace a stored version with INSERT OR REPLACE', async () => {
    const { api, anna } = await assessed();
    await withVault(
      api,
      (vault) => {
        const { db } = vault;
        const rewrite = () =>
          db
            .prepare(
              `INSERT OR REPLACE INTO risk_assessments (person_id, version, assessed_on,
                 assessed_at, assessor, visibility, superior_hostility, political_climate,
                 prior_retaliation, surveillance, post_dependence, leak_harm, likelihood,
                 impact, level, consent, review_due_on)
               VALUES (?, 1, '2026-03-10', '2026-03-10T12:00:00.000Z', 'Someone else',
                 1, 1, 1, 1, 1, 1, 1, 1, 1, 'low', 'public', '2026-09-06')`,
            )
            .run(anna);
        let refused = false;
        try {
          rewrite();
        } catch {
          refused = true;
        }
        const stored = db
          .prepare('SELECT version, level, assessor FROM risk_assessments WHERE person_id = ?')
          .all(anna);
        expect(stored).toEqual([{ version: 1, level: 'high', assessor: 'Maria' }]);
        expect(refused).toBe(true);
      },
      { readOnly: false },
    );
  });

  it("persons:delete removes the person's assessments and plan, and no one else's", async () => {
    const { api, anna, codename } = await assessed();
    await api.call('plans:save', { personId: anna, ...COMPLETE_PLAN });
    const { id: boris } = await api.call('persons:create', {
      fullName: 'Boris Orlov',
      stage: 'collaborating',
    });
    await api.call('risk:assess', assessment(boris));
    await api.call('plans:save', { personId: boris, ...COMPLETE_PLAN });
    await api.call('persons:delete', { id: anna, confirmCodename: codename });
    expect(errorOf(await api.raw('risk:person', { personId: anna }))?.code).toBe('NOT_FOUND');
    const counts = await withVault(api, (vault) => ({
      assessments: vault.db
        .prepare('SELECT person_id AS personId, COUNT(*) AS n FROM risk_assessments GROUP BY 1')
        .all(),
      plans: vault.db.prepare('SELECT person_id FROM engagement_plans').pluck().all(),
    }));
    expect(counts).toEqual({ assessments: [{ personId: boris, n: 1 }], plans: [boris] });
  });
});

describe('reviews falling due', () => {
  it('are reminded by codename only on the due day and after, and shown on the dashboard', async () => {
    const { api, clock, anna, codename } = await assessed();
    const state = async () =>
      (await api.call('risk:dashboard', {})).assessed.find((row) => row.id === anna)?.reviewState;

    expect((await api.call('risk:reminders', {})).reviews).toEqual([]);
    expect(await state()).toBe('current');

    clock.advance(45); // 2026-04-24: 15 days left
    expect(await state()).toBe('current');
    clock.advance(1); // 14 days left
    expect(await state()).toBe('due-soon');
    expect((await api.call('risk:reminders', {})).reviews).toEqual([]);

    clock.advance(14); // 2026-05-09: the due day
    const due = await api.call('risk:reminders', {});
    expect(due).toEqual({
      today: '2026-05-09',
      reviews: [
        { personId: anna, codename, level: 'high', reviewDueOn: '2026-05-09', reviewState: 'due' },
      ],
    });
    expect(await state()).toBe('due');
    expect((await api.call('risk:person', { personId: anna })).reviewState).toBe('due');

    clock.advance(1); // 61 days after the assessment
    const overdue = await api.call('risk:reminders', {});
    expect(overdue.today).toBe('2026-05-10');
    expect(overdue.reviews).toEqual([
      {
        personId: anna,
        codename,
        level: 'high',
        reviewDueOn: '2026-05-09',
        reviewState: 'overdue',
      },
    ]);
    const json = JSON.stringify(overdue);
    expect(json).not.toMatch(/"fullName"/);
    expect(json).not.toMatch(/Anna|Smith/);
    expect(await state()).toBe('overdue');
    expect((await api.call('risk:person', { personId: anna })).reviewState).toBe('overdue');

    // Reassessing clears the reminder.
    await api.call('risk:assess', assessment(anna, { basedOnVersion: 1 }));
    expect((await api.call('risk:reminders', {})).reviews).toEqual([]);
    expect(await state()).toBe('current');
  });

  it('lists reminders oldest due first, and leaves out archived persons and other stages', async () => {
    const { api, clock, anna } = await assessed(); // high: due 2026-05-09
    const { id: boris } = await api.call('persons:create', {
      fullName: 'Boris Orlov',
      stage: 'partner',
    });
    await api.call('risk:assess', assessment(boris, { factors: { ...EXPOSED, leakHarm: 5 } }));
    const { id: vera } = await api.call('persons:create', {
      fullName: 'Vera Lis',
      stage: 'collaborating',
    });
    await api.call('risk:assess', assessment(vera, { factors: EXPOSED }));
    await api.call('persons:archive', { id: vera, archived: true });
    const { id: gleb } = await api.call('persons:create', {
      fullName: 'Gleb Sokol',
      stage: 'in_contact',
    });
    await api.call('risk:assess', assessment(gleb, { factors: EXPOSED }));
    await api.call('persons:setStage', { id: gleb, stage: 'closed' });
    clock.advance(100);
    const { reviews } = await api.call('risk:reminders', {});
    // Boris is critical (due after 30 days), Anna high (60).
    expect(reviews.map((r) => [r.personId, r.level, r.reviewDueOn])).toEqual([
      [boris, 'critical', '2026-04-09'],
      [anna, 'high', '2026-05-09'],
    ]);
  });
});

describe('the dashboard', () => {
  it('counts, lists and excludes as documented', async () => {
    const { api, clock, anna } = await assessed();
    const create = async (fields: Parameters<typeof api.call<'persons:create'>>[1]) =>
      (await api.call('persons:create', fields)).id;
    const boris = await create({
      fullName: 'Boris Orlov',
      stage: 'collaborating',
      nextFollowUp: '2026-04-01',
    });
    const clara = await create({ fullName: 'Clara Wenz', stage: 'partner', consent: 'public' });
    const dmitri = await create({
      fullName: 'Dmitri Pavlov',
      stage: 'watching',
      nextFollowUp: '2026-03-01',
    });
    const fyodor = await create({
      fullName: 'Fyodor Lin',
      stage: 'closed',
      nextFollowUp: '2026-03-10',
    });
    const elena = await create({
      fullName: 'Elena Gorina',
      stage: 'dormant',
      nextFollowUp: '2026-02-01',
    });
    await api.call('persons:archive', { id: elena, archived: true });
    const gregor = await create({ fullName: 'Gregor Adler', stage: 'moved_on' });
    await api.call('risk:assess', assessment(gregor, { factors: EXPOSED }));
    await api.call('persons:archive', { id: gregor, archived: true });
    const mira = await create({ fullName: 'Mira Holm', stage: 'dormant' });
    await api.call('risk:assess', assessment(mira, { consent: 'not_asked' }));

    const dashboard = await api.call('risk:dashboard', {});
    expect(dashboard.today).toBe('2026-03-10');
    const ids = (rows: { id: number }[]) => rows.map((row) => row.id).sort((a, b) => a - b);
    const sorted = (list: number[]) => [...list].sort((a, b) => a - b);
    expect(ids(dashboard.assessed)).toEqual(sorted([anna, mira]));
    expect(dashboard.assessed.find((row) => row.id === anna)).toMatchObject({
      level: 'high',
      likelihood: 4,
      impact: 4,
      consent: 'internal',
      assessedOn: '2026-03-10',
      reviewDueOn: '2026-05-09',
      reviewState: 'current',
    });
    expect(ids(dashboard.unassessed)).toEqual(sorted([boris, clara]));
    // Consent never asked, in an assessed stage: Boris (never assessed) and Mira (assessed
    // with consent not asked); not Dmitri (watching), not Elena (archived).
    expect(ids(dashboard.consentNotAsked)).toEqual(sorted([boris, mira]));
    const counts = Object.fromEntries(dashboard.stageCounts.map((c) => [c.stage, c.count]));
    expect(counts).toEqual({
      in_contact: 1,
      collaborating: 1,
      partner: 1,
      watching: 1,
      closed: 1,
      dormant: 1,
    });
    expect(dashboard.followUpsDue).toEqual({
      total: 2,
      persons: [
        expect.objectContaining({ id: dmitri, nextFollowUp: '2026-03-01' }),
        expect.objectContaining({ id: fyodor, nextFollowUp: '2026-03-10' }),
      ],
    });
    expect(dashboard.lastBackupAt).toBeNull();

    clock.advance(30);
    const later = await api.call('risk:dashboard', {});
    expect(later.followUpsDue.persons.map((p) => p.id)).toEqual([dmitri, fyodor, boris]);
  });

  it('shows when the last backup was written', async () => {
    const { api } = await assessed();
    expect((await api.call('risk:dashboard', {})).lastBackupAt).toBeNull();
    await withVault(
      api,
      async (vault) => {
        appendAuditEvent(
          vault.db,
          { action: 'backup.written', detail: { file: 'b1' } },
          new Date('2026-03-08T20:00:00.000Z'),
        );
        appendAuditEvent(
          vault.db,
          { action: 'backup.written', detail: { file: 'b2' } },
          new Date('2026-03-09T20:00:00.000Z'),
        );
        appendAuditEvent(
          vault.db,
          { action: 'vault.locked' },
          new Date('2026-03-09T21:00:00.000Z'),
        );
        await vault.save();
      },
      { readOnly: false },
    );
    await unlock(api);
    expect((await api.call('risk:dashboard', {})).lastBackupAt).toBe('2026-03-09T20:00:00.000Z');
  });
});

describe('the review policy in settings', () => {
  const FAST = { critical: 7, high: 14, moderate: 30, low: 90 };

  it('starts at the defaults and sets the next review dates, kept across lock and unlock', async () => {
    const { api, anna } = await assessed();
    const { autoLockMinutes } = await api.call('settings:get', {});
    expect((await api.call('settings:get', {})).reviewIntervals).toEqual({
      critical: 30,
      high: 60,
      moderate: 120,
      low: 180,
    });
    const updated = await api.call('settings:update', { reviewIntervals: FAST });
    expect(updated.reviewIntervals).toEqual(FAST);
    expect((await api.call('risk:person', { personId: anna })).intervals).toEqual(FAST);

    await api.call('risk:assess', assessment(anna, { basedOnVersion: 1, factors: EXPOSED }));
    const { history } = await api.call('risk:person', { personId: anna });
    // High is now 14 days; the earlier version keeps the date it was given.
    expect(history.map((v) => v.reviewDueOn)).toEqual(['2026-03-24', '2026-05-09']);
    const error = errorOf(
      await api.raw(
        'risk:assess',
        assessment(anna, { basedOnVersion: 2, factors: EXPOSED, reviewDueOn: '2026-03-25' }),
      ),
    );
    expect(error).toMatchObject({
      code: 'REVIEW_DATE_TOO_LATE',
      details: { latest: '2026-03-24' },
    });

    await api.core.lock('manual');
    await unlock(api);
    expect((await api.call('settings:get', {})).reviewIntervals).toEqual(FAST);
    // Changing the policy leaves the auto-lock setting as it was.
    expect((await api.call('settings:get', {})).autoLockMinutes).toBe(autoLockMinutes);
  });

  it.each([
    {
      what: 'a higher level reviewed less often',
      intervals: { critical: 61, high: 60, moderate: 120, low: 180 },
      details: { field: 'reviewIntervals.critical', reason: 'interval_order' },
    },
    {
      what: 'moderate after low',
      intervals: { critical: 30, high: 60, moderate: 200, low: 180 },
      details: { field: 'reviewIntervals.moderate', reason: 'interval_order' },
    },
    {
      what: 'more than a year',
      intervals: { critical: 30, high: 60, moderate: 120, low: 366 },
      details: { field: 'reviewIntervals.low', reason: 'number_too_big', maximum: 365 },
    },
    {
      what: 'less than a week',
      intervals: { critical: 6, high: 60, moderate: 120, low: 180 },
      details: { field: 'reviewIntervals.critical', reason: 'number_too_small', minimum: 7 },
    },
    {
      what: 'a level missing',
      intervals: { critical: 30, high: 60, moderate: 120 },
      details: { field: 'reviewIntervals.low' },
    },
  ])('refuses $what, changing nothing', async ({ intervals, details }) => {
    const { api } = await assessed();
    await api.call('settings:update', { reviewIntervals: FAST });
    const before = vaultBytes(api.path);
    const error = errorOf(await api.raw('settings:update', { reviewIntervals: intervals }));
    expect(error?.code).toBe('VALIDATION');
    expect(error?.details).toMatchObject({ channel: 'settings:update', ...details });
    expect(vaultBytes(api.path).equals(before)).toBe(true);
    expect((await api.call('settings:get', {})).reviewIntervals).toEqual(FAST);
  });
});

describe('engagement plans', () => {
  it('date a decision when it is taken and keep the date while it stands', async () => {
    const { api, clock, anna, codename } = await setup();
    await api.call('plans:save', { personId: anna, ...COMPLETE_PLAN });
    const plan = async () => (await api.call('risk:person', { personId: anna })).plan;
    expect(await plan()).toMatchObject({
      decision: 'undecided',
      decidedOn: null,
      objective: COMPLETE_PLAN.objective,
      approachRoute: 'through_subordinates',
      considerations: COMPLETE_PLAN.considerations,
    });

    const go = { decision: 'go', decisionNote: 'Time to move', decidedBy: 'Maria' } as const;
    await api.call('plans:save', { personId: anna, ...COMPLETE_PLAN, ...go });
    expect(await plan()).toMatchObject({ decision: 'go', decidedOn: '2026-03-10' });

    clock.advance(3);
    await api.call('plans:save', {
      personId: anna,
      ...COMPLETE_PLAN,
      ...go,
      objective: 'Open hearings, and publish judgments',
    });
    const kept = await plan();
    expect(kept).toMatchObject({
      decision: 'go',
      decidedOn: '2026-03-10',
      objective: 'Open hearings, and publish judgments',
      updatedAt: new Date(2026, 2, 13, 12).toISOString(),
    });

    clock.advance(2);
    await api.call('plans:save', {
      personId: anna,
      ...COMPLETE_PLAN,
      decision: 'hold',
      decisionNote: 'Her superior found out',
      decidedBy: 'Ivan',
    });
    expect(await plan()).toMatchObject({ decision: 'hold', decidedOn: '2026-03-15' });

    clock.advance(1);
    await api.call('plans:save', { personId: anna, ...COMPLETE_PLAN, ...go });
    expect(await plan()).toMatchObject({ decision: 'go', decidedOn: '2026-03-16' });

    await api.call('plans:save', { personId: anna, ...COMPLETE_PLAN });
    expect(await plan()).toMatchObject({ decision: 'undecided', decidedOn: null });

    const events = await withVault(api, (vault) => listAuditEvents(vault.db));
    const saved = events.filter((event) => event.action === 'plan.saved');
    expect(saved).toHaveLength(6);
    expect(saved.every((event) => event.subject === codename)).toBe(true);
    expect(JSON.stringify(events)).not.toMatch(/Anna|Smith/);
  });

  it('may be put on hold while still incomplete', async () => {
    const { api, anna } = await setup();
    await api.call('plans:save', {
      personId: anna,
      considerations: {
        securityRisk: '',
        benefitVsRisk: '',
        longTermCommitment: '',
        organisationBehind: '',
        trust: '',
      },
      decision: 'hold',
      decisionNote: 'Not now',
      decidedBy: 'Maria',
    });
    expect((await api.call('risk:person', { personId: anna })).plan).toMatchObject({
      decision: 'hold',
      decidedOn: '2026-03-10',
      approachRoute: null,
    });
  });
});
