/**
 * The domain through the API, as the renderer calls it: persons with generated codenames,
 * relationships read both ways with routes in, notes about several persons, offers, agencies,
 * stage moves on the timeline, archive and delete — and every kind of bad input refused with
 * a clear code while the vault file on disk stays byte for byte the same.
 */
import { vaultBytes } from '../helpers/vaults.ts';

import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/contract.ts';
import { agencyFields, LIMITS, personFields } from '../../shared/domain.ts';
import { editableFields } from '../../shared/records.ts';
import { listAuditEvents } from '../../electron/core/repos/audit-events.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import { openTestVault } from '../helpers/domain.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();

function errorOf(result: ApiResult<unknown>) {
  expect(result.ok).toBe(false);
  return result.ok ? undefined : result.error;
}

async function withPeople() {
  const api = await openTestVault(tempDir());
  const { id: court } = await api.call('agencies:create', {
    name: 'Regional Court',
    sphere: 'judiciary',
  });
  const { id: chief } = await api.call('persons:create', {
    fullName: 'Пётр Ёлкин',
    position: 'Председатель суда',
    agencyId: court,
    stage: 'watching',
  });
  const { id: deputy } = await api.call('persons:create', {
    fullName: 'Anna Smith',
    position: 'Deputy chair',
    agencyId: court,
    stage: 'in_contact',
  });
  const { id: friend } = await api.call('persons:create', {
    fullName: 'Олег Кравец',
    stage: 'collaborating',
  });
  return { api, court, chief, deputy, friend };
}

describe('persons', () => {
  it('get a generated codename that is unique and never contains the name', async () => {
    const { api, chief, deputy } = await withPeople();
    const a = await api.call('persons:get', { id: chief });
    const b = await api.call('persons:get', { id: deputy });
    expect(a.person.codename).toMatch(/^\p{L}+ \p{L}+ \d{2}$/u);
    expect(a.person.codename).not.toBe(b.person.codename);
    expect(b.person.codename.toLowerCase()).not.toMatch(/anna|smith/);
  });

  it('can be given a codename by hand, and edited', async () => {
    const { api, chief } = await withPeople();
    const page = await api.call('persons:get', { id: chief });
    await api.call('persons:update', {
      id: chief,
      fields: { ...editableFields(personFields, page.person), codename: 'Северный ветер' },
    });
    expect((await api.call('persons:get', { id: chief })).person.codename).toBe('Северный ветер');
  });

  it('list with search (case, ё and prefix insensitive), filters and sorting', async () => {
    const { api, court } = await withPeople();
    const names = async (input: Parameters<typeof api.call<'persons:list'>>[1]) =>
      (await api.call('persons:list', input)).rows.map((row) => row.fullName);
    expect(await names({ text: 'ЕЛК' })).toEqual(['Пётр Ёлкин']);
    expect(await names({ text: 'smi' })).toEqual(['Anna Smith']);
    expect(await names({ text: 'deputy' })).toEqual(['Anna Smith']);
    expect(await names({ stages: ['in_contact', 'collaborating'] })).toEqual([
      'Anna Smith',
      'Олег Кравец',
    ]);
    expect(await names({ agencyIds: [court], sort: 'name', descending: true })).toEqual([
      'Пётр Ёлкин',
      'Anna Smith',
    ]);
    expect(await names({ text: '"*' })).toEqual([]);
    const all = await api.call('persons:list', {});
    expect(all.total).toBe(3);
  });

  it('filter by tags (all of them), consent, owner and follow-up due', async () => {
    const api = await openTestVault(tempDir());
    await api.call('persons:create', {
      fullName: 'One',
      tags: ['reform', 'court'],
      consent: 'internal',
      owner: 'Maria',
      nextFollowUp: '2020-01-01',
    });
    await api.call('persons:create', { fullName: 'Two', tags: ['reform'], owner: 'Ivan' });
    const names = async (input: Parameters<typeof api.call<'persons:list'>>[1]) =>
      (await api.call('persons:list', input)).rows.map((row) => row.fullName);
    expect(await names({ tags: ['reform'] })).toEqual(['One', 'Two']);
    expect(await names({ tags: ['reform', 'court'] })).toEqual(['One']);
    expect(await names({ consents: ['internal'] })).toEqual(['One']);
    expect(await names({ owners: ['Ivan'] })).toEqual(['Two']);
    expect(await names({ followUpDue: true })).toEqual(['One']);
    const facets = await api.call('persons:facets', {});
    expect(facets.owners).toEqual(['Ivan', 'Maria']);
    expect(facets.tags).toEqual(['court', 'reform']);
  });

  it('archive hides them from the active list; restore brings them back', async () => {
    const { api, chief } = await withPeople();
    await api.call('persons:archive', { id: chief, archived: true });
    expect((await api.call('persons:list', {})).rows.map((r) => r.id)).not.toContain(chief);
    expect(
      (await api.call('persons:list', { archived: 'archived' })).rows.map((r) => r.id),
    ).toEqual([chief]);
    await api.call('persons:archive', { id: chief, archived: false });
    expect((await api.call('persons:list', {})).rows.map((r) => r.id)).toContain(chief);
  });

  it('delete only with the codename typed, takes their sole notes along, and is recorded', async () => {
    const { api, chief, deputy } = await withPeople();
    const { person } = await api.call('persons:get', { id: chief });
    const { id: sole } = await api.call('notes:create', {
      occurredOn: '2026-11-01',
      kind: 'call',
      personIds: [chief],
    });
    const { id: shared } = await api.call('notes:create', {
      occurredOn: '2026-11-02',
      kind: 'meeting',
      personIds: [chief, deputy],
    });
    expect(
      errorOf(await api.raw('persons:delete', { id: chief, confirmCodename: 'wrong' }))?.code,
    ).toBe('CONFIRMATION_MISMATCH');
    await api.call('persons:delete', {
      id: chief,
      confirmCodename: person.codename.toUpperCase(),
    });
    expect(errorOf(await api.raw('persons:get', { id: chief }))?.code).toBe('NOT_FOUND');
    expect(errorOf(await api.raw('notes:get', { id: sole }))?.code).toBe('NOT_FOUND');
    expect((await api.call('notes:get', { id: shared })).persons.map((p) => p.id)).toEqual([
      deputy,
    ]);
    await api.core.lock('manual');
    const vault = await Vault.unlock(
      api.path,
      { passphrase: 'a long enough passphrase' },
      {
        kdf: FAST_KDF,
        readOnly: true,
      },
    );
    const deletion = listAuditEvents(vault.db).find((event) => event.action === 'person.deleted');
    expect(deletion?.subject).toBe(person.codename);
    expect(JSON.stringify(listAuditEvents(vault.db))).not.toMatch(/Ёлкин|Smith/);
    await vault.lock();
  });
});

