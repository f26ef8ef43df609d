/**
 * The settings channels: the open vault's auto-lock and risk review intervals. Both are kept
 * in the vault's settings table (repos/settings.ts holds the keys).
 */
import {
  DEFAULT_AUTO_LOCK_MINUTES,
  type CoreChannel,
  type Handlers,
} from '../../../shared/contract.ts';
import { appendAuditEvent } from '../repos/audit-events.ts';
import {
  getSetting,
  SETTING_AUTO_LOCK_MINUTES,
  SETTING_REVIEW_INTERVALS,
  setSetting,
} from '../repos/settings.ts';
import { readReviewIntervals } from '../services/risk.ts';
import type { Vault } from '../vault/vault.ts';

type SettingsChannel = Extract<CoreChannel, `settings:${string}`>;

export interface SettingsSession {
  now(): Date;
  requireVault(): Vault;
  /** Tells main the status changed (the auto-lock timer follows the setting). */
  changed(): void;
}

export function readAutoLockMinutes(vault: Vault): number {
  const stored = Number(getSetting(vault.db, SETTING_AUTO_LOCK_MINUTES));
  return Number.isInteger(stored) && stored > 0 ? stored : DEFAULT_AUTO_LOCK_MINUTES;
}

export function settingsHandlers(session: SettingsSession): Handlers<SettingsChannel> {
  function current(open: Vault) {
    return {
      autoLockMinutes: readAutoLockMinutes(open),
      reviewIntervals: readReviewIntervals(open.db),
    };
  }

  return {
    'settings:get': () => Promise.resolve(current(session.requireVault())),

    'settings:update': (changes) => {
      const open = session.requireVault();
      const at = session.now();
      open.db.transaction(() => {
        if (changes.autoLockMinutes !== undefined)
          setSetting(open.db, SETTING_AUTO_LOCK_MINUTES, String(changes.autoLockMinutes), at);
        if (changes.reviewIntervals !== undefined)
          setSetting(
            open.db,
            SETTING_REVIEW_INTERVALS,
            JSON.stringify(changes.reviewIntervals),
            at,
          );
        appendAuditEvent(open.db, { action: 'settings.changed', detail: changes }, at);
      })();
      session.changed();
      return Promise.resolve(current(open));
    },
  };
}
