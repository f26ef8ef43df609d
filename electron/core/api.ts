/**
 * The handler table behind IPC: one function per core channel of shared/contract.ts, taken
 * from handlers/. This module keeps the session — which vault is open, the throttle on wrong
 * passphrases, why the vault was last locked, backups still being written after a lock — and
 * builds the table; the channels themselves live in handlers/ (vault.ts, settings.ts, …) and
 * reach the session through small interfaces. Main adds the native dialogs, checks who is
 * calling and runs the timers; the browser test bench calls this same table directly.
 */
import { APP_VERSION } from '../../shared/app-info.ts';
import type { CoreChannel, Handlers, LockReason, VaultStatus } from '../../shared/contract.ts';
import type { AppConfigStore } from './app-config.ts';
import { fromSqliteError, VaultError } from './errors.ts';
import { backupHandlers } from './handlers/backup.ts';
import { clipboardHandlers, type ClipboardPort } from './handlers/clipboard.ts';
import { exploreHandlers } from './handlers/explore.ts';
import { pipelineHandlers } from './handlers/pipeline.ts';
import type { DomainContext } from './handlers/context.ts';
import { importHandlers } from './handlers/import.ts';
import { organisationHandlers } from './handlers/organisations.ts';
import { peopleHandlers } from './handlers/people.ts';
import { riskHandlers } from './handlers/risk.ts';
import { readAutoLockMinutes, settingsHandlers } from './handlers/settings.ts';
import { shareHandlers } from './handlers/share.ts';
import { vaultHandlers } from './handlers/vault.ts';
import { appendAuditEvent } from './repos/audit-events.ts';
import { getSetting, SETTING_DEMO, SETTING_RESTORED_FROM } from './repos/settings.ts';
import { UnlockThrottle } from './services/unlock-throttle.ts';
import type { Vault, VaultOptions } from './vault/vault.ts';

export interface CoreApiOptions {
  config: AppConfigStore;
  /** Where a first vault is suggested: under the user's documents. */
  defaultVaultPath: string;
  /** Whether the front end has native file dialogs (the app yes, the browser bench no). */
  fileDialogs: boolean;
  platform?: string;
  /** Passed to every vault opened (tests: fast Argon2id, fault injection). */
  vaultOptions?: VaultOptions;
  now?: () => Date;
  /** Electron's printing, for PDF dossiers (main); without it PDF export is unavailable. */
  printPdf?: (html: string) => Promise<Uint8Array>;
  /** The system clipboard, for copying a name (main); without it copying is unavailable. */
  clipboard?: ClipboardPort;
  /** Called after every lock and unlock (with the reason of a lock); main tells the window. */
  onStatusChange?: (status: VaultStatus, reason?: LockReason) => void;
}

export interface CoreApi {
  readonly handlers: Handlers<CoreChannel>;
  status: () => VaultStatus;
  lock: (reason: LockReason) => Promise<VaultStatus>;
  /** Resolves once every backup still being written after a lock has finished. */
  settleBackgroundBackups: () => Promise<void>;
  /** The open vault's auto-lock setting, or null when no vault is open. */
  autoLockMinutes: () => number | null;
}