describe('relationships, routes in, timeline', () => {
  it('read both ways, with the route in through a subordinate we know', async () => {
    const { api, chief, deputy, friend } = await withPeople();
    // The deputy (in contact) is the chief's subordinate; the friend introduced us to the chief.
    await api.call('relationships:create', {
      fromPersonId: chief,
      toPersonId: deputy,
      kind: 'superior_of',
    });
    await api.call('relationships:create', {
      fromPersonId: chief,
      toPersonId: friend,
      kind: 'introduced_by',
      note: 'at the bar association reception',
    });
    const chiefPage = await api.call('persons:get', { id: chief });
    expect(chiefPage.relationships.map((r) => [r.other.id, r.role]).sort()).toEqual(
      [
        [deputy, 'subordinate'],
        [friend, 'introducer'],
      ].sort(),
    );
    expect(chiefPage.routes.throughSubordinates.map((p) => p.id)).toEqual([deputy]);
    expect(chiefPage.routes.introducedBy.map((p) => p.id)).toEqual([friend]);
    const deputyPage = await api.call('persons:get', { id: deputy });
    expect(deputyPage.relationships.map((r) => r.role)).toEqual(['superior']);
    const friendPage = await api.call('persons:get', { id: friend });
    expect(friendPage.relationships.map((r) => r.role)).toEqual(['introduced']);
  });

  it('records stage moves on the timeline, newest first, and in the audit trail', async () => {
    const { api, chief } = await withPeople();
    await api.call('persons:setStage', { id: chief, stage: 'vetting' });
    await api.call('persons:setStage', { id: chief, stage: 'approach_planned' });
    const page = await api.call('persons:get', { id: chief });
    const moves = page.timeline.filter((entry) => entry.type === 'stage');
    expect(moves.map((m) => [m.from, m.to])).toEqual([
      ['vetting', 'approach_planned'],
      ['watching', 'vetting'],
      [null, 'watching'],
    ]);
  });

  it('notes about several persons appear on each timeline and bring the follow-up forward', async () => {
    const { api, chief, deputy } = await withPeople();
    const future = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await api.call('notes:create', {
      occurredOn: '2026-11-20',
      kind: 'meeting',
      personIds: [chief, deputy, chief],
      title: 'Round table on court transparency',
      body: 'They asked for **translated** ECHR materials.',
      askedFor: 'ECHR case law in Russian',
      offered: 'a study trip',
      followUpOn: future,
      restricted: true,
    });
    for (const id of [chief, deputy]) {
      const page = await api.call('persons:get', { id });
      const notes = page.timeline.filter((entry) => entry.type === 'note');
      expect(notes).toHaveLength(1);
      expect(notes[0]?.type === 'note' && notes[0].note.restricted).toBe(true);
      expect(notes[0]?.type === 'note' && notes[0].note.persons).toHaveLength(2);
      expect(page.person.nextFollowUp).toBe(future);
    }
  });

  it('offers with a partner organisation', async () => {
    const { api, chief } = await withPeople();
    const { id: partner } = await api.call('partners:create', {
      name: 'International Commission of Jurists',
      country: 'Switzerland',
    });
    await api.call('offers:create', {
      personId: chief,
      kind: 'international_seminar',
      partnerId: partner,
      status: 'proposed',
    });
    const page = await api.call('persons:get', { id: chief });
    expect(page.offers.map((o) => [o.kind, o.partnerName, o.status])).toEqual([
      ['international_seminar', 'International Commission of Jurists', 'proposed'],
    ]);
    expect((await api.call('partners:list', {})).rows[0]?.offersCount).toBe(1);
  });

  it('agencies: their people, sub-agencies, and no loops', async () => {
    const { api, court, chief } = await withPeople();
    const { id: chamber } = await api.call('agencies:create', {
      name: 'Civil Chamber',
      parentId: court,
    });
    const page = await api.call('agencies:get', { id: court });
    expect(page.children.map((c) => c.name)).toEqual(['Civil Chamber']);
    expect(page.people.map((p) => p.id)).toContain(chief);
    const agency = page.agency;
    expect(
      errorOf(
        await api.raw('agencies:update', {
          id: court,
          fields: { ...editableFields(agencyFields, agency), parentId: chamber },
        }),
      )?.code,
    ).toBe('AGENCY_CYCLE');
    expect(errorOf(await api.raw('agencies:create', { name: 'regional court' }))?.code).toBe(
      'DUPLICATE_AGENCY',
    );
  });
});

