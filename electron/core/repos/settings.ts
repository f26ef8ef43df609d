import type { Database } from 'better-sqlite3-multiple-ciphers';

/** Keys the core itself writes; features add their own. */
export const SETTING_CREATED_AT = 'vault.created_at';
export const SETTING_CREATED_BY_VERSION = 'vault.created_by_version';
/** 'true' in a vault filled with fictional data by `confidant demo`. */
export const SETTING_DEMO = 'vault.demo';

export function getSetting(db: Database, key: string): string | undefined {
  return db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as
    string | undefined;
}

export function setSetting(db: Database, key: string, value: string, now: Date = new Date()): void {
  db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, value, now.toISOString());
}
