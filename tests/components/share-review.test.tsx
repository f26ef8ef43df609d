// @vitest-environment jsdom
/**
 * The risk review before any name leaves the vault, over a stand-in bridge: three persons
 * reviewed (named, codename for lack of consent, withheld for critical risk) in English and
 * Russian; an override that keeps the write button disabled until its reason and codename
 * stand; the exact request the export channel receives; a core refusal shown while
 * everything typed stays; the one-time passphrase of a package; a partner without a key.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult, Input, Language, Output } from '../../shared/contract.ts';
import type { ErrorCode } from '../../shared/error-codes.ts';
import { errorMessage } from '../../shared/i18n/error-message.ts';
import type { Partner, PersonListRow } from '../../shared/records.ts';
import type { ReviewCandidate, ShareReview, ShareWritten } from '../../shared/share.ts';
import { currentRoute, resetNavigation } from '../../renderer/src/app/navigation.ts';
import { queryClient } from '../../renderer/src/app/session.ts';
import { setAppInfo } from '../../renderer/src/app/app-info.ts';
import { ShareReviewWizard } from '../../renderer/src/features/share-review/ShareReviewWizard.tsx';
import { i18n } from '../../renderer/src/i18n/index.ts';
import { renderIn } from './render.tsx';

const TODAY = '2026-11-21';

function row(id: number, fullName: string, codename: string): PersonListRow {
  return {
    id,
    codename,
    fullName,
    position: 'Judge',
    agencyId: null,
    agencyName: null,
    sphere: 'judiciary',
    region: 'North',
    stage: 'collaborating',
    consent: 'internal',
    owner: 'LK',
    nextFollowUp: null,
    tags: [],
    archived: false,
    riskLevel: null,
  };
}

const PERSONS = [
  row(1, 'Anna Petrova', 'Amber Heron'),
  row(2, 'Boris Ivanov', 'Ruby Arrow'),
  row(3, 'Vera Sokolova', 'Slate Owl'),
];

function candidate(overrides: Partial<ReviewCandidate> & { personId: number }): ReviewCandidate {
  const person = PERSONS.find((p) => p.id === overrides.personId);
  if (!person) throw new Error(`no person ${String(overrides.personId)}`);
  return {
    codename: person.codename,
    fullName: person.fullName,
    stage: 'collaborating',
    riskLevel: 'low',
    assessmentVersion: 2,
    assessedOn: '2026-10-12',
    assessmentAgeDays: 40,
    reviewDueOn: '2027-04-12',
    reviewState: 'current',
    consent: 'trusted_partners',
    consentNeeded: 'trusted_partners',
    mitigations: [],
    decision: 'named',
    reasons: [],
    restrictedNotes: 0,
    alreadyKnown: [],
    ...overrides,
  };
}

/** Low risk, consent enough: named. No consent: codename. Critical: withheld. */
const CANDIDATES: ReviewCandidate[] = [
  candidate({
    personId: 1,
    alreadyKnown: [
      {
        disclosureId: 4,
        at: '2026-09-01T10:00:00.000Z',
        decision: 'codename',
        purpose: 'Trial monitoring report',
        fields: ['sphere'],
      },
    ],
  }),
  candidate({
    personId: 2,
    riskLevel: 'moderate',
    consent: 'not_asked',
    decision: 'codename',
    reasons: ['consent-below-recipient'],
    restrictedNotes: 2,
  }),
  candidate({
    personId: 3,
    riskLevel: 'critical',
    consent: 'public',
    assessmentAgeDays: 200,
    reviewDueOn: '2026-11-01',
    reviewState: 'overdue',
    mitigations: ['meet_privately'],
    decision: 'withheld',
    reasons: ['assessment-overdue', 'critical-risk'],
  }),
];

