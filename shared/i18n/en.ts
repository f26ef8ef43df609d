/**
 * English texts. `ru.ts` must have exactly the same keys (the type checker enforces it).
 * Errors are keyed by ErrorCode; a `_context` suffix is a variant chosen with i18next's
 * `context` option (e.g. CORRUPT_VAULT_previous when a previous copy exists).
 * Every error is one sentence: what happened to which file, then what to do.
 */
export const en = {
  /** The locale dates in messages are written in (day first, as Europe writes them). */
  dateLocale: 'en-GB',
  errors: {
    WRONG_PASSPHRASE:
      'The passphrase does not open {{file}}: check the keyboard layout and Caps Lock and try again, or use the recovery key.',
    WRONG_RECOVERY_KEY:
      'This recovery key does not open {{file}}: compare it with the paper copy made when the vault was created.',
    RECOVERY_KEY_MALFORMED:
      'That is not a valid recovery key for {{file}}: it has 36 letters and digits in nine groups of four, so check it for a typo.',
    PASSPHRASE_EMPTY:
      'An empty passphrase would leave {{file}} unprotected: choose a passphrase of at least {{min}} characters.',
    PASSPHRASE_TOO_SHORT:
      'A passphrase must have at least {{min}} characters: choose a longer one for {{file}} (several unrelated words are easy to remember).',
    PASSPHRASE_TOO_LONG:
      'A passphrase may have at most {{max}} characters: choose a shorter one for {{file}}.',
    NOT_A_VAULT: '{{file}} is not a Confidant vault: check that you chose the right file.',
    NOT_A_VAULT_empty:
      '{{file}} is empty, so it is not a Confidant vault: check that you chose the right file, or open one of its previous copies.',
    'NOT_A_VAULT_plain-sqlite':
      '{{file}} is a plain, unencrypted SQLite database, not a Confidant vault: choose your vault file instead, and keep nothing sensitive in that one.',
    NOT_A_VAULT_folder:
      '{{file}} is a folder, but not a Confidant vault (it has neither keys nor vault.db): choose the vault folder itself (NAME.confidant).',
    NOT_A_VAULT_directory: '{{file}} is a folder, not a vault file: choose the vault file itself.',
    NOT_A_VAULT_kind:
      '{{file}} is a Confidant file of another kind, not a vault: open it from the place meant for it.',
    NOT_A_VAULT_backup:
      '{{file}} is a Confidant backup, not a vault: restore it into a new vault with “Restore from a backup”.',
    WRONG_PASSPHRASE_backup:
      'The passphrase does not open the backup {{file}}: use the passphrase the vault had when the backup was made (or the separate backup passphrase, if one was set), or the recovery key.',
    NOT_A_BACKUP: '{{file}} is not a Confidant backup: check that you chose the right file.',
    NOT_A_BACKUP_vault:
      '{{file}} is a vault, not a backup: open it from the unlock screen, or choose a backup file (…confidant-backup).',
    NOT_A_BACKUP_empty:
      '{{file}} is empty, so it is not a backup (an interrupted copy?): use another backup.',
    NOT_A_BACKUP_directory: '{{file}} is a folder: choose a backup file inside it.',
    BACKUP_DAMAGED:
      'The backup {{file}} is damaged or has been altered, so it cannot be trusted or restored: use another backup (nothing was changed).',
    BACKUP_DAMAGED_written:
      'The backup just written to {{file}} did not read back correctly from the drive, so it was removed and no older backup was touched: check the drive and try again.',
    BACKUP_TRUNCATED:
      'The backup {{file}} is cut short (an interrupted copy or a full drive), so it cannot be restored: copy it again, or use another backup.',
    BACKUP_FOLDER_NOT_SET: 'No folder for automatic backups is set: choose one in Backups first.',
    RESTORE_ONTO_OPEN_VAULT:
      '{{file}} is the vault open now, and a restore never replaces it: choose a new file name for the restored vault.',
    RESTORE_NOT_OPENED:
      'No backup is open for restoring (it is forgotten after ten minutes and on every lock): choose the backup and enter its passphrase again.',
    CORRUPT_VAULT:
      '{{file}} is damaged or has been altered, so it cannot be opened: restore it from a backup.',
    CORRUPT_VAULT_previous:
      '{{file}} is damaged or has been altered, so it cannot be opened: open its previous copy {{previous}}, or restore a backup.',
    TRUNCATED_VAULT:
      '{{file}} is cut short (an incomplete copy or an interrupted transfer), so it cannot be opened: copy it again from where it came from, or restore a backup.',
    TRUNCATED_VAULT_previous:
      '{{file}} is cut short (an incomplete copy or an interrupted transfer), so it cannot be opened: open its previous copy {{previous}}, copy it again, or restore a backup.',
    VAULT_KEYS_MISSING:
      'The vault {{file}} has no keyslot file (keys), so nothing can open it: restore the vault from a backup, or copy the whole vault folder again from where it came from.',
    VAULT_KEYS_DAMAGED:
      'The keyslot file {{file}} is damaged or has been altered, so the vault cannot be opened: restore the vault from a backup, or copy the whole vault folder again.',
    DATABASE_MISSING:
      'The vault’s database {{file}} is missing: copy the whole vault folder again from where it came from, or restore a backup.',
    FOREIGN_DATABASE:
      'The database {{file}} belongs to another vault, not to the keys beside it (or its first bytes are damaged): put back this vault’s own database (copy the whole folder again), or restore a backup.',
    REKEY_INTERRUPTED:
      'Changing the keys of {{file}} was interrupted: unlock it with the new passphrase or the new recovery key to finish.',
    REKEY_INTERRUPTED_old:
      'Changing the keys of {{file}} was interrupted before the vault took them: unlock it with the passphrase or recovery key it had before the change, then change its keys again.',
    NEWER_VERSION:
      '{{file}} was made by a newer version of Confidant: install the newest version to open it (this version has left the file untouched).',
    VAULT_IN_USE:
      '{{file}} is open in another Confidant (process {{pid}} on {{host}}): close it there first, or, if no Confidant is running, delete {{lockFile}}.',
    VAULT_IN_USE_unknown:
      '{{file}} is in use by another Confidant: close it there first, or, if no Confidant is running, delete {{lockFile}}.',
    VAULT_LOCKED: 'The vault {{file}} is locked: unlock it first.',
    VAULT_READ_ONLY:
      '{{file}} is open read-only, so nothing can be saved: open it normally to make changes.',
    FILE_NOT_FOUND: '{{file}} does not exist: check the folder and the file name.',
    FILE_EXISTS: '{{file}} already exists and will not be overwritten: choose another file name.',
    FOLDER_NOT_FOUND:
      'The folder for {{file}} does not exist: create it first, or choose another place.',
    NOT_WRITABLE:
      'Confidant cannot write in the folder of {{file}} (it is read-only, or you lack permission): choose a folder you can write to; nothing was changed.',
    DISK_FULL:
      'The disk is full, so {{file}} could not be saved: free some space and save again (the last saved version is intact).',
    UNSAVED_CHANGES:
      'Changes to {{file}} could not be saved, so the vault stays open: free disk space or reconnect the drive, then lock it again.',
    TOO_MANY_ATTEMPTS:
      'Too many wrong attempts to open {{file}}: wait {{retryAfterSeconds}} seconds before trying again.',
    RECOVERY_CONFIRMATION_MISMATCH:
      'What you typed does not match the recovery key for {{file}}: look at the key again and copy the groups asked for exactly.',
    NO_PENDING_VAULT:
      'There is no new vault waiting to be finished for {{file}}: start creating it again.',
    FORBIDDEN:
      'A request that did not come from Confidant’s own window was refused, and nothing was changed.',
    VALIDATION: 'The request for {{file}} was not valid: nothing was changed.',
    VALIDATION_field: '{{field}}: {{problem}} Nothing was changed.',
    NOT_FOUND:
      'What you were working on no longer exists (it may have just been deleted): go back to the list; nothing was changed.',
    DUPLICATE_CODENAME:
      'The codename “{{codename}}” is already used by another person: choose another one (or let Confidant suggest one).',
    CODENAME_REVEALS_NAME:
      'The codename “{{codename}}” contains part of the person’s name, so it would give them away: choose one unrelated to the name.',
    DUPLICATE_AGENCY:
      'There is already an agency called “{{name}}”: open that one, or give this one a different name.',
    AGENCY_CYCLE:
      'An agency cannot be placed under one of its own sub-agencies: choose another parent agency.',
    SELF_RELATIONSHIP:
      'A relationship needs two different persons: choose someone else for the other side.',
    DUPLICATE_RELATIONSHIP: 'These two persons already have this relationship: nothing was added.',
    NOTE_WITHOUT_PERSON:
      'A case note must be about at least one person: choose who it is about, then save.',
    CONFIRMATION_MISMATCH:
      'What you typed is not the codename “{{codename}}”, so nothing was deleted: type it exactly to confirm.',
    PERSON_ARCHIVED:
      '{{codename}} is archived, so their risk assessment and engagement plan are kept as they were: restore them first (person page → Restore); nothing was saved.',
    ASSESSMENT_NOT_LATEST:
      'This form started from an older assessment of {{codename}} (the latest is version {{version}}), and past versions are never changed: close it and reassess from the latest version; nothing was saved.',
    NOTHING_TO_CORRECT:
      '{{codename}} has no assessment to correct yet: save this one as their first assessment; nothing was saved.',
    CORRECTION_NEEDS_REASON:
      'A correction must say what it corrects: write what was wrong in the previous version, then save; nothing was saved.',
    REVIEW_DATE_PAST:
      'The review date {{date}} is in the past: choose today or a later date; nothing was saved.',
    REVIEW_DATE_TOO_LATE:
      'The review date {{date}} is later than this risk level allows ({{latest}} at the latest): choose an earlier date; nothing was saved.',
    CONSENT_NOT_ASKED_DATE:
      'Consent cannot have been confirmed while it is recorded as not asked: choose the consent the person gave, or clear the date; nothing was saved.',
    CONSENT_DATE_FUTURE:
      'Consent cannot have been confirmed on {{date}}, a day still to come: give the day it was confirmed; nothing was saved.',
    PLAN_INCOMPLETE:
      'A “go” needs the objective, the route and all five considerations answered ({{count}} still empty): answer them, or choose “hold”; nothing was saved.',
    DECISION_NEEDS_REASON:
      'A go or hold decision needs who took it and why: fill in both, then save; nothing was saved.',
    SHARE_OVERRIDE_NEEDS_JUSTIFICATION:
      'Opening up what the rules decided for {{codename}} needs a written justification of at least 20 characters: write why, then try again; nothing was written or recorded.',
    SHARE_OVERRIDE_CODENAME_MISMATCH:
      'To override the rules for {{codename}}, type their codename exactly: nothing was written or recorded.',
    SHARE_DUPLICATE_PERSON:
      '{{codename}} is in this review twice: keep one decision for them; nothing was written or recorded.',
    SHARE_ALL_WITHHELD:
      'Everyone in this review is withheld, so there is nothing to write: nothing was written or recorded.',
    SHARE_PACKAGE_NEEDS_PARTNER:
      'A package can be sealed to a share key only for a partner organisation: choose a partner as the recipient, or seal it with a one-time passphrase; nothing was written.',
    PARTNER_NO_SHARE_KEY:
      'We have no share key for {{name}}: ask them for it and add it on their page, or seal the package with a one-time passphrase; nothing was written.',
    SHARE_KEY_MALFORMED:
      'This is not a whole Confidant share key (it starts with “cfk1-”; a typo or a missing part makes it unreadable): copy the whole key again; nothing was saved.',
    SHARE_KEY_IS_OWN:
      'This is this vault’s own share key, not the partner’s: paste the key they sent you; nothing was saved.',
    PDF_UNAVAILABLE:
      'PDF files can only be made in the Confidant app window: write an HTML dossier instead; nothing was written.',
    PDF_TOO_LARGE:
      'This dossier is too large to print as a PDF (over {{maxMiB}} MB of text): write it as HTML, or choose fewer persons or fields; nothing was written.',
    EXPORT_OVER_VAULT:
      '{{file}} is the vault itself or one of its copies: choose another name or folder for the export; nothing was written.',
    PACKAGE_NOT_A_PACKAGE:
      '{{file}} is not a Confidant share package: choose the .confidant-share file you received; nothing was imported.',
    PACKAGE_NEWER_VERSION:
      '{{file}} was made by a newer version of Confidant (package format {{version}}): update Confidant, then import it; nothing was imported.',
    PACKAGE_DAMAGED:
      '{{file}} is damaged, incomplete or was altered on the way: ask the sender to send it again; nothing was imported.',
    PACKAGE_NOT_FOR_THIS_VAULT:
      '{{file}} was sealed to another vault’s share key, so this vault cannot open it: ask the sender to use this vault’s key (Shares → Our share key); nothing was imported.',
    PACKAGE_PASSPHRASE_NEEDED:
      '{{file}} is sealed with a one-time passphrase: type the passphrase the sender gave you; nothing was imported.',
    PACKAGE_WRONG_PASSPHRASE:
      'This passphrase does not open {{file}}: check it with the sender (six groups of four letters and digits); nothing was imported.',
    PACKAGE_ALREADY_IMPORTED:
      '{{file}} was already imported on {{date}}: nothing was imported again.',
    COPY_NEEDS_CONFIRMATION:
      '{{codename}} is at high or critical risk: confirm that you mean to copy their name; nothing was copied.',
    CLIPBOARD_UNAVAILABLE: 'The clipboard cannot be used here: nothing was copied.',
    IMPORT_NOT_TEXT:
      '{{file}} is not a CSV text file (save the spreadsheet as CSV first: Save as → CSV): nothing was imported.',
    IMPORT_ENCODING:
      '{{file}} is not valid {{encoding}} text: choose the encoding the file was saved in (spreadsheets in Russian often use Windows-1251); nothing was imported.',
    IMPORT_EMPTY: '{{file}} has no rows to import under its header: nothing was imported.',
    IMPORT_MISSING_COLUMNS:
      '{{file}} has no column for {{fields}}, which every person needs: map a column to it, or add one to the file; nothing was imported.',
    IMPORT_TOO_MANY_ROWS:
      '{{file}} has {{rows}} rows, more than the {{max}} one import takes: split the file; nothing was imported.',
    IMPORT_TOO_LARGE:
      '{{file}} is larger than {{maxMiB}} MiB, too large to import at once: split the file; nothing was imported.',
    IMPORT_BAD_ROWS:
      '{{count}} rows of {{file}} cannot be imported (see the list): fix them in the file, or leave those columns unmapped; nothing was imported.',
    IO_ERROR:
      'Reading or writing {{file}} failed ({{reason}}): check the drive and try again (nothing was changed).',
    INTERNAL:
      'Confidant hit an unexpected problem with {{file}}: nothing was changed; please report it.',
  },
  /** Field names as forms label them: validation errors say which field is wrong. */
  fields: {
    fullName: 'Full name',
    codename: 'Codename',
    position: 'Position',
    rank: 'Rank',
    agencyId: 'Agency',
    unit: 'Unit',
    sphere: 'Sphere',
    region: 'Region',
    stage: 'Stage',
    closedReason: 'Reason for closing',
    professionalism: 'Professionalism',
    influence: 'Influence on policy',
    reformOrientation: 'Reform orientation',
    sincerityConcern: 'Sincerity concern',
    needs: 'What they need help with',
    consent: 'Consent to be named',
    owner: 'Owner',
    nextFollowUp: 'Next follow-up',
    tags: 'Tags',
    about: 'About',
    name: 'Name',
    parentId: 'Parent agency',
    admittedProblems: 'Admitted problems',
    publicComplaints: 'Public complaints',
    commonInterest: 'Common interest',
    country: 'Country',
    kind: 'Kind',
    themes: 'Themes',
    trust: 'Trust',
    notes: 'Notes',
    fromPersonId: 'Person',
    toPersonId: 'Other person',
    note: 'Note',
    occurredOn: 'Date',
    personIds: 'Persons',
    title: 'Title',
    body: 'Text',
    askedFor: 'They asked for',
    offered: 'We offered',
    followUpOn: 'Follow-up',
    restricted: 'Restricted',
    source: 'Source',
    stance: 'Stance',
    personId: 'Person',
    partnerId: 'Partner organisation',
    status: 'Status',
    description: 'Description',
    proposedOn: 'Proposed on',
    completedOn: 'Completed on',
    outcome: 'Outcome',
    text: 'Search',
    factors: 'Risk factors',
    visibility: 'Visibility of the collaboration',
    superiorHostility: 'Hostility of superiors to NGO contact',
    politicalClimate: 'Political climate in the sphere',
    priorRetaliation: 'Prior retaliation against them or peers',
    surveillance: 'Surveillance of their communications',
    postDependence: 'Dependence on the post and legal jeopardy',
    leakHarm: 'Harm if our records leaked',
    consentConfirmedOn: 'Consent confirmed on',
    mitigations: 'Agreed mitigations',
    mitigationNotes: 'Other mitigations',
    narrative: 'Narrative',
    assessor: 'Assessor',
    reviewDueOn: 'Review due',
    correctionReason: 'What this corrects',
    basedOnVersion: 'Version',
    objective: 'Objective',
    approachRoute: 'Approach route',
    routeNotes: 'Route notes',
    plannedOffers: 'Planned offers',
    securityRisk: 'Security risk to both sides',
    benefitVsRisk: 'Benefit against risk',
    longTermCommitment: 'Long-term commitment',
    organisationBehind: 'Is the organisation behind it',
    decision: 'Decision',
    decisionNote: 'Why',
    decidedBy: 'Decided by',
    autoLockMinutes: 'Lock after',
    reviewIntervals: 'Review intervals',
    critical: 'Review interval for critical risk',
    high: 'Review interval for high risk',
    moderate: 'Review interval for moderate risk',
    low: 'Review interval for low risk',
  },
  problems: {
    too_big: 'too long (at most {{maximum}}).',
    too_small: 'needed.',
    invalid_format: 'not a valid value (dates are like 2026-03-31 and must exist).',
    invalid_value: 'not one of the choices offered.',
    invalid_type: 'missing or of the wrong kind.',
    invalid: 'not valid.',
    interval_order: 'must be no longer than the interval of a lower risk level.',
    not_integer: 'must be a whole number.',
    number_too_big: 'must be at most {{maximum}}.',
    number_too_small: 'must be at least {{minimum}}.',
  },
  cli: {
    usage: [
      'Usage: confidant <command> FILE [options]',
      '',
      'Commands:',
      '  init FILE            create a new vault (a folder); prints its recovery key once',
      '  info FILE            show the format and key-slot settings (no passphrase needed)',
      '  verify FILE          decrypt and check the vault; print its tables and row counts',
      '  passwd FILE          change the passphrase (the recovery key stays the same)',
      '  passwd --rekey FILE  new passphrase, new master key and new recovery key (printed once)',
      '  demo FILE --people N create a new vault filled with fictional data for trying the app',
      '',
      'Backups:',
      '  backup create VAULT FOLDER',
      '      write a backup of VAULT into FOLDER, which must be an existing folder (the backup is',
      '      named confidant-….confidant-backup); it is read back and verified before it is kept',
      '  backup verify BACKUP',
      '      decrypt and check a backup; print when it was made, what opens it and its tables',
      '  backup restore BACKUP NEW_VAULT',
      '      restore a backup into a new vault, never over an existing file or folder; the new vault',
      '      opens with the same passphrase and recovery key as the backup',
      '',
      'Options:',
      '  --recovery           verify, passwd, backup: unlock with the recovery key instead of the passphrase',
      '  --rekey              passwd: also replace the master key and the recovery key',
      '  --people N           demo: how many fictional persons (1–50,000; ten case notes each)',
      '  --seed S             demo: the same seed gives the same data (default 1)',
      '  -h, --help           show this help',
      '  --version            show the version',
      '',
      'Passphrases are never taken from the command line. In a terminal they are asked for',
      'without echo; otherwise they are read from standard input, one per line:',
      '  init, demo: the new passphrase · verify: the passphrase · passwd: the current one, then the new one ·',
      '  backup create: the passphrase of VAULT · backup verify, restore: the passphrase that opens BACKUP.',
      '',
      'Exit codes: 0 ok · 1 other error · 2 usage · 3 wrong passphrase or recovery key ·',
      '4 not a vault or not a backup, damaged, altered or cut short · 5 made by a newer version ·',
      '6 open in another process · 7 key file (keys) missing or damaged · 8 database of another vault.',
    ].join('\n'),
    usageUnknownCommand:
      'There is no command "{{command}}": run confidant --help to see the commands.',
    usageNoCommand: 'Say what to do: run confidant --help to see the commands.',
    usageMissingFile: '{{command}} needs the vault file: confidant {{command}} FILE.',
    usageTooManyArguments: '{{command}} takes one file, not several: confidant {{command}} FILE.',
    usageBadOption:
      'The option {{option}} is not known to {{command}}: run confidant --help to see the options.',
    usageSecretArgument:
      'Passphrases and recovery keys are never accepted as arguments, where other users and the shell history could read them: type it when asked, or send it on standard input.',
    inputEnded:
      'Standard input ended before the {{what}} was read: send one line per secret (see confidant --help).',
    inputCancelled: 'Cancelled: nothing was changed.',
    passphrasesDiffer: 'The two passphrases differ, so nothing was changed: run the command again.',
    upgraded:
      'Converted {{file}} from format 1 (one file) to format 2 (a folder). The old file is kept as {{kept}} and still opens with the old passphrase and recovery key: delete it once the new vault works.',
    what: {
      passphrase: 'passphrase',
      newPassphrase: 'new passphrase',
      recoveryKey: 'recovery key',
    },
    prompt: {
      passphrase: 'Passphrase for {{file}}: ',
      currentPassphrase: 'Current passphrase for {{file}}: ',
      recoveryKey: 'Recovery key for {{file}}: ',
      newPassphrase: 'New passphrase (at least {{min}} characters): ',
      repeatPassphrase: 'Repeat the new passphrase: ',
    },
    working: 'Deriving the key (this takes a moment on purpose)…',
    init: {
      created: 'Created the vault {{file}}.',
      recoveryExplained:
        'The recovery key below opens this vault if the passphrase is ever forgotten. Write it on paper now and keep the paper away from this computer: it will not be shown again.',
      recoveryLine: 'Recovery key: {{key}}',
    },
    info: {
      file: 'File',
      format: 'Format',
      formatValue: 'Confidant vault, format version {{version}}',
      size: 'Size',
      databaseSize: 'Database size',
      chunkSize: 'Chunk size',
      slots: 'Key slots',
      slotPassphrase: 'passphrase: Argon2id v1.3, passes: {{opslimit}}, memory: {{memory}}',
      slotRecovery: 'recovery key: BLAKE2b-256',
      previous: 'Previous copies',
      none: 'none',
    },
    verify: {
      ok: '{{file}} decrypts and its database is intact.',
      schema: 'Schema version',
      integrity: 'Integrity check',
      tables: 'Tables (rows)',
      integrityFailed:
        '{{file}} decrypts, but its database fails the integrity check ({{problem}}): restore it from a backup.',
    },
    passwd: {
      changed: 'Changed the passphrase of {{file}}. The recovery key is the same as before.',
      rekeyed:
        'Re-keyed {{file}}: a new master key encrypts it, the new passphrase opens it, and the recovery key below replaces the old one (write it down now; it is shown once). Older backups and copies still open with the old passphrase and recovery key.',
    },
    demo: {
      usagePeople:
        'demo needs the number of persons, a whole number from {{min}} to {{max}}: confidant demo FILE --people 200.',
      usageSeed:
        'The seed must be a whole number from 0 to {{max}}: confidant demo FILE --people 200 --seed 7.',
      generating: 'Filling the vault with fictional data…',
      filled:
        'Filled it with fictional demo data (seed {{seed}}): {{persons}} persons, {{agencies}} agencies, {{partners}} partner organisations, {{relationships}} relationships, {{notes}} case notes, {{offers}} offers, {{assessments}} risk assessments, {{plans}} engagement plans. The app marks it as a demo vault.',
    },
    backup: {
      usageNoSubcommand:
        'Say what to do with backups: confidant backup create VAULT FOLDER, confidant backup verify BACKUP or confidant backup restore BACKUP NEW_VAULT.',
      usageUnknownSubcommand:
        'backup has no "{{subcommand}}": use create, verify or restore (run confidant --help).',
      usageArguments: 'This takes exactly these files: confidant backup {{synopsis}}.',
      synopsis: {
        create: 'create VAULT FOLDER',
        verify: 'verify BACKUP',
        restore: 'restore BACKUP NEW_VAULT',
      },
      folderMissing:
        'The folder {{folder}} does not exist: create it first, or choose another folder (backup create writes into an existing folder and names the file itself).',
      notAFolder:
        '{{folder}} is a file, not a folder: give backup create the folder to write into (it names the backup file itself); nothing was written.',
      written: 'Wrote the backup {{file}}, read it back and verified it.',
      verified:
        'The backup {{file}} decrypts, its database is intact, and every table has the rows it had when the backup was made.',
      file: 'File',
      vault: 'Vault',
      created: 'Created',
      createdValue: '{{local}} ({{iso}})',
      appVersion: 'App version',
      schema: 'Schema version',
      opensWith: 'Opens with',
      opensWithValue: {
        vault: 'the vault’s passphrase (as it was when the backup was made) or its recovery key',
        'backup-passphrase': 'the separate backup passphrase or the vault’s recovery key',
      },
      integrity: 'Integrity check',
      integrityOk: 'ok (SQLite’s integrity_check, and the rows of every table counted)',
      size: 'Size',
      tables: 'Tables (rows)',
      holds: 'Holds',
      count: '{{what}}: {{rows}}',
      table: {
        persons: 'persons',
        case_notes: 'case notes',
        agencies: 'agencies',
        partner_orgs: 'partner organisations',
        risk_assessments: 'risk assessments',
        disclosures: 'disclosures',
        audit_events: 'audit trail entries',
      },
      restored:
        'Restored into {{file}}; it opens with the same passphrase and recovery key as the backup.',
    },
    units: {
      B: '{{n}} B',
      KiB: '{{n}} KiB',
      MiB: '{{n}} MiB',
      GiB: '{{n}} GiB',
    },
  },
};

/** The shape every language must fill: same keys, any strings. */
export type Messages<T = typeof en> = {
  [K in keyof T]: T[K] extends string ? string : Messages<T[K]>;
};
