/**
 * What the vault keeps about its backups, in its own settings table (so it is as secret as the
 * data and travels with it): where rolling backups go and how many are kept, the tag that
 * names this vault's backup files, and a separate backup passphrase's keyslot if one was set.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import {
  backupSettings,
  DEFAULT_BACKUP_SETTINGS,
  type BackupSettings,
} from '../../../../shared/backup.ts';
import { newestBackupEvent } from '../../repos/audit-events.ts';
import { decodeKeyslot, encodeKeyslot, type Keyslot } from '../../crypto/container.ts';
import {
  deleteSetting,
  getSetting,
  SETTING_BACKUP,
  SETTING_BACKUP_PASSPHRASE_SLOT,
  SETTING_BACKUP_TAG,
  setSetting,
} from '../../repos/settings.ts';

/** The audit action every written backup records; the reminders read the newest. */
export const BACKUP_WRITTEN_ACTION = 'backup.written';
export const BACKUP_RESTORED_ACTION = 'backup.restored';

export function readBackupSettings(db: Database): BackupSettings {
  const stored = getSetting(db, SETTING_BACKUP);
  if (stored === undefined) return DEFAULT_BACKUP_SETTINGS;
  try {
    return backupSettings.parse({ ...DEFAULT_BACKUP_SETTINGS, ...JSON.parse(stored) });
  } catch {
    return DEFAULT_BACKUP_SETTINGS;
  }
}

export function writeBackupSettings(
  db: Database,
  patch: Partial<BackupSettings>,
  now: Date,
): BackupSettings {
  const next = backupSettings.parse({ ...readBackupSettings(db), ...patch });
  setSetting(db, SETTING_BACKUP, JSON.stringify(next), now);
  return next;
}

/**
 * Eight random hex digits naming this vault's backup files. A new one is only proposed here;
 * `keepBackupTag` stores it once a backup with it was written, so a failed first backup
 * leaves the vault as it was.
 */
export function backupTag(db: Database): string {
  const stored = getSetting(db, SETTING_BACKUP_TAG);
  if (stored && /^[0-9a-f]{8}$/u.test(stored)) return stored;
  return randomBytes(4).toString('hex');
}

export function keepBackupTag(db: Database, tag: string, now: Date): void {
  if (getSetting(db, SETTING_BACKUP_TAG) !== tag) setSetting(db, SETTING_BACKUP_TAG, tag, now);
}

export function backupPassphraseSlot(db: Database): Keyslot | null {
  const stored = getSetting(db, SETTING_BACKUP_PASSPHRASE_SLOT);
  if (!stored) return null;
  return decodeKeyslot(Buffer.from(stored, 'base64'), { file: SETTING_BACKUP_PASSPHRASE_SLOT });
}

export function setBackupPassphraseSlot(db: Database, slot: Keyslot | null, now: Date): void {
  if (slot === null) deleteSetting(db, SETTING_BACKUP_PASSPHRASE_SLOT);
  else setSetting(db, SETTING_BACKUP_PASSPHRASE_SLOT, encodeKeyslot(slot).toString('base64'), now);
}

/**
 * When the newest backup of this vault was written (from the audit trail); null = never. A
 * restored vault counts the backup it was restored from: that backup exists.
 */
export function lastBackupAt(db: Database): string | null {
  return newestBackupEvent(db, BACKUP_WRITTEN_ACTION, BACKUP_RESTORED_ACTION);
}
