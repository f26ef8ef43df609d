/**
 * The IPC contract: every channel the renderer may call, as `domain:verb` → zod schemas for
 * what goes in and what comes out. Main validates both sides of every call against these;
 * the renderer's typed client and the preload are derived from the same table.
 *
 * Limits here are about shape and size (a 10 MB "passphrase" is refused before it reaches
 * Argon2id); rules with their own messages (passphrase too short, wrong recovery key) live in
 * the core and come back as error codes.
 */
import { z } from 'zod';
import { VAULT_LOCKED_EVENT } from './channels.ts';
import {
  agencyFields,
  id,
  noteFields,
  offerFields,
  partnerFields,
  personFields,
  relationshipFields,
  SPHERES,
  STAGES,
} from './domain.ts';
import type { ErrorCode } from './error-codes.ts';
import { IMPORT_ENCODINGS, importChoices, importMapping, importPreview } from './import.ts';
import {
  agencyListRow,
  agencyPage,
  facets,
  note,
  partner,
  personListPage,
  personPage,
  personQuery,
  searchHit,
} from './records.ts';
import { auditPage, auditQuery } from './audit.ts';
import { graphQuery, mapGraph } from './map.ts';
import { pipelineBoard, pipelineColumn, pipelineQuery, stageColumnQuery } from './pipeline.ts';
import {
  backupOverview,
  backupReminder,
  backupReport,
  backupSettings,
  backupWritten,
} from './backup.ts';
import {
  disclosurePage,
  disclosureQuery,
  exportDestination,
  OUTPUT_KINDS,
  outsideKnowledge,
  packageFile,
  packagePreview,
  packageSeal,
  receivedPackage,
  reviewedShare,
  shareKey,
  shareReview,
  shareReviewQuery,
  shareWritten,
} from './share.ts';
import {
  assessmentFields,
  engagementPlanFields,
  personRisk,
  reviewIntervals,
  RISK_LEVELS,
  riskDashboard,
  riskReminders,
} from './risk.ts';

const MAX_PATH = 4096;

/** An absolute path: POSIX `/…`, Windows `C:\…`, or a UNC share `\\server\…`. */
export const absolutePath = z
  .string()
  .min(1)
  .max(MAX_PATH)
  .refine(
    (path) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\'),
    {
      message: 'not an absolute path',
    },
  );

export const language = z.enum(['en', 'ru']);
const passphrase = z.string().max(4096);
const recoveryKey = z.string().max(256);
const empty = z.strictObject({});

export const unlockSecret = z.union([
  z.strictObject({ passphrase }),
  z.strictObject({ recoveryKey }),
]);

export const MIN_AUTO_LOCK_MINUTES = 1;
export const MAX_AUTO_LOCK_MINUTES = 240;
export const DEFAULT_AUTO_LOCK_MINUTES = 5;
export const autoLockMinutes = z
  .number()
  .int()
  .min(MIN_AUTO_LOCK_MINUTES)
  .max(MAX_AUTO_LOCK_MINUTES);

export const lockReason = z.enum(['manual', 'shortcut', 'idle', 'suspend', 'screen-lock', 'quit']);

export const vaultStatus = z.strictObject({
  /** no-vault: nothing to open yet (first run); locked: a vault to unlock; unlocked: open. */
  state: z.enum(['no-vault', 'locked', 'unlocked']),
  /** The vault that is open, or that the unlock screen offers (the one used last). */
  path: absolutePath.nullable(),
  /** Wrong passphrases / recovery keys for `path` since its last unlock. */
  failedAttempts: z.number().int().min(0),
  /** Seconds until the next attempt is accepted (repeated failures slow down). */
  retryAfterSeconds: z.number().int().min(0),
  /** While unlocked: wrong attempts made before this unlock, shown once to the user. */
  failedAttemptsBeforeUnlock: z.number().int().min(0),
  /** Why the vault was last locked in this session (the lock screen says so); null if never. */
  lockedBecause: lockReason.nullable(),
  /** The open vault was filled by `confidant demo`: the app says so on every screen. */
  demo: z.boolean(),
  /** How old the newest backup of `path` is, for the lock screen's reminder (known unlocked). */
  backup: backupReminder,
  /** A backup taken at the last lock is still being written (the lock screen says so). */
  backupWriting: z.boolean(),
  /** While unlocked: the vault was restored from a backup (until the notice is dismissed). */
  restoredFrom: z
    .strictObject({ backupCreatedAt: z.string().max(40), restoredAt: z.string().max(40) })
    .nullable(),
});

