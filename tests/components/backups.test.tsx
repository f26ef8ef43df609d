// @vitest-environment jsdom
/**
 * The Backups screens over a stand-in bridge: the area shows how old the newest backup is and
 * saves the automatic backups' settings, backs up now, verifies a backup and shows its report;
 * the restore flow opens a backup, asks before replacing an existing file and switches the
 * app to the restored vault; the lock screen reminds, and a restored vault says so.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupOverview, BackupReport, BackupWritten } from '../../shared/backup.ts';
import type { Language, Output, VaultStatus } from '../../shared/contract.ts';
import { localDate } from '../../shared/domain.ts';
import { queryClient, STATUS_KEY } from '../../renderer/src/app/session.ts';
import { setAppInfo } from '../../renderer/src/app/app-info.ts';
import { BackupsArea } from '../../renderer/src/features/backups/BackupsArea.tsx';
import { RestoredNotice } from '../../renderer/src/features/backups/RestoredNotice.tsx';
import { CreateVaultScreen } from '../../renderer/src/features/create-vault/CreateVaultScreen.tsx';
import { UnlockScreen } from '../../renderer/src/features/unlock/UnlockScreen.tsx';
import { renderIn } from './render.tsx';

const DAY = 86_400_000;
const VAULT = '/vaults/Office.confidant';
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

const TABLES = [
  { name: 'persons', rows: 12 },
  { name: 'case_notes', rows: 40 },
  { name: 'agencies', rows: 3 },
  { name: 'partner_orgs', rows: 2 },
  { name: 'risk_assessments', rows: 9 },
  { name: 'disclosures', rows: 1 },
  { name: 'audit_events', rows: 210 },
  { name: 'settings', rows: 6 },
];

const REPORT: BackupReport = {
  file: '/media/usb/Backups/Office 2026-11-20.confidant-backup',
  fileBytes: 2_400_000,
  createdAt: '2026-11-20T14:30:00.000Z',
  appVersion: '0.1.0',
  schemaVersion: 5,
  vaultName: 'Office.confidant',
  opensWith: 'vault',
  integrity: 'ok',
  tables: TABLES,
};

function status(patch: Partial<VaultStatus> = {}): VaultStatus {
  return {
    state: 'locked',
    path: VAULT,
    failedAttempts: 0,
    retryAfterSeconds: 0,
    failedAttemptsBeforeUnlock: 0,
    lockedBecause: null,
    demo: false,
    backup: { lastAt: ago(3), warnDays: 7, lastFailure: null },
    backupWriting: false,
    restoredFrom: null,
    ...patch,
  };
}

type Result =
  { ok: true; value: unknown } | { ok: false; error: { code: string; details: object } };
const ok = (value: unknown): Promise<Result> => Promise.resolve({ ok: true, value });
const fail = (code: string, details: object = {}): Promise<Result> =>
  Promise.resolve({ ok: false, error: { code, details } });

let overview: BackupOverview;
let calls: { channel: string; input: unknown }[];
/** What the next backup:restore answers, in turn (then success). */
let restoreAnswers: (() => Promise<Result>)[];
let createAnswer: () => Promise<Result>;
const RESTORED = status({
  state: 'unlocked',
  path: '/vaults/Restored.confidant',
  restoredFrom: { backupCreatedAt: REPORT.createdAt, restoredAt: '2026-11-24T09:00:00.000Z' },
});

function record(channel: string, answer: (input: never) => Promise<Result>) {
  return (input: never) => {
    calls.push({ channel, input });
    return answer(input);
  };
}

function callsTo(channel: string): unknown[] {
  return calls.filter((c) => c.channel === channel).map((c) => c.input);
}