function partner(id: number, name: string, fingerprint: string | null): Partner {
  return {
    id,
    name,
    country: '',
    kind: 'international',
    themes: '',
    trust: 'high',
    notes: '',
    offersCount: 0,
    shareKeyFingerprint: fingerprint,
    shareKeyAddedAt: fingerprint ? '2026-10-01T10:00:00.000Z' : null,
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
  };
}

const WATCH = partner(10, 'Northern Rights Watch', null);
const KEYED = partner(11, 'Baltic Legal Aid', 'K7Q2-9XPA-LM3C');

let reviews: Input<'share:review'>[];
let dossiers: Input<'share:writeDossier'>[];
let lists: Input<'share:writeList'>[];
let packages: Input<'share:writePackage'>[];
let dialogs: Input<'dialog:chooseExportPath'>[];
let refuse: { code: ErrorCode; details: Record<string, string | number> } | null;
let fileDialogs: boolean;
let chosenPath: string | null;

function written(overrides: Partial<ShareWritten> = {}): ShareWritten {
  return {
    disclosureId: 31,
    path: '/home/lk/out/share.pdf',
    named: 1,
    codename: 1,
    withheld: 1,
    oneTimePassphrase: null,
    ...overrides,
  };
}

function answer<T>(value: T): Promise<ApiResult<T>> {
  if (refuse) return Promise.resolve({ ok: false, error: refuse });
  return Promise.resolve({ ok: true, value });
}

function reviewFor(input: Input<'share:review'>): ShareReview {
  const { recipient } = input;
  const label =
    recipient.kind === 'partner'
      ? ([WATCH, KEYED].find((p) => p.id === recipient.partnerId)?.name ?? '?')
      : recipient.kind === 'publication'
        ? recipient.title
        : 'Internal leadership';
  return {
    recipientLabel: label,
    today: TODAY,
    candidates: CANDIDATES.filter((c) => input.personIds.includes(c.personId)),
  };
}

// jsdom has no CSS.escape, which react-aria's Popover uses to read a meta tag by its name.
if (typeof globalThis.CSS === 'undefined') {
  globalThis.CSS = {
    escape: (value: string) => value.replace(/[^\w-]/g, (c) => `\\${c}`),
  } as unknown as typeof CSS;
}

const ok = <T,>(value: T): Promise<ApiResult<T>> => Promise.resolve({ ok: true, value });

beforeEach(() => {
  queryClient.clear();
  resetNavigation({ area: 'shares', tab: 'review' });
  reviews = [];
  dossiers = [];
  lists = [];
  packages = [];
  dialogs = [];
  refuse = null;
  fileDialogs = false;
  chosenPath = '/home/lk/Desktop/confidant-northern-rights-watch-2026-11-21.pdf';
  window.confidant = {
    persons: {
      // The persons a share starts with are loaded one by one (not the whole list).
      get: ({ id }: Input<'persons:get'>) => {
        const person = PERSONS.find((row) => row.id === id);
        return person
          ? ok({ person })
          : Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', details: {} } });
      },
    },
    partners: {
      list: () => ok({ rows: [WATCH, KEYED] }),
    },
    share: {
      review: (input: Input<'share:review'>) => {
        reviews.push(input);
        return ok(reviewFor(input));
      },
      writeDossier: (input: Input<'share:writeDossier'>) => {
        dossiers.push(input);
        return answer(written({ path: input.destination.path }));
      },
      writeList: (input: Input<'share:writeList'>) => {
        lists.push(input);
        return answer(written({ path: input.destination.path }));
      },
      writePackage: (input: Input<'share:writePackage'>) => {
        packages.push(input);
        return answer(
          written({
            path: input.destination.path,
            oneTimePassphrase: input.seal === 'passphrase' ? 'VX7K-29QM-TR4P-LL8A-C3ZD-96WE' : null,
          }),
        );
      },
    },
    dialog: {
      chooseExportPath: (input: Input<'dialog:chooseExportPath'>) => {
        dialogs.push(input);
        return ok({ path: chosenPath });
      },
    },
  } as unknown as Window['confidant'];
});
afterEach(cleanup);

