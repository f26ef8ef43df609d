/**
 * The pipeline board (issue 15): each stage's count and its first cards, the nearest
 * follow-up first, read with the people list's keyset query (one stage at a time), so a
 * column's "Show more" goes on from the cursor of the cards before and nothing is read
 * twice. Active persons only: the archived are off the board.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { STAGES, type Stage } from '../../../shared/domain.ts';
import type {
  PipelineBoardData,
  PipelineCard,
  PipelineColumn,
  PipelineFilters,
} from '../../../shared/pipeline.ts';
import { personQuery, type PersonListRow } from '../../../shared/records.ts';
import { listPersons } from '../repos/persons.ts';

function card(row: PersonListRow): PipelineCard {
  return {
    id: row.id,
    codename: row.codename,
    fullName: row.fullName,
    agencyName: row.agencyName,
    stage: row.stage,
    owner: row.owner,
    nextFollowUp: row.nextFollowUp,
  };
}

/** One column: `limit` cards of `stage` from `after` (null: from the top), and its count. */
export function stageColumn(
  db: Database,
  filters: PipelineFilters,
  stage: Stage,
  after: string | null,
  limit: number,
  today: string,
): PipelineColumn {
  const page = listPersons(
    db,
    personQuery.parse({
      text: filters.text,
      owners: filters.owners,
      spheres: filters.spheres,
      followUpDue: filters.followUpDue,
      stages: [stage],
      archived: 'active',
      sort: 'followUp',
      limit,
      after,
    }),
    today,
  );
  return {
    stage,
    total: page.total,
    cards: page.rows.map(card),
    nextCursor: page.nextCursor,
  };
}

export function pipelineBoard(
  db: Database,
  query: PipelineFilters & { cardsFor: readonly Stage[]; perStage: number },
  today: string,
): PipelineBoardData {
  return {
    columns: STAGES.map((stage) => {
      if (query.cardsFor.includes(stage))
        return stageColumn(db, query, stage, null, query.perStage, today);
      // Only the count: a column not on screen asks for one card and drops it.
      const { total } = stageColumn(db, query, stage, null, 1, today);
      return { stage, total, cards: [], nextCursor: null };
    }),
  };
}
