/** The pipeline board's reads (issue 15): the board, and the next cards of one column. */
import { localDate } from '../../../shared/domain.ts';
import type { Handlers } from '../../../shared/contract.ts';
import { pipelineBoard, stageColumn } from '../services/pipeline.ts';
import type { DomainContext } from './context.ts';

export function pipelineHandlers(
  ctx: DomainContext,
): Pick<Handlers, 'pipeline:board' | 'pipeline:column'> {
  return {
    'pipeline:board': (query) =>
      Promise.resolve(pipelineBoard(ctx.db(), query, localDate(ctx.now()))),
    'pipeline:column': ({ stage, after, limit, ...filters }) =>
      Promise.resolve(stageColumn(ctx.db(), filters, stage, after, limit, localDate(ctx.now()))),
  };
}
