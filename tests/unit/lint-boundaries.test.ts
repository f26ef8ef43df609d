/**
 * The layer boundaries of docs/architecture.md are lint rules; this proves each one fires on a bad
 * import (a boundary rule that silently cannot resolve a path would pass everything).
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
let eslint: ESLint;

beforeAll(() => {
  // The snippets are not files the TypeScript project knows, so type-aware rules are switched
  // off for them; the boundary rules need no types and stay on.
  eslint = new ESLint({
    cwd: ROOT,
    overrideConfig: [{ files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked }],
  });
});

/** Lints `code` as if it were the file at `path` and returns the rules that fired. */
async function rulesFiredFor(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('layer boundaries', () => {
  it.each([
    [
      'electron/core/vault/x.ts',
      "import { app } from 'electron';\nexport const a = app;\n",
      'no-restricted-imports',
    ],
    [
      'electron/cli/x.ts',
      "import { app } from 'electron';\nexport const a = app;\n",
      'no-restricted-imports',
    ],
    [
      'shared/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
      'no-restricted-imports',
    ],
    [
      'shared/x.ts',
      "import { readFileSync } from 'fs';\nexport const a = readFileSync;\n",
      'no-restricted-imports',
    ],
    [
      'shared/x.ts',
      "import { Vault } from '../electron/core/vault/vault.ts';\nexport const a = Vault;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'electron/core/x.ts',
      "import { runCli } from '../cli/run.ts';\nexport const a = runCli;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'renderer/src/lib/x.ts',
      "import { PersonLink } from '../features/people/PersonLink.tsx';\nexport const a = PersonLink;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'renderer/src/components/x.ts',
      "import { PersonLink } from '../features/people/PersonLink.tsx';\nexport const a = PersonLink;\n",
      'import-x/no-restricted-paths',
    ],
    // Inside the core: db ← repos ← services ← handlers ← api.ts (vault/ beside services).
    [
      'electron/core/db/x.ts',
      "import { getPerson } from '../repos/persons.ts';\nexport const a = getPerson;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'electron/core/db/x.ts',
      "import { search } from '../services/search.ts';\nexport const a = search;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'electron/core/db/x.ts',
      "import { audit } from '../handlers/context.ts';\nexport const a = audit;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'electron/core/db/x.ts',
      "import { Vault } from '../vault/vault.ts';\nexport const a = Vault;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'electron/core/repos/x.ts',
      "import { search } from '../services/search.ts';\nexport const a = search;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'electron/core/repos/x.ts',
      "import { audit } from '../handlers/context.ts';\nexport const a = audit;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'electron/core/repos/x.ts',
      "import * as dispatch from '../ipc/dispatch.ts';\nexport const a = dispatch;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'electron/core/repos/x.ts',
      "import * as api from '../api.ts';\nexport const a = api;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'electron/core/services/x.ts',
      "import { audit } from '../handlers/context.ts';\nexport const a = audit;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'electron/core/services/x.ts',
      "import * as dispatch from '../ipc/dispatch.ts';\nexport const a = dispatch;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'electron/core/services/x.ts',
      "import * as api from '../api.ts';\nexport const a = api;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'electron/core/handlers/x.ts',
      "import * as api from '../api.ts';\nexport const a = api;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'electron/core/handlers/x.ts',
      "import * as dispatch from '../ipc/dispatch.ts';\nexport const a = dispatch;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'electron/core/vault/x.ts',
      "import { search } from '../services/search.ts';\nexport const a = search;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'electron/core/vault/x.ts',
      "import { audit } from '../handlers/context.ts';\nexport const a = audit;\n",
      'import-x/no-restricted-paths',
    ],
    // SQL only in repos/.
    [
      'electron/core/services/x.ts',
      "import type { Database } from 'better-sqlite3-multiple-ciphers';\nexport const f = (db: Database) => db.prepare('SELECT 1').get();\n",
      'no-restricted-syntax',
    ],
    [
      'electron/core/handlers/x.ts',
      "import type { Database } from 'better-sqlite3-multiple-ciphers';\nexport const f = (db: Database) => { db.exec('DELETE FROM persons'); };\n",
      'no-restricted-syntax',
    ],
    [
      'electron/core/api.ts',
      "import type { Database } from 'better-sqlite3-multiple-ciphers';\nexport const f = (db: Database) => db.pragma('user_version');\n",
      'no-restricted-syntax',
    ],
  ])('%s may not %s', async (path, code, rule) => {
    expect(await rulesFiredFor(path, code)).toContain(rule);
  });

  it('lets the CLI use the core and shared code', async () => {
    const code =
      "import { Vault } from '../core/vault/vault.ts';\nimport { APP_VERSION } from '../../shared/app-info.ts';\nexport const a = [Vault, APP_VERSION];\n";
    expect(await rulesFiredFor('electron/cli/x.ts', code)).toEqual([]);
  });

  it('lets each core layer use the ones below it', async () => {
    const cases: [string, string][] = [
      [
        'electron/core/repos/x.ts',
        "import { getPerson } from './persons.ts';\nexport const a = getPerson;\n",
      ],
      [
        'electron/core/services/x.ts',
        "import { getPerson } from '../repos/persons.ts';\nexport const a = getPerson;\n",
      ],
      [
        'electron/core/handlers/x.ts',
        "import { search } from '../services/search.ts';\nexport const a = search;\n",
      ],
      [
        'electron/core/vault/x.ts',
        "import { getSetting } from '../repos/settings.ts';\nexport const a = getSetting;\n",
      ],
      [
        'electron/core/x.ts',
        "import { audit } from './handlers/context.ts';\nexport const a = audit;\n",
      ],
    ];
    for (const [path, code] of cases) expect(await rulesFiredFor(path, code)).toEqual([]);
  });

  it('lets repos/ hold SQL, and services/ use a RegExp', async () => {
    const repo =
      "import type { Database } from 'better-sqlite3-multiple-ciphers';\nexport const f = (db: Database) => db.prepare('SELECT 1').get();\n";
    expect(await rulesFiredFor('electron/core/repos/x.ts', repo)).toEqual([]);
    const service =
      'const WORD = /a/;\nexport const f = (pattern: RegExp) => [WORD.exec(""), pattern.exec("")];\n';
    expect(await rulesFiredFor('electron/core/services/x.ts', service)).toEqual([]);
  });

  it('lets the core use node: modules and shared code', async () => {
    const code =
      "import { readFileSync } from 'node:fs';\nimport { APP_VERSION } from '../../shared/app-info.ts';\nexport const a = [readFileSync, APP_VERSION];\n";
    expect(await rulesFiredFor('electron/core/x.ts', code)).toEqual([]);
  });
});
