/**
 * The vault channels: create (with the recovery key confirmed), unlock, lock, passphrase
 * change and re-key. The session (which vault is open, the throttle on wrong passphrases)
 * stays in api.ts and is reached through VaultSession; the new vault waiting for its recovery
 * key to be confirmed is this module's own state.
 */
import { randomInt } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CoreChannel, Handlers, LockReason, VaultStatus } from '../../../shared/contract.ts';
import type { AppConfigStore } from '../app-config.ts';
import { normalizeRecoveryKeyText } from '../crypto/recovery-key.ts';
import { isVaultError, VaultError } from '../errors.ts';
import { appendAuditEvent } from '../repos/audit-events.ts';
import type { UnlockThrottle } from '../services/unlock-throttle.ts';
import { Vault, type PendingVault, type VaultOptions } from '../vault/vault.ts';

type VaultChannel = Extract<CoreChannel, `vault:${string}`>;

export interface VaultSession {
  config: AppConfigStore;
  vaultOptions: VaultOptions;
  /** Where a first vault is suggested: under the user's documents. */
  defaultVaultPath: string;
  throttle: UnlockThrottle;
  now(): Date;
  requireVault(): Vault;
  /** Checks the open vault's passphrase, counting failures like an unlock does. */
  checkPassphrase(vault: Vault, passphrase: string): Promise<void>;
  lock(reason: LockReason): Promise<VaultStatus>;
  /** Makes `vault` the session's open vault, after `failedAttemptsBefore` wrong tries. */
  adopt(vault: Vault, failedAttemptsBefore: number): void;
  /** Brings the lock screen's backup reminder up to date from the open vault. */
  syncReminder(vault: Vault): Promise<void>;
  status(): VaultStatus;
  /** The status, after telling main it changed. */
  changed(): VaultStatus;
}

export function vaultHandlers(session: VaultSession): Handlers<VaultChannel> {
  const { config, throttle } = session;
  let pending: { vault: PendingVault; groups: [number, number]; key: string } | null = null;

  async function discardPending(): Promise<void> {
    await pending?.vault.discard();
    pending = null;
  }

  return {
    'vault:status': () => Promise.resolve(session.status()),

    'vault:prepareCreate': async ({ path, passphrase }) => {
      await session.lock('manual');
      await discardPending();
      // The suggested place (Documents/Confidant/) does not exist on a first run; a folder the
      // user typed is theirs to create.
      if (dirname(path) === dirname(session.defaultVaultPath)) {
        await mkdir(dirname(path), { recursive: true, mode: 0o700 }).catch(() => undefined);
      }
      const prepared = await Vault.prepare(path, passphrase, session.vaultOptions);
      const first = randomInt(1, 10);
      let second = randomInt(1, 9);
      if (second >= first) second++;
      const groups: [number, number] = first < second ? [first, second] : [second, first];
      pending = { vault: prepared, groups, key: prepared.recoveryKey };
      return { recoveryKey: prepared.recoveryKey, groupsToConfirm: groups };
    },

    'vault:finishCreate': async ({ groups }) => {
      if (!pending)
        throw new VaultError('NO_PENDING_VAULT', { file: config.read().lastVaultPath ?? '' });
      const keyGroups = pending.key.split('-');
      const asked = [...pending.groups].sort();
      const given = groups.map((group) => group.index).sort();
      const matches =
        asked.every((index, i) => index === given[i]) &&
        groups.every(
          (group) => normalizeRecoveryKeyText(group.value) === keyGroups[group.index - 1],
        );
      if (!matches)
        throw new VaultError('RECOVERY_CONFIRMATION_MISMATCH', { file: pending.vault.path });
      const created = await pending.vault.commit(session.now());
      pending = null;
      session.adopt(created, 0);
      await config.update({ lastVaultPath: created.path });
      return session.changed();
    },

    'vault:cancelCreate': async () => {
      await discardPending();
      return session.status();
    },

    'vault:unlock': async ({ path, secret, generation }) => {
      await session.lock('manual');
      throttle.check(path);
      let opened: Vault;
      try {
        opened = await Vault.unlock(path, secret, {
          ...session.vaultOptions,
          generation: generation ?? 0,
        });
      } catch (error) {
        if (isVaultError(error, 'WRONG_PASSPHRASE') || isVaultError(error, 'WRONG_RECOVERY_KEY')) {
          throttle.recordFailure(path);
          throw new VaultError(
            error.code,
            {
              ...error.details,
              failedAttempts: throttle.failures(path),
              retryAfterSeconds: throttle.retryAfterSeconds(path),
            },
            { cause: error },
          );
        }
        throw error;
      }
      const failedAttemptsBefore = throttle.recordSuccess(path);
      session.adopt(opened, failedAttemptsBefore);
      appendAuditEvent(
        opened.db,
        {
          action: 'vault.unlocked',
          detail: {
            method: 'passphrase' in secret ? 'passphrase' : 'recovery-key',
            failedAttemptsBefore,
            ...(generation ? { openedFrom: 'previous-copy' } : {}),
            ...(opened.upgradedFrom ? { upgradedFromFormat: 1 } : {}),
          },
        },
        session.now(),
      );
      // The unlock has happened; if recording it cannot be saved now, it goes with the next save.
      await opened.save().catch(() => undefined);
      await config.update({ lastVaultPath: path });
      await session.syncReminder(opened);
      return session.changed();
    },

    'vault:lock': ({ reason }) => session.lock(reason ?? 'manual'),

    'vault:changePassphrase': async ({ current, next }) => {
      const open = session.requireVault();
      await session.checkPassphrase(open, current);
      await open.changePassphrase(next);
      return {};
    },

    'vault:rekey': async ({ current, next }) => {
      const open = session.requireVault();
      await session.checkPassphrase(open, current);
      return open.rekey(next);
    },
  };
}
