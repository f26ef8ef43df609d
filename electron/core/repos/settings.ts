import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { parseOptionalRow } from './rows.ts';

/**
 * Every key of the `settings` table, in one place: what the vault records about itself and
 * what the team configured. A new setting gets its key here, never a string elsewhere.
 */
export const SETTING_CREATED_AT = 'vault.created_at';
export const SETTING_CREATED_BY_VERSION = 'vault.created_by_version';
/** 'true' in a vault filled with fictional data by `confidant demo`. */
export const SETTING_DEMO = 'vault.demo';
/** Minutes without activity before the app locks (Settings). */
export const SETTING_AUTO_LOCK_MINUTES = 'app.auto_lock_minutes';
/** The team's review intervals per risk level, JSON (shared/risk.ts). */
export const SETTING_REVIEW_INTERVALS = 'risk.review_intervals';
/** Backup folder, rolling backups, warning threshold, JSON (shared/backup.ts). */
export const SETTING_BACKUP = 'backup.settings';
/** The random tag in this vault's backup file names. */
export const SETTING_BACKUP_TAG = 'backup.tag';
/** A separate backup passphrase's keyslot, base64. */
export const SETTING_BACKUP_PASSPHRASE_SLOT = 'backup.passphrase_slot';
/** When and from which backup this vault was restored, JSON. */
export const SETTING_RESTORED_FROM = 'backup.restored_from';

export function getSetting(db: Database, key: string): string | undefined {
  return parseOptionalRow(
    z.string(),
    db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key),
  );
}

export function setSetting(db: Database, key: string, value: string, now: Date = new Date()): void {
  db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, value, now.toISOString());
}

export function deleteSetting(db: Database, key: string): void {
  db.prepare('DELETE FROM settings WHERE key = ?').run(key);
}
