/** The vault's own share key pair (one row, never replaced: migration 0005). */
import type { Database } from 'better-sqlite3-multiple-ciphers';

export interface StoredShareKey {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
  createdAt: string;
}

export function readShareKey(db: Database): StoredShareKey | undefined {
  const row = db
    .prepare('SELECT public_key, secret_key, created_at FROM share_key WHERE id = 1')
    .get() as { public_key: Buffer; secret_key: Buffer; created_at: string } | undefined;
  return row
    ? { publicKey: row.public_key, secretKey: row.secret_key, createdAt: row.created_at }
    : undefined;
}

export function insertShareKey(
  db: Database,
  pair: { publicKey: Uint8Array; secretKey: Uint8Array },
  now: Date,
): void {
  db.prepare(
    'INSERT INTO share_key (id, public_key, secret_key, created_at) VALUES (1, ?, ?, ?)',
  ).run(Buffer.from(pair.publicKey), Buffer.from(pair.secretKey), now.toISOString());
}