/** Settings kept inside the vault (so they travel with it and are as secret as the data). */
const vaultSettings = z.strictObject({ autoLockMinutes, reviewIntervals });

const byId = z.strictObject({ id });
const done = z.strictObject({});
/** Deleting a person is confirmed by typing their codename; the core checks it too. */
const deletePerson = z.strictObject({ id, confirmCodename: z.string().max(100) });
/** A CSV file as sent by the renderer: at most 10 MiB, base64 (IPC carries JSON in tests). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const importFile = z.strictObject({
  fileName: z.string().min(1).max(255),
  base64: z.string().max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4),
  encoding: z.enum(IMPORT_ENCODINGS).default('auto'),
});

/** At most this many candidates in one answer of a person picker (persons:pick). */
export const MAX_PICK = 50;
/**
 * A person picker's query: matched against names and codenames only (never owner, notes or
 * any other field), ranked by the core (services/person-pick.ts).
 */
export const personPickQuery = z.strictObject({
  query: z.string().max(200),
  limit: z.number().int().min(1).max(MAX_PICK).default(20),
  /** Persons already chosen, or the person the picker is on: never offered. */
  excludeIds: z.array(id).max(500).default([]),
  /** Archived persons too (ranked after the others); a note or a share offers active ones. */
  includeArchived: z.boolean().default(false),
});
/** One candidate of a person picker: what tells two people of the same name apart. */
export const personCandidate = z.strictObject({
  id,
  fullName: z.string(),
  codename: z.string(),
  position: z.string(),
  agencyName: z.string().nullable(),
  stage: z.enum(STAGES),
  archived: z.boolean(),
});
export type PersonCandidate = z.output<typeof personCandidate>;

/** At most this many persons in one answer of persons:findDuplicates. */
export const MAX_DUPLICATES = 5;
/** A person who may be the one being added: the same full name, case, ё/е and spacing aside. */
export const personDuplicate = z.strictObject({
  id,
  fullName: z.string(),
  codename: z.string(),
  position: z.string(),
  agencyName: z.string().nullable(),
  archived: z.boolean(),
});
export type PersonDuplicate = z.output<typeof personDuplicate>;

