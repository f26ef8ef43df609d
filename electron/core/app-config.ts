/**
 * The little the app must know before any vault is unlocked: the interface language and
 * which vault to offer on the lock screen. Kept in a small JSON file in the app's data folder,
 * outside any vault, so it holds nothing from inside one (see docs/threat-model.md).
 */
import { randomBytes } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { backupReminder } from '../../shared/backup.ts';
import { absolutePath, language } from '../../shared/contract.ts';

const configSchema = z.object({
  language: language.catch('en'),
  lastVaultPath: absolutePath.nullable().catch(null),
  /**
   * Per vault path: when its newest backup was written and after how many days to warn, so the
   * lock screen can remind before anything is unlocked. A date and a number, nothing more.
   */
  backups: z.record(z.string().max(4096), backupReminder).catch({}),
});

export type AppConfig = z.output<typeof configSchema>;

export interface AppConfigStore {
  read(): AppConfig;
  update(patch: Partial<AppConfig>): Promise<AppConfig>;
}

const DEFAULT_CONFIG: AppConfig = { language: 'en', lastVaultPath: null, backups: {} };

/** A store backed by `file`; a missing or unreadable file means the defaults. */
export function fileConfigStore(file: string, initial: Partial<AppConfig> = {}): AppConfigStore {
  let current: AppConfig = { ...DEFAULT_CONFIG, ...initial };
  try {
    current = configSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    // First run, or a damaged file: start from the defaults rather than refuse to start.
  }
  return {
    read: () => current,
    async update(patch) {
      current = configSchema.parse({ ...current, ...patch });
      await fs.mkdir(dirname(file), { recursive: true });
      // Written whole and renamed into place, so a crash never leaves half a file.
      const temp = join(dirname(file), `.config-${randomBytes(6).toString('hex')}.tmp`);
      await fs.writeFile(temp, `${JSON.stringify(current, null, 2)}\n`, { mode: 0o600 });
      await fs.rename(temp, file);
      return current;
    },
  };
}
