import { describe, expect, it } from 'vitest';
import { buildBridge } from '../../shared/bridge.ts';
import { CHANNEL_NAMES } from '../../shared/channels.ts';
import { CHANNELS, contract, MAIN_ONLY_CHANNELS } from '../../shared/contract.ts';

describe('the IPC contract', () => {
  it('names every channel domain:verb', () => {
    for (const channel of CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });

  it('lists the same channels for the preload as the contract defines', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual([...CHANNELS].sort());
  });

  it('has strict input schemas: an unknown field is refused on every channel', () => {
    for (const channel of CHANNELS) {
      expect(contract[channel].in.safeParse({ unexpected: 1 }).success, channel).toBe(false);
    }
  });

  it('leaves only the native dialogs to main', () => {
    expect([...MAIN_ONLY_CHANNELS].sort()).toEqual([
      'dialog:chooseBackupFile',
      'dialog:chooseExistingVault',
      'dialog:chooseExportPath',
      'dialog:chooseFolder',
      'dialog:chooseNewVaultPath',
      'dialog:chooseRestorePath',
    ]);
  });

  it('builds window.confidant as named functions, one per channel, and nothing else', async () => {
    const calls: [string, unknown][] = [];
    const bridge = buildBridge(
      (channel, input) => {
        calls.push([channel, input]);
        return Promise.resolve({ ok: true, value: null });
      },
      () => () => undefined,
    );
    await bridge.vault.unlock({ path: '/v', secret: { passphrase: 'x' } });
    expect(calls).toEqual([['vault:unlock', { path: '/v', secret: { passphrase: 'x' } }]]);
    const names = Object.entries(bridge).flatMap(([domain, verbs]) =>
      Object.keys(verbs).map((verb) => `${domain}:${verb}`),
    );
    expect(names.filter((name) => !name.startsWith('events:')).sort()).toEqual(
      [...CHANNELS].sort(),
    );
    expect(typeof bridge.events.onVaultLocked).toBe('function');
  });
});
