/**
 * A whole working session, run as its own process (under strace by no-plaintext-on-disk.test.ts):
 * create a vault, write sensitive-looking rows, save, change the passphrase, lock, unlock again,
 * write more, lock. Usage: node write-markers.ts FOLDER
 */
import { join } from 'node:path';
import { appendAuditEvent } from '../../../electron/core/repos/audit-events.ts';
import { setSetting } from '../../../electron/core/repos/settings.ts';
import { Vault } from '../../../electron/core/vault/vault.ts';
import { MARKERS } from './markers.ts';

const folder = process.argv[2];
if (!folder) throw new Error('usage: write-markers.ts FOLDER');
const path = join(folder, 'session.confidant');
const kdf = { opslimit: 1, memlimit: 64 * 1024 };

const { vault } = await Vault.create(path, 'first passphrase here', { kdf });
MARKERS.forEach((marker, i) => {
  setSetting(vault.db, `note.${i}`, marker);
});
// A large sort spills to a temp file unless temp_store=MEMORY: make SQLite want one.
vault.db.exec('CREATE TABLE bulk (id INTEGER PRIMARY KEY, text TEXT) STRICT');
const insert = vault.db.prepare('INSERT INTO bulk (text) VALUES (?)');
vault.db.transaction(() => {
  for (let i = 0; i < 20_000; i++) insert.run(`${MARKERS[i % MARKERS.length] ?? ''} #${i}`);
})();
vault.db.prepare('SELECT text FROM bulk ORDER BY text DESC').all();
vault.db.exec('CREATE INDEX bulk_text ON bulk (text)');
await vault.save();
await vault.changePassphrase('second passphrase here');
await vault.lock();

const reopened = await Vault.unlock(path, { passphrase: 'second passphrase here' }, { kdf });
appendAuditEvent(reopened.db, { action: 'test.marker', subject: MARKERS[1] ?? '' });
reopened.db.exec('DELETE FROM bulk WHERE id % 2 = 0; VACUUM;');
await reopened.save();
await reopened.lock();
process.stdout.write('done\n');
