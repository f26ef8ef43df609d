/**
 * The pipeline board's channels (issue 15): the board asks only what it shows. One call gives
 * every stage's count and the first cards of the columns on screen (pipeline:board); "Show
 * more" in one column asks the next cards of that column only (pipeline:column), from
 * the cursor of the cards before. A card is what a compact card shows, nothing more.
 */
import { z } from 'zod';
import { id, isoDate, SPHERES, STAGES } from './domain.ts';

const stage = z.enum(STAGES);

/**
 * Cards a column shows before "Show more" (about what a column shows without scrolling in a
 * window of 800 px: each card more costs the board's first paint), the cards one "Show more"
 * adds, and the most one answer gives a column.
 */
export const PIPELINE_COLUMN = 15;
export const PIPELINE_MORE = 30;
export const MAX_PIPELINE_COLUMN = 100;
/** The most cards one "Show more" answer gives (the column's cards after the board's). */
export const MAX_COLUMN_PAGE = 200;

/** The board's filters: the same meaning as the people list's (persons:list). */
export const pipelineFilters = z.strictObject({
  text: z.string().max(200).default(''),
  owners: z.array(z.string().max(200)).max(200).default([]),
  spheres: z.array(z.enum(SPHERES)).max(SPHERES.length).default([]),
  /** Only persons whose next follow-up is today or earlier. */
  followUpDue: z.boolean().default(false),
});
export type PipelineFilters = z.output<typeof pipelineFilters>;

export const pipelineQuery = pipelineFilters.extend({
  /** The stages whose cards are on screen; every stage is counted whatever this says. */
  cardsFor: z
    .array(stage)
    .max(STAGES.length)
    .default([...STAGES]),
  perStage: z.number().int().min(1).max(MAX_PIPELINE_COLUMN).default(PIPELINE_COLUMN),
});
export type PipelineQueryInput = z.input<typeof pipelineQuery>;

export const stageColumnQuery = pipelineFilters.extend({
  stage,
  /** The `nextCursor` of the column's cards before (opaque: only the core reads it). */
  after: z.string().max(2000),
  limit: z.number().int().min(1).max(MAX_COLUMN_PAGE).default(PIPELINE_COLUMN),
});
export type StageColumnQueryInput = z.input<typeof stageColumnQuery>;

export const pipelineCard = z.strictObject({
  id,
  codename: z.string(),
  fullName: z.string(),
  agencyName: z.string().nullable(),
  stage,
  owner: z.string(),
  nextFollowUp: isoDate.nullable(),
});
export type PipelineCard = z.output<typeof pipelineCard>;

export const pipelineColumn = z.strictObject({
  stage,
  /** How many active persons of this stage match the filters. */
  total: z.number().int().min(0),
  /** The nearest follow-up first; empty for a stage not asked for. */
  cards: z.array(pipelineCard).max(MAX_COLUMN_PAGE),
  /** Where the column's next cards start, or null when these are the last. */
  nextCursor: z.string().max(2000).nullable(),
});
export type PipelineColumn = z.output<typeof pipelineColumn>;

export const pipelineBoard = z.strictObject({
  columns: z.array(pipelineColumn).max(STAGES.length),
});
export type PipelineBoardData = z.output<typeof pipelineBoard>;
