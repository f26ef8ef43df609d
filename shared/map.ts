/**
 * The relationship map's channel (graph:get, issue 15): the core chooses what fits. The map
 * asks around a focus (a person, or nobody: the most connected persons) with a budget of
 * persons, and gets that many at most — the focus, then its neighbours nearest first and,
 * at each distance, the most connected first — with how many there were in all, so the
 * screen can say "showing 150 of 3,000".
 */
import { z } from 'zod';
import { id } from './domain.ts';
import { graph } from './records.ts';

/** Persons one map shows unless asked otherwise, and the most it shows. */
export const MAP_BUDGET = 150;
export const MAX_MAP_BUDGET = 300;
/**
 * Persons the map's default view (no one chosen) asks for: the most connected, few enough
 * that their names can be read at a glance; choosing a person shows their neighbourhood.
 */
export const MAP_OVERVIEW_BUDGET = 60;

export const graphQuery = z.strictObject({
  /** Centre the map on this person; null = the most connected persons of the vault. */
  focusPersonId: id.nullable(),
  depth: z.number().int().min(1).max(3).default(2),
  /** At most this many persons (agencies they work at come with them). */
  budget: z.number().int().min(1).max(MAX_MAP_BUDGET).default(MAP_BUDGET),
});
export type GraphQueryInput = z.input<typeof graphQuery>;

export const mapGraph = graph.extend({
  /**
   * How many persons the map could have shown: around a person, everyone within the depth;
   * without one, everyone with a relationship. `truncated` when more than the nodes shown.
   */
  totalPersons: z.number().int().min(0),
});
export type MapGraph = z.output<typeof mapGraph>;