beforeEach(() => {
  queryClient.clear();
  calls = [];
  restoreAnswers = [];
  overview = {
    settings: { folder: '/media/usb/Backups', onLock: false, keep: 10, warnDays: 7 },
    opensWith: 'vault',
    reminder: { lastAt: ago(10), warnDays: 7, lastFailure: 'DISK_FULL' },
  };
  const written: BackupWritten = {
    file: '/media/usb/Backups/Office 2026-11-24.confidant-backup',
    fileBytes: 2_400_000,
    createdAt: new Date().toISOString(),
    removed: ['a.confidant-backup', 'b.confidant-backup'],
    tables: TABLES,
  };
  createAnswer = () => ok(written);
  window.confidant = {
    vault: { status: record('vault:status', () => ok(status({ state: 'unlocked' }))) },
    backup: {
      overview: record('backup:overview', () => ok(overview)),
      updateSettings: record('backup:updateSettings', (input: BackupOverview['settings']) => {
        overview = { ...overview, settings: { ...overview.settings, ...input } };
        return ok(overview);
      }),
      setPassphrase: record('backup:setPassphrase', () => ok({ ...overview, opensWith: 'vault' })),
      create: record('backup:create', () => createAnswer()),
      verify: record('backup:verify', (input: { secret: { passphrase?: string } }) =>
        input.secret.passphrase === 'right words'
          ? ok(REPORT)
          : fail('WRONG_PASSPHRASE', { file: REPORT.file, kind: 'backup' }),
      ),
      openForRestore: record('backup:openForRestore', () => ok(REPORT)),
      restore: record('backup:restore', () => (restoreAnswers.shift() ?? (() => ok(RESTORED)))()),
      cancelRestore: record('backup:cancelRestore', () => ok({})),
      dismissRestoredNotice: record('backup:dismissRestoredNotice', () =>
        ok({ ...RESTORED, restoredFrom: null }),
      ),
    },
    dialog: {},
  } as unknown as Window['confidant'];
});
afterEach(cleanup);

function renderWith(language: Language, ui: ReactElement, vault: VaultStatus = status()) {
  const info: Output<'app:info'> = {
    version: '0.1.0',
    platform: 'linux',
    language,
    defaultVaultPath: '/home/lk/Documents/Confidant/Confidant.confidant',
    fileDialogs: false,
  };
  setAppInfo(info);
  queryClient.setQueryData(STATUS_KEY, vault);
  return renderIn(language, <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>);
}

function openArea(language: Language = 'en') {
  return renderWith(
    language,
    <BackupsArea status={status({ state: 'unlocked' })} />,
    status({ state: 'unlocked' }),
  );
}

