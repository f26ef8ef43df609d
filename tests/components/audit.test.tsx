// @vitest-environment jsdom
/**
 * The audit trail screen over a stand-in bridge: entries read in English and Russian, known
 * actions as words and unknown ones as they are, details as words (never the stored keys and
 * values) and always plain text, what each entry is about, the filters sent as the query, and
 * Previous/Next pages.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditPage, AuditQueryInput } from '../../shared/audit.ts';
import type { Language } from '../../shared/contract.ts';
import { queryClient } from '../../renderer/src/app/session.ts';
import { AuditArea } from '../../renderer/src/features/audit/AuditArea.tsx';
import { renderIn } from './render.tsx';
import { dateGroup, typeDate } from './date-input.tsx';

const ENTRIES: AuditEntry[] = [
  {
    id: 5,
    at: '2026-11-24T14:05:00.000Z',
    action: 'note.created',
    category: 'note',
    subject: null,
    detail: { note: 12, persons: ['Amber Heron 42', 'Ruby Arrow 31'], restricted: true },
  },
  {
    id: 4,
    at: '2026-11-24T10:00:00.000Z',
    action: 'person.stage-changed',
    category: 'person',
    subject: 'Amber Heron 42',
    detail: { from: 'watching', to: 'in_contact' },
  },
  {
    id: 3,
    at: '2026-11-23T09:00:00.000Z',
    action: 'settings.changed',
    category: 'settings',
    subject: null,
    detail: { autoLockMinutes: { from: 10, to: 5 }, extra: { a: 1 } },
  },
  {
    id: 2,
    at: '2026-11-22T08:00:00.000Z',
    action: 'shares.exported',
    category: 'shares',
    subject: 'Ruby Arrow 31',
    detail: null,
  },
  {
    id: 1,
    at: '2026-11-20T08:00:00.000Z',
    action: 'person.created',
    category: 'person',
    subject: '<b>Amber Heron 42</b>',
    detail: { html: '<img src=x onerror=alert(1)>' },
  },
];

let queries: AuditQueryInput[];
let answer: (input: AuditQueryInput) => AuditPage;

// jsdom has no CSS.escape, which react-aria's Popover uses to read a meta tag by its name.
if (typeof globalThis.CSS === 'undefined') {
  globalThis.CSS = {
    escape: (value: string) => value.replace(/[^\w-]/g, (c) => `\\${c}`),
  } as unknown as typeof CSS;
}

const ok = (value: unknown) => Promise.resolve({ ok: true, value });

beforeEach(() => {
  queryClient.clear();
  queries = [];
  answer = () => ({ entries: ENTRIES, total: ENTRIES.length });
  window.confidant = {
    audit: {
      list: (input: AuditQueryInput) => {
        queries.push(input);
        return ok(answer(input));
      },
    },
  } as unknown as Window['confidant'];
});
afterEach(cleanup);

function renderAudit(language: Language) {
  return renderIn(
    language,
    <QueryClientProvider client={queryClient}>
      <AuditArea />
    </QueryClientProvider>,
  );
}

function bodyRows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent.trim()));
}

async function expectNoAxeViolations(container: HTMLElement) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.html ?? ''}`)).toEqual([]);
}

describe('the audit trail', () => {
  it('lists the entries in English, actions as words, details as text', async () => {
    const { container } = await renderAudit('en');
    expect(screen.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Audit trail entries, newest first' });
    expect(screen.getByRole('status').textContent).toBe('5 of 5 entries');
    const header = within(table).getAllByRole('columnheader');
    expect(header.map((h) => h.textContent)).toEqual(['When', 'What', 'About', 'Details']);
    const rows = bodyRows(table);
    expect(rows.map((row) => row.slice(1))).toEqual([
      // A note is about its persons; its detail reads as words.
      ['Note added', 'Amber Heron 42, Ruby Arrow 31', 'Note number: 12Restricted note: yes'],
      ['Stage changed', 'Amber Heron 42', 'Stage: Watching → In contact'],
      // About nothing in particular: a dash, read out as words.
      ['Settings changed', '—The vault as a whole', 'Lock after minutes idle: 10 → 5Extra: A: 1'],
      ['shares.exported', 'Ruby Arrow 31', ''],
      ['Person created', '<b>Amber Heron 42</b>', 'Html: <img src=x onerror=alert(1)>'],
    ]);
    // The trail says why it names no one who acted.
    screen.getByText(/does not record which member of the team acted/);
    // Date and time in the user's language (en-GB: day first).
    expect(rows[0]?.[0]).toMatch(/24 Nov 2026, \d\d:\d\d/);
    // Never HTML: the markup is text.
    expect(container.querySelector('img, b')).toBeNull();
    expect(queries[0]).toEqual({
      categories: [],
      subject: '',
      from: null,
      to: null,
      limit: 200,
      offset: 0,
    });
    await expectNoAxeViolations(container);
  });

  it('reads Russian', async () => {
    const { container } = await renderAudit('ru');
    expect(screen.getByRole('heading', { level: 1, name: 'Журнал действий' })).toBeTruthy();
    const table = await screen.findByRole('table', {
      name: 'События журнала действий, сначала последние',
    });
    expect(screen.getByRole('status').textContent).toBe('5 из 5 событий');
    const header = within(table).getAllByRole('columnheader');
    expect(header.map((h) => h.textContent)).toEqual([
      'Когда',
      'Что',
      'О ком или о чём',
      'Подробности',
    ]);
    const rows = bodyRows(table);
    expect(rows.map((row) => row[1])).toEqual([
      'Добавлена запись',
      'Изменён этап',
      'Изменены настройки',
      'shares.exported',
      'Добавлен человек',
    ]);
    expect(rows[0]?.[0]).toMatch(/24 нояб\. 2026 г\., \d\d:\d\d/);
    expect(rows[0]?.[3]).toBe('Номер записи: 12Закрытая запись: да');
    expect(rows[1]?.[3]).toBe('Этап: Наблюдаем → На связи');
    screen.getByRole('searchbox', { name: 'Кодовое имя содержит' });
    screen.getByRole('button', { name: 'Разделы: Любые' });
    dateGroup('С');
    dateGroup('По');
    await expectNoAxeViolations(container);
  });

  /** Entries as the core writes them, with detail keys and values of every kind. */
  const STORED: AuditEntry[] = [
    {
      id: 18,
      at: '2026-11-24T14:05:00.000Z',
      action: 'share.written',
      category: 'share',
      subject: null,
      detail: {
        disclosure: 3,
        output: 'html',
        recipientKind: 'internal',
        persons: ['Amber Heron 42: named', 'Ruby Arrow 31: codename'],
        overrides: 1,
      },
    },
    {
      id: 17,
      at: '2026-11-24T14:00:00.000Z',
      action: 'share.written',
      category: 'share',
      subject: null,
      detail: { disclosure: 4, output: 'package', seal: 'partner-key', recipientKind: 'partner' },
    },
    {
      id: 16,
      at: '2026-11-24T13:00:00.000Z',
      action: 'vault.locked',
      category: 'vault',
      subject: null,
      detail: { reason: 'idle' },
    },
    {
      id: 15,
      at: '2026-11-24T12:00:00.000Z',
      action: 'vault.unlocked',
      category: 'vault',
      subject: null,
      detail: { method: 'recovery-key', failedAttemptsBefore: 2 },
    },
    {
      id: 14,
      at: '2026-11-24T11:00:00.000Z',
      action: 'risk.assessed',
      category: 'risk',
      subject: 'Amber Heron 42',
      detail: {
        version: 2,
        level: 'high',
        reviewDueOn: '2027-02-01',
        consent: { from: 'not_asked', to: 'internal' },
      },
    },
    {
      id: 13,
      at: '2026-11-24T10:00:00.000Z',
      action: 'backup.written',
      category: 'backup',
      subject: null,
      detail: {
        file: 'office.confidant-backup',
        trigger: 'lock',
        opensWith: 'vault',
        bytes: 2_400_000,
      },
    },
    {
      id: 12,
      at: '2026-11-24T09:00:00.000Z',
      action: 'import.completed',
      category: 'import',
      subject: null,
      detail: { imported: 12_345, skipped: 2, encoding: 'utf-8' },
    },
    {
      id: 11,
      at: '2026-11-24T08:00:00.000Z',
      action: 'relationship.created',
      category: 'relationship',
      subject: 'Amber Heron 42',
      detail: { kind: 'introduced_by', to: 'Ruby Arrow 31' },
    },
    {
      id: 10,
      at: '2026-11-24T07:00:00.000Z',
      action: 'offer.updated',
      category: 'offer',
      subject: 'Amber Heron 42',
      detail: { offer: 1234, status: 'accepted', someNewKey: 'some-new-value' },
    },
  ];

  const WORDS = {
    en: [
      'Disclosure log entry: 3Output: HTML dossierRecipient: Internal leadershipPersons and decisions: Amber Heron 42 — Named, Ruby Arrow 31 — Codename onlyRules overridden for: 1',
      'Disclosure log entry: 4Output: Encrypted packageSealed: sealed to their share keyRecipient: Partner organisation',
      'Why: Not used for a while',
      'Opened with: Recovery keyWrong attempts before: 2',
      'Assessment version: 2Risk level: HighReview due: 1 Feb 2027Consent to be named: Not asked → Internal only',
      'File: office.confidant-backupStarted by: Locking the vaultOpens with: The vault’s passphrase or recovery keySize: 2.4 MB',
      'Persons added: 12,345Rows skipped: 2Text encoding: utf-8',
      'Relationship: was introduced byWith: Ruby Arrow 31',
      // A key this version does not know still reads as words; its value as stored.
      'Offer number: 1234Status: AcceptedSome new key: some-new-value',
    ],
    ru: [
      'Номер в журнале раскрытий: 3Что передано: Досье HTMLПолучатель: Руководство организацииЛюди и решения: Amber Heron 42 — С именем, Ruby Arrow 31 — Только кодовое имяРешение правил отменено для: 1',
      'Номер в журнале раскрытий: 4Что передано: Зашифрованный пакетКак запечатано: запечатан их ключом обменаПолучатель: Организация-партнёр',
      'Почему: Долго не пользовались',
      'Чем открыто: Ключ восстановленияНеудачных попыток перед этим: 2',
      'Версия оценки: 2Уровень риска: ВысокийПересмотр до: 1 февр. 2027 г.Согласие на упоминание имени: Не спрашивали → Только внутри',
      'Файл: office.confidant-backupЧто запустило: Блокировка хранилищаЧем открывается: Пароль или ключ восстановления хранилищаРазмер: 2,4 МБ',
      'Добавлено людей: 12\u00a0345Пропущено строк: 2Кодировка: utf-8',
      'Связь: знакомство черезС кем: Ruby Arrow 31',
      'Номер предложения: 1234Состояние: ПринятоSome new key: some-new-value',
    ],
  } as const;

  for (const language of ['en', 'ru'] as const) {
    it(`shows every detail in words, never the stored keys (${language})`, async () => {
      answer = () => ({ entries: STORED, total: STORED.length });
      const { container } = await renderAudit(language);
      const table = await screen.findByRole('table');
      const details = bodyRows(table).map((row) => row[3]);
      expect(details).toEqual(WORDS[language]);
      const text = table.textContent;
      for (const stored of [
        'recipientKind',
        'failedAttemptsBefore',
        'reviewDueOn',
        'introduced_by',
        'not_asked',
        'recovery-key',
        'partner-key',
        ': internal',
        ': partner',
        ': named',
      ])
        expect(text, stored).not.toContain(stored);
      // A count has the language's thousands separator; an id never does.
      expect(screen.getByRole('status').textContent).toBe(
        language === 'en' ? '9 of 9 entries' : '9 из 9 событий',
      );
      await expectNoAxeViolations(container);
    });
  }

  it('sends the filters as the query and says when nothing matches', async () => {
    await renderAudit('en');
    await screen.findByRole('table');
    answer = () => ({ entries: [], total: 0 });

    typeDate('From', '2026-11-01');
    typeDate('To', '2026-11-30');
    await waitFor(() => {
      expect(queries.at(-1)).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    });

    fireEvent.change(screen.getByRole('searchbox', { name: 'Codename contains' }), {
      target: { value: '  amber ' },
    });
    await waitFor(() => {
      expect(queries.at(-1)).toMatchObject({ subject: 'amber' });
    });

    fireEvent.click(screen.getByRole('button', { name: 'Categories: Any' }));
    const list = await screen.findByRole('listbox', { name: 'Categories' });
    fireEvent.click(within(list).getByRole('option', { name: 'People' }));
    fireEvent.click(within(list).getByRole('option', { name: 'Notes' }));
    fireEvent.keyDown(list, { key: 'Escape' });
    await waitFor(() => {
      expect(screen.queryByRole('listbox')).toBeNull();
    });
    screen.getByRole('button', { name: 'Categories: 2 chosen' });
    await waitFor(() => {
      expect(queries.at(-1)).toEqual({
        categories: ['person', 'note'],
        subject: 'amber',
        from: '2026-11-01',
        to: '2026-11-30',
        limit: 200,
        offset: 0,
      });
    });
    expect(await screen.findByText('No entries match these filters.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('0 of 0 entries');
  });

  for (const [language, status] of [
    ['en', '200 of 12,345 entries'],
    ['ru', '200 из 12\u00a0345 событий'],
  ] as const) {
    it(`writes counts with the language's thousands separator (${language})`, async () => {
      answer = () => ({
        entries: Array.from({ length: 200 }, (_, i) => ({
          id: 12_345 - i,
          at: '2026-11-24T10:00:00.000Z',
          action: 'person.updated',
          category: 'person',
          subject: `Code ${String(i)}`,
          detail: null,
        })),
        total: 12_345,
      });
      await renderAudit(language);
      await screen.findByRole('table');
      expect(screen.getByRole('status').textContent).toBe(status);
    });
  }

  it('pages through a long trail with Previous and Next', async () => {
    answer = (input) => ({
      entries: Array.from({ length: Math.min(200, 450 - (input.offset ?? 0)) }, (_, i) => ({
        id: 450 - (input.offset ?? 0) - i,
        at: '2026-11-24T10:00:00.000Z',
        action: 'person.updated',
        category: 'person',
        subject: `Code ${String(450 - (input.offset ?? 0) - i)}`,
        detail: null,
      })),
      total: 450,
    });
    await renderAudit('en');
    await screen.findByRole('table');
    expect(screen.getByRole('status').textContent).toBe('200 of 450 entries');
    const pager = screen.getByRole('navigation', { name: 'Pages of the audit trail' });
    expect(pager.textContent).toContain('Page 1 of 3');
    const previous = within(pager).getByRole('button', { name: 'Previous page' });
    expect(previous.hasAttribute('disabled')).toBe(true);
    const next = within(pager).getByRole('button', { name: 'Next page' });
    fireEvent.click(next);
    fireEvent.click(next);
    await waitFor(() => {
      expect(screen.getByRole('status').textContent).toBe('50 of 450 entries');
    });
    expect(queries.at(-1)).toMatchObject({ limit: 200, offset: 400 });
    expect(pager.textContent).toContain('Page 3 of 3');
    expect(next.hasAttribute('disabled')).toBe(true);
    await act(() => Promise.resolve());
    expect(document.activeElement).toBe(screen.getByRole('table'));
  });
});
