// @vitest-environment jsdom
/**
 * What crossed the vault's edge, over a stand-in bridge: the disclosure log (decisions by word
 * and shape, overrides with their justification, in English and Russian), "who outside knows",
 * copying a name (a high or critical risk asks first), a partner's share key (saved only once
 * the fingerprint is confirmed), our own key, received packages (who sealed them, what matches)
 * and the partner page.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/contract.ts';
import type { ErrorCode } from '../../shared/error-codes.ts';
import { errorMessage } from '../../shared/i18n/error-message.ts';
import type { Partner } from '../../shared/records.ts';
import type {
  Disclosure,
  DisclosureQueryInput,
  OutsideKnowledge,
  PackageFileInput,
  PackagePreview,
  ReceivedPackage,
} from '../../shared/share.ts';
import { currentRoute, resetNavigation } from '../../renderer/src/app/navigation.ts';
import { queryClient } from '../../renderer/src/app/session.ts';
import { DisclosureLog } from '../../renderer/src/features/disclosures/DisclosureLog.tsx';
import { fingerprintGroups } from '../../renderer/src/features/disclosures/format.ts';
import { OutsideKnowledgePanel } from '../../renderer/src/features/disclosures/OutsideKnowledgePanel.tsx';
import { OwnShareKey } from '../../renderer/src/features/disclosures/OwnShareKey.tsx';
import { PartnerShareKey } from '../../renderer/src/features/disclosures/PartnerShareKey.tsx';
import { ReceivedPackages } from '../../renderer/src/features/disclosures/ReceivedPackages.tsx';
import { PartnerPage } from '../../renderer/src/features/partners/PartnerPage.tsx';
import { PartnersArea } from '../../renderer/src/features/partners/PartnersArea.tsx';
import { CopyNameButton } from '../../renderer/src/features/people/CopyNameButton.tsx';
import { i18n } from '../../renderer/src/i18n/index.ts';
import { renderIn } from './render.tsx';

// jsdom has no CSS.escape, which react-aria's Modal uses to read a meta tag by its name.
if (typeof globalThis.CSS === 'undefined') {
  globalThis.CSS = {
    escape: (value: string) => value.replace(/[^\w-]/g, (c) => `\\${c}`),
  } as unknown as typeof CSS;
}

const DISCLOSURE: Disclosure = {
  id: 12,
  at: '2026-11-20T09:30:00.000Z',
  recipientKind: 'partner',
  partnerId: 3,
  recipientLabel: 'International Commission of Jurists',
  purpose: 'Shortlist for the judicial reform seminar',
  reviewedBy: 'L. Karimova',
  output: 'package',
  seal: 'partner-key',
  fileName: 'icj-2026-11-20.confidant-share',
  persons: [
    {
      personId: 7,
      codename: 'Amber Heron',
      decision: 'named',
      ruled: 'named',
      reasons: [],
      riskLevel: 'low',
      assessmentVersion: 2,
      reviewState: 'current',
      consent: 'trusted_partners',
      fields: ['sphere', 'position'],
      overrideJustification: null,
    },
    {
      personId: 8,
      codename: 'Ruby Arrow',
      decision: 'named',
      ruled: 'codename',
      reasons: ['consent-below-recipient'],
      riskLevel: 'moderate',
      assessmentVersion: 1,
      reviewState: 'current',
      consent: 'internal',
      fields: ['region'],
      overrideJustification: 'She asked us in person on 18 November to be named to the ICJ.',
    },
    {
      personId: 9,
      codename: 'Slate Owl',
      decision: 'codename',
      ruled: 'codename',
      reasons: ['not-assessed'],
      riskLevel: null,
      assessmentVersion: null,
      reviewState: null,
      consent: 'not_asked',
      fields: [],
      overrideJustification: null,
    },
    {
      personId: null,
      codename: 'Iron Finch',
      decision: 'withheld',
      ruled: 'withheld',
      reasons: ['critical-risk'],
      riskLevel: 'critical',
      assessmentVersion: 4,
      reviewState: 'overdue',
      consent: 'public',
      fields: [],
      overrideJustification: null,
    },
  ],
};

const PARTNER: Partner = {
  id: 3,
  name: 'International Commission of Jurists',
  country: 'Switzerland',
  kind: 'international',
  themes: 'fair trial, judicial independence',
  trust: 'high',
  notes: 'Met at the Geneva seminar.',
  offersCount: 2,
  shareKeyFingerprint: null,
  shareKeyAddedAt: null,
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
};

const RECEIVED: ReceivedPackage[] = [
  {
    id: 1,
    importedAt: '2026-10-01T10:00:00.000Z',
    createdAt: '2026-09-30T10:00:00.000Z',
    senderLabel: 'International Commission of Jurists',
    senderFingerprint: 'AB12 CD34 EF56 7890',
    partnerId: 3,
    purpose: 'Judges at risk in the north',
    persons: 3,
    created: 2,
    matched: 1,
  },
  {
    id: 2,
    importedAt: '2026-10-05T10:00:00.000Z',
    createdAt: '2026-10-04T10:00:00.000Z',
    senderLabel: 'Someone else',
    senderFingerprint: null,
    partnerId: null,
    purpose: 'Prosecutors',
    persons: 1,
    created: 1,
    matched: 0,
  },
];

function preview(overrides: Partial<PackagePreview> = {}): PackagePreview {
  return {
    sender: {
      verified: false,
      fingerprint: null,
      partnerId: null,
      partnerName: null,
      label: 'Helsinki Group',
    },
    createdAt: '2026-11-19T08:00:00.000Z',
    purpose: 'Officials who may help with the prison visits',
    persons: [
      {
        codename: 'Amber Heron',
        fullName: 'Anna Petrova',
        sphere: 'judiciary',
        region: 'North',
        position: 'Judge',
        agency: null,
        about: null,
        notes: [{ occurredOn: '2026-10-01', title: 'Met', body: 'Coffee.' }],
        match: { personId: 7, codename: 'Amber Heron' },
      },
      {
        codename: 'Grey Lynx',
        fullName: null,
        sphere: null,
        region: null,
        position: null,
        agency: null,
        about: null,
        notes: null,
        match: null,
      },
    ],
    withheldCount: 2,
    alreadyImportedAt: null,
    ...overrides,
  };
}

type Handler = (input: never) => unknown;
let handlers: Record<string, Handler>;
let calls: Record<string, unknown[]>;
/** Channels that answer with an error code instead of their handler. */
let refuse: Record<string, ErrorCode | undefined>;

