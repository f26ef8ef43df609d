/**
 * Backups through the core API (issue 7): written and verified, verified again from any
 * file, restored into a new vault that opens with the same secrets and says it was restored;
 * rolling backups at lock; every bad input refused with its own code and nothing on disk
 * changed.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreApiOptions } from '../../electron/core/api.ts';
import type { TestApi } from '../helpers/api.ts';
import { openTestVault, PASSPHRASE } from '../helpers/domain.ts';
import { editHeader } from '../helpers/container-bytes.ts';
import { snapshotDir } from '../helpers/dir-snapshot.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import { faultyFs } from '../helpers/faulty-fs.ts';
import type { FsPort } from '../../electron/core/vault/fs-port.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir('confidant-backup-');

async function vaultWithPeople(
  dir: string,
  people = ['Anna Smith', 'Boris Orlov'],
  overrides: Partial<CoreApiOptions> = {},
) {
  const api = await openTestVault(dir, overrides, 'office.confidant');
  const { path, recoveryKey } = api;
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
    // Nothing about the people, nor the date or version, is readable in the file.
    const bytes = readFileSync(written.file);
    for (const clear of ['Anna Smith', 'Boris', 'archive', 'SQLite format', written.createdAt]) {
      expect(bytes.includes(Buffer.from(clear, 'utf8')), clear).toBe(false);
    }
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
    // The backup it came from is its newest backup, on the dashboard and the lock screen.
    expect((await api.call('backup:overview', {})).reminder.lastAt).toBe(written.createdAt);
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

function errorOf(
  promise: Promise<unknown>,
): Promise<{ code: string; details: Record<string, unknown> }> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as { code: string; details: Record<string, unknown> },
  );
}

describe('bad backups are refused with their own code', () => {
  async function oneBackup() {
    const dir = tempDir();
    const { api, path, recoveryKey } = await vaultWithPeople(dir);
    const written = await api.call('backup:create', { folder: dir });
    return { dir, api, path, recoveryKey, file: written.file, bytes: readFileSync(written.file) };
  }
  const secret = { passphrase: PASSPHRASE };

  it('cut short, empty, a vault, a folder, missing, or a newer format', async () => {
    const { dir, api, path, file, bytes } = await oneBackup();
    const put = (name: string, content: Uint8Array) => {
      const target = join(dir, name);
      writeFileSync(target, content);
      return target;
    };
    const cases: [string, string, string?][] = [
      [put('cut.confidant-backup', bytes.subarray(0, bytes.length - 5000)), 'BACKUP_TRUNCATED'],
      [put('cut-header.confidant-backup', bytes.subarray(0, 100)), 'BACKUP_TRUNCATED'],
      [put('empty.confidant-backup', new Uint8Array()), 'NOT_A_BACKUP', 'empty'],
      [path, 'NOT_A_BACKUP', 'vault'],
      [dir, 'NOT_A_BACKUP', 'directory'],
      [join(dir, 'missing.confidant-backup'), 'FILE_NOT_FOUND'],
      [
        put('newer.confidant-backup', await editHeader(bytes, (b) => b.writeUInt16LE(3, 8))),
        'NEWER_VERSION',
      ],
      [
        put('appended.confidant-backup', Buffer.concat([bytes, Buffer.alloc(40)])),
        'BACKUP_DAMAGED',
      ],
    ];
    const before = snapshotDir(dir);
    for (const [target, code, reason] of cases) {
      for (const channel of ['backup:verify', 'backup:openForRestore'] as const) {
        const error = await errorOf(api.call(channel, { path: target, secret }));
        expect(error.code, `${target} ${channel}`).toBe(code);
        if (reason) expect(error.details.reason).toBe(reason);
      }
    }
    expect(snapshotDir(dir)).toEqual(before);
    // A backup picked on the unlock screen is named for what it is.
    await api.call('vault:lock', {});
    const asVault = await errorOf(api.call('vault:unlock', { path: file, secret }));
    expect(asVault).toMatchObject({ code: 'NOT_A_VAULT', details: { reason: 'backup' } });
  });

  it('every flipped byte of the payload is refused as damage, never restored', async () => {
    const { dir, api, bytes } = await oneBackup();
    const headerLength = bytes.readUInt32LE(10);
    for (const offset of [headerLength + 3, headerLength + 4200, bytes.length - 1]) {
      const copy = Buffer.from(bytes);
      copy.writeUInt8(copy.readUInt8(offset) ^ 0x40, offset);
      const target = join(dir, `flip-${offset}.confidant-backup`);
      writeFileSync(target, copy);
      await expect(
        api.call('backup:openForRestore', { path: target, secret }),
      ).rejects.toMatchObject({ code: 'BACKUP_DAMAGED' });
    }
    await expect(
      api.call('backup:restore', { destination: join(dir, 'never.confidant') }),
    ).rejects.toMatchObject({ code: 'RESTORE_NOT_OPENED' });
  });

  it('a wrong passphrase or recovery key says so, and says which passphrase a backup wants', async () => {
    const { api, file } = await oneBackup();
    expect(
      await errorOf(
        api.call('backup:verify', { path: file, secret: { passphrase: 'nope nope nope' } }),
      ),
    ).toMatchObject({ code: 'WRONG_PASSPHRASE', details: { kind: 'backup' } });
    const another = await vaultWithPeople(tempDir(), []);
    expect(
      await errorOf(
        api.call('backup:verify', { path: file, secret: { recoveryKey: another.recoveryKey } }),
      ),
    ).toMatchObject({ code: 'WRONG_RECOVERY_KEY' });
  });
});

describe('writing a backup never leaves half a file', () => {
  it('a full disk mid-backup leaves no file under a backup name and the older backups intact', async () => {
    const dir = tempDir();
    const drive = join(dir, 'drive');
    mkdirSync(drive);
    const fs = faultyFs({});
    const { api } = await vaultWithPeople(dir, undefined, { vaultOptions: { kdf: FAST_KDF, fs } });
    await api.call('backup:create', { folder: drive });
    const before = snapshotDir(drive);
    fs.arm({ failAfterBytes: 50_000 });
    expect(await errorOf(api.call('backup:create', { folder: drive }))).toMatchObject({
      code: 'DISK_FULL',
    });
    expect(snapshotDir(drive)).toEqual(before);
  });

  it('the folder gone mid-backup (drive pulled) leaves the older backups and says what happened', async () => {
    const dir = tempDir();
    const drive = join(dir, 'drive');
    mkdirSync(drive);
    const fs = faultyFs({});
    const { api } = await vaultWithPeople(dir, undefined, { vaultOptions: { kdf: FAST_KDF, fs } });
    await api.call('backup:create', { folder: drive });
    const before = snapshotDir(drive);
    // The temp file was written; reading it back finds the drive gone.
    fs.arm({ failOperations: { openForReading: 'ENOENT' } });
    expect(await errorOf(api.call('backup:create', { folder: drive }))).toMatchObject({
      code: 'FOLDER_NOT_FOUND',
    });
    expect(snapshotDir(drive)).toEqual(before);
    fs.arm({});
    expect(
      await errorOf(api.call('backup:create', { folder: join(dir, 'unplugged') })),
    ).toMatchObject({ code: 'FOLDER_NOT_FOUND' });
  });

  it('a backup that reads back wrong is removed, and is reported as not verified', async () => {
    const dir = tempDir();
    const base = faultyFs({});
    // One bit of the written file reads back flipped (a bad sector, a failing stick).
    const fs: FsPort = {
      ...base,
      async openForReading(path: string) {
        const file = await base.openForReading(path);
        if (!path.endsWith('.tmp')) return file;
        return {
          ...file,
          size: file.size,
          async read(into: Buffer, offset: number, length: number, position: number) {
            const read = await file.read(into, offset, length, position);
            const flip = file.size - 10 - position;
            if (flip >= 0 && flip < read)
              into.writeUInt8(into.readUInt8(offset + flip) ^ 1, offset + flip);
            return read;
          },
        };
      },
    };
    const { api } = await vaultWithPeople(dir, undefined, { vaultOptions: { kdf: FAST_KDF, fs } });
    const before = snapshotDir(dir);
    expect(await errorOf(api.call('backup:create', { folder: dir }))).toMatchObject({
      code: 'BACKUP_DAMAGED',
      details: { reason: 'written' },
    });
    const after = snapshotDir(dir);
    expect(
      Object.keys(after).filter((name) => !(name in before) && !name.startsWith('config')),
    ).toEqual([]);
  });
});

describe('rolling backups on lock and quit', () => {
  it('keeps the newest N, removing old ones only after a new one verified', async () => {
    const dir = tempDir();
    const drive = join(dir, 'drive');
    mkdirSync(drive);
    let clock = new Date('2026-11-01T09:00:00Z');
    const { api, path } = await vaultWithPeople(dir, undefined, { now: () => clock });
    await api.call('backup:updateSettings', { folder: drive, onLock: true, keep: 3 });
    writeFileSync(join(drive, 'unrelated.txt'), 'not ours');
    writeFileSync(
      join(drive, 'confidant-0badc0de-20260101T000000Z.confidant-backup'),
      'another vault',
    );
    for (let day = 0; day < 5; day++) {
      clock = new Date(clock.getTime() + 86_400_000);
      await api.call('vault:lock', { reason: day === 4 ? 'quit' : 'idle' });
      await api.core.settleBackgroundBackups();
      await api.call('vault:unlock', { path, secret: { passphrase: PASSPHRASE } });
    }
    const ours = backupsIn(drive).filter((name) => !name.includes('0badc0de'));
    expect(ours).toHaveLength(3);
    expect(ours.sort()[0]).toContain('20261104');
    // Other files in the folder are never touched.
    expect(readdirSync(drive)).toEqual(expect.arrayContaining(['unrelated.txt']));
    expect(backupsIn(drive).some((name) => name.includes('0badc0de'))).toBe(true);
    const { entries } = await api.call('audit:list', { categories: ['backup'] });
    // Written after each lock, entered in the audit trail at the next unlock.
    expect(entries.filter((entry) => entry.action === 'backup.written')).toHaveLength(5);
    expect(entries[0]?.detail).toMatchObject({ whileLocked: true });
  });

  it('a failed backup at lock never blocks the lock; the lock screen says it failed', async () => {
    const dir = tempDir();
    const { api, path } = await vaultWithPeople(dir);
    await api.call('backup:updateSettings', { folder: join(dir, 'unplugged'), onLock: true });
    const locked = await api.call('vault:lock', { reason: 'idle' });
    expect(locked.state).toBe('locked');
    await api.core.settleBackgroundBackups();
    expect(api.core.status().backup).toMatchObject({
      lastAt: null,
      lastFailure: 'FOLDER_NOT_FOUND',
    });
    await api.call('vault:unlock', { path, secret: { passphrase: PASSPHRASE } });
    const { entries } = await api.call('audit:list', { categories: ['backup'] });
    expect(entries[0]).toMatchObject({
      action: 'backup.failed',
      detail: { code: 'FOLDER_NOT_FOUND' },
    });
    // Once a backup succeeds the failure is forgotten, and the lock screen knows its date.
    mkdirSync(join(dir, 'unplugged'));
    await api.call('vault:lock', {});
    await api.core.settleBackgroundBackups();
    const next = api.core.status();
    expect(next.backup.lastFailure).toBeNull();
    expect(next.backup.lastAt).not.toBeNull();
  });
});

describe('restoring', () => {
  it('never over the open vault; over another file only when confirmed, keeping it aside', async () => {
    const dir = tempDir();
    const { api, path } = await vaultWithPeople(dir);
    const { file } = await api.call('backup:create', { folder: dir });
    await api.call('backup:openForRestore', { path: file, secret: { passphrase: PASSPHRASE } });
    const other = join(dir, 'other.confidant');
    writeFileSync(other, 'someone else’s file');
    const before = snapshotDir(dir);
    await expect(api.call('backup:restore', { destination: path })).rejects.toMatchObject({
      code: 'RESTORE_ONTO_OPEN_VAULT',
    });
    await expect(api.call('backup:restore', { destination: other })).rejects.toMatchObject({
      code: 'FILE_EXISTS',
    });
    await expect(
      api.call('backup:restore', { destination: file, replaceExisting: true }),
    ).rejects.toMatchObject({ code: 'FILE_EXISTS' });
    expect(snapshotDir(dir)).toEqual(before);
    // Still held: confirming the replacement works without typing the passphrase again.
    const status = await api.call('backup:restore', { destination: other, replaceExisting: true });
    expect(status).toMatchObject({ state: 'unlocked', path: other });
    // What was there is kept aside, never destroyed.
    expect(readFileSync(`${other}.before-restore`, 'utf8')).toBe('someone else’s file');
    expect(await names(api)).toEqual(['Anna Smith', 'Boris Orlov']);
  });

  it('a separate backup passphrase opens the backups; the vault passphrase then does not', async () => {
    const dir = tempDir();
    const { api, recoveryKey } = await vaultWithPeople(dir);
    const backupPassphrase = 'a different passphrase for the drive';
    await expect(
      api.call('backup:setPassphrase', { current: 'wrong passphrase', backupPassphrase }),
    ).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    const overview = await api.call('backup:setPassphrase', {
      current: PASSPHRASE,
      backupPassphrase,
    });
    expect(overview.opensWith).toBe('backup-passphrase');
    const { file } = await api.call('backup:create', { folder: dir });
    await expect(
      api.call('backup:verify', { path: file, secret: { passphrase: PASSPHRASE } }),
    ).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect(
      (await api.call('backup:verify', { path: file, secret: { recoveryKey } })).opensWith,
    ).toBe('backup-passphrase');
    await api.call('backup:openForRestore', {
      path: file,
      secret: { passphrase: backupPassphrase },
    });
    const restored = join(dir, 'restored.confidant');
    await api.call('backup:restore', { destination: restored });
    await api.call('vault:lock', {});
    const status = await api.call('vault:unlock', {
      path: restored,
      secret: { passphrase: backupPassphrase },
    });
    expect(status.state).toBe('unlocked');
  });
});
