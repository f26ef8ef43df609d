/** The vault's own share key pair (one row, never replaced: migration 0005). */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { parseOptionalRow } from './rows.ts';

export interface StoredShareKey {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
  createdAt: string;
}

const shareKeyRow = z.object({
  public_key: z.instanceof(Buffer),
  secret_key: z.instanceof(Buffer),
  created_at: z.string(),
});

export function readShareKey(db: Database): StoredShareKey | undefined {
  const row = parseOptionalRow(
    shareKeyRow,
    db.prepare('SELECT public_key, secret_key, created_at FROM share_key WHERE id = 1').get(),
  );
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