function setInfo(language: Language) {
  const info: Output<'app:info'> = {
    version: '0.1.0',
    platform: 'linux',
    language,
    defaultVaultPath: '/home/lk/Documents/Confidant/Confidant.confidant',
    fileDialogs,
  };
  setAppInfo(info);
}

async function open(
  language: Language,
  props: { initialPersonIds?: number[]; initialPartnerId?: number | null } = {},
) {
  setInfo(language);
  const view = await renderIn(
    language,
    <QueryClientProvider client={queryClient}>
      <ShareReviewWizard
        initialPersonIds={props.initialPersonIds ?? [1, 2, 3]}
        initialPartnerId={props.initialPartnerId === undefined ? 10 : props.initialPartnerId}
      />
    </QueryClientProvider>,
  );
  // The persons the share started with are loaded into the picker.
  await screen.findByRole('row', { name: /Anna Petrova/ });
  return view;
}

function type(label: string | RegExp, value: string, scope?: HTMLElement) {
  const field = (scope ? within(scope) : screen).getByRole('textbox', { name: label });
  fireEvent.change(field, { target: { value } });
  return field as HTMLInputElement | HTMLTextAreaElement;
}

/** Fills step 1 and presses Review; returns when step 2 is on screen. */
async function review(
  labels = { purpose: 'Purpose', reviewedBy: 'Reviewed by', review: 'Review' },
) {
  type(labels.purpose, 'Quarterly briefing on judicial reform');
  type(labels.reviewedBy, 'Lena K.');
  fireEvent.click(screen.getByRole('button', { name: labels.review }));
  await waitFor(() => {
    expect(document.querySelectorAll('.share-person')).toHaveLength(3);
  });
}

/** What a text field holds now. */
function valueOf(label: string, scope?: HTMLElement): string {
  return (scope ? within(scope) : screen).getByRole<HTMLInputElement>('textbox', { name: label })
    .value;
}

function card(codename: string): HTMLElement {
  const group = screen.getByRole('radiogroup', { name: new RegExp(codename) });
  const article = group.closest('article');
  if (!article) throw new Error(`no card for ${codename}`);
  return article;
}

function decide(codename: string, decision: string) {
  const group = screen.getByRole('radiogroup', { name: new RegExp(codename) });
  fireEvent.click(within(group).getByRole('radio', { name: new RegExp(`^${decision}`) }));
}

function checked(codename: string): string | undefined {
  const group = screen.getByRole('radiogroup', { name: new RegExp(codename) });
  const radio = within(group)
    .getAllByRole<HTMLInputElement>('radio')
    .find((input) => input.checked);
  return radio?.value;
}

function writeButton(): HTMLButtonElement {
  return screen.getByRole<HTMLButtonElement>('button', { name: /^(Write|Записать) / });
}

function isDisabled(button: HTMLElement): boolean {
  return (button as HTMLButtonElement).disabled || button.getAttribute('aria-disabled') === 'true';
}

