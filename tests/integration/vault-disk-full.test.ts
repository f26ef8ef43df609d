/**
 * A disk that fills while the vault is saving, for real: the vault lives on a small tmpfs
 * (mounted by this test; it needs root, as CI and the development machines run), a filler file
 * takes most of it, and notes are written until SQLite itself runs out of room. Every change
 * the app acknowledged must still be there after the space comes back, nothing half-written
 * appears, and the user hears DISK_FULL naming the vault.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Vault } from '../../electron/core/vault/vault.ts';
import { checkDatabase, isSound } from '../../electron/core/services/database-check.ts';
import { openTestVault } from '../helpers/domain.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';

let root = '';
let mount = '';
let mounted = false;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'confidant-disk-full-'));
  mount = join(root, 'small-disk');
  mkdirSync(mount);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', mount], { stdio: 'ignore' });
    mounted = true;
  } catch {
    mounted = false;
  }
});

afterAll(() => {
  if (mounted) execFileSync('umount', [mount], { stdio: 'ignore' });
  rmSync(root, { recursive: true, force: true });
});

const rootOnly = process.getuid?.() === 0 ? it : it.skip;

describe('a disk that fills while saving', () => {
  rootOnly(
    'refuses the change that does not fit with DISK_FULL and loses none that did',
    async () => {
      expect(mounted, 'mounting a tmpfs (run as root)').toBe(true);
      const api = await openTestVault(mount, { vaultOptions: { kdf: FAST_KDF } });
      // Leave ~400 KiB free: a few dozen 8 KiB notes fit, then SQLite cannot grow the WAL.
      const filler = join(mount, 'filler');
      const free = () => {
        const stats = statfsSync(mount);
        return stats.bavail * stats.bsize;
      };
      writeFileSync(filler, Buffer.alloc(Math.max(0, free() - 400 * 1024)));
      const { id: personId } = await api.call('persons:create', {
        fullName: 'Anna Smith',
        codename: 'Heron',
      });
      const acknowledged: string[] = [];
      let refusal: { code: string; details: Record<string, unknown> } | undefined;
      for (let i = 0; i < 500 && !refusal; i++) {
        const title = `note ${String(i)}`;
        const result = await api.raw('notes:create', {
          occurredOn: '2026-03-01',
          kind: 'call',
          personIds: [personId],
          title,
          body: `${title} `.repeat(1000),
        });
        if (result.ok) acknowledged.push(title);
        else refusal = result.error;
      }
      expect(refusal).toMatchObject({ code: 'DISK_FULL', details: { file: api.path } });
      expect(acknowledged.length).toBeGreaterThan(5);

      // The vault still answers, and locks, on the full disk.
      const page = await api.call('persons:get', { id: personId });
      expect(page).toBeDefined();
      await api.call('vault:lock', { reason: 'manual' });

      // Space comes back: everything acknowledged is there, nothing else, and the file is sound.
      rmSync(filler);
      const vault = await Vault.unlock(api.path, { recoveryKey: api.recoveryKey });
      try {
        expect(isSound(checkDatabase(vault.db))).toBe(true);
        const titles = vault.db
          .prepare('SELECT title FROM case_notes ORDER BY id')
          .pluck()
          .all() as string[];
        expect(titles).toEqual(acknowledged);
      } finally {
        await vault.lock();
      }
    },
  );

  rootOnly(
    'on a read-only drive: a writable unlock says so and changes nothing; a read-only one reads',
    async () => {
      expect(mounted, 'mounting a tmpfs (run as root)').toBe(true);
      const api = await openTestVault(
        mount,
        { vaultOptions: { kdf: FAST_KDF } },
        'stick.confidant',
      );
      await api.call('persons:create', { fullName: 'Boris Orlov', codename: 'Kestrel' });
      await api.call('vault:lock', { reason: 'manual' });
      execFileSync('mount', ['-o', 'remount,ro', mount], { stdio: 'ignore' });
      try {
        await expect(
          Vault.unlock(api.path, { recoveryKey: api.recoveryKey }),
        ).rejects.toMatchObject({ code: 'NOT_WRITABLE' });
        const vault = await Vault.unlock(
          api.path,
          { recoveryKey: api.recoveryKey },
          { readOnly: true },
        );
        try {
          expect(vault.db.prepare('SELECT codename FROM persons').pluck().all()).toEqual([
            'Kestrel',
          ]);
        } finally {
          await vault.lock();
        }
      } finally {
        execFileSync('mount', ['-o', 'remount,rw', mount], { stdio: 'ignore' });
      }
    },
  );
});