/** axe-core's rules that work without layout (jsdom cannot compute colours). */
async function expectNoAxeViolations(container: HTMLElement) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.html ?? ''}`)).toEqual([]);
}

function type(label: string | RegExp, value: string, within_: HTMLElement = document.body) {
  const input = within(within_).getByLabelText(label, { selector: 'input' });
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
}

function region(name: string) {
  return screen.getByRole('region', { name });
}

describe('the Backups area', () => {
  it('says how old the newest backup is and saves the automatic backups’ settings', async () => {
    const { container } = await openArea();
    const newest = await screen.findByRole('region', { name: 'Newest backup' });
    expect(newest.textContent).toMatch(/^Newest backup10 days ago, /);
    expect(newest.textContent).toContain('It is older than 7 days: back up now.');
    expect(newest.textContent).toContain('The last automatic backup failed: the drive is full.');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Newest backup',
      'Back up now',
      'Automatic backups',
      'How backups open',
      'Verify a backup',
      'Restore a backup',
    ]);

    const auto = region('Automatic backups');
    expect(
      within(auto).getByLabelText<HTMLInputElement>('Folder for automatic backups').value,
    ).toBe('/media/usb/Backups');
    // Backing up on lock needs a folder.
    type('Folder for automatic backups', '', auto);
    fireEvent.click(within(auto).getByLabelText(/Back up on every lock and quit/));
    fireEvent.click(within(auto).getByRole('button', { name: 'Save' }));
    expect(
      await within(auto).findByText('Choose a folder for automatic backups first.'),
    ).toBeTruthy();
    expect(callsTo('backup:updateSettings')).toEqual([]);

    type('Folder for automatic backups', '/media/usb/Confidant', auto);
    type('Backups to keep', '5', auto);
    type('Warn after this many days without a backup', '14', auto);
    fireEvent.click(within(auto).getByRole('button', { name: 'Save' }));
    expect(await within(auto).findByText('Saved.')).toBeTruthy();
    expect(callsTo('backup:updateSettings')).toEqual([
      { folder: '/media/usb/Confidant', onLock: true, keep: 5, warnDays: 14 },
    ]);
    await expectNoAxeViolations(container);
  });

  it('backs up now into the folder and says what was written, or why not', async () => {
    await openArea();
    const now = await screen.findByRole('region', { name: 'Back up now' });
    expect(within(now).getByLabelText<HTMLInputElement>('Folder for this backup').value).toBe(
      '/media/usb/Backups',
    );
    fireEvent.click(within(now).getByRole('button', { name: 'Back up now' }));
    const done = await within(now).findByRole('status');
    await waitFor(() => {
      expect(done.textContent).toBe(
        'Backup written and verified: Office 2026-11-24.confidant-backup (2.4 MB).' +
          'It holds 12 persons and 40 notes. 2 older backups were removed from the folder.',
      );
    });
    expect(callsTo('backup:create')).toEqual([{ folder: '/media/usb/Backups' }]);

    createAnswer = () => fail('FOLDER_NOT_FOUND', { file: '/media/usb/Backups' });
    fireEvent.click(within(now).getByRole('button', { name: 'Back up now' }));
    expect((await within(now).findByRole('alert')).textContent).toContain(
      'The folder for /media/usb/Backups does not exist',
    );
  });

  it('verifies a backup and shows what it holds', async () => {
    const { container } = await openArea();
    const verify = region('Verify a backup');
    type('Backup file', REPORT.file, verify);
    type('Passphrase', 'wrong words', verify);
    fireEvent.click(within(verify).getByRole('button', { name: 'Verify' }));
    expect((await within(verify).findByRole('alert')).textContent).toContain(
      'The passphrase does not open the backup',
    );
    expect(within(verify).getByLabelText<HTMLInputElement>('Passphrase').value).toBe('');

    type('Passphrase', 'right words', verify);
    fireEvent.click(within(verify).getByRole('button', { name: 'Verify' }));
    const report = await within(verify).findByRole('region', { name: 'What the backup holds' });
    expect(callsTo('backup:verify').at(-1)).toEqual({
      path: REPORT.file,
      secret: { passphrase: 'right words' },
    });
    expect(within(verify).getByRole('status').textContent).toBe(
      'The backup Office 2026-11-20.confidant-backup is intact and complete.',
    );
    expect(report.textContent).toContain('Made byConfidant 0.1.0');
    expect(report.textContent).toContain('Data formatversion 5');
    expect(report.textContent).toContain('Size2.4 MB');
    expect(report.textContent).toContain('Integrityverified: intact and complete');
    const table = within(report).getByRole('table', { name: 'Records in the backup' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual([
      'RecordsNumber',
      'People12',
      'Notes40',
      'Agencies3',
      'Partners2',
      'Risk assessments9',
      'Disclosures1',
      'Audit entries210',
    ]);
    await expectNoAxeViolations(container);
  });

  it('removes the separate backup passphrase with the vault’s current one', async () => {
    overview = { ...overview, opensWith: 'backup-passphrase' };
    await openArea();
    const opens = await screen.findByRole('region', { name: 'How backups open' });
    expect(opens.textContent).toContain('Backups open with a separate backup passphrase');
    expect(opens.textContent).toContain('The recovery key always opens a backup');
    fireEvent.click(within(opens).getByRole('radio', { name: /this vault’s passphrase/ }));
    const remove = within(opens).getByRole('button', { name: 'Remove the backup passphrase' });
    fireEvent.click(remove);
    expect(await within(opens).findByText('Enter the vault’s current passphrase.')).toBeTruthy();
    type('Current vault passphrase', 'seven green lamps', opens);
    fireEvent.click(remove);
    expect(await within(opens).findByText(/open with this vault’s passphrase/)).toBeTruthy();
    expect(callsTo('backup:setPassphrase')).toEqual([
      { current: 'seven green lamps', backupPassphrase: null },
    ]);
  });

  it('restores from the area only after saying the open vault will be locked; Cancel forgets the backup', async () => {
    await openArea();
    const restore = region('Restore a backup');
    fireEvent.click(within(restore).getByRole('button', { name: 'Restore a backup…' }));
    type('Backup file', REPORT.file, restore);
    type('Passphrase', 'right words', restore);
    fireEvent.click(within(restore).getByRole('button', { name: 'Open the backup' }));
    expect(
      await within(restore).findByRole('heading', { level: 3, name: 'What the backup holds' }),
    ).toBeTruthy();
    expect(restore.textContent).toContain('The open vault will be locked first.');
    fireEvent.click(within(restore).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => {
      expect(callsTo('backup:cancelRestore')).toHaveLength(1);
    });
    expect(within(restore).getByRole('button', { name: 'Restore a backup…' })).toBeTruthy();
  });
});

describe('the restore flow', () => {
  it('opens the backup, asks before replacing a file, then switches to the restored vault', async () => {
    const { container } = await renderWith(
      'en',
      <UnlockScreen status={status()} onCreateNew={() => undefined} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Restore from a backup…' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Restore from a backup' })).toBeTruthy();

    type('Backup file', REPORT.file);
    fireEvent.click(screen.getByRole('radio', { name: 'Recovery key' }));
    type('Recovery key', 'ABCD-EFGH');
    fireEvent.click(screen.getByRole('button', { name: 'Open the backup' }));
    await screen.findByRole('heading', { level: 2, name: 'What the backup holds' });
    expect(callsTo('backup:openForRestore')).toEqual([
      { path: REPORT.file, secret: { recoveryKey: 'ABCD-EFGH' } },
    ]);
    expect(document.body.textContent).not.toContain('The open vault will be locked first.');
    const destination = screen.getByLabelText<HTMLInputElement>('Restored vault file');
    const suggested = `/vaults/Restored ${localDate(new Date())}.confidant`;
    expect(destination.value).toBe(suggested);

    restoreAnswers = [() => fail('FILE_EXISTS', { file: suggested })];
    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      `${suggested} already exists. Choose another file name, or tick the box below to replace it.`,
    );
    const restoreButton = screen.getByRole('button', { name: 'Restore' });
    expect(restoreButton.hasAttribute('disabled')).toBe(true);
    await expectNoAxeViolations(container);
    fireEvent.click(
      screen.getByLabelText('Replace the existing file (it is kept as its previous copy .1)'),
    );
    fireEvent.click(restoreButton);
    await waitFor(() => {
      expect(queryClient.getQueryData(STATUS_KEY)).toEqual(RESTORED);
    });
    expect(callsTo('backup:restore')).toEqual([
      { destination: suggested, replaceExisting: false },
      { destination: suggested, replaceExisting: true },
    ]);
  });

  it('is offered on the first-run screen too, and Back returns to the form', async () => {
    const { container } = await renderWith(
      'en',
      <CreateVaultScreen onOpenExisting={() => undefined} />,
      status({ state: 'no-vault', path: null }),
    );
    await expectNoAxeViolations(container);
    fireEvent.click(screen.getByRole('button', { name: 'Restore from a backup…' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Restore from a backup' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Create your vault' })).toBeTruthy();
  });
});

describe('the lock screen’s reminder', () => {
  const lockScreen = (language: Language, backup: VaultStatus['backup']) =>
    renderWith(
      language,
      <UnlockScreen status={status({ backup })} onCreateNew={() => undefined} />,
    );

  it('says how old the newest backup is, and warns when there is none or it is old', async () => {
    await lockScreen('en', { lastAt: ago(3), warnDays: 7, lastFailure: null });
    expect(screen.getByText('Newest backup: 3 days ago.').closest('.alert--info')).toBeTruthy();
    cleanup();

    await lockScreen('en', { lastAt: null, warnDays: 7, lastFailure: null });
    expect(
      screen
        .getByText('No backup of this vault is recorded on this computer.')
        .closest('.alert--warning'),
    ).toBeTruthy();
    cleanup();

    await lockScreen('en', { lastAt: ago(10), warnDays: 7, lastFailure: 'FOLDER_NOT_FOUND' });
    expect(screen.getByText('The newest backup is 10 days old.')).toBeTruthy();
    expect(
      screen.getByText(
        'The last automatic backup failed: the backup folder was not found (is the drive connected?).',
      ),
    ).toBeTruthy();
    cleanup();

    await lockScreen('ru', { lastAt: ago(22), warnDays: 7, lastFailure: null });
    expect(screen.getByText('Последней резервной копии уже 22 дня.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Восстановить из резервной копии…' })).toBeTruthy();
  });
  it('says a backup taken at the lock is still being written, in place of its age', async () => {
    for (const [language, text] of [
      ['en', 'The vault is locked. Its automatic backup is being written and checked…'],
      [
        'ru',
        'Хранилище заблокировано. Его автоматическая резервная копия записывается и проверяется…',
      ],
    ] as const) {
      await renderWith(
        language,
        <UnlockScreen
          status={status({
            backup: { lastAt: ago(3), warnDays: 7, lastFailure: null },
            backupWriting: true,
            lockedBecause: 'manual',
          })}
          onCreateNew={() => undefined}
        />,
      );
      expect(screen.getByText(text)).toBeTruthy();
      expect(screen.queryByText(/3 days ago|3 дня назад/u)).toBeNull();
      cleanup();
    }
  });
});

describe('the restored notice', () => {
  it('says when the vault was restored and from how old a backup, until dismissed', async () => {
    const restoredFrom = {
      backupCreatedAt: '2026-11-20T14:30:00.000Z',
      restoredAt: '2026-11-24T09:00:00.000Z',
    };
    await renderWith('en', <RestoredNotice restoredFrom={restoredFrom} />, RESTORED);
    expect(screen.getByRole('status').textContent).toMatch(
      /^This vault was restored on 24 Nov 2026, \d\d:\d\d from a backup made on 20 Nov 2026, \d\d:\d\d\.Dismiss$/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => {
      expect(queryClient.getQueryData<VaultStatus>(STATUS_KEY)?.restoredFrom).toBeNull();
    });
    expect(callsTo('backup:dismissRestoredNotice')).toHaveLength(1);
  });
});
