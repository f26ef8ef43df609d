/**
 * Handlers for the spreadsheet import (services/import/): the preview reads and checks the
 * file and writes nothing; the commit checks it again and writes every row in one transaction,
 * or nothing at all.
 */
import type { Handlers } from '../../../shared/contract.ts';
import { commitImport, previewImport } from '../services/import/read-import.ts';
import { audit, type DomainContext } from './context.ts';

export interface ImportOptions {
  /** The app's language: the note that keeps the other columns is written in it. */
  language(): 'en' | 'ru';
}

export function importHandlers(
  ctx: DomainContext,
  options: ImportOptions = { language: () => 'en' },
): Pick<Handlers, 'import:preview' | 'import:commit'> {
  return {
    'import:preview': ({ mapping, values, duplicates, keepOtherColumns, ...file }) =>
      Promise.resolve(
        previewImport(
          ctx.db(),
          file,
          mapping,
          { values, duplicates, keepOtherColumns },
          options.language(),
        ),
      ),

    'import:commit': ({ mapping, values, duplicates, keepOtherColumns, ...file }) =>
      ctx.commit((db, now) => {
        const result = commitImport(
          db,
          file,
          mapping,
          { values, duplicates, keepOtherColumns },
          now,
          options.language(),
        );
        // Counts only: the file's name may itself name someone.
        audit(db, 'import.completed', undefined, now, {
          imported: result.imported,
          merged: result.merged,
          skipped: result.skipped,
          agenciesCreated: result.agenciesCreated,
          otherColumnNotes: result.otherColumnNotes,
          encoding: result.encoding,
        });
        return {
          imported: result.imported,
          agenciesCreated: result.agenciesCreated,
          merged: result.merged,
          skipped: result.skipped,
          otherColumnNotes: result.otherColumnNotes,
        };
      }),
  };
}
