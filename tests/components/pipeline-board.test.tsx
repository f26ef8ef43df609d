// @vitest-environment jsdom
/**
 * The pipeline board over a stand-in bridge: a column never renders more than COLUMN_LIMIT
 * cards (a vault of thousands is narrowed with the filter, which reaches the core's query),
 * and the counts in the column names are the real ones.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Stage } from '../../shared/domain.ts';
import type { PersonListRow, PersonQueryInput } from '../../shared/records.ts';
import { queryClient } from '../../renderer/src/app/session.ts';
import {
  COLUMN_LIMIT,
  PipelineBoard,
} from '../../renderer/src/features/pipeline/PipelineBoard.tsx';
import { renderIn } from './render.tsx';

function row(id: number, stage: Stage): PersonListRow {
  return {
    id,
    codename: `Code ${String(id)}`,
    fullName: `Person ${String(id)}`,
    position: 'Inspector',
    agencyId: null,
    agencyName: null,
    sphere: 'police',
    region: '',
    stage,
    consent: 'not_asked',
    owner: 'Anna',
    nextFollowUp: null,
    tags: [],
    archived: false,
  };
}

const ROWS = [
  ...Array.from({ length: COLUMN_LIMIT + 50 }, (_, i) => row(i + 1, 'watching')),
  row(1000, 'partner'),
];
let queries: PersonQueryInput[] = [];

beforeEach(() => {
  queries = [];
  queryClient.clear();
  window.confidant = {
    persons: {
      list: (input: PersonQueryInput) => {
        queries.push(input);
        const text = input.text ?? '';
        const rows = ROWS.filter((r) => r.fullName.includes(text));
        return Promise.resolve({ ok: true, value: { rows, total: ROWS.length } });
      },
      facets: () =>
        Promise.resolve({
          ok: true,
          value: { owners: ['Anna'], regions: [], tags: [], agencies: [] },
        }),
    },
  } as unknown as Window['confidant'];
});
afterEach(cleanup);

describe('PipelineBoard', () => {
  it(`renders at most ${String(COLUMN_LIMIT)} cards a column and counts the rest`, async () => {
    await renderIn(
      'en',
      <QueryClientProvider client={queryClient}>
        <PipelineBoard />
      </QueryClientProvider>,
    );
    const watching = await screen.findByRole('grid', { name: 'Watching: 150 persons' });
    await waitFor(() => {
      expect(within(watching).getAllByRole('row')).toHaveLength(COLUMN_LIMIT);
    });
    expect(screen.getByText('and 50 more — refine the filter')).toBeTruthy();
    const partner = screen.getByRole('grid', { name: 'Partner: 1 person' });
    expect(within(partner).getAllByRole('row')).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: 'Move to…' })).toHaveLength(COLUMN_LIMIT + 1);
    // The board asks for active persons, the nearest follow-up first.
    expect(queries[0]).toMatchObject({ text: '', owners: [], spheres: [], sort: 'followUp' });
  });

  it('says so in Russian too', async () => {
    await renderIn(
      'ru',
      <QueryClientProvider client={queryClient}>
        <PipelineBoard />
      </QueryClientProvider>,
    );
    await screen.findByRole('grid', { name: 'Наблюдаем: человек — 150' });
    expect(await screen.findByText('и ещё 50 — уточните фильтр')).toBeTruthy();
  });
});
