/**
 * The layer boundaries of ARCHITECTURE.md are lint rules; this proves each one fires on a bad
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
  ])('%s may not %s', async (path, code, rule) => {
    expect(await rulesFiredFor(path, code)).toContain(rule);
  });

  it('lets the CLI use the core and shared code', async () => {
    const code =
      "import { Vault } from '../core/vault/vault.ts';\nimport { APP_VERSION } from '../../shared/app-info.ts';\nexport const a = [Vault, APP_VERSION];\n";
    expect(await rulesFiredFor('electron/cli/x.ts', code)).toEqual([]);
  });

  it('lets the core use node: modules and shared code', async () => {
    const code =
      "import { readFileSync } from 'node:fs';\nimport { APP_VERSION } from '../../shared/app-info.ts';\nexport const a = [readFileSync, APP_VERSION];\n";
    expect(await rulesFiredFor('electron/core/x.ts', code)).toEqual([]);
  });
});
