/**
 * The backup channels. Writing needs the open vault; verifying and restoring do not (a new
 * laptop has only the backup drive). A backup opened for a restore is held in memory for at
 * most RESTORE_HOLD_MS, and wiped on cancel, on restore, and on any lock.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  DEFAULT_BACKUP_WARN_DAYS,
  type BackupOverview,
  type BackupReminder,
} from '../../../shared/backup.ts';
import type { CoreChannel, Handlers, VaultStatus } from '../../../shared/contract.ts';
import type { AppConfigStore } from '../app-config.ts';
import { isVaultError, VaultError } from '../errors.ts';
import { appendAuditEvent } from '../repos/audit-events.ts';
import {
  openBackupFile,
  verifyBackupFile,
  type OpenedBackup,
} from '../services/backup/backup-file.ts';
import {
  backupPassphraseSlot,
  lastBackupAt,
  readBackupSettings,
  setBackupPassphraseSlot,
  SETTING_RESTORED_FROM,
  writeBackupSettings,
} from '../services/backup/backup-settings.ts';
import { backupVault, type BackupTrigger } from '../services/backup/backup-vault.ts';
import { restoreBackup } from '../services/backup/restore-backup.ts';
import type { Vault, VaultOptions } from '../vault/vault.ts';

export const RESTORE_HOLD_MS = 10 * 60 * 1000;

type BackupChannel = Extract<CoreChannel, `backup:${string}`>;

export interface BackupSession {
  config: AppConfigStore;
  vaultOptions: VaultOptions;
  now(): Date;
  vault(): Vault | null;
  requireVault(): Vault;
  /** Checks the open vault's passphrase, counting failures like an unlock does. */
  checkPassphrase(vault: Vault, passphrase: string): Promise<void>;
  /** Locks the open vault (if any) before a restore replaces it in the session. */
  lockBeforeRestore(): Promise<void>;
  /** Makes `vault` the session's open vault and returns the new status. */
  adopt(vault: Vault): Promise<VaultStatus>;
  status(): VaultStatus;
}