export const contract = {
  'app:info': {
    in: empty,
    out: z.strictObject({
      version: z.string(),
      platform: z.string(),
      language,
      defaultVaultPath: absolutePath,
      /** Whether native file dialogs exist (in the app yes; in the browser test bench no). */
      fileDialogs: z.boolean(),
    }),
  },
  'app:setLanguage': { in: z.strictObject({ language }), out: empty },

  'vault:status': { in: empty, out: vaultStatus },
  /** Derives keys and builds the vault in memory; nothing is written until finishCreate. */
  'vault:prepareCreate': {
    in: z.strictObject({ path: absolutePath, passphrase }),
    out: z.strictObject({
      recoveryKey,
      /** Which groups of the recovery key (1–9) the user must type back to finish. */
      groupsToConfirm: z.tuple([z.number().int().min(1).max(9), z.number().int().min(1).max(9)]),
    }),
  },
  'vault:finishCreate': {
    in: z.strictObject({
      groups: z
        .array(z.strictObject({ index: z.number().int().min(1).max(9), value: z.string().max(32) }))
        .length(2),
    }),
    out: vaultStatus,
  },
  'vault:cancelCreate': { in: empty, out: vaultStatus },
  'vault:unlock': {
    in: z.strictObject({
      path: absolutePath,
      secret: unlockSecret,
      /** 0 = the vault itself; 1, 2 … = its previous copies (offered when it is damaged). */
      generation: z.number().int().min(0).max(9).optional(),
    }),
    out: vaultStatus,
  },
  'vault:lock': { in: z.strictObject({ reason: lockReason.optional() }), out: vaultStatus },
  'vault:changePassphrase': {
    in: z.strictObject({ current: passphrase, next: passphrase }),
    out: empty,
  },
  /** "My passphrase may be known": a new master key and passphrase; the new recovery key, once. */
  'vault:rekey': {
    in: z.strictObject({ current: passphrase, next: passphrase }),
    out: z.strictObject({ recoveryKey: z.string().max(64) }),
  },

  'settings:get': { in: empty, out: vaultSettings },
  /** Changes the settings given, keeps the others. */
  'settings:update': { in: vaultSettings.partial(), out: vaultSettings },

  /** One page of the people list: keyset paging, every sort a total order (issue 15). */
  'persons:list': { in: personQuery, out: personListPage },
  'persons:facets': { in: empty, out: facets },
  /** The pipeline board: every stage's count and the first cards of those on screen (issue 15). */
  'pipeline:board': { in: pipelineQuery, out: pipelineBoard },
  /** One pipeline column's next cards ("Show more"), from the cursor of the cards before. */
  'pipeline:column': { in: stageColumnQuery, out: pipelineColumn },
  /**
   * A person picker (note, relationship, share review, map): the best `limit` matches of a
   * name or codename — exact, then every word typed the start of a word, then the rest.
   */
  'persons:pick': {
    in: personPickQuery,
    out: z.strictObject({
      candidates: z.array(personCandidate).max(MAX_PICK),
      /** How many persons match in all (more than shown: the user should type more). */
      total: z.number().int().min(0),
    }),
  },
  /**
   * Persons already in the vault with this full name (case, ё/е and spacing aside), oldest
   * first: the person form warns of them before saving (issue 15).
   */
  'persons:findDuplicates': {
    in: z.strictObject({ fullName: z.string().max(1000), excludeId: id.optional() }),
    out: z.strictObject({
      duplicates: z.array(personDuplicate).max(MAX_DUPLICATES),
      /** How many in all (more than shown when the name is very common). */
      total: z.number().int().min(0),
    }),
  },
  'persons:get': { in: byId, out: personPage },
  'persons:suggestCodename': { in: empty, out: z.strictObject({ codename: z.string() }) },
  'persons:create': { in: personFields, out: byId },
  'persons:update': { in: z.strictObject({ id, fields: personFields }), out: byId },
  'persons:setStage': { in: z.strictObject({ id, stage: z.enum(STAGES) }), out: byId },
  'persons:archive': { in: z.strictObject({ id, archived: z.boolean() }), out: byId },
  'persons:delete': { in: deletePerson, out: done },

  'relationships:create': { in: relationshipFields, out: byId },
  'relationships:delete': { in: byId, out: done },

  'notes:get': { in: byId, out: note },
  'notes:create': { in: noteFields, out: byId },
  'notes:update': { in: z.strictObject({ id, fields: noteFields }), out: byId },
  'notes:delete': { in: byId, out: done },

  'offers:create': { in: offerFields, out: byId },
  'offers:update': { in: z.strictObject({ id, fields: offerFields }), out: byId },
  'offers:delete': { in: byId, out: done },

  /** A person's assessments (newest first), review state and engagement plan. */
  'risk:person': { in: z.strictObject({ personId: id }), out: personRisk },
  /** Appends a version; the core computes likelihood, impact, level and the review date. */
  'risk:assess': {
    in: assessmentFields,
    out: z.strictObject({ id, version: z.number().int().min(1) }),
  },
  'risk:dashboard': { in: empty, out: riskDashboard },
  /** Reviews due today or overdue, by codename only (the reminder in the app's frame). */
  'risk:reminders': { in: empty, out: riskReminders },
  'plans:save': { in: engagementPlanFields, out: z.strictObject({ personId: id }) },

  /**
   * The risk review before any name leaves (issue 6): each person's risk, assessment age,
   * consent against the recipient, mitigations, what the recipient already knows, and the
   * rules' decision. Writes nothing.
   */
  'share:review': { in: shareReviewQuery, out: shareReview },
  /**
   * The export channels (EXPORT_CHANNELS below): every one carries the reviewed request, and
   * the core's gate re-runs the rules on it before anything is written or logged.
   */
  'share:writeDossier': {
    in: z.strictObject({
      review: reviewedShare,
      format: z.enum(['html', 'pdf']),
      destination: exportDestination,
    }),
    out: shareWritten,
  },
  'share:writeList': {
    in: z.strictObject({ review: reviewedShare, destination: exportDestination }),
    out: shareWritten,
  },
  'share:writePackage': {
    in: z.strictObject({
      review: reviewedShare,
      seal: packageSeal,
      destination: exportDestination,
    }),
    out: shareWritten,
  },
  /** This vault's public share key (made on first use), to send to partners. */
  'share:ownKey': { in: empty, out: shareKey },
  /** Checks a share key pasted by the user and gives its fingerprint; stores nothing. */
  'share:inspectKey': {
    in: z.strictObject({ publicKey: z.string().max(200) }),
    out: z.strictObject({ fingerprint: z.string(), partnerId: id.nullable() }),
  },
  /** Opens a received package and shows who sent it and what it holds; imports nothing. */
  'share:previewPackage': { in: packageFile, out: packagePreview },
  /** Imports a received package: persons matched by codename get a note, others are added. */
  'share:importPackage': {
    in: packageFile,
    out: z.strictObject({
      receivedId: id,
      created: z.number().int().min(0),
      matched: z.number().int().min(0),
    }),
  },
  'share:received': { in: empty, out: z.strictObject({ rows: z.array(receivedPackage) }) },

  /** The disclosure log, newest first: everything, one person's, or one partner's. */
  'disclosures:list': { in: disclosureQuery, out: disclosurePage },
  /**
   * "Who outside knows": per recipient outside the organisation (partners, publications), what
   * they were given about this person; `internal`, apart, what the own leadership was given.
   */
  'disclosures:outsideKnowledge': {
    in: z.strictObject({ personId: id }),
    out: z.strictObject({
      recipients: z.array(outsideKnowledge),
      internal: outsideKnowledge.nullable(),
    }),
  },

  /**
   * Copies a person's name to the clipboard; high or critical risk needs `confirmed`. The
   * clipboard is cleared after CLIPBOARD_CLEAR_SECONDS if it still holds the name.
   */
  'clipboard:copyName': {
    in: z.strictObject({ personId: id, confirmed: z.boolean().default(false) }),
    out: z.strictObject({
      riskLevel: z.enum(RISK_LEVELS).nullable(),
      clearAfterSeconds: z.number().int().min(1),
    }),
  },

  /** The audit trail, newest first, filtered (codenames only in every entry). */
  'audit:list': { in: auditQuery, out: auditPage },

  /** Every agency, or those whose name holds `text` (folded by the core) in `sphere`. */
  'agencies:list': {
    in: z.strictObject({
      text: z.string().max(200).default(''),
      sphere: z.enum(SPHERES).nullable().default(null),
    }),
    /** `total`: every agency in the vault, whatever the filter. */
    out: z.strictObject({ rows: z.array(agencyListRow), total: z.number().int().min(0) }),
  },
  'agencies:get': { in: byId, out: agencyPage },
  'agencies:create': { in: agencyFields, out: byId },
  'agencies:update': { in: z.strictObject({ id, fields: agencyFields }), out: byId },
  'agencies:delete': { in: byId, out: done },

  /** Every partner, or those whose name, country or themes hold `text` (folded by the core). */
  'partners:list': {
    in: z.strictObject({ text: z.string().max(200).default('') }),
    /** `total`: every partner in the vault, whatever the filter. */
    out: z.strictObject({ rows: z.array(partner), total: z.number().int().min(0) }),
  },
  'partners:get': { in: byId, out: partner },
  /** Stores the partner's public share key (text as they sent it); null forgets it. */
  'partners:setShareKey': {
    in: z.strictObject({ id, publicKey: z.string().max(200).nullable() }),
    out: z.strictObject({ fingerprint: z.string().nullable() }),
  },
  'partners:create': { in: partnerFields, out: byId },
  'partners:update': { in: z.strictObject({ id, fields: partnerFields }), out: byId },
  'partners:delete': { in: byId, out: done },

  'search:query': {
    in: z.strictObject({ text: z.string().max(200), limit: z.number().int().min(1).max(100) }),
    /** The best `limit` hits, and how many records match in all (more than shown when cut). */
    out: z.strictObject({ hits: z.array(searchHit), total: z.number().int().min(0) }),
  },

  /** The map around a person, or the most connected persons: at most `budget` (issue 15). */
  'graph:get': { in: graphQuery, out: mapGraph },

  /** Reads a CSV, guesses the columns, and reports every bad row; writes nothing. */
  'import:preview': {
    in: importFile.extend({ mapping: importMapping.optional(), ...importChoices.shape }),
    out: importPreview,
  },
  /** All or nothing: one bad row and nothing is imported. */
  'import:commit': {
    in: importFile.extend({ mapping: importMapping, ...importChoices.shape }),
    out: z.strictObject({
      imported: z.number().int().min(0),
      agenciesCreated: z.number().int(),
      /** Rows merged into a person already there (issue 15), and rows skipped as duplicates. */
      merged: z.number().int().min(0),
      skipped: z.number().int().min(0),
      /** Notes made of the columns no field takes. */
      otherColumnNotes: z.number().int().min(0),
    }),
  },

  /** Backups (issue 7): settings, writing one now, verifying any, restoring one. */
  'backup:overview': { in: empty, out: backupOverview },
  'backup:updateSettings': { in: backupSettings.partial(), out: backupOverview },
  /**
   * Sets (or, with null, removes) a separate passphrase for the backups written from now on;
   * the vault's current passphrase is asked for first.
   */
  'backup:setPassphrase': {
    in: z.strictObject({ current: passphrase, backupPassphrase: passphrase.nullable() }),
    out: backupOverview,
  },
  /** Writes a backup into `folder`, verifies it from the disk, and records it. */
  'backup:create': { in: z.strictObject({ folder: absolutePath }), out: backupWritten },
  /** Decrypts and checks a backup from end to end; nothing is written. */
  'backup:verify': {
    in: z.strictObject({ path: absolutePath, secret: unlockSecret }),
    out: backupReport,
  },
  /** Like verify, and keeps the backup open in memory for `backup:restore` (10 minutes at most). */
  'backup:openForRestore': {
    in: z.strictObject({ path: absolutePath, secret: unlockSecret }),
    out: backupReport,
  },
  /**
   * Writes the opened backup as a vault at `destination` and opens it (locking the open
   * vault first). Never over the open vault; over another existing file only if confirmed.
   */
  'backup:restore': {
    in: z.strictObject({ destination: absolutePath, replaceExisting: z.boolean().default(false) }),
    out: vaultStatus,
  },
  'backup:cancelRestore': { in: empty, out: done },
  /** Hides the "restored from a backup" notice (the audit trail keeps the record). */
  'backup:dismissRestoredNotice': { in: empty, out: vaultStatus },

  /** Native dialogs (main process only). */
  'dialog:chooseNewVaultPath': {
    in: z.strictObject({ suggested: absolutePath }),
    out: z.strictObject({ path: absolutePath.nullable() }),
  },
  'dialog:chooseExistingVault': {
    in: empty,
    out: z.strictObject({ path: absolutePath.nullable() }),
  },
  'dialog:chooseExportPath': {
    in: z.strictObject({ suggestedName: z.string().min(1).max(255), kind: z.enum(OUTPUT_KINDS) }),
    out: z.strictObject({ path: absolutePath.nullable() }),
  },
  'dialog:chooseFolder': { in: empty, out: z.strictObject({ path: absolutePath.nullable() }) },
  'dialog:chooseBackupFile': {
    in: empty,
    out: z.strictObject({ path: absolutePath.nullable() }),
  },
  'dialog:chooseRestorePath': {
    in: z.strictObject({ suggestedName: z.string().min(1).max(255) }),
    out: z.strictObject({ path: absolutePath.nullable() }),
  },
} as const;

