/**
 * The backup channels. Writing needs the open vault; verifying and restoring do not (a new
 * laptop has only the backup drive). A backup opened for a restore is held in memory for at
 * most RESTORE_HOLD_MS, and wiped on cancel, on restore, and on any lock.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import {
  DEFAULT_BACKUP_WARN_DAYS,
  type BackupOverview,
  type BackupReminder,
} from '../../../shared/backup.ts';
import type { CoreChannel, Handlers, VaultStatus } from '../../../shared/contract.ts';
import type { AppConfigStore } from '../app-config.ts';
import { isVaultError, VaultError } from '../errors.ts';
import { appendAuditEvent } from '../repos/audit-events.ts';
import { deleteSetting, SETTING_RESTORED_FROM } from '../repos/settings.ts';
import {
  openBackupFile,
  verifyBackupFile,
  type OpenedBackup,
} from '../services/backup/backup-file.ts';
import {
  BACKUP_WRITTEN_ACTION,
  backupPassphraseSlot,
  backupTag,
  keepBackupTag,
  lastBackupAt,
  readBackupSettings,
  setBackupPassphraseSlot,
  writeBackupSettings,
} from '../services/backup/backup-settings.ts';
import {
  backupVault,
  removeOldBackups,
  type BackupTrigger,
} from '../services/backup/backup-vault.ts';
import {
  captureBackup,
  writeCapturedBackup,
  type CapturedBackup,
} from '../services/backup/write-backup.ts';
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
  /** Takes a rolling backup at lock or quit, if configured; the job writes it after the lock. */
  backupAtLock(vault: Vault, trigger: 'lock' | 'quit'): Promise<(() => Promise<void>) | null>;
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

  /**
   * At unlock: a backup written after the last lock (it finished with the vault locked) is
   * entered in the audit trail now, with its own time; then the reminder follows the vault.
   */
  async function syncReminder(vault: Vault): Promise<void> {
    const stored = reminderFor(vault.path);
    const recorded = lastBackupAt(vault.db);
    if (stored.lastAt !== null && (recorded === null || stored.lastAt > recorded)) {
      appendAuditEvent(
        vault.db,
        { action: BACKUP_WRITTEN_ACTION, detail: { trigger: 'lock', whileLocked: true } },
        new Date(stored.lastAt),
      );
    }
    const failed = stored.lastFailure !== null;
    if (failed) {
      appendAuditEvent(
        vault.db,
        { action: 'backup.failed', detail: { trigger: 'lock', code: stored.lastFailure } },
        now(),
      );
    }
    await updateReminder(vault.path, {
      lastAt: lastBackupAt(vault.db),
      warnDays: readBackupSettings(vault.db).warnDays,
      // Told on the lock screen, now in the audit trail: the next lock tries again.
      ...(failed ? { lastFailure: null } : {}),
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

  /**
   * A rolling backup at lock or quit, if configured. What it needs is taken from the open vault
   * now (the database file, its counts, the keys: a fraction of a second); the returned job
   * seals, writes and verifies it after the vault is locked, and wipes those keys when done.
   * Its outcome goes to the lock screen's reminder and, at the next unlock, the audit trail.
   */
  async function backupAtLock(
    vault: Vault,
    trigger: 'lock' | 'quit',
  ): Promise<(() => Promise<void>) | null> {
    const settings = readBackupSettings(vault.db);
    const folder = settings.folder;
    if (!settings.onLock || folder === null) return null;
    const at = now();
    const tag = backupTag(vault.db);
    // Kept now: the backup is written after the lock, and its files must carry this tag.
    keepBackupTag(vault.db, tag, at);
    const path = vault.path;
    let captured: CapturedBackup;
    try {
      captured = await captureBackup(vault, {
        folder,
        tag,
        backupPassphraseSlot: backupPassphraseSlot(vault.db),
        vaultName: basename(path),
        now: at,
      });
    } catch (error) {
      await recordFailure(vault, trigger, error);
      return null;
    }
    const options = backupWriteOptions(session.vaultOptions);
    return async () => {
      try {
        const report = await writeCapturedBackup(captured, options);
        await removeOldBackups(folder, tag, settings.keep, report.file, options.fs);
        await updateReminder(path, { lastAt: report.createdAt, lastFailure: null });
      } catch (error) {
        await updateReminder(path, { lastFailure: isVaultError(error) ? error.code : 'INTERNAL' });
      }
    };
  }

  async function recordFailure(vault: Vault, trigger: string, error: unknown): Promise<void> {
    const code = isVaultError(error) ? error.code : 'INTERNAL';
    appendAuditEvent(vault.db, { action: 'backup.failed', detail: { trigger, code } }, now());
    await updateReminder(vault.path, { lastFailure: code });
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
      // Restored: the opened backup (its decrypted copy, its master key) is no longer needed.
      held.close();
      await syncReminder(restored);
      return session.adopt(restored);
    },

    'backup:cancelRestore': () => {
      forgetOpened();
      return Promise.resolve({});
    },

    'backup:dismissRestoredNotice': async () => {
      const vault = session.requireVault();
      deleteSetting(vault.db, SETTING_RESTORED_FROM);
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