/** axe-core's rules that work without layout (jsdom cannot compute colours). */
async function expectNoAxeViolations(context: Element) {
  const results = await axe.run(context, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.html ?? ''}`)).toEqual([]);
}

describe('the review of three persons', () => {
  it('shows each person, the rules’ decision and its reasons, in English', async () => {
    const { container } = await open('en');
    await review();

    expect(reviews).toEqual([
      { recipient: { kind: 'partner', partnerId: 10 }, personIds: [1, 2, 3] },
    ]);
    expect(screen.getByText(/^For Northern Rights Watch\./)).toBeTruthy();

    const amber = card('Amber Heron');
    expect(within(amber).getByRole('heading', { name: 'Anna Petrova' })).toBeTruthy();
    expect(within(amber).getByText('Amber Heron', { selector: '.mono' })).toBeTruthy();
    expect(within(amber).getByText('Risk: Low')).toBeTruthy();
    expect(within(amber).getByText(/40 days ago · version 2/)).toBeTruthy();
    expect(within(amber).getByText('The rules decide: Named')).toBeTruthy();
    expect(
      within(amber).getByText('Nothing in the rules stands against naming them.'),
    ).toBeTruthy();
    expect(within(amber).getByText(/Trial monitoring report/)).toBeTruthy();
    expect(checked('Amber Heron')).toBe('named');

    const ruby = card('Ruby Arrow');
    expect(within(ruby).getByText('Risk: Moderate')).toBeTruthy();
    expect(
      within(ruby).getByText('Not asked — this recipient needs: Trusted partners', {
        exact: false,
      }),
    ).toBeTruthy();
    expect(within(ruby).getByText('(not enough)')).toBeTruthy();
    expect(within(ruby).getByText('The rules decide: Codename only')).toBeTruthy();
    expect(
      within(ruby).getByText(
        'What they consented to does not reach this recipient: only their codename may go.',
      ),
    ).toBeTruthy();
    expect(within(ruby).getByText('2 restricted notes: they never leave the vault')).toBeTruthy();
    expect(within(ruby).getByText('Nothing shared with this recipient before')).toBeTruthy();
    expect(checked('Ruby Arrow')).toBe('codename');

    const slate = card('Slate Owl');
    expect(within(slate).getByText('Risk: Critical')).toBeTruthy();
    expect(within(slate).getByText(/^review overdue since/)).toBeTruthy();
    expect(within(slate).getByText('The rules decide: Withheld')).toBeTruthy();
    expect(
      within(slate).getByText('Their risk is critical: nothing about them leaves the vault.'),
    ).toBeTruthy();
    expect(checked('Slate Owl')).toBe('withheld');

    expect(screen.getByText('1 named, 1 by codename, 1 withheld')).toBeTruthy();
    // No place to save yet: the button says what it would do, and why it cannot yet.
    expect(writeButton().textContent).toBe('Write PDF — 2 persons, 1 withheld');
    expect(isDisabled(writeButton())).toBe(true);
    expect(screen.getByText('Give the full path to save to.')).toBeTruthy();

    await expectNoAxeViolations(container);
  });

  it('speaks Russian in Russian', async () => {
    await open('ru');
    await review({ purpose: 'Цель', reviewedBy: 'Кто проверяет', review: 'Проверить' });

    const ruby = card('Ruby Arrow');
    expect(within(ruby).getByText('Риск: Умеренный')).toBeTruthy();
    expect(within(ruby).getByText('Решение правил: Только кодовое имя')).toBeTruthy();
    expect(
      within(ruby).getByText(
        'Согласие этого человека не распространяется на этого получателя: можно передать только кодовое имя.',
      ),
    ).toBeTruthy();
    expect(within(ruby).getByText('(недостаточно)')).toBeTruthy();
    expect(
      within(ruby).getByText('2 закрытые записи: они никогда не покидают хранилище'),
    ).toBeTruthy();
    expect(within(card('Amber Heron')).getByText(/40 дней назад · версия 2/)).toBeTruthy();
    const slate = card('Slate Owl');
    expect(within(slate).getByText('Риск: Критический')).toBeTruthy();
    expect(
      within(slate).getByText('Риск критический: ничего об этом человеке не покидает хранилище.'),
    ).toBeTruthy();
    expect(checked('Slate Owl')).toBe('withheld');

    expect(
      screen.getByText('По имени — 1, только кодовое имя — 1, не передаются — 1'),
    ).toBeTruthy();
    expect(writeButton().textContent).toBe('Записать PDF — 2 человека, 1 не передаётся');
  });

  it('asks for the purpose and the reviewer before reviewing', async () => {
    await open('en');
    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(await screen.findByText('Say why this goes out.')).toBeTruthy();
    expect(
      screen.getByText('Give your name: the disclosure log records who reviewed.'),
    ).toBeTruthy();
    expect(reviews).toEqual([]);
  });

  it('asks to review again when the recipient changes after the review', async () => {
    await open('en');
    await review();
    fireEvent.click(screen.getByRole('radio', { name: /^Internal leadership/ }));
    expect(
      await screen.findByText(/You changed the recipient or the persons after this review/),
    ).toBeTruthy();
    expect(document.querySelectorAll('.share-person')).toHaveLength(0);
  });
});

describe('overrides', () => {
  it('keeps the write button disabled until the reason is long enough and the codename matches', async () => {
    const { container } = await open('en');
    await review();
    type('Save to (full path)', '/home/lk/out/briefing.pdf');
    expect(isDisabled(writeButton())).toBe(false);

    // A more restrictive choice needs nothing.
    decide('Amber Heron', 'Codename only');
    expect(
      within(card('Amber Heron')).getByText(
        'More restrictive than the rules: nothing else is needed.',
      ),
    ).toBeTruthy();
    expect(isDisabled(writeButton())).toBe(false);

    // Opening up needs a reason and the codename.
    decide('Ruby Arrow', 'Named');
    const ruby = card('Ruby Arrow');
    expect(
      within(ruby).getByText('Override — will be recorded in the disclosure log'),
    ).toBeTruthy();
    expect(isDisabled(writeButton())).toBe(true);
    expect(
      screen.getByText('One override still needs its reason and the codename typed out.'),
    ).toBeTruthy();

    const reason = type('Why you override the rules', 'He asked us to', ruby);
    fireEvent.blur(reason);
    expect(
      within(ruby).getByText('Write at least 20 characters: a sentence, not a word.'),
    ).toBeTruthy();
    expect(within(ruby).getByText('14 of at least 20 characters.')).toBeTruthy();
    expect(isDisabled(writeButton())).toBe(true);

    type('Why you override the rules', 'He asked us to name him in this briefing', ruby);
    expect(isDisabled(writeButton())).toBe(true);

    const typed = type('Type the codename to confirm', 'Ruby Arow', ruby);
    fireEvent.blur(typed);
    expect(within(ruby).getByText('This is not their codename: type “Ruby Arrow”.')).toBeTruthy();
    expect(isDisabled(writeButton())).toBe(true);

    type('Type the codename to confirm', '  ruby arrow ', ruby);
    expect(within(ruby).getByText('Override complete.')).toBeTruthy();
    await expectNoAxeViolations(container);
    expect(isDisabled(writeButton())).toBe(false);
    expect(screen.getByText('1 named, 1 by codename, 1 withheld')).toBeTruthy();
    expect(writeButton().textContent).toBe('Write PDF — 2 persons, 1 withheld');

    // Back to the rules' decision: no override any more.
    decide('Ruby Arrow', 'Codename only');
    expect(
      within(card('Ruby Arrow')).queryByText('Override — will be recorded in the disclosure log'),
    ).toBeNull();
  });

  it('sends exactly the choices and overrides to share:writeDossier, then shows what was written', async () => {
    await open('en');
    await review();
    type('Purpose', '  Quarterly briefing on judicial reform  ');
    fireEvent.click(screen.getByRole('checkbox', { name: /^About/ }));
    decide('Amber Heron', 'Codename only');
    decide('Ruby Arrow', 'Named');
    const ruby = card('Ruby Arrow');
    type('Why you override the rules', ' He asked us to name him in this briefing ', ruby);
    type('Type the codename to confirm', 'ruby arrow', ruby);
    fireEvent.click(screen.getByRole('radio', { name: /^HTML dossier/ }));
    type('Save to (full path)', '/home/lk/out/briefing.html');
    fireEvent.click(writeButton());

    await screen.findByRole('heading', { name: 'Written' });
    expect(dossiers).toEqual([
      {
        review: {
          recipient: { kind: 'partner', partnerId: 10 },
          purpose: 'Quarterly briefing on judicial reform',
          reviewedBy: 'Lena K.',
          fields: ['sphere', 'region', 'position', 'agency', 'about'],
          choices: [
            { personId: 1, decision: 'codename', override: null },
            {
              personId: 2,
              decision: 'named',
              override: {
                justification: 'He asked us to name him in this briefing',
                typedCodename: 'ruby arrow',
              },
            },
            { personId: 3, decision: 'withheld', override: null },
          ],
        },
        format: 'html',
        destination: { path: '/home/lk/out/briefing.html', replaceExisting: false },
      },
    ]);
    expect(screen.getByText('/home/lk/out/briefing.html')).toBeTruthy();
    expect(screen.getByText('1 named, 1 by codename, 1 withheld')).toBeTruthy();
    expect(screen.getByText('Recorded in the disclosure log.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Open the disclosure log' }));
    expect(currentRoute()).toEqual({ area: 'shares', tab: 'log' });

    // A new share starts empty, remembering who reviews.
    fireEvent.click(screen.getByRole('button', { name: 'Start a new share' }));
    expect(valueOf('Purpose')).toBe('');
    expect(valueOf('Reviewed by')).toBe('Lena K.');
  });

  it('uses the native save dialog when there is one, with a suggested name, and lets it replace', async () => {
    fileDialogs = true;
    await open('en');
    await review();
    fireEvent.click(screen.getByRole('button', { name: 'Choose where to save…' }));
    expect(await screen.findByText(chosenPath ?? '')).toBeTruthy();
    expect(dialogs).toEqual([
      { suggestedName: 'confidant-northern-rights-watch-2026-11-21.pdf', kind: 'pdf' },
    ]);
    expect(screen.queryByRole('textbox', { name: 'Save to (full path)' })).toBeNull();
    fireEvent.click(writeButton());
    await screen.findByRole('heading', { name: 'Written' });
    expect(dossiers[0]?.format).toBe('pdf');
    expect(dossiers[0]?.destination).toEqual({ path: chosenPath, replaceExisting: true });
  });

  it('shows the core’s refusal next to the button and keeps everything typed', async () => {
    await open('en');
    await review();
    decide('Ruby Arrow', 'Named');
    const ruby = card('Ruby Arrow');
    type('Why you override the rules', 'He asked us to name him in this briefing', ruby);
    type('Type the codename to confirm', 'Ruby Arrow', ruby);
    type('Save to (full path)', '/home/lk/out/briefing.pdf');
    refuse = { code: 'SHARE_OVERRIDE_CODENAME_MISMATCH', details: { codename: 'Ruby Arrow' } };
    fireEvent.click(writeButton());

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      errorMessage(i18n.t, { code: 'SHARE_OVERRIDE_CODENAME_MISMATCH', details: refuse.details }),
    );
    expect(screen.queryByRole('heading', { name: 'Written' })).toBeNull();
    expect(valueOf('Purpose')).toBe('Quarterly briefing on judicial reform');
    expect(valueOf('Why you override the rules', ruby)).toBe(
      'He asked us to name him in this briefing',
    );
    expect(valueOf('Save to (full path)')).toBe('/home/lk/out/briefing.pdf');
    expect(checked('Ruby Arrow')).toBe('named');

    // Fixed in the core (say): the same press writes.
    refuse = null;
    fireEvent.click(writeButton());
    await screen.findByRole('heading', { name: 'Written' });
    expect(dossiers).toHaveLength(2);
  });
});

describe('outputs', () => {
  it('writes a spreadsheet list through share:writeList', async () => {
    await open('en');
    await review();
    fireEvent.click(screen.getByRole('radio', { name: /^Spreadsheet list/ }));
    type('Save to (full path)', 'briefing.csv');
    expect(
      screen.getByText(
        'Give the full path of the file, for example /home/lk/Documents/Confidant/confidant-northern-rights-watch-2026-11-21.csv.',
      ),
    ).toBeTruthy();
    expect(isDisabled(writeButton())).toBe(true);
    type('Save to (full path)', '/home/lk/out/briefing.csv');
    expect(writeButton().textContent).toBe('Write spreadsheet — 2 persons, 1 withheld');
    fireEvent.click(writeButton());
    await screen.findByRole('heading', { name: 'Written' });
    expect(dossiers).toEqual([]);
    expect(lists).toHaveLength(1);
    expect(lists[0]?.destination).toEqual({
      path: '/home/lk/out/briefing.csv',
      replaceExisting: false,
    });
  });
});

describe('share packages', () => {
  it('shows the one-time passphrase of a package once, with how to send it', async () => {
    const { container } = await open('en', { initialPartnerId: null });
    await review();
    fireEvent.click(screen.getByRole('radio', { name: /^Share package/ }));
    expect(
      screen.getByText(
        'Share keys belong to partner organisations: a package for this recipient is sealed to a one-time passphrase.',
      ),
    ).toBeTruthy();
    expect(
      screen.getByText(/The passphrase is shown once, after the package is written/),
    ).toBeTruthy();
    type('Save to (full path)', '/home/lk/out/leadership.confidant-share');
    expect(writeButton().textContent).toBe('Write package — 2 persons, 1 withheld');
    fireEvent.click(writeButton());

    await screen.findByRole('heading', { name: 'Written' });
    expect(packages).toHaveLength(1);
    expect(packages[0]?.seal).toBe('passphrase');
    expect(packages[0]?.review.recipient).toEqual({ kind: 'internal' });
    expect(screen.getByText('VX7K-29QM-TR4P-LL8A-C3ZD-96WE')).toBeTruthy();
    expect(screen.getByText(/It will not be shown again\./)).toBeTruthy();
    await expectNoAxeViolations(container);
  });

  it('offers only the passphrase for a partner without a share key, and points to their page', async () => {
    await open('en');
    await review();
    fireEvent.click(screen.getByRole('radio', { name: /^Share package/ }));
    expect(screen.getByText(/Northern Rights Watch has not sent us their share key/)).toBeTruthy();
    expect(screen.queryByRole('radio', { name: /share key/ })).toBeNull();
    expect(screen.getByText(/The passphrase is shown once/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open Northern Rights Watch’s page' }));
    expect(currentRoute()).toEqual({ area: 'partner', id: 10 });

    type('Save to (full path)', '/home/lk/out/watch.confidant-share');
    fireEvent.click(writeButton());
    await screen.findByRole('heading', { name: 'Written' });
    expect(packages[0]?.seal).toBe('passphrase');
    expect(screen.getByText('VX7K-29QM-TR4P-LL8A-C3ZD-96WE')).toBeTruthy();
  });

  it('seals to a partner’s share key when there is one, or to a passphrase if chosen', async () => {
    await open('en', { initialPartnerId: 11 });
    await review();
    fireEvent.click(screen.getByRole('radio', { name: /^Share package/ }));
    const key = screen.getByRole<HTMLInputElement>('radio', {
      name: /^To Baltic Legal Aid’s share key/,
    });
    expect(key.checked).toBe(true);
    expect(screen.getByText(/K7Q2-9XPA-LM3C/)).toBeTruthy();
    type('Save to (full path)', '/home/lk/out/baltic.confidant-share');
    fireEvent.click(writeButton());
    await screen.findByRole('heading', { name: 'Written' });
    expect(packages[0]?.seal).toBe('partner-key');
    expect(packages[0]?.review.recipient).toEqual({ kind: 'partner', partnerId: 11 });
    expect(screen.queryByText('One-time passphrase')).toBeNull();
  });
});