describe('bad input changes nothing on disk', () => {
  /** Runs `attempt`, expects `code`, and checks the vault file is byte for byte the same. */
  async function refused(
    api: Awaited<ReturnType<typeof openTestVault>>,
    code: string,
    attempt: () => Promise<ApiResult<unknown>>,
  ) {
    const before = vaultBytes(api.path);
    const listBefore = await api.call('persons:list', { archived: 'all' });
    const error = errorOf(await attempt());
    expect(error?.code).toBe(code);
    expect(vaultBytes(api.path).equals(before)).toBe(true);
    expect(await api.call('persons:list', { archived: 'all' })).toEqual(listBefore);
    return error;
  }

  it('over-long fields', async () => {
    const { api } = await withPeople();
    const error = await refused(api, 'VALIDATION', () =>
      api.raw('persons:create', { fullName: 'x'.repeat(LIMITS.name + 1) }),
    );
    expect(error?.details).toMatchObject({ field: 'fullName', reason: 'too_big', maximum: 200 });
    await refused(api, 'VALIDATION', () =>
      api.raw('notes:create', {
        occurredOn: '2026-01-01',
        kind: 'call',
        personIds: [1],
        body: 'x'.repeat(LIMITS.noteBody + 1),
      }),
    );
  });

  it('invalid dates', async () => {
    const { api, chief } = await withPeople();
    for (const date of ['2026-02-30', '2026-13-01', '31.12.2026', '']) {
      const error = await refused(api, 'VALIDATION', () =>
        api.raw('notes:create', { occurredOn: date, kind: 'call', personIds: [chief] }),
      );
      expect(error?.details.field).toBe('occurredOn');
    }
    await refused(api, 'VALIDATION', () =>
      api.raw('persons:create', { fullName: 'X', nextFollowUp: '2026-04-31' }),
    );
  });

  it('a relationship from a person to themselves, or twice', async () => {
    const { api, chief, deputy } = await withPeople();
    await refused(api, 'SELF_RELATIONSHIP', () =>
      api.raw('relationships:create', { fromPersonId: chief, toPersonId: chief, kind: 'knows' }),
    );
    await api.call('relationships:create', {
      fromPersonId: chief,
      toPersonId: deputy,
      kind: 'colleague',
    });
    // Symmetric kinds are the same relationship read the other way.
    await refused(api, 'DUPLICATE_RELATIONSHIP', () =>
      api.raw('relationships:create', {
        fromPersonId: deputy,
        toPersonId: chief,
        kind: 'colleague',
      }),
    );
    await api.call('relationships:create', {
      fromPersonId: chief,
      toPersonId: deputy,
      kind: 'superior_of',
    });
    // "deputy is a subordinate of chief" is the same fact as "chief is a superior of deputy".
    await refused(api, 'DUPLICATE_RELATIONSHIP', () =>
      api.raw('relationships:create', {
        fromPersonId: deputy,
        toPersonId: chief,
        kind: 'subordinate_of',
      }),
    );
  });

  it('a note with no person, or about a person who does not exist', async () => {
    const { api } = await withPeople();
    const error = await refused(api, 'VALIDATION', () =>
      api.raw('notes:create', { occurredOn: '2026-01-01', kind: 'call', personIds: [] }),
    );
    expect(error?.details).toMatchObject({ field: 'personIds', reason: 'too_small' });
    await refused(api, 'NOT_FOUND', () =>
      api.raw('notes:create', { occurredOn: '2026-01-01', kind: 'call', personIds: [999] }),
    );
  });

  it('duplicate codenames, whatever the case, and codenames that give the name away', async () => {
    const { api, chief, deputy } = await withPeople();
    const { person } = await api.call('persons:get', { id: chief });
    await refused(api, 'DUPLICATE_CODENAME', () =>
      api.raw('persons:create', { fullName: 'New', codename: person.codename.toLowerCase() }),
    );
    const other = await api.call('persons:get', { id: deputy });
    await refused(api, 'DUPLICATE_CODENAME', () =>
      api.raw('persons:update', {
        id: deputy,
        fields: { ...editableFields(personFields, other.person), codename: person.codename },
      }),
    );
    await refused(api, 'CODENAME_REVEALS_NAME', () =>
      api.raw('persons:create', { fullName: 'Иван Сидоров', codename: 'Сидоров 7' }),
    );
  });

  it('unknown enum values, a missing agency, and records that are gone', async () => {
    const { api } = await withPeople();
    await refused(api, 'VALIDATION', () =>
      api.raw('persons:create', { fullName: 'X', stage: 'friend' }),
    );
    await refused(api, 'NOT_FOUND', () =>
      api.raw('persons:create', { fullName: 'X', agencyId: 4242 }),
    );
    await refused(api, 'NOT_FOUND', () =>
      api.raw('persons:setStage', { id: 4242, stage: 'vetting' }),
    );
    await refused(api, 'NOT_FOUND', () => api.raw('offers:delete', { id: 4242 }));
  });

  it('a failure in the middle of a change leaves no half of it', async () => {
    const { api, chief } = await withPeople();
    // The note is inserted, then one of its persons turns out to be missing: all rolled back.
    await refused(api, 'NOT_FOUND', () =>
      api.raw('notes:create', {
        occurredOn: '2026-01-01',
        kind: 'call',
        personIds: [chief, 4242],
      }),
    );
    const hits = await api.call('search:query', { text: 'call', limit: 10 });
    expect(hits.hits).toEqual([]);
    const page = await api.call('persons:get', { id: chief });
    expect(page.timeline.filter((entry) => entry.type === 'note')).toEqual([]);
  });
});

