/**
 * Backups as the screens and the CLI see them: the settings kept inside the vault, what a
 * verified backup holds, and the reminder the lock screen shows. The file format is in
 * docs/vault-format.md §14; the core is in electron/core/services/backup/.
 */
import { z } from 'zod';

/** Backup files end in this (without the dot). */
export const BACKUP_EXTENSION = 'confidant-backup';

export const DEFAULT_BACKUPS_KEPT = 10;
export const MAX_BACKUPS_KEPT = 100;
export const DEFAULT_BACKUP_WARN_DAYS = 7;
export const MAX_BACKUP_WARN_DAYS = 365;

/** The tables a person reads in a report (the CLI prints every table). */
export const HEADLINE_TABLES = [
  'persons',
  'case_notes',
  'agencies',
  'partner_orgs',
  'risk_assessments',
  'disclosures',
  'audit_events',
] as const;

/**
 * What opens a backup: the vault's own passphrase and recovery key, or a separate backup
 * passphrase (with the recovery key still opening it).
 */
export const OPENS_WITH = ['vault', 'backup-passphrase'] as const;
export type OpensWith = (typeof OPENS_WITH)[number];

const path = z.string().min(1).max(4096);

/** Kept inside the vault (settings key backup.settings), so it is as secret as the data. */
export const backupSettings = z.strictObject({
  /** Where rolling backups go (an external drive, typically); null until chosen. */
  folder: path.nullable(),
  /** Write a backup on every lock and quit. */
  onLock: z.boolean(),
  /** Rolling backups kept in the folder; older ones are removed once a new one is verified. */
  keep: z.number().int().min(1).max(MAX_BACKUPS_KEPT),
  /** The dashboard and the lock screen warn once the newest backup is older than this. */
  warnDays: z.number().int().min(1).max(MAX_BACKUP_WARN_DAYS),
});
export type BackupSettings = z.output<typeof backupSettings>;

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = {
  folder: null,
  onLock: false,
  keep: DEFAULT_BACKUPS_KEPT,
  warnDays: DEFAULT_BACKUP_WARN_DAYS,
};

const count = z.number().int().min(0);

/**
 * The metadata message at the start of a backup's encrypted payload. Readers accept fields
 * they do not know (a later version may add some) but refuse a higher `format`.
 */
/**
 * 1: the payload is a plain SQLite image (vault format 1). 2: the payload is the vault's
 * SQLCipher 4 database file, pages still encrypted with the database key, sealed again by the
 * backup's stream (container version 1). 3: the database file follows the metadata as it is,
 * authenticated by the file's MAC (container version 2, docs/vault-format.md §14).
 */
export const BACKUP_METADATA_FORMAT = 3;
export const backupMetadata = z.looseObject({
  format: z.number().int().min(1),
  createdAt: z.iso.datetime(),
  appVersion: z.string().max(40),
  schemaVersion: z.number().int().min(1),
  vaultName: z.string().max(255),
  opensWith: z.enum(OPENS_WITH),
  /** Rows in every table when the backup was written; verification recounts them. */
  tables: z.record(z.string().max(128), count),
  imageBytes: count,
});
export type BackupMetadata = z.output<typeof backupMetadata>;

/** A backup that was decrypted and checked from end to end. */
export const backupReport = z.strictObject({
  file: path,
  fileBytes: count,
  createdAt: z.string().max(40),
  appVersion: z.string().max(40),
  schemaVersion: z.number().int(),
  vaultName: z.string().max(255),
  opensWith: z.enum(OPENS_WITH),
  /** SQLite's integrity_check said ok, and every table has the rows the backup recorded. */
  integrity: z.literal('ok'),
  tables: z.array(z.strictObject({ name: z.string().max(128), rows: count })),
});
export type BackupReport = z.output<typeof backupReport>;

export const backupWritten = z.strictObject({
  file: path,
  fileBytes: count,
  createdAt: z.string().max(40),
  /** Older rolling backups removed after this one was verified. */
  removed: z.array(z.string().max(255)),
  tables: z.array(z.strictObject({ name: z.string().max(128), rows: count })),
});
export type BackupWritten = z.output<typeof backupWritten>;

/** What the lock screen and the dashboard need to remind: known without unlocking. */
export const backupReminder = z.strictObject({
  lastAt: z.string().max(40).nullable(),
  warnDays: z.number().int().min(1).max(MAX_BACKUP_WARN_DAYS),
  /** The last automatic backup failed (its error code), until one succeeds. */
  lastFailure: z.string().max(60).nullable(),
});
export type BackupReminder = z.output<typeof backupReminder>;

export const backupOverview = z.strictObject({
  settings: backupSettings,
  opensWith: z.enum(OPENS_WITH),
  reminder: backupReminder,
});
export type BackupOverview = z.output<typeof backupOverview>;

/** Whole days from `lastAt` to `now` (local calendar days do not matter here: 24 h each). */
export function backupAgeDays(lastAt: string | null, now: Date): number | null {
  if (lastAt === null) return null;
  const at = Date.parse(lastAt);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.floor((now.getTime() - at) / 86_400_000));
}

/** Whether the reminder should warn: no backup at all, or one older than `warnDays`. */
export function backupIsStale(reminder: BackupReminder, now: Date): boolean {
  const age = backupAgeDays(reminder.lastAt, now);
  return age === null || age > reminder.warnDays;
}