function bridge(): Window['confidant'] {
  const domains: Record<
    string,
    Record<string, (input: unknown) => Promise<ApiResult<unknown>>>
  > = {};
  for (const [channel, handler] of Object.entries(handlers)) {
    const [domain = '', verb = ''] = channel.split(':');
    domains[domain] ??= {};
    domains[domain][verb] = (input: unknown) => {
      (calls[channel] ??= []).push(input);
      const code = refuse[channel];
      if (code) return Promise.resolve({ ok: false, error: { code, details: {} } });
      return Promise.resolve({ ok: true, value: handler(input as never) });
    };
  }
  return domains as unknown as Window['confidant'];
}

beforeEach(() => {
  queryClient.clear();
  resetNavigation();
  calls = {};
  refuse = {};
  handlers = {
    'disclosures:list': () => ({ disclosures: [DISCLOSURE], total: 1 }),
    'disclosures:outsideKnowledge': () => ({ recipients: [] }),
    'share:ownKey': () => ({
      publicKey: 'cfs1-PUBLICKEYTEXT',
      fingerprint: 'A1B2C3D4E5F60718',
      createdAt: '2026-11-01T10:00:00.000Z',
    }),
    'share:inspectKey': () => ({ fingerprint: '9F8E 7D6C 5B4A 3210', partnerId: null }),
    'share:previewPackage': () => preview(),
    'share:importPackage': () => ({ receivedId: 3, created: 1, matched: 1 }),
    'share:received': () => ({ rows: RECEIVED }),
    'partners:get': () => PARTNER,
    'partners:list': () => ({ rows: [PARTNER], total: 1 }),
    'partners:setShareKey': () => ({ fingerprint: '9F8E 7D6C 5B4A 3210' }),
    'clipboard:copyName': (input: { confirmed: boolean }) => ({
      riskLevel: input.confirmed ? 'critical' : 'low',
      clearAfterSeconds: 30,
    }),
  };
  window.confidant = bridge();
});
afterEach(cleanup);

function withQueries(ui: ReactElement) {
  return <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>;
}

/** Handlers changed inside a test take effect through a fresh bridge. */
function rebridge() {
  window.confidant = bridge();
}

function press(name: string | RegExp, scope?: HTMLElement) {
  fireEvent.click((scope ? within(scope) : screen).getByRole('button', { name }));
}

function errorText(code: ErrorCode): string {
  return errorMessage(i18n.t, { code, details: {} });
}

