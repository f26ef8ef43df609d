/** Handlers for the spreadsheet import (services/import/). */
import type { Handlers } from '../../../shared/contract.ts';
import { VaultError } from '../errors.ts';
import type { DomainContext } from './context.ts';

export function importHandlers(
  ctx: DomainContext,
): Pick<Handlers, 'import:preview' | 'import:commit'> {
  const notYet = () => {
    ctx.db();
    return Promise.reject(new VaultError('INTERNAL', { reason: 'import not built yet' }));
  };
  return { 'import:preview': notYet, 'import:commit': notYet };
}
