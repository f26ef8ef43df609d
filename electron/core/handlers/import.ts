/**
 * Handlers for the spreadsheet import (services/import/): the preview reads and checks the
 * file and writes nothing; the commit checks it again and writes every row in one transaction,
 * or nothing at all.
 */
import type { Handlers } from '../../../shared/contract.ts';
import { commitImport, previewImport } from '../services/import/read-import.ts';
import { audit, type DomainContext } from './context.ts';

export function importHandlers(
  ctx: DomainContext,
): Pick<Handlers, 'import:preview' | 'import:commit'> {
  return {
    'import:preview': ({ mapping, ...file }) =>
      Promise.resolve(previewImport(ctx.db(), file, mapping)),

    'import:commit': ({ mapping, ...file }) =>
      ctx.commit((db, now) => {
        const result = commitImport(db, file, mapping, now);
        // Counts only: the file's name may itself name someone.
        audit(db, 'import.completed', undefined, now, {
          imported: result.imported,
          agenciesCreated: result.agenciesCreated,
          encoding: result.encoding,
        });
        return { imported: result.imported, agenciesCreated: result.agenciesCreated };
      }),
  };
}
