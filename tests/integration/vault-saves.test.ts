import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFs } from '../../electron/core/vault/fs-port.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import { faultyFs } from '../helpers/faulty-fs.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { createTestVault, PASSPHRASE, readState, setState } from '../helpers/vaults.ts';

const tempDir = useTempDir();

async function savedStates(states: string[], options = {}) {
  const dir = tempDir();
  const { path, vault } = await createTestVault(dir, options);
  for (const state of states) {
    setState(vault, state);
    await vault.save();
  }
  await vault.lock();
  return { dir, path };
}

describe('previous generations', () => {
  it('keeps the two previous saved states as FILE.1 and FILE.2, each a complete vault', async () => {
    const { path } = await savedStates(['one', 'two', 'three', 'four']);
    expect(await readState(path)).toBe('four');
    expect(await readState(`${path}.1`)).toBe('three');
    expect(await readState(`${path}.2`)).toBe('two');
    expect(existsSync(`${path}.3`)).toBe(false);
  });

  it('keeps more generations when asked', async () => {
    const { path } = await savedStates(['one', 'two', 'three', 'four', 'five'], { generations: 4 });
    expect(await readState(`${path}.4`)).toBe('one');
    expect(await readState(`${path}.1`)).toBe('four');
  });

  it('opens a previous generation on request, and the next save makes it current again', async () => {
    const { path } = await savedStates(['one', 'two']);
    const vault = await Vault.unlock(path, { passphrase: PASSPHRASE }, { generation: 1 });
    expect(vault.openedFrom).toBe(`${path}.1`);
    await vault.lock();
    expect(await readState(path)).toBe('one');
  });

  it('keeps generations where the file system has no hard links (falls back to rename)', async () => {
    const fs = faultyFs({ failOperations: { link: 'EPERM' } });
    const { path } = await savedStates(['one', 'two', 'three'], { fs });
    expect(await readState(path)).toBe('three');
    expect(await readState(`${path}.1`)).toBe('two');
    expect(await readState(`${path}.2`)).toBe('one');
  });
});

describe('durable saves', () => {
  it('writes a temp file, fsyncs it, then renames it into place and fsyncs the folder', async () => {
    const fs = faultyFs({});
    const { path, vault } = await createTestVault(tempDir(), { fs });
    setState(vault, 'first');
    await vault.save(); // now FILE.1 exists, so this save also shows the rotation
    setState(vault, 'second');
    fs.log.length = 0;
    await vault.save();
    const name = basename(path);
    const steps = fs.log.map((entry) =>
      entry
        .replaceAll(path.slice(0, -name.length), '')
        .replace(/tmp-[0-9a-f]+/g, 'tmp')
        .replace(/^write (\S+) \d+$/, 'write $1'),
    );
    expect(steps).toEqual([
      `createExclusive ${name}.tmp`,
      `write ${name}.tmp`,
      `sync ${name}.tmp`,
      `close ${name}.tmp`,
      `exists ${name}`,
      `exists ${name}.1`,
      `rename ${name}.1 → ${name}.2`,
      `link ${name} → ${name}.1`,
      `rename ${name}.tmp → ${name}`,
      `syncFolder ${path.slice(0, -name.length - 1)}`,
    ]);
    await vault.lock();
  });

  it('does not report a save as done until the folder is synced', async () => {
    let releaseFolderSync: () => void = () => undefined;
    const slowFs = {
      ...nodeFs,
      syncFolder: (folder: string) =>
        new Promise<void>((resolve) => {
          releaseFolderSync = () => {
            void nodeFs.syncFolder(folder).then(resolve);
          };
        }),
    };
    const dir = tempDir();
    const { vault } = await Vault.create(join(dir, 'v.confidant'), PASSPHRASE, {
      kdf: { opslimit: 1, memlimit: 65536 },
      fs: { ...slowFs, syncFolder: (folder: string) => nodeFs.syncFolder(folder) },
    });
    await vault.lock();
    const reopened = await Vault.unlock(
      join(dir, 'v.confidant'),
      { passphrase: PASSPHRASE },
      { fs: slowFs },
    );
    setState(reopened, 'pending');
    let done = false;
    const saving = reopened.save().then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(done).toBe(false);
    releaseFolderSync();
    await saving;
    expect(done).toBe(true);
    await reopened.lock();
  });

  it('reports a failure to sync the folder as a failed save, keeping the change in memory', async () => {
    const { path } = await savedStates(['one']);
    const failingFolderSync = {
      ...nodeFs,
      syncFolder: () => Promise.reject(Object.assign(new Error('injected'), { code: 'EIO' })),
    };
    const vault = await Vault.unlock(path, { passphrase: PASSPHRASE }, { fs: failingFolderSync });
    setState(vault, 'two');
    await expect(vault.save()).rejects.toMatchObject({ code: 'IO_ERROR' });
    expect(vault.hasUnsavedChanges()).toBe(true);
    await vault.lock({ discardUnsaved: true });
  });
});

describe('temp files', () => {
  it('leaves none after a save', async () => {
    const { dir } = await savedStates(['one', 'two']);
    expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('removes those a crashed save left behind, and only those of this vault', async () => {
    const { dir, path } = await savedStates(['one']);
    writeFileSync(`${path}.tmp-0123456789ab`, 'half a vault');
    writeFileSync(join(dir, 'other.confidant.tmp-0123456789ab'), 'another vault’s temp file');
    const vault = await Vault.unlock(path, { passphrase: PASSPHRASE });
    await vault.lock();
    expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([
      'other.confidant.tmp-0123456789ab',
    ]);
  });

  it('does not clean up when opened read-only (nothing on disk changes)', async () => {
    const { path } = await savedStates(['one']);
    writeFileSync(`${path}.tmp-0123456789ab`, 'half a vault');
    expect(await readState(path)).toBe('one');
    expect(existsSync(`${path}.tmp-0123456789ab`)).toBe(true);
  });
});