/**
 * Every channel that writes something that can carry a person's identity out of the vault.
 * Each takes the reviewed request (`review`) and goes through the core's gate
 * (services/share/gate.ts); tests/integration/export-gate.test.ts proves both for every
 * channel of the contract. Copying a name to the clipboard is the one other way out, with
 * its own check (risk shown, confirmation for high and critical).
 */
export const EXPORT_CHANNELS = [
  'share:writeDossier',
  'share:writeList',
  'share:writePackage',
] as const satisfies Channel[];
export const CLIPBOARD_CLEAR_SECONDS = 30;

/**
 * The other channels that write a file outside the open vault: a backup, and a vault restored
 * from one. Both are the whole vault encrypted under its own keys (docs/vault-format.md §14),
 * so nothing readable leaves and no review applies; tests/integration/export-gate.test.ts
 * proves that every other channel naming a destination or folder is an export channel.
 */
export const ENCRYPTED_COPY_CHANNELS = [
  'backup:create',
  'backup:restore',
] as const satisfies Channel[];

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['in']>;
export type Output<C extends Channel> = z.output<Contract[C]['out']>;
export type VaultStatus = z.output<typeof vaultStatus>;
export type LockReason = z.output<typeof lockReason>;
export type Language = z.output<typeof language>;

export const CHANNELS = Object.keys(contract) as Channel[];