/** axe-core's rules that work without layout (jsdom cannot compute colours). */
async function expectNoAxeViolations(context: Element) {
  const results = await axe.run(context, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.html ?? ''}`)).toEqual([]);
}

/** The fingerprints shown in `scope`, as read (their groups are separate spans). */
function fingerprints(scope: HTMLElement = document.body): string[] {
  return [...scope.querySelectorAll('.fingerprint')].map((element) => element.textContent);
}

/** The rows of an output's persons table by codename (a missing one fails the test). */
function personRows(article: HTMLElement) {
  const table = within(article).getByRole('table');
  const rows = within(table).getAllByRole('row').slice(1);
  const byCodename = new Map(
    rows.map((row) => [within(row).getByRole('rowheader').textContent, row]),
  );
  return {
    codenames: [...byCodename.keys()],
    row(codename: string): HTMLElement {
      const row = byCodename.get(codename);
      if (!row) throw new Error(`no row for ${codename}`);
      return row;
    },
  };
}

describe('fingerprintGroups', () => {
  it('keeps the core’s groups, or makes groups of four', () => {
    expect(fingerprintGroups('AB12 CD34 EF56')).toEqual(['AB12', 'CD34', 'EF56']);
    expect(fingerprintGroups('ab12-cd34')).toEqual(['ab12', 'cd34']);
    expect(fingerprintGroups('A1B2C3D4E5')).toEqual(['A1B2', 'C3D4', 'E5']);
  });
});

describe('the disclosure log', () => {
  it('shows an output with named, codename-only and withheld persons and an override, in English', async () => {
    const { container } = await renderIn('en', withQueries(<DisclosureLog />));
    const article = await screen.findByRole('article', {
      name: /Encrypted package for International Commission of Jurists/,
    });
    expect(calls['disclosures:list']?.[0]).toEqual({
      personId: null,
      partnerId: null,
      limit: 50,
      offset: 0,
    } satisfies DisclosureQueryInput);
    expect(screen.getByText(/The log can only grow/)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('1 of 1 output');
    // The facts of the output.
    expect(within(article).getByText('Encrypted package, sealed to their share key')).toBeTruthy();
    expect(within(article).getByText('Shortlist for the judicial reform seminar')).toBeTruthy();
    expect(within(article).getByText('L. Karimova')).toBeTruthy();
    expect(within(article).getByText('icj-2026-11-20.confidant-share')).toBeTruthy();
    expect(
      within(article).getByRole('link', { name: 'International Commission of Jurists' }),
    ).toBeTruthy();

    const rows = personRows(article);
    expect(rows.codenames).toEqual(['Amber Heron', 'Ruby Arrow', 'Slate Owl', 'Iron Finch']);
    const amber = rows.row('Amber Heron');
    expect(amber.textContent).toContain('Named');
    expect(amber.textContent).toContain('Low');
    expect(amber.textContent).toContain('assessment v2');
    expect(amber.textContent).toContain('Trusted partners');
    expect(amber.textContent).toContain('Sphere and Position');
    expect(amber.textContent).toContain('None');
    // The override: marked by a word, with what the rules said and the justification.
    const ruby = rows.row('Ruby Arrow');
    expect(ruby.className).toContain('disclosures-table__row--override');
    expect(within(ruby).getByText('Override')).toBeTruthy();
    expect(ruby.textContent).toContain(
      'The rules said “Codename only”; the reviewer chose “Named”.',
    );
    expect(ruby.textContent).toContain(
      'Justification: She asked us in person on 18 November to be named to the ICJ.',
    );
    expect(ruby.textContent).toContain('Why: consent does not cover this recipient');
    const slate = rows.row('Slate Owl');
    expect(slate.textContent).toContain('Codename only');
    expect(slate.textContent).toContain('Not assessed');
    expect(slate.textContent).toContain('none besides who they are');
    const finch = rows.row('Iron Finch');
    expect(finch.textContent).toContain('Withheld');
    expect(finch.textContent).toContain('Critical');
    expect(finch.textContent).toContain('Review overdue');
    expect(finch.textContent).toContain('nothing');
    // Each decision wears its own shape besides its word.
    const shapes = ['Amber Heron', 'Slate Owl', 'Iron Finch'].map(
      (codename) =>
        rows.row(codename).querySelector('.decision-icon path')?.getAttribute('d') ?? '',
    );
    expect(new Set(shapes).size).toBe(3);
    // A person deleted since is not a link; the others open their page.
    expect(within(finch).queryByRole('link')).toBeNull();
    fireEvent.click(within(amber).getByRole('link', { name: 'Amber Heron' }));
    expect(currentRoute()).toEqual({ area: 'person', id: 7 });
    await expectNoAxeViolations(container);
  });

  it('speaks Russian in Russian', async () => {
    await renderIn('ru', withQueries(<DisclosureLog />));
    const article = await screen.findByRole('article', {
      name: /Зашифрованный пакет для получателя «International Commission of Jurists»/,
    });
    expect(screen.getByText(/Журнал только пополняется/)).toBeTruthy();
    expect(
      within(article).getByText('Зашифрованный пакет, запечатан их ключом обмена'),
    ).toBeTruthy();
    const rows = personRows(article);
    expect(rows.row('Amber Heron').textContent).toContain('С именем');
    expect(rows.row('Amber Heron').textContent).toContain('Сфера и Должность');
    expect(rows.row('Slate Owl').textContent).toContain('Только кодовое имя');
    expect(rows.row('Iron Finch').textContent).toContain('Не передавали');
    expect(rows.row('Iron Finch').textContent).toContain('Критический');
    const ruby = rows.row('Ruby Arrow');
    expect(within(ruby).getByText('Исключение')).toBeTruthy();
    expect(ruby.textContent).toContain(
      'По правилам — «Только кодовое имя»; при проверке выбрано «С именем».',
    );
    expect(ruby.textContent).toContain('Обоснование: She asked us in person');
  });

  for (const language of ['en', 'ru'] as const) {
    it(`words the organisation's own leadership in the user's language, never "internal" (${language})`, async () => {
      handlers['disclosures:list'] = () => ({
        disclosures: [
          {
            ...DISCLOSURE,
            id: 13,
            recipientKind: 'internal',
            partnerId: null,
            recipientLabel: 'internal',
            output: 'html',
            seal: null,
          },
        ],
        total: 1,
      });
      rebridge();
      await renderIn(language, withQueries(<DisclosureLog />));
      const title =
        language === 'en'
          ? 'HTML dossier for Internal leadership'
          : 'Досье HTML для получателя «Руководство организации»';
      const article = await screen.findByRole('article', { name: new RegExp(title) });
      expect(article.textContent).not.toMatch(/internal/);
      // The recipient is said once: the kind is its own name.
      const recipient = language === 'en' ? 'Internal leadership' : 'Руководство организации';
      expect(within(article).getAllByText(recipient)).toHaveLength(1);
    });
  }

  it('is filtered by partner, without linking the partner to itself, and says when it is empty', async () => {
    await renderIn('en', withQueries(<DisclosureLog partnerId={3} />));
    const article = await screen.findByRole('article');
    expect(calls['disclosures:list']?.[0]).toMatchObject({ personId: null, partnerId: 3 });
    expect(
      within(article).queryByRole('link', { name: 'International Commission of Jurists' }),
    ).toBeNull();
    // Embedded in a page section, entries are h3.
    expect(within(article).getByRole('heading', { level: 3 })).toBeTruthy();
    cleanup();
    queryClient.clear();
    handlers['disclosures:list'] = () => ({ disclosures: [], total: 0 });
    rebridge();
    await renderIn('en', withQueries(<DisclosureLog partnerId={3} />));
    expect(await screen.findByText('Nothing has been sent to this partner yet.')).toBeTruthy();
  });

  it('pages through a long log', async () => {
    handlers['disclosures:list'] = (input: DisclosureQueryInput) => ({
      disclosures: [{ ...DISCLOSURE, id: 100 + (input.offset ?? 0) }],
      total: 120,
    });
    rebridge();
    await renderIn('en', withQueries(<DisclosureLog />));
    expect(await screen.findByText('Page 1 of 3')).toBeTruthy();
    press('Next page');
    expect(await screen.findByText('Page 2 of 3')).toBeTruthy();
    expect(calls['disclosures:list']?.at(-1)).toMatchObject({ offset: 50, limit: 50 });
  });
});

describe('who outside knows', () => {
  const RECIPIENTS: OutsideKnowledge[] = [
    {
      recipientKind: 'partner',
      partnerId: 3,
      recipientLabel: 'International Commission of Jurists',
      firstAt: '2026-03-12T10:00:00.000Z',
      lastAt: '2026-11-20T10:00:00.000Z',
      knowsName: true,
      fields: ['sphere', 'region'],
      disclosures: 3,
    },
    {
      recipientKind: 'publication',
      partnerId: null,
      recipientLabel: 'Annual report 2026',
      firstAt: '2026-06-01T10:00:00.000Z',
      lastAt: '2026-06-01T10:00:00.000Z',
      knowsName: false,
      fields: [],
      disclosures: 1,
    },
  ];

  it('lists each recipient: name or codename only, since when, which fields, how many outputs', async () => {
    handlers['disclosures:outsideKnowledge'] = () => ({ recipients: RECIPIENTS });
    rebridge();
    const { container } = await renderIn('en', withQueries(<OutsideKnowledgePanel personId={7} />));
    const section = screen.getByRole('region', { name: 'Who outside knows' });
    const items = await within(section).findAllByRole('listitem');
    expect(calls['disclosures:outsideKnowledge']?.[0]).toEqual({ personId: 7 });
    expect(items).toHaveLength(2);
    const [icj, report] = items as [HTMLElement, HTMLElement];
    expect(
      within(icj).getByRole('link', { name: 'International Commission of Jurists' }),
    ).toBeTruthy();
    expect(icj.textContent).toContain('Knows the name');
    expect(icj.textContent).toContain('3 outputs');
    expect(icj.textContent).toContain('Fields: Sphere and Region');
    expect(icj.textContent).toMatch(/Since 12 Mar 2026, last on 20 Nov 2026/);
    expect(report.textContent).toContain('Annual report 2026');
    expect(report.textContent).toContain('Publication');
    expect(report.textContent).toContain('Codename only');
    expect(report.textContent).toContain('1 output');
    expect(report.textContent).not.toContain('last on');
    await expectNoAxeViolations(container);
  });

  it('says when no one outside was given anything', async () => {
    handlers['disclosures:outsideKnowledge'] = () => ({ recipients: [], internal: null });
    rebridge();
    await renderIn('ru', withQueries(<OutsideKnowledgePanel personId={7} />));
    expect(
      await screen.findByText('Никому вне организации ничего об этом человеке не передавалось.'),
    ).toBeTruthy();
    expect(
      screen.getByRole('heading', { level: 2, name: 'Кто знает вне организации' }),
    ).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Внутри организации' })).toBeNull();
  });

  it('shows what the leadership was given apart, not as outside knowledge (ru)', async () => {
    const [icj] = RECIPIENTS as [OutsideKnowledge];
    handlers['disclosures:outsideKnowledge'] = () => ({
      recipients: [icj],
      internal: {
        recipientKind: 'internal',
        partnerId: null,
        recipientLabel: 'internal',
        firstAt: '2026-02-01T10:00:00.000Z',
        lastAt: '2026-02-01T10:00:00.000Z',
        knowsName: true,
        fields: ['position'],
        disclosures: 1,
      },
    });
    rebridge();
    const { container } = await renderIn('ru', withQueries(<OutsideKnowledgePanel personId={7} />));
    const section = screen.getByRole('region', { name: 'Кто знает вне организации' });
    await within(section).findByRole('link', { name: 'International Commission of Jurists' });
    const [outside, inside] = within(section).getAllByRole('list') as [HTMLElement, HTMLElement];
    expect(within(outside).getAllByRole('listitem')).toHaveLength(1);
    expect(outside.textContent).not.toContain('Руководство организации');
    expect(
      within(section).getByRole('heading', { level: 3, name: 'Внутри организации' }),
    ).toBeTruthy();
    expect(inside.textContent).toContain('Руководство организации');
    expect(inside.textContent).toContain('Знают имя');
    expect(section.textContent).not.toMatch(/internal/);
    await expectNoAxeViolations(container);
  });
});

describe('copying a name', () => {
  it('asks first for a person at critical risk, and copies only when confirmed', async () => {
    const { baseElement } = await renderIn(
      'en',
      withQueries(<CopyNameButton personId={7} fullName="Anna Petrova" riskLevel="critical" />),
    );
    press('Copy name');
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Copy the name of a person at risk?',
    });
    expect(within(dialog).getByText('Risk: Critical')).toBeTruthy();
    expect(calls['clipboard:copyName']).toBeUndefined();
    await expectNoAxeViolations(baseElement);
    // Cancel copies nothing.
    press('Cancel', dialog);
    await waitFor(() => {
      expect(screen.queryByRole('alertdialog')).toBeNull();
    });
    expect(calls['clipboard:copyName']).toBeUndefined();

    press('Copy name');
    press('Copy the name', await screen.findByRole('alertdialog'));
    await waitFor(() => {
      expect(screen.queryByRole('alertdialog')).toBeNull();
    });
    expect(calls['clipboard:copyName']).toEqual([{ personId: 7, confirmed: true }]);
    expect(screen.getByRole('status').textContent).toBe(
      'Name copied (risk: Critical). The clipboard will be cleared in 30 seconds.',
    );
  });

  it('copies at once for a person at low risk, and says the risk and when the clipboard clears', async () => {
    await renderIn(
      'en',
      withQueries(<CopyNameButton personId={7} fullName="Anna Petrova" riskLevel="low" />),
    );
    press('Copy name');
    await waitFor(() => {
      expect(screen.getByRole('status').textContent).toBe(
        'Name copied (risk: Low). The clipboard will be cleared in 30 seconds.',
      );
    });
    expect(calls['clipboard:copyName']).toEqual([{ personId: 7, confirmed: false }]);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('says "not assessed" in Russian when the person has no assessment', async () => {
    handlers['clipboard:copyName'] = () => ({ riskLevel: null, clearAfterSeconds: 45 });
    rebridge();
    await renderIn(
      'ru',
      withQueries(<CopyNameButton personId={7} fullName="Анна Петрова" riskLevel={null} />),
    );
    press('Скопировать имя');
    await waitFor(() => {
      expect(screen.getByRole('status').textContent).toBe(
        'Имя скопировано (риск: не оценён). Буфер обмена будет очищен через 45 с.',
      );
    });
  });

  it('asks when the core says the page was stale (COPY_NEEDS_CONFIRMATION)', async () => {
    refuse['clipboard:copyName'] = 'COPY_NEEDS_CONFIRMATION';
    await renderIn(
      'en',
      withQueries(<CopyNameButton personId={7} fullName="Anna Petrova" riskLevel="low" />),
    );
    press('Copy name');
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText('This person’s risk is now high or critical.')).toBeTruthy();
    refuse = {};
    press('Copy the name', dialog);
    await waitFor(() => {
      expect(screen.queryByRole('alertdialog')).toBeNull();
    });
    expect(calls['clipboard:copyName']).toEqual([
      { personId: 7, confirmed: false },
      { personId: 7, confirmed: true },
    ]);
  });

  it('shows the core’s other refusals', async () => {
    refuse['clipboard:copyName'] = 'CLIPBOARD_UNAVAILABLE';
    await renderIn(
      'en',
      withQueries(<CopyNameButton personId={7} fullName="Anna Petrova" riskLevel="moderate" />),
    );
    press('Copy name');
    expect((await screen.findByRole('alert')).textContent).toBe(errorText('CLIPBOARD_UNAVAILABLE'));
  });
});

describe('share keys', () => {
  it('shows our key with a Copy button and the fingerprint in groups with what to do', async () => {
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: {
        writeText: (text: string) => {
          written.push(text);
          return Promise.resolve();
        },
      },
    });
    const { container } = await renderIn('en', withQueries(<OwnShareKey />));
    const key = await screen.findByRole('textbox', { name: 'Share key' });
    expect((key as HTMLTextAreaElement).value).toBe('cfs1-PUBLICKEYTEXT');
    expect(key.hasAttribute('readonly')).toBe(true);
    expect(container.querySelector('.fingerprint--large')?.textContent).toBe('A1B2 C3D4 E5F6 0718');
    expect(screen.getByText(/read the fingerprint out over the phone/)).toBeTruthy();
    expect(screen.getByText(/by e-mail or messenger/)).toBeTruthy();
    press('Copy key');
    await waitFor(() => {
      expect(screen.getByRole('status').textContent).toBe('Share key copied.');
    });
    expect(written).toEqual(['cfs1-PUBLICKEYTEXT']);
    await expectNoAxeViolations(container);
  });

  it('saves a partner’s key only once its fingerprint is confirmed to match', async () => {
    const { container } = await renderIn('en', withQueries(<PartnerShareKey partner={PARTNER} />));
    expect(screen.getByText(/No share key yet/)).toBeTruthy();
    const save = screen.getByRole('button', { name: 'Save key' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByRole('textbox', { name: 'Their share key' }), {
      target: { value: '  cfs1-THEIRKEY  ' },
    });
    await waitFor(() => {
      expect(fingerprints()).toEqual(['9F8E 7D6C 5B4A 3210']);
    });
    expect(calls['share:inspectKey']).toEqual([{ publicKey: 'cfs1-THEIRKEY' }]);
    expect(
      screen.getByText(
        'Ask them to read their fingerprint out over the phone: it must match exactly.',
      ),
    ).toBeTruthy();
    // Not without the tick.
    expect((save as HTMLButtonElement).disabled).toBe(true);
    const tick = screen.getByRole('checkbox', {
      name: /The fingerprint matches what they read out/,
    });
    fireEvent.click(tick);
    expect((save as HTMLButtonElement).disabled).toBe(false);
    await expectNoAxeViolations(container);
    // Another key: the tick goes, and the new key is checked again.
    fireEvent.change(screen.getByRole('textbox', { name: 'Their share key' }), {
      target: { value: 'cfs1-THEIRKEY2' },
    });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    await waitFor(() => {
      expect(calls['share:inspectKey']).toHaveLength(2);
    });
    fireEvent.click(await screen.findByRole('checkbox', { name: /matches/ }));
    press('Save key');
    await waitFor(() => {
      expect(calls['partners:setShareKey']).toEqual([{ id: 3, publicKey: 'cfs1-THEIRKEY2' }]);
    });
    expect(await screen.findByText('Share key saved.')).toBeTruthy();
  });

  it('shows a key the core refuses as an error', async () => {
    refuse['share:inspectKey'] = 'SHARE_KEY_MALFORMED';
    await renderIn('en', withQueries(<PartnerShareKey partner={PARTNER} />));
    fireEvent.change(screen.getByRole('textbox', { name: 'Their share key' }), {
      target: { value: 'not a key' },
    });
    expect((await screen.findByRole('alert')).textContent).toBe(errorText('SHARE_KEY_MALFORMED'));
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('shows a stored key’s fingerprint and removes it after asking', async () => {
    const stored = {
      ...PARTNER,
      shareKeyFingerprint: 'AB12 CD34 EF56 7890',
      shareKeyAddedAt: '2026-05-04T10:00:00.000Z',
    };
    await renderIn('en', withQueries(<PartnerShareKey partner={stored} />));
    expect(fingerprints()).toEqual(['AB12 CD34 EF56 7890']);
    expect(screen.getByText('Added on 4 May 2026.')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    press('Remove key…');
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Remove the share key of “International Commission of Jurists”?',
    });
    expect(calls['partners:setShareKey']).toBeUndefined();
    press('Remove key', dialog);
    await waitFor(() => {
      expect(calls['partners:setShareKey']).toEqual([{ id: 3, publicKey: null }]);
    });
    expect(await screen.findByText('Share key removed.')).toBeTruthy();
  });
});

describe('received packages', () => {
  async function choosePackage(container: HTMLElement, name = 'from-helsinki.confidant-share') {
    const input = container.querySelector('input[type="file"]');
    if (!(input instanceof HTMLInputElement)) throw new Error('no file input');
    const file = new File([new Uint8Array([1, 2, 3, 4])], name);
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
      await Promise.resolve();
    });
  }

  it('asks for the passphrase, then shows an unverified sender and what matches', async () => {
    refuse['share:previewPackage'] = 'PACKAGE_PASSPHRASE_NEEDED';
    const { container } = await renderIn('en', withQueries(<ReceivedPackages />));
    expect(
      screen.getByText(/kept as restricted notes, so it never leaves this vault again/),
    ).toBeTruthy();
    await choosePackage(container);
    const field = await screen.findByLabelText('One-time passphrase');
    expect(calls['share:previewPackage']).toEqual([
      { fileName: 'from-helsinki.confidant-share', base64: 'AQIDBA==', passphrase: null },
    ] satisfies PackageFileInput[]);
    refuse = {};
    fireEvent.change(field, { target: { value: 'correct horse' } });
    press('Open with this passphrase');
    const panel = await screen.findByRole('region', { name: 'Where it comes from' });
    expect(calls['share:previewPackage']?.[1]).toMatchObject({ passphrase: 'correct horse' });
    // The sender cannot be verified: said in words, with a warning shape.
    expect(within(panel).getByText('Sealed with a passphrase')).toBeTruthy();
    expect(within(panel).getByText(/the sender cannot be verified/)).toBeTruthy();
    expect(within(panel).getByText(/“Helsinki Group”/)).toBeTruthy();
    expect(within(panel).getByText('Officials who may help with the prison visits')).toBeTruthy();
    const rows = within(within(panel).getByRole('table')).getAllByRole('row').slice(1);
    const [amber, lynx] = rows as [HTMLElement, HTMLElement];
    expect(amber.textContent).toContain('Anna Petrova');
    expect(amber.textContent).toContain('Already here as');
    expect(amber.textContent).toContain('gets a restricted note');
    expect(amber.textContent).toContain('Position: Judge');
    expect(amber.textContent).toContain('1 note');
    expect(within(amber).getByRole('link', { name: 'Amber Heron' })).toBeTruthy();
    expect(lynx.textContent).toContain('Codename only');
    expect(lynx.textContent).toContain('New: will be added');
    expect(
      within(panel).getByText('The sender withheld 2 persons: they are not in the package.'),
    ).toBeTruthy();
    await expectNoAxeViolations(container);

    press('Import package');
    expect(
      await screen.findByText(
        'Imported: 1 added as new persons, 1 matched persons given a restricted note.',
      ),
    ).toBeTruthy();
    expect(calls['share:importPackage']).toEqual([
      {
        fileName: 'from-helsinki.confidant-share',
        base64: 'AQIDBA==',
        passphrase: 'correct horse',
      },
    ]);
    expect(screen.queryByRole('region', { name: 'Where it comes from' })).toBeNull();
  });

  it('warns about an unknown key and shows its fingerprint; a verified partner is named', async () => {
    handlers['share:previewPackage'] = () =>
      preview({
        sender: {
          verified: false,
          fingerprint: '1111 2222 3333 4444',
          partnerId: null,
          partnerName: null,
          label: 'ICJ (so it says)',
        },
      });
    rebridge();
    const { container } = await renderIn('en', withQueries(<ReceivedPackages />));
    await choosePackage(container);
    const panel = await screen.findByRole('region', { name: 'Where it comes from' });
    expect(within(panel).getByText('Unknown key')).toBeTruthy();
    expect(fingerprints(panel)).toEqual(['1111 2222 3333 4444']);
    cleanup();
    queryClient.clear();
    handlers['share:previewPackage'] = () =>
      preview({
        sender: {
          verified: true,
          fingerprint: 'AB12 CD34 EF56 7890',
          partnerId: 3,
          partnerName: 'International Commission of Jurists',
          label: 'ICJ',
        },
      });
    rebridge();
    const second = await renderIn('en', withQueries(<ReceivedPackages />));
    await choosePackage(second.container);
    const verified = await screen.findByRole('region', { name: 'Where it comes from' });
    expect(within(verified).getByText('Verified')).toBeTruthy();
    expect(
      within(verified).getByRole('link', { name: 'International Commission of Jurists' }),
    ).toBeTruthy();
  });

  it('blocks a package already imported', async () => {
    handlers['share:previewPackage'] = () =>
      preview({ alreadyImportedAt: '2026-11-02T12:00:00.000Z' });
    rebridge();
    const { container } = await renderIn('en', withQueries(<ReceivedPackages />));
    await choosePackage(container);
    expect(await screen.findByText(/was already imported on 2 Nov 2026/)).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Import package' }).disabled).toBe(
      true,
    );
  });

  it('shows the core’s refusal of a package for another vault', async () => {
    refuse['share:previewPackage'] = 'PACKAGE_NOT_FOR_THIS_VAULT';
    const { container } = await renderIn('en', withQueries(<ReceivedPackages />));
    await choosePackage(container);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(errorText('PACKAGE_NOT_FOR_THIS_VAULT'));
    expect(screen.queryByRole('region', { name: 'Where it comes from' })).toBeNull();
    expect(screen.queryByLabelText('One-time passphrase')).toBeNull();
  });

  it('lists the packages received so far, newest first, in Russian', async () => {
    await renderIn('ru', withQueries(<ReceivedPackages />));
    const table = await screen.findByRole('table', {
      name: 'Полученные пакеты, сначала последние',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.querySelectorAll('td')[2]?.textContent)).toEqual([
      'Prosecutors',
      'Judges at risk in the north',
    ]);
    const [newest, older] = rows as [HTMLElement, HTMLElement];
    expect(newest.textContent).toContain('не подтверждено');
    expect(
      within(older).getByRole('link', { name: 'International Commission of Jurists' }),
    ).toBeTruthy();
  });
});

describe('the partner page', () => {
  it('shows the partner, its key, what we told them and what they sent', async () => {
    handlers['share:received'] = () => ({ rows: RECEIVED });
    rebridge();
    const { container } = await renderIn('en', withQueries(<PartnerPage id={3} />));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'International Commission of Jurists' }),
    ).toBeTruthy();
    expect(calls['partners:get']?.[0]).toEqual({ id: 3 });
    expect(screen.getByText('Switzerland')).toBeTruthy();
    expect(screen.getByText('fair trial, judicial independence')).toBeTruthy();
    expect(screen.getByText('Met at the Geneva seminar.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Share key' })).toBeTruthy();
    const told = screen.getByRole('region', { name: 'What we have told them' });
    expect(await within(told).findByRole('article')).toBeTruthy();
    expect(calls['disclosures:list']?.[0]).toMatchObject({ partnerId: 3 });
    const received = screen.getByRole('region', { name: 'Received from them' });
    const rows = within(await within(received).findByRole('table'))
      .getAllByRole('row')
      .slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.textContent).toContain('Judges at risk in the north');
    await expectNoAxeViolations(container);

    press('Share with this partner…');
    expect(currentRoute()).toEqual({ area: 'shares', tab: 'review', partnerId: 3 });
  });

  it('is opened from the partner’s name in the list', async () => {
    await renderIn('en', withQueries(<PartnersArea />));
    fireEvent.click(
      await screen.findByRole('link', { name: 'International Commission of Jurists' }),
    );
    expect(currentRoute()).toEqual({ area: 'partner', id: 3 });
    // The name opens the page, not the edit form.
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
