/** The interface's English texts. ru.ts has exactly the same keys (checked by the type). */
export const uiEn = {
  common: {
    appName: 'Confidant',
    language: 'Language',
    languages: { en: 'English', ru: 'Русский' },
    showPassphrase: 'Show passphrase',
    hidePassphrase: 'Hide passphrase',
    cancel: 'Cancel',
    dismiss: 'Dismiss',
    working: 'Working…',
    /** A filter with several choices (components/MultiSelectFilter.tsx). */
    filter: {
      any: 'Any',
      selected_one: '{{count}} chosen',
      selected_few: '{{count}} chosen',
      selected_many: '{{count}} chosen',
      selected_other: '{{count}} chosen',
      noOptions: 'Nothing to choose yet',
    },
  },
  create: {
    title: 'Create your vault',
    intro:
      'Everything you keep in Confidant is stored in one encrypted file on this computer. Choose where it lives and a passphrase to lock it.',
    location: 'Vault file',
    locationHelp:
      'A file on this computer or on an encrypted drive. Two previous copies are kept next to it.',
    choose: 'Choose…',
    locationInvalid: 'Give the full path of the file, for example {{example}}.',
    passphrase: 'Passphrase',
    passphraseHelp:
      'Several unrelated words are strong and easy to remember. Nobody can recover a forgotten passphrase: only the recovery key you will get next opens the vault without it.',
    repeat: 'Repeat the passphrase',
    mismatch: 'The two passphrases are not the same.',
    tooWeak: 'This passphrase would be guessed quickly. Make it longer: add a few unrelated words.',
    submit: 'Create vault',
    working:
      'Protecting your vault — this takes a few seconds on purpose, to slow down anyone guessing.',
    haveVault: 'I already have a vault',
  },
  strength: {
    label: 'Strength',
    levels: ['Very weak', 'Weak', 'Fair', 'Good', 'Strong'],
    warnings: {
      straightRow: 'Straight rows of keys are easy to guess.',
      keyPattern: 'Short keyboard patterns are easy to guess.',
      simpleRepeat: 'Repeated characters like “aaa” are easy to guess.',
      extendedRepeat: 'Repeated patterns like “abcabcabc” are easy to guess.',
      sequences: 'Sequences like “abc” or “123” are easy to guess.',
      recentYears: 'Recent years are easy to guess.',
      dates: 'Dates are easy to guess.',
      topTen: 'This is one of the most used passwords.',
      topHundred: 'This is a very common password.',
      common: 'This is a common password.',
      similarToCommon: 'This is close to a common password.',
      wordByItself: 'A single word is easy to guess.',
      namesByThemselves: 'Single names or surnames are easy to guess.',
      commonNames: 'Common names and surnames are easy to guess.',
      userInputs: 'Do not use the name of the vault or of the app.',
      pwned: 'This password appeared in a data breach.',
    },
    suggestions: {
      l33t: 'Predictable substitutions like “@” for “a” do not help much.',
      reverseWords: 'Common words spelled backwards are still easy to guess.',
      allUppercase: 'Capitalise some letters, not all.',
      capitalization: 'Capitalise more than the first letter.',
      dates: 'Avoid dates and years that have to do with you.',
      recentYears: 'Avoid recent years.',
      associatedYears: 'Avoid years that have to do with you.',
      sequences: 'Avoid sequences of characters.',
      repeated: 'Avoid repeated words and characters.',
      longerKeyboardPattern: 'Use longer keyboard patterns and change direction often.',
      anotherWord: 'Add another word or two, less common ones.',
      useWords: 'Use several words, but not a well-known phrase.',
      noNeed: 'You do not need symbols, digits or capitals: length is what counts.',
      pwned: 'If you use this password anywhere else, change it there.',
    },
  },
  recovery: {
    title: 'Your recovery key',
    explain:
      'If the passphrase is ever forgotten, this key is the only way into the vault. Write it on paper now and keep the paper somewhere safe, away from this computer. It will not be shown again.',
    keyLabel: 'Recovery key, in nine groups of four',
    group: 'Group {{n}}',
    print: 'Print',
    printNote:
      'Printing sends the key through this computer’s print queue and the printer’s memory; on a shared or office printer, write it by hand instead.',
    writtenDown: 'I have written it down',
    sheetTitle: 'Confidant recovery key',
    sheetFile: 'Vault: {{file}}',
    sheetDate: 'Made on {{date}}',
    sheetAdvice:
      'Keep this sheet away from the computer. Anyone who has it and the vault file can open the vault. Letters O, I and L are never used: read them as 0 and 1.',
  },
  confirmKey: {
    title: 'Check your copy',
    explain: 'Type group {{first}} and group {{second}} exactly as you wrote them down.',
    group: 'Group {{n}}',
    finish: 'Finish',
    back: 'Show the key again',
    working: 'Saving your new vault…',
  },
  unlock: {
    title: 'Unlock your vault',
    vault: 'Vault',
    method: 'Unlock with',
    withPassphrase: 'Passphrase',
    withRecoveryKey: 'Recovery key',
    passphrase: 'Passphrase',
    recoveryKey: 'Recovery key',
    recoveryKeyHelp: '36 letters and digits in nine groups, as on your paper copy.',
    submit: 'Unlock',
    working: 'Unlocking…',
    // Four plural forms, as Russian needs; English uses only "one" and "other".
    retryIn_one: 'You can try again in {{count}} second.',
    retryIn_few: 'You can try again in {{count}} seconds.',
    retryIn_many: 'You can try again in {{count}} seconds.',
    retryIn_other: 'You can try again in {{count}} seconds.',
    attempts_one: '{{count}} wrong attempt so far.',
    attempts_few: '{{count}} wrong attempts so far.',
    attempts_many: '{{count}} wrong attempts so far.',
    attempts_other: '{{count}} wrong attempts so far.',
    openPrevious: 'Open the previous copy',
    chooseAnother: 'Open another vault…',
    path: 'Vault file',
    pathHelp: 'The full path of a .confidant file.',
    createNew: 'Create a new vault',
    lockedBecause: {
      manual: 'The vault is locked.',
      shortcut: 'The vault is locked.',
      idle: 'Locked because the computer was left without activity.',
      suspend: 'Locked when the computer went to sleep.',
      'screen-lock': 'Locked when the screen was locked.',
      quit: 'The vault is locked.',
    },
  },
  shell: {
    demo: 'A demonstration vault: everyone in it is fictional. Do not record real people here.',
    back: 'Back',
    newNote: 'New note',
    navigation: 'Areas',
    areas: {
      pipeline: 'Pipeline',
      map: 'Map',
      partners: 'Partners',
      people: 'People',
      agencies: 'Agencies',
      risk: 'Risk',
      shares: 'Shares',
      backups: 'Backups',
      audit: 'Audit trail',
      settings: 'Settings',
    },
    lock: 'Lock',
    loading: {
      title: 'Opening…',
      progress: 'Loading this screen',
    },
    lockShortcut: 'Ctrl+Shift+L',
    lockShortcutMac: '⌘⇧L',
    failure: {
      areaTitle: 'This screen could not be shown',
      areaBody:
        'Something went wrong while showing it. Nothing was changed in the vault. The other areas and Lock still work.',
      reload: 'Load this screen again',
      loadBody:
        'Its part of the app could not be loaded from Confidant’s files. Nothing was changed in the vault. The other areas and Lock still work. If loading it again fails too, reinstall Confidant.',
      details: 'Technical details',
      part: 'This part could not be shown.',
      appTitle: 'Something went wrong',
      appBodyUnlocked:
        'Confidant could not show this screen. Nothing was changed in the vault. Lock the vault; when you unlock it again the app starts afresh.',
      appBody: 'Confidant could not show this screen. Start again to reload it.',
      startAgain: 'Start again',
    },
    failedAttempts_one:
      'A wrong passphrase or recovery key was typed {{count}} time before this unlock. If that was not you, someone else may have tried to open the vault.',
    failedAttempts_few:
      'A wrong passphrase or recovery key was typed {{count}} times before this unlock. If that was not you, someone else may have tried to open the vault.',
    failedAttempts_many:
      'A wrong passphrase or recovery key was typed {{count}} times before this unlock. If that was not you, someone else may have tried to open the vault.',
    failedAttempts_other:
      'A wrong passphrase or recovery key was typed {{count}} times before this unlock. If that was not you, someone else may have tried to open the vault.',
  },
  settings: {
    title: 'Settings',
    security: 'Security',
    changePassphrase: 'Change passphrase',
    current: 'Current passphrase',
    next: 'New passphrase',
    repeat: 'Repeat the new passphrase',
    change: 'Change passphrase',
    changing: 'Changing the passphrase…',
    changed: 'The passphrase has been changed. The recovery key is the same as before.',
    autoLock: 'Lock automatically',
    autoLockMinutes: 'Minutes without activity',
    autoLockHelp:
      'From 1 to 240. The vault also locks when the computer sleeps or the screen locks.',
    save: 'Save',
    saved: 'Saved.',
    languageHelp: 'Used on every screen, the lock screen included.',
    about: 'This vault',
    file: 'File',
    version: 'Confidant {{version}}',
    rekey: {
      title: 'My passphrase may be known',
      explain:
        'Replaces the vault’s keys: a new master key re-encrypts it, and a new passphrase and a new recovery key open it. The old passphrase and recovery key stop opening this vault; older backups and copies still open with them, so replace or destroy those too.',
      submit: 'Replace the keys',
      working: 'Re-encrypting the vault…',
      doneTitle: 'Your new recovery key',
      done: 'The vault now opens only with the new passphrase and this new recovery key. Write the key on paper now: it will not be shown again.',
    },
  },
};

export type UiMessages<T = typeof uiEn> = {
  [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends readonly string[]
      ? readonly string[]
      : UiMessages<T[K]>;
};
