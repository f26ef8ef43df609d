/**
 * Copying a person's name to the clipboard: the one way a name leaves the vault without the
 * share review. The risk level is always answered (the screen shows it), high and critical
 * need an explicit confirmation, and the clipboard is cleared after CLIPBOARD_CLEAR_SECONDS —
 * or when the vault locks — if it still holds the name (something copied since is left alone).
 */
import { CLIPBOARD_CLEAR_SECONDS, type Handlers } from '../../../shared/contract.ts';
import { VaultError } from '../errors.ts';
import { getPerson } from '../repos/persons.ts';
import { assessmentsOf } from '../repos/risk-assessments.ts';
import { audit, notFound, type DomainContext } from './context.ts';

/** The system clipboard (Electron's, asynchronous, in the app; a fake in tests). */
export interface ClipboardPort {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
}

export interface ClipboardGuard {
  handlers: Pick<Handlers, 'clipboard:copyName'>;
  /** Clears the clipboard now if it still holds a copied name (on lock). */
  clearNow(): Promise<void>;
}

export function clipboardHandlers(
  ctx: DomainContext,
  clipboard: ClipboardPort | undefined,
): ClipboardGuard {
  let copied: { text: string; timer: ReturnType<typeof setTimeout> } | null = null;

  async function clearNow(): Promise<void> {
    const pending = copied;
    if (!pending || !clipboard) return;
    copied = null;
    clearTimeout(pending.timer);
    if ((await clipboard.readText()) === pending.text) await clipboard.writeText('');
  }

  return {
    clearNow,
    handlers: {
      'clipboard:copyName': async ({ personId, confirmed }) => {
        if (!clipboard) throw new VaultError('CLIPBOARD_UNAVAILABLE');
        const db = ctx.db();
        const person = getPerson(db, personId);
        if (!person) throw notFound('person', { id: personId });
        const riskLevel = assessmentsOf(db, personId)[0]?.level ?? null;
        if ((riskLevel === 'high' || riskLevel === 'critical') && !confirmed) {
          throw new VaultError('COPY_NEEDS_CONFIRMATION', { codename: person.codename });
        }
        await clearNow();
        await clipboard.writeText(person.fullName);
        const timer = setTimeout(() => {
          void clearNow().catch(() => undefined);
        }, CLIPBOARD_CLEAR_SECONDS * 1000);
        timer.unref();
        copied = { text: person.fullName, timer };
        // Recorded (by codename) in the next save; copying must not wait for the disk.
        audit(db, 'person.name-copied', person.codename, ctx.now(), {
          riskLevel: riskLevel ?? 'not-assessed',
          confirmed,
        });
        return { riskLevel, clearAfterSeconds: CLIPBOARD_CLEAR_SECONDS };
      },
    },
  };
}