export function createCoreApi(options: CoreApiOptions): CoreApi {
  const { config } = options;
  const now = options.now ?? (() => new Date());
  const throttle = new UnlockThrottle(() => now().getTime());
  let vault: Vault | null = null;
  let failedAttemptsBeforeUnlock = 0;
  let lockedBecause: LockReason | null = null;

  /** Backups still being written after a lock (quitting and tests wait for them). */
  const backgroundBackups = new Set<Promise<void>>();
  async function settleBackgroundBackups(): Promise<void> {
    while (backgroundBackups.size > 0) await Promise.allSettled([...backgroundBackups]);
  }

  function status(): VaultStatus {
    const path = vault?.path ?? config.read().lastVaultPath;
    return {
      state: vault ? 'unlocked' : path ? 'locked' : 'no-vault',
      path,
      failedAttempts: path ? throttle.failures(path) : 0,
      retryAfterSeconds: path ? throttle.retryAfterSeconds(path) : 0,
      failedAttemptsBeforeUnlock: vault ? failedAttemptsBeforeUnlock : 0,
      lockedBecause: vault ? null : lockedBecause,
      demo: vault ? getSetting(vault.db, SETTING_DEMO) === 'true' : false,
      backup: backups.reminderFor(path),
      backupWriting: backgroundBackups.size > 0,
      restoredFrom: vault ? restoredFrom(vault) : null,
    };
  }

  function changed(reason?: LockReason): VaultStatus {
    const current = status();
    options.onStatusChange?.(current, reason);
    return current;
  }

  function openVault(): Vault {
    if (!vault) throw new VaultError('VAULT_LOCKED', { file: config.read().lastVaultPath ?? '' });
    return vault;
  }

  /** `quiet`: a restore locks the open vault to replace it; the window is not told to wipe. */
  async function lock(reason: LockReason, { quiet = false } = {}): Promise<VaultStatus> {
    const open = vault;
    if (!open) return status();
    // A name copied to the clipboard does not outlive the unlocked vault, nor does a backup
    // held open for a restore.
    await copiedName.clearNow().catch(() => undefined);
    backups.forgetOpened();
    // A lock always locks: on a full disk even this one row may not fit, and the vault closes
    // without it rather than stay open.
    try {
      appendAuditEvent(open.db, { action: 'vault.locked', detail: { reason } }, now());
    } catch {
      // Nothing to do: every earlier change is committed; only this record is missing.
    }
    // A rolling backup, if configured, is taken now and written once the vault is locked, so
    // the lock screen does not wait for it; quitting waits, or the process would end first.
    const backupJob = await backups.backupAtLock(open, reason === 'quit' ? 'quit' : 'lock');
    // Every change was durable when it committed: a lock only closes and wipes.
    await open.lock();
    lockedBecause = reason;
    vault = null;
    failedAttemptsBeforeUnlock = 0;
    if (backupJob) {
      const running = backupJob().finally(() => backgroundBackups.delete(running));
      backgroundBackups.add(running);
    }
    if (reason === 'quit') await settleBackgroundBackups();
    return quiet ? status() : changed(reason);
  }

  const domain: DomainContext = {
    db: () => openVault().db,
    now,
    commit: (change) => {
      const open = openVault();
      const at = now();
      // One transaction, durable when it commits (WAL, synchronous=FULL).
      return Promise.resolve(open.db.transaction(() => change(open.db, at))());
    },
  };

  const copiedName = clipboardHandlers(domain, options.clipboard);

  async function checkPassphrase(open: Vault, passphrase: string): Promise<void> {
    throttle.check(open.path);
    if (!(await open.checkPassphrase(passphrase))) {
      throttle.recordFailure(open.path);
      throw new VaultError('WRONG_PASSPHRASE', {
        file: open.path,
        failedAttempts: throttle.failures(open.path),
        retryAfterSeconds: throttle.retryAfterSeconds(open.path),
      });
    }
    throttle.recordSuccess(open.path);
  }

  const backups = backupHandlers({
    config,
    vaultOptions: options.vaultOptions ?? {},
    now,
    vault: () => vault,
    requireVault: openVault,
    checkPassphrase,
    lockBeforeRestore: async () => {
      await lock('manual', { quiet: true });
    },
    adopt: async (restored) => {
      vault = restored;
      failedAttemptsBeforeUnlock = 0;
      await config.update({ lastVaultPath: restored.path });
      return changed();
    },
    status,
  });

  const handlers: Handlers<CoreChannel> = {
    ...copiedName.handlers,
    ...backups.handlers,
    ...shareHandlers(domain, {
      language: () => config.read().language,
      vaultPath: () => vault?.path ?? null,
      ...(options.printPdf ? { printPdf: options.printPdf } : {}),
    }),
    ...peopleHandlers(domain),
    ...organisationHandlers(domain),
    ...exploreHandlers(domain),
    ...pipelineHandlers(domain),
    ...importHandlers(domain, { language: () => config.read().language }),
    ...riskHandlers(domain),
    'app:info': () =>
      Promise.resolve({
        version: APP_VERSION,
        platform: options.platform ?? process.platform,
        language: config.read().language,
        defaultVaultPath: options.defaultVaultPath,
        fileDialogs: options.fileDialogs,
      }),

    'app:setLanguage': async ({ language }) => {
      await config.update({ language });
      return {};
    },

    ...vaultHandlers({
      config,
      vaultOptions: options.vaultOptions ?? {},
      defaultVaultPath: options.defaultVaultPath,
      throttle,
      now,
      requireVault: openVault,
      checkPassphrase,
      lock: (reason) => lock(reason),
      adopt: (opened, failedAttemptsBefore) => {
        vault = opened;
        failedAttemptsBeforeUnlock = failedAttemptsBefore;
      },
      syncReminder: (opened) => backups.syncReminder(opened),
      status,
      changed: () => changed(),
    }),
    ...settingsHandlers({ now, requireVault: openVault, changed: () => changed() }),
  };

  return {
    handlers: withStorageErrors(handlers, () => vault?.path ?? config.read().lastVaultPath ?? ''),
    status,
    lock,
    settleBackgroundBackups,
    autoLockMinutes: () => (vault ? readAutoLockMinutes(vault) : null),
  };
}

/**
 * Every channel's SQLite failures (a full disk at commit, a damaged page met while reading)
 * reach the window as codes it can put into words, naming the vault.
 */
function withStorageErrors(
  handlers: Handlers<CoreChannel>,
  file: () => string,
): Handlers<CoreChannel> {
  const wrapped: Record<string, (input: never) => Promise<unknown>> = {};
  for (const [channel, handler] of Object.entries(handlers)) {
    const run = handler as (input: never) => Promise<unknown>;
    wrapped[channel] = async (input) => {
      try {
        return await run(input);
      } catch (error) {
        throw fromSqliteError(error, file());
      }
    };
  }
  return wrapped as unknown as Handlers<CoreChannel>;
}

function restoredFrom(vault: Vault): VaultStatus['restoredFrom'] {
  try {
    const stored = JSON.parse(getSetting(vault.db, SETTING_RESTORED_FROM) ?? 'null') as {
      backupCreatedAt?: unknown;
      restoredAt?: unknown;
    } | null;
    return typeof stored?.backupCreatedAt === 'string' && typeof stored.restoredAt === 'string'
      ? { backupCreatedAt: stored.backupCreatedAt, restoredAt: stored.restoredAt }
      : null;
  } catch {
    return null;
  }
}