/** What crosses IPC: a value, or an error code with details for the sentence the user reads. */
export type ApiResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: ErrorCode; details: Record<string, string | number> } };

/** Channels served by the Electron main process itself rather than the core. */
export const MAIN_ONLY_CHANNELS = [
  'dialog:chooseNewVaultPath',
  'dialog:chooseExistingVault',
  'dialog:chooseExportPath',
  'dialog:chooseFolder',
  'dialog:chooseBackupFile',
  'dialog:chooseRestorePath',
] as const satisfies Channel[];
export type MainOnlyChannel = (typeof MAIN_ONLY_CHANNELS)[number];
export type CoreChannel = Exclude<Channel, MainOnlyChannel>;

/** Handlers for a set of channels: input already validated, output validated after. */
export type Handlers<C extends Channel = Channel> = {
  [K in C]: (input: z.output<Contract[K]['in']>) => Promise<Output<K>>;
};

/** Events main pushes to the renderer. */
export const EVENTS = { vaultLocked: VAULT_LOCKED_EVENT } as const;
export interface VaultLockedEvent {
  reason: LockReason;
}

type Domain<C> = C extends `${infer D}:${string}` ? D : never;

/** window.confidant as the renderer sees it: `confidant.vault.unlock(input)` → ApiResult. */
export type Bridge = {
  [D in Domain<Channel>]: {
    [C in Channel as C extends `${D}:${infer V}` ? V : never]: (
      input: Input<C>,
    ) => Promise<ApiResult<Output<C>>>;
  };
} & {
  events: { onVaultLocked(listener: (event: VaultLockedEvent) => void): () => void };
};