export function backupHandlers(session: BackupSession): {
  handlers: Handlers<BackupChannel>;
  /** A rolling backup at lock or quit, if configured; failures are recorded, never thrown. */
  backupAtLock(vault: Vault, trigger: 'lock' | 'quit'): Promise<void>;
  /** Forgets a backup held for a restore (on every lock). */
  forgetOpened(): void;
  /** Brings the lock screen's reminder up to date from the open vault. */
  syncReminder(vault: Vault): Promise<void>;
  reminderFor(path: string | null): BackupReminder;
} {
  const { config } = session;
  const now = () => session.now();
  let opened: (OpenedBackup & { recorded?: boolean }) | null = null;
  let holdTimer: NodeJS.Timeout | undefined;

  function forgetOpened(): void {
    clearTimeout(holdTimer);
    opened?.close();
    opened = null;
  }

  function hold(backup: OpenedBackup): void {
    forgetOpened();
    opened = backup;
    holdTimer = setTimeout(forgetOpened, RESTORE_HOLD_MS);
    holdTimer.unref();
  }

  function reminderFor(path: string | null): BackupReminder {
    const stored = path ? config.read().backups[path] : undefined;
    return stored ?? { lastAt: null, warnDays: DEFAULT_BACKUP_WARN_DAYS, lastFailure: null };
  }

  async function updateReminder(path: string, patch: Partial<BackupReminder>): Promise<void> {
    const current = reminderFor(path);
    const next = { ...current, ...patch };
    // Unlocks sync the reminder; most change nothing, and then the config is not rewritten.
    if (config.read().backups[path] && JSON.stringify(next) === JSON.stringify(current)) return;
    const backups = { ...config.read().backups, [path]: next };
    await config.update({ backups }).catch(() => undefined);
  }

  async function syncReminder(vault: Vault): Promise<void> {
    await updateReminder(vault.path, {
      lastAt: lastBackupAt(vault.db),
      warnDays: readBackupSettings(vault.db).warnDays,
    });
  }

  function overview(vault: Vault): BackupOverview {
    return {
      settings: readBackupSettings(vault.db),
      opensWith: backupPassphraseSlot(vault.db) ? 'backup-passphrase' : 'vault',
      reminder: { ...reminderFor(vault.path), lastAt: lastBackupAt(vault.db) },
    };
  }

  async function write(vault: Vault, folder: string, trigger: BackupTrigger, keep?: number) {
    const written = await backupVault(
      vault,
      { folder, trigger, now: now(), ...(keep === undefined ? {} : { keep }) },
      backupWriteOptions(session.vaultOptions),
    );
    await vault.save().catch(() => undefined);
    await updateReminder(vault.path, { lastAt: written.createdAt, lastFailure: null });
    return written;
  }

  async function backupAtLock(vault: Vault, trigger: 'lock' | 'quit'): Promise<void> {
    const settings = readBackupSettings(vault.db);
    if (!settings.onLock || settings.folder === null) return;
    try {
      await write(vault, settings.folder, trigger, settings.keep);
    } catch (error) {
      const code = isVaultError(error) ? error.code : 'INTERNAL';
      appendAuditEvent(vault.db, { action: 'backup.failed', detail: { trigger, code } }, now());
      await updateReminder(vault.path, { lastFailure: code });
    }
  }

  const handlers: Handlers<BackupChannel> = {
    'backup:overview': () => Promise.resolve(overview(session.requireVault())),

    'backup:updateSettings': async (changes) => {
      const vault = session.requireVault();
      const at = now();
      vault.db.transaction(() => {
        writeBackupSettings(vault.db, changes, at);
        appendAuditEvent(vault.db, { action: 'backup.settings-changed', detail: changes }, at);
      })();
      await vault.save();
      await syncReminder(vault);
      return overview(vault);
    },

    'backup:setPassphrase': async ({ current, backupPassphrase }) => {
      const vault = session.requireVault();
      await session.checkPassphrase(vault, current);
      const slot =
        backupPassphrase === null ? null : await vault.makeBackupPassphraseSlot(backupPassphrase);
      const at = now();
      vault.db.transaction(() => {
        setBackupPassphraseSlot(vault.db, slot, at);
        appendAuditEvent(
          vault.db,
          { action: slot ? 'backup.passphrase-set' : 'backup.passphrase-removed' },
          at,
        );
      })();
      await vault.save();
      return overview(vault);
    },

    'backup:create': async ({ folder }) => write(session.requireVault(), folder, 'manual'),

    'backup:verify': ({ path, secret }) =>
      verifyBackupFile(path, secret, backupWriteOptions(session.vaultOptions)),

    'backup:openForRestore': async ({ path, secret }) => {
      forgetOpened();
      const backup = await openBackupFile(path, secret, backupWriteOptions(session.vaultOptions));
      hold(backup);
      return backup.report;
    },

    'backup:restore': async ({ destination, replaceExisting }) => {
      const held = opened;
      if (!held) throw new VaultError('RESTORE_NOT_OPENED', { file: destination });
      const open = session.vault();
      if (open && resolve(open.path) === resolve(destination))
        throw new VaultError('RESTORE_ONTO_OPEN_VAULT', { file: destination });
      // The backup itself is never overwritten, confirmed or not.
      if (resolve(held.report.file) === resolve(destination))
        throw new VaultError('FILE_EXISTS', { file: destination });
      // Refused before the open vault is locked: a refusal changes nothing.
      if (!replaceExisting && existsSync(destination))
        throw new VaultError('FILE_EXISTS', { file: destination });
      if (!isFolder(dirname(destination)))
        throw new VaultError('FOLDER_NOT_FOUND', { file: destination });
      // Taken out of the session first: locking the open vault forgets held backups.
      clearTimeout(holdTimer);
      opened = null;
      let restored: Vault;
      try {
        await session.lockBeforeRestore();
        restored = await restoreBackup(
          held,
          { destination, replaceExisting, now: now() },
          session.vaultOptions,
        );
      } catch (error) {
        // Still held, so the user can choose another place without typing the secret again.
        hold(held);
        throw error;
      }
      await syncReminder(restored);
      return session.adopt(restored);
    },

    'backup:cancelRestore': () => {
      forgetOpened();
      return Promise.resolve({});
    },

    'backup:dismissRestoredNotice': async () => {
      const vault = session.requireVault();
      vault.db.prepare('DELETE FROM settings WHERE key = ?').run(SETTING_RESTORED_FROM);
      await vault.save();
      return session.status();
    },
  };

  return { handlers, backupAtLock, forgetOpened, syncReminder, reminderFor };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function backupWriteOptions(options: VaultOptions) {
  return {
    ...(options.fs ? { fs: options.fs } : {}),
  };
}
