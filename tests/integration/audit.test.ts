/**
 * The audit trail through the API (issue 6, item 5): newest first, filtered by category,
 * codename and local days, paged; entries name persons by codename only; and the trail
 * cannot be rewritten, not even by INSERT OR REPLACE.
 */
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/audit.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import { openTestVault } from '../helpers/domain.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();

/** A vault where things happen on three days: 10, 11 and 12 March 2026 (local noon). */
async function history() {
  const clock = { at: new Date(2026, 2, 10, 12) };
  const api = await openTestVault(tempDir(), { now: () => clock.at });
  const { id: anna } = await api.call('persons:create', {
    fullName: 'Anna Smith',
    stage: 'in_contact',
  });
  clock.at = new Date(2026, 2, 11, 12);
  const { id: boris } = await api.call('persons:create', {
    fullName: 'Борис Петров',
    stage: 'collaborating',
  });
  await api.call('agencies:create', { name: 'Regional Court' });
  clock.at = new Date(2026, 2, 12, 12);
  await api.call('risk:assess', {
    personId: boris,
    basedOnVersion: null,
    factors: {
      visibility: 2,
      superiorHostility: 2,
      politicalClimate: 2,
      priorRetaliation: 1,
      surveillance: 2,
      postDependence: 3,
      leakHarm: 3,
    },
    consent: 'internal',
    assessor: 'LK',
  });
  const codenames = {
    anna: (await api.call('persons:get', { id: anna })).person.codename,
    boris: (await api.call('persons:get', { id: boris })).person.codename,
  };
  return { api, codenames, ids: { anna, boris } };
}

const actions = (entries: AuditEntry[]) => entries.map((entry) => entry.action);

describe('the audit trail', () => {
  it('lists everything, newest first, with the category of each action', async () => {
    const { api, codenames } = await history();
    const page = await api.call('audit:list', {});
    expect(actions(page.entries)).toEqual([
      'risk.assessed',
      'agency.created',
      'person.created',
      'person.created',
      'vault.created',
    ]);
    expect(page.total).toBe(5);
    expect(page.entries[0]).toMatchObject({
      category: 'risk',
      subject: codenames.boris,
      detail: { version: 1, level: 'moderate' },
    });
  });

  it('names persons by codename only', async () => {
    const { api } = await history();
    const text = JSON.stringify(await api.call('audit:list', {}));
    expect(text).not.toContain('Anna Smith');
    expect(text).not.toContain('Борис');
  });

  it('filters by category, codename (any case) and local days, inclusive', async () => {
    const { api, codenames } = await history();
    expect(actions((await api.call('audit:list', { categories: ['person'] })).entries)).toEqual([
      'person.created',
      'person.created',
    ]);
    expect(
      actions((await api.call('audit:list', { categories: ['risk', 'agency'] })).entries),
    ).toEqual(['risk.assessed', 'agency.created']);
    const byCodename = await api.call('audit:list', {
      subject: codenames.boris.toLocaleUpperCase().slice(0, 6),
    });
    expect(byCodename.entries.every((entry) => entry.subject === codenames.boris)).toBe(true);
    expect(actions(byCodename.entries)).toEqual(['risk.assessed', 'person.created']);
    expect(
      actions((await api.call('audit:list', { from: '2026-03-11', to: '2026-03-11' })).entries),
    ).toEqual(['agency.created', 'person.created']);
    expect((await api.call('audit:list', { from: '2026-03-12' })).total).toBe(1);
    expect((await api.call('audit:list', { to: '2026-03-10' })).total).toBe(2);
    expect((await api.call('audit:list', { subject: '%' })).total).toBe(0);
  });

  it('finds a note by the codename of a person it is about (a note has no one subject)', async () => {
    const { api, codenames, ids } = await history();
    await api.call('notes:create', {
      occurredOn: '2026-03-12',
      kind: 'meeting',
      personIds: [ids.anna, ids.boris],
      title: 'Both of them',
    });
    const byBoris = await api.call('audit:list', {
      subject: codenames.boris.toLocaleLowerCase().slice(0, 6),
    });
    expect(actions(byBoris.entries)).toEqual(['note.created', 'risk.assessed', 'person.created']);
    expect(byBoris.entries[0]).toMatchObject({ subject: null, category: 'note' });
    const byAnna = await api.call('audit:list', { subject: codenames.anna });
    expect(actions(byAnna.entries)).toEqual(['note.created', 'person.created']);
    // Still not a pattern: % matches only a codename that has one.
    expect((await api.call('audit:list', { subject: '%' })).total).toBe(0);
  });

  it('pages with limit and offset, the total staying the same', async () => {
    const { api } = await history();
    const first = await api.call('audit:list', { limit: 2 });
    const second = await api.call('audit:list', { limit: 2, offset: 2 });
    expect(actions(first.entries)).toEqual(['risk.assessed', 'agency.created']);
    expect(actions(second.entries)).toEqual(['person.created', 'person.created']);
    expect([first.total, second.total]).toEqual([5, 5]);
  });

  it('refuses a bad query with VALIDATION', async () => {
    const { api } = await history();
    for (const input of [
      { categories: ['secrets'] },
      { limit: 501 },
      { offset: -1 },
      { from: '2026-02-30' },
    ]) {
      const result = await api.raw('audit:list', input);
      expect(result.ok ? 'ok' : result.error.code, JSON.stringify(input)).toBe('VALIDATION');
    }
  });

  it('cannot be rewritten: UPDATE, DELETE and INSERT OR REPLACE are refused', async () => {
    const { api } = await history();
    await api.core.lock('manual');
    const vault = await Vault.unlock(
      api.path,
      { passphrase: 'a long enough passphrase' },
      { kdf: FAST_KDF },
    );
    try {
      const { db } = vault;
      const firstId = db.prepare('SELECT MIN(id) FROM audit_events').pluck().get() as number;
      expect(() => db.prepare("UPDATE audit_events SET action = 'x'").run()).toThrow();
      expect(() => db.prepare('DELETE FROM audit_events').run()).toThrow();
      expect(() =>
        db
          .prepare(
            `INSERT OR REPLACE INTO audit_events (id, at, action) VALUES (?, '2026-03-10T12:00:00.000Z', 'vault.nothing')`,
          )
          .run(firstId),
      ).toThrow(/append-only/);
      expect(db.prepare('SELECT action FROM audit_events WHERE id = ?').pluck().get(firstId)).toBe(
        'vault.created',
      );
    } finally {
      await vault.lock();
    }
  });
});
