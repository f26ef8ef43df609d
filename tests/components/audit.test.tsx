// @vitest-environment jsdom
/**
 * The audit trail screen over a stand-in bridge: entries read in English and Russian, known
 * actions as words and unknown ones as they are, details as plain text, the filters sent as
 * the query, and Previous/Next pages.
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
    expect(header.map((h) => h.textContent)).toEqual(['When', 'What', 'Who', 'Details']);
    const rows = bodyRows(table);
    expect(rows.map((row) => row.slice(1))).toEqual([
      ['Note added', '—', 'note: 12persons: Amber Heron 42, Ruby Arrow 31restricted: yes'],
      ['Stage changed', 'Amber Heron 42', 'from: watchingto: in_contact'],
      ['Settings changed', '—', 'autoLockMinutes: 10 → 5extra: {"a":1}'],
      ['shares.exported', 'Ruby Arrow 31', ''],
      ['Person created', '<b>Amber Heron 42</b>', 'html: <img src=x onerror=alert(1)>'],
    ]);
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
      name: 'Записи журнала действий, сначала последние',
    });
    expect(screen.getByRole('status').textContent).toBe('5 из 5 записей');
    const header = within(table).getAllByRole('columnheader');
    expect(header.map((h) => h.textContent)).toEqual(['Когда', 'Что', 'Кто', 'Подробности']);
    const rows = bodyRows(table);
    expect(rows.map((row) => row[1])).toEqual([
      'Добавлена заметка',
      'Изменён этап',
      'Изменены настройки',
      'shares.exported',
      'Добавлен человек',
    ]);
    expect(rows[0]?.[0]).toMatch(/24 нояб\. 2026 г\., \d\d:\d\d/);
    expect(rows[0]?.[3]).toContain('restricted: да');
    screen.getByRole('searchbox', { name: 'Кодовое имя содержит' });
    screen.getByRole('button', { name: 'Разделы: Любые' });
    screen.getByLabelText('С');
    screen.getByLabelText('По');
    await expectNoAxeViolations(container);
  });

  it('sends the filters as the query and says when nothing matches', async () => {
    await renderAudit('en');
    await screen.findByRole('table');
    answer = () => ({ entries: [], total: 0 });

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-30' } });
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
