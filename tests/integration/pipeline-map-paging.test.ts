/**
 * The pipeline board and the map ask only what they show (issue 15). pipeline:board gives
 * every stage's count and the first cards of the stages asked for; pipeline:column goes on
 * from a column's cursor, each card once, to the last. graph:get keeps to its budget: the
 * focus, then the nearest and most connected, with how many there were in all. At 10,000
 * demo persons every answer stays under 256 KB and quick.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STAGES, type Stage } from '../../shared/domain.ts';
import { generateDemoData } from '../../electron/core/services/demo/generate.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import { makeTestApi, type TestApi } from '../helpers/api.ts';
import { openTestVault, PASSPHRASE } from '../helpers/domain.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();
const LIMIT = 256 * 1024;

async function persons(api: TestApi, stage: Stage, count: number, owner = 'Anna') {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const { id } = await api.call('persons:create', {
      fullName: `${stage} person ${String(i).padStart(3, '0')}`,
      stage,
      owner,
    });
    ids.push(id);
  }
  return ids;
}

describe('pipeline:board and pipeline:column', () => {
  it('counts every stage, gives the first cards, and "Show more" reads each card once', async () => {
    const api = await openTestVault(tempDir());
    const watching = await persons(api, 'watching', 45);
    await persons(api, 'partner', 2, 'Boris');
    const [dormant] = await persons(api, 'dormant', 1);
    const [archived] = await persons(api, 'partner', 1);
    await api.call('persons:archive', { id: archived ?? 0, archived: true });

    const board = await api.call('pipeline:board', {
      perStage: 20,
      cardsFor: ['watching', 'partner'],
    });
    expect(board.columns.map((c) => c.stage)).toEqual([...STAGES]);
    const column = (stage: Stage) => board.columns.find((c) => c.stage === stage);
    expect(column('watching')?.total).toBe(45);
    expect(column('watching')?.cards).toHaveLength(20);
    // The archived partner is off the board.
    expect(column('partner')?.total).toBe(2);
    expect(column('partner')?.nextCursor).toBeNull();
    // Counted, but not on screen: no cards.
    expect(column('dormant')).toEqual({ stage: 'dormant', total: 1, cards: [], nextCursor: null });
    expect(dormant).toBeDefined();
    // A card is what a compact card shows.
    expect(Object.keys(column('watching')?.cards[0] ?? {}).sort()).toEqual(
      ['agencyName', 'codename', 'fullName', 'id', 'nextFollowUp', 'owner', 'stage'].sort(),
    );

    const seen = (column('watching')?.cards ?? []).map((c) => c.id);
    let after = column('watching')?.nextCursor ?? null;
    let pages = 0;
    while (after !== null) {
      const more = await api.call('pipeline:column', { stage: 'watching', after, limit: 20 });
      expect(more.total).toBe(45);
      expect(more.cards.every((c) => c.stage === 'watching')).toBe(true);
      seen.push(...more.cards.map((c) => c.id));
      after = more.nextCursor;
      pages++;
    }
    expect(pages).toBe(2);
    expect(seen).toHaveLength(45);
    expect(new Set(seen)).toEqual(new Set(watching));

    // The filters reach the core: Boris's two partners only.
    const boris = await api.call('pipeline:board', { owners: ['Boris'] });
    expect(boris.columns.map((c) => [c.stage, c.total]).filter(([, n]) => n !== 0)).toEqual([
      ['partner', 2],
    ]);
    const text = await api.call('pipeline:board', { text: 'watching person 04' });
    expect(text.columns.find((c) => c.stage === 'watching')?.total).toBe(5);
  });

  it('refuses a column without a cursor and oversized pages', async () => {
    const api = await openTestVault(tempDir());
    for (const input of [
      { stage: 'watching' },
      { stage: 'watching', after: 'x', limit: 201 },
      { stage: 'nowhere', after: 'x' },
    ])
      expect((await api.raw('pipeline:column', input as never)).ok).toBe(false);
    expect((await api.raw('pipeline:board', { perStage: 101 })).ok).toBe(false);
  });
});

describe('graph:get keeps to its budget', () => {
  it('gives the focus, then the nearest and the most connected first, and the total', async () => {
    const api = await openTestVault(tempDir());
    const [focus = 0, hub = 0, leaf = 0, far = 0, farther = 0] = await persons(api, 'watching', 5);
    const link = (fromPersonId: number, toPersonId: number) =>
      api.call('relationships:create', { fromPersonId, toPersonId, kind: 'knows' });
    await link(focus, leaf);
    await link(focus, hub);
    await link(hub, far);
    await link(hub, farther);

    const two = await api.call('graph:get', { focusPersonId: focus, depth: 2, budget: 2 });
    const ids = two.nodes.filter((n) => n.kind === 'person').map((n) => n.personId);
    // The hub (three links) before the leaf (one), and no one two steps away.
    expect(ids.sort()).toEqual([focus, hub].sort());
    expect(two.totalPersons).toBe(5);
    expect(two.truncated).toBe(true);
    const all = await api.call('graph:get', { focusPersonId: focus, depth: 2, budget: 150 });
    expect(all.truncated).toBe(false);
    expect(all.nodes.filter((n) => n.kind === 'person')).toHaveLength(5);

    const top = await api.call('graph:get', { focusPersonId: null, budget: 1 });
    expect(top.nodes.filter((n) => n.kind === 'person').map((n) => n.personId)).toEqual([hub]);
    expect(top.totalPersons).toBe(5);
    expect(top.truncated).toBe(true);
    expect((await api.raw('graph:get', { focusPersonId: null, budget: 301 })).ok).toBe(false);
  });
});

describe('at 10,000 demo persons', () => {
  let api: TestApi;
  beforeAll(async () => {
    const dir = tempDir();
    const path = join(dir, 'demo.confidant');
    const { vault } = await Vault.create(path, PASSPHRASE, { kdf: FAST_KDF });
    vault.db.transaction(() =>
      generateDemoData(vault.db, { people: 10_000, seed: 7, now: new Date() }),
    )();
    await vault.lock();
    api = makeTestApi(dir);
    await api.call('vault:unlock', { path, secret: { passphrase: PASSPHRASE } });
  }, 600_000);

  async function measure(label: string, run: () => Promise<{ ok: boolean }>): Promise<unknown> {
    const runs: number[] = [];
    let size = 0;
    let answer: unknown;
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      const result = await run();
      runs.push(performance.now() - started);
      expect(result.ok).toBe(true);
      size = Buffer.byteLength(JSON.stringify(result));
      answer = result;
    }
    runs.sort((a, b) => a - b);
    process.stdout.write(
      `${label} at 10,000 persons: median ${(runs[1] ?? 0).toFixed(1)} ms, ${String(size)} bytes\n`,
    );
    expect(size).toBeLessThan(LIMIT);
    return answer;
  }

  it('answers the board, a column and the map in well under 256 KB', async () => {
    const board = await api.call('pipeline:board', {});
    const total = board.columns.reduce((sum, c) => sum + c.total, 0);
    expect(total).toBeGreaterThan(9000);
    await measure('pipeline:board (all stages)', () => api.raw('pipeline:board', {}));
    const busiest = [...board.columns].sort((a, b) => b.total - a.total)[0];
    expect(busiest?.nextCursor).not.toBeNull();
    await measure('pipeline:column', () =>
      api.raw('pipeline:column', {
        stage: busiest?.stage ?? 'watching',
        after: busiest?.nextCursor ?? '',
        limit: 100,
      }),
    );

    const map = (await api.call('graph:get', { focusPersonId: null })).nodes.filter(
      (n) => n.kind === 'person',
    );
    expect(map).toHaveLength(150);
    await measure('graph:get (most connected)', () =>
      api.raw('graph:get', { focusPersonId: null }),
    );
    await measure('graph:get (300, depth 3)', () =>
      api.raw('graph:get', { focusPersonId: map[0]?.personId ?? 1, depth: 3, budget: 300 }),
    );
    const around = await api.call('graph:get', {
      focusPersonId: map[0]?.personId ?? 1,
      depth: 3,
      budget: 30,
    });
    expect(around.nodes.filter((n) => n.kind === 'person')).toHaveLength(30);
    expect(around.totalPersons).toBeGreaterThan(30);
    expect(around.truncated).toBe(true);
  });
});
