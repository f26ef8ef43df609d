/**
 * A second process using a vault: tests/integration/vault-crash.test.ts kills it (SIGKILL) at
 * chosen moments, vault-lock-file.test.ts has it hold a vault open. Started through
 * vault-child.ts as `node tests/helpers/crash-child.ts MODE …` (Node 22 strips the types).
 * Once its modules are loaded it prints "ready" and waits for a first line on standard input
 * (so a test can start the next process while it still checks the last one's work).
 *
 *   commit VAULT PASSPHRASE   (first line: the number FIRST)
 *     Unlocks the vault folder and commits changes FIRST, FIRST+1, … one transaction each
 *     (a setting `crash.N` and an audit event, both holding marker text; every 5th change is
 *     large, every 16th is followed by a WAL checkpoint as lock and backups do). N is printed
 *     ("N\n") only after its commit returned: a printed number is an acknowledged commit.
 *
 *   upgrade FILE PASSPHRASE
 *     Unlocks the format-1 vault FILE, which upgrades it. Before and after every file operation
 *     that changes something it prints "step OP PATH" / "done OP PATH" and waits for a line on
 *     standard input, so the parent can kill it at an exact point. Prints "unlocked" at the end.
 *
 *   hold VAULT PASSPHRASE
 *     Unlocks the vault and prints "open" (or "error CODE" if the unlock fails), then waits
 *     for a line on standard input, locks the vault, prints "locked" and ends.
 *
 * Standard input closing (the parent is gone) ends the process; errors exit with code 1.
 */
import { createInterface } from 'node:readline';
import { appendAuditEvent } from '../../electron/core/repos/audit-events.ts';
import { setSetting } from '../../electron/core/repos/settings.ts';
import { nodeFs, type FsPort, type WritableFile } from '../../electron/core/vault/fs-port.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import { MARKERS } from '../integration/scenarios/markers.ts';

/** Never more than this many commits, even if nobody kills the process. */
const MAX_COMMITS = 5000;

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
process.stdin.on('end', () => process.exit(2));

async function nextLine(): Promise<string> {
  const line = await lines.next();
  if (line.done) process.exit(2);
  return line.value;
}

function say(text: string): void {
  // Synchronous on Linux pipes: once this returns, the parent can read it.
  process.stdout.write(`${text}\n`);
}

/** The marker text of change `n`: a few dozen bytes, or several KB every 5th change. */
function markerText(n: number): string {
  const marker = `${MARKERS[n % MARKERS.length] ?? ''} #${String(n)}`;
  return n % 5 === 0 ? Array.from({ length: 120 }, () => marker).join(' | ') : marker;
}

async function commitForever(path: string, passphrase: string, first: number): Promise<void> {
  const vault = await Vault.unlock(path, { passphrase });
  const db = vault.db;
  const commit = db.transaction((n: number) => {
    setSetting(db, `crash.${String(n)}`, markerText(n));
    appendAuditEvent(db, { action: 'crash.commit', subject: markerText(n).slice(0, 200) });
  });
  for (let n = first; n < first + MAX_COMMITS; n++) {
    commit(n);
    say(String(n));
    if (n % 16 === 15) db.pragma('wal_checkpoint(TRUNCATE)');
    // Lets the "standard input closed" handler run.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await vault.lock();
}

/** nodeFs, pausing before and after each operation that changes the disk. */
function steppedFs(): FsPort {
  const around = async <T>(op: string, path: string, run: () => Promise<T>): Promise<T> => {
    say(`step ${op} ${path}`);
    await nextLine();
    const result = await run();
    say(`done ${op} ${path}`);
    await nextLine();
    return result;
  };
  return {
    ...nodeFs,
    makeFolder: (path) => around('makeFolder', path, () => nodeFs.makeFolder(path)),
    removeFolder: (path) => around('removeFolder', path, () => nodeFs.removeFolder(path)),
    createExclusive: (path) =>
      around('createExclusive', path, async (): Promise<WritableFile> => {
        const file = await nodeFs.createExclusive(path);
        return {
          write: (data) => file.write(data),
          sync: () => around('sync', path, () => file.sync()),
          close: () => file.close(),
        };
      }),
    rename: (from, to) => around('rename', `${from} -> ${to}`, () => nodeFs.rename(from, to)),
    unlink: (path) => around('unlink', path, () => nodeFs.unlink(path)),
    syncFolder: (path) => around('syncFolder', path, () => nodeFs.syncFolder(path)),
  };
}

async function upgrade(path: string, passphrase: string): Promise<void> {
  const vault = await Vault.unlock(path, { passphrase }, { fs: steppedFs() });
  say('unlocked');
  await vault.lock();
}

async function hold(path: string, passphrase: string): Promise<void> {
  let vault: Vault;
  try {
    vault = await Vault.unlock(path, { passphrase });
  } catch (error) {
    say(`error ${(error as { code?: string }).code ?? String(error)}`);
    return;
  }
  say('open');
  await nextLine();
  await vault.lock();
  say('locked');
}

const [mode, path, passphrase] = process.argv.slice(2);
try {
  say('ready');
  const first = await nextLine();
  if (mode === 'commit' && path && passphrase) await commitForever(path, passphrase, Number(first));
  else if (mode === 'upgrade' && path && passphrase) await upgrade(path, passphrase);
  else if (mode === 'hold' && path && passphrase) await hold(path, passphrase);
  else throw new Error(`usage: crash-child.ts commit|upgrade|hold PATH PASSPHRASE`);
  process.exit(0);
} catch (error) {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
}
