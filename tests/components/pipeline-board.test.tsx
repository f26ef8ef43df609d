// @vitest-environment jsdom
/**
 * The pipeline board over a stand-in bridge (issue 15): it asks the core only for what it
 * shows (pipeline:board with the stages on screen, PIPELINE_COLUMN cards a column), counts
 * with thousands separators, and a column's "Show more" asks that column's next cards from
 * the board's cursor. Cards are compact: a long name is one line ending in "…" (the full
 * name stays the card's name and its title), never broken mid-word.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PIPELINE_STAGES, STAGES, type Stage } from '../../shared/domain.ts';
import {
  PIPELINE_COLUMN,
  PIPELINE_MORE,
  type PipelineCard,
  type PipelineQueryInput,
  type StageColumnQueryInput,
} from '../../shared/pipeline.ts';
import { queryClient } from '../../renderer/src/app/session.ts';
import { PipelineBoard } from '../../renderer/src/features/pipeline/PipelineBoard.tsx';
import { renderIn } from './render.tsx';

const LONG = 'Alexandra Konstantinovna Voskresenskaya-Preobrazhenskaya';

function card(id: number, stage: Stage): PipelineCard {
  return {
    id,
    codename: `Code ${String(id)}`,
    fullName: id === 1 ? LONG : `Person ${String(id)}`,
    agencyName: 'Central District Police',
    stage,
    owner: 'Anna',
    nextFollowUp: null,
  };
}

const WATCHING = 12_345;
let boards: PipelineQueryInput[] = [];
let columns: StageColumnQueryInput[] = [];

beforeEach(() => {
  boards = [];
  columns = [];
  queryClient.clear();
  window.confidant = {
    pipeline: {
      board: (input: PipelineQueryInput) => {
        boards.push(input);
        return Promise.resolve({
          ok: true,
          value: {
            columns: STAGES.map((stage) => {
              const asked = (input.cardsFor ?? []).includes(stage);
              if (stage === 'watching')
                return {
                  stage,
                  total: WATCHING,
                  cards: asked
                    ? Array.from({ length: PIPELINE_COLUMN }, (_, i) => card(i + 1, stage))
                    : [],
                  nextCursor: asked ? 'after-first' : null,
                };
              if (stage === 'partner')
                return { stage, total: 1, cards: [card(5000, stage)], nextCursor: null };
              return { stage, total: stage === 'dormant' ? 2 : 0, cards: [], nextCursor: null };
            }),
          },
        });
      },
      column: (input: StageColumnQueryInput) => {
        columns.push(input);
        const limit = input.limit ?? PIPELINE_COLUMN;
        return Promise.resolve({
          ok: true,
          value: {
            stage: input.stage,
            total: WATCHING,
            cards: Array.from({ length: limit }, (_, i) =>
              card(PIPELINE_COLUMN + i + 1, 'watching'),
            ),
            nextCursor: 'later',
          },
        });
      },
    },
    persons: {
      facets: () =>
        Promise.resolve({
          ok: true,
          value: { owners: ['Anna'], regions: [], tags: [], agencies: [] },
        }),
    },
  } as unknown as Window['confidant'];
});
afterEach(cleanup);

function board(language: 'en' | 'ru') {
  return renderIn(
    language,
    <QueryClientProvider client={queryClient}>
      <PipelineBoard />
    </QueryClientProvider>,
  );
}

describe('PipelineBoard', () => {
  it('asks only for the columns on screen and shows their first cards', async () => {
    await board('en');
    const watching = await screen.findByRole('grid', { name: 'Watching: 12,345 persons' });
    await waitFor(() => {
      expect(within(watching).getAllByRole('row')).toHaveLength(PIPELINE_COLUMN);
    });
    const partner = screen.getByRole('grid', { name: 'Partner: 1 person' });
    expect(within(partner).getAllByRole('row')).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: 'Move to…' })).toHaveLength(PIPELINE_COLUMN + 1);
    // The off-pipeline stages are counted, not fetched, until they are opened.
    expect(boards[0]).toMatchObject({
      text: '',
      owners: [],
      spheres: [],
      followUpDue: false,
      perStage: PIPELINE_COLUMN,
      cardsFor: [...PIPELINE_STAGES],
    });
    expect(
      screen.getByRole('button', { name: 'Show dormant, moved on and closed (2)' }),
    ).toBeTruthy();
    expect(columns).toEqual([]);
  });

  it('keeps a long name on one line, the full name its accessible name and title', async () => {
    await board('en');
    const row = await screen.findByRole('row', { name: LONG });
    const name = within(row).getByText(LONG);
    expect(name.getAttribute('title')).toBe(LONG);
    expect(name.className).toBe('pipeline-card__name');
  });

  it('shows more of one column from the board’s cursor', async () => {
    await board('en');
    const more = await screen.findByRole('button', { name: 'Show more (12,330)' });
    fireEvent.click(more);
    const watching = screen.getByRole('grid', { name: 'Watching: 12,345 persons' });
    await waitFor(() => {
      expect(within(watching).getAllByRole('row')).toHaveLength(PIPELINE_COLUMN + PIPELINE_MORE);
    });
    expect(columns[0]).toMatchObject({
      stage: 'watching',
      after: 'after-first',
      limit: PIPELINE_MORE,
    });
    await screen.findByRole('button', { name: 'Show more (12,300)' });
  });

  it('says so in Russian too', async () => {
    await board('ru');
    const n = (value: number) => new Intl.NumberFormat('ru-RU').format(value);
    await screen.findByRole('grid', { name: `Наблюдаем: человек — ${n(WATCHING)}` });
    expect(
      await screen.findByRole('button', {
        name: `Показать ещё (${n(WATCHING - PIPELINE_COLUMN)})`,
      }),
    ).toBeTruthy();
  });
});