describe('the relationship map', () => {
  it('centres on a person, follows relationships to the depth asked, includes agencies', async () => {
    const { api, chief, deputy, friend, court } = await withPeople();
    await api.call('relationships:create', {
      fromPersonId: chief,
      toPersonId: deputy,
      kind: 'superior_of',
    });
    await api.call('relationships:create', {
      fromPersonId: deputy,
      toPersonId: friend,
      kind: 'knows',
    });
    const near = await api.call('graph:get', { focusPersonId: chief, depth: 1 });
    expect(
      near.nodes
        .filter((n) => n.kind === 'person')
        .map((n) => n.id)
        .sort(),
    ).toEqual([`p${String(chief)}`, `p${String(deputy)}`].sort());
    expect(near.nodes.some((n) => n.kind === 'agency' && n.agencyId === court)).toBe(true);
    const far = await api.call('graph:get', { focusPersonId: chief, depth: 2 });
    expect(far.nodes.filter((n) => n.kind === 'person')).toHaveLength(3);
    expect(far.edges.filter((e) => e.kind === 'subordinate_of')).toEqual([
      expect.objectContaining({ source: `p${String(deputy)}`, target: `p${String(chief)}` }),
    ]);
    const everyone = await api.call('graph:get', { focusPersonId: null, depth: 2 });
    expect(everyone.truncated).toBe(false);
    expect(everyone.nodes.filter((n) => n.kind === 'person')).toHaveLength(3);
  });
});
