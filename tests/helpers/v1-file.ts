/**
 * Format-1 vault files for tests of reading and upgrading them. This version of Confidant no
 * longer writes format 1, so they are made from the committed fixture: its image, changed by
 * `edit`, sealed again under the fixture's own keyslots (the fixture's passphrase and recovery
 * key open every variant). The fixture itself is only read.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  headerChecksum,
  openPayload,
  parseContainer,
  sealContainer,
} from '../../electron/core/crypto/container.ts';
import { KEYSLOT_IDENTITY } from '../../electron/core/crypto/keyslot-file.ts';
import { derivePayloadKey, openMasterKey } from '../../electron/core/crypto/keyslots.ts';
import { wipe } from '../../electron/core/crypto/sodium.ts';
import { openDatabase } from '../../electron/core/db/open-database.ts';

export const V1_FIXTURE = resolve(import.meta.dirname, '../fixtures/vault-v1.confidant');
export const v1Fixture = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../fixtures/vault-v1.json'), 'utf8'),
) as { passphrase: string; recoveryKey: string; note: string; auditEvents: number };

/**
 * Writes to `path` a format-1 vault holding the fixture's data changed by `edit`, in chunks of
 * `chunkSize` bytes (the fixture's own 4096 unless given).
 */
export async function writeV1Variant(
  path: string,
  edit: (db: Database) => void,
  chunkSize?: number,
): Promise<void> {
  const file = readFileSync(V1_FIXTURE);
  const checksum = await headerChecksum();
  const parsed = parseContainer(file, { file: V1_FIXTURE }, checksum);
  const master = await openMasterKey(
    parsed.header.slots,
    { passphrase: v1Fixture.passphrase },
    KEYSLOT_IDENTITY,
    { file: V1_FIXTURE },
  );
  const payloadKey = await derivePayloadKey(master);
  try {
    const db = openDatabase(await openPayload(parsed, payloadKey, { file: V1_FIXTURE }));
    let image: Buffer;
    try {
      edit(db);
      image = db.serialize();
    } finally {
      db.close();
    }
    const { version, kind, slots } = parsed.header;
    const sealed = await sealContainer(
      { version, kind, slots, chunkSize: chunkSize ?? parsed.header.chunkSize },
      payloadKey,
      image,
    );
    writeFileSync(path, sealed);
  } finally {
    wipe(master, payloadKey);
  }
}
