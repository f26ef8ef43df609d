// Lint: type-aware TypeScript rules, plus the layer boundaries of docs/architecture.md.
// tests/unit/lint-boundaries.test.ts proves each boundary actually fails a bad import.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`), 'node:*'];

/** Bare module names a layer may not import, with the reason shown in the lint message. */
function forbidModules(names, message) {
  return {
    paths: names.map((name) => ({ name, message })),
    patterns: [{ group: ['node:*'], message }],
  };
}

/** Folders a layer may not import from (relative paths resolved to files). */
function zones(target, forbidden) {
  return forbidden.map(({ from, message }) => ({ target, from, message }));
}

const layerZones = [
  ...zones('./shared', [
    { from: './electron', message: 'shared/ is imported by every layer and imports none of them.' },
    { from: './renderer', message: 'shared/ is imported by every layer and imports none of them.' },
  ]),
  ...zones('./renderer', [
    {
      from: './electron',
      message: 'The renderer reaches the core only through window.confidant (IPC).',
    },
  ]),
  // Inside the renderer: what several features use lives in lib/ or components/, which never
  // reach back into a feature.
  ...zones('./renderer/src/lib', [
    { from: './renderer/src/features', message: 'lib/ is shared by features; it imports none.' },
  ]),
  ...zones('./renderer/src/components', [
    {
      from: './renderer/src/features',
      message: 'components/ are shared by features; they import none (move the helper to lib/).',
    },
  ]),
  ...zones('./electron/core', [
    {
      from: './electron/main',
      message: 'core/ is pure Node: it never depends on the Electron glue.',
    },
    {
      from: './electron/preload',
      message: 'core/ is pure Node: it never depends on the Electron glue.',
    },
    { from: './electron/cli', message: 'core/ is used by the CLI, never the other way round.' },
    { from: './renderer', message: 'core/ never imports UI code.' },
  ]),
  // Inside the core the arrows point one way: db ← repos ← services ← handlers ← api.ts
  // (vault/ and crypto/ sit beside services). docs/architecture.md describes the layers.
  ...zones('./electron/core/db', [
    { from: './electron/core/repos', message: 'db/ opens and migrates; it knows no table module.' },
    {
      from: './electron/core/services',
      message: 'db/ sits below services; it never imports them.',
    },
    {
      from: './electron/core/handlers',
      message: 'db/ sits below handlers; it never imports them.',
    },
    { from: './electron/core/vault', message: 'db/ sits below the vault; the vault imports db/.' },
  ]),
  ...zones('./electron/core/repos', [
    {
      from: './electron/core/services',
      message: 'repos/ hold the SQL; services call them, not the other way round.',
    },
    {
      from: './electron/core/handlers',
      message: 'repos/ never import handlers (db ← repos ← services ← handlers).',
    },
    { from: './electron/core/ipc', message: 'repos/ never import the IPC layer.' },
    { from: './electron/core/api.ts', message: 'repos/ never import api.ts.' },
  ]),
  ...zones('./electron/core/services', [
    {
      from: './electron/core/handlers',
      message: 'services/ never import handlers: move what both need down into services/.',
    },
    { from: './electron/core/ipc', message: 'services/ never import the IPC layer.' },
    { from: './electron/core/api.ts', message: 'services/ never import api.ts.' },
  ]),
  ...zones('./electron/core/handlers', [
    {
      from: './electron/core/api.ts',
      message: 'handlers/ are wired up by api.ts; they never import it.',
    },
    {
      from: './electron/core/ipc',
      message: 'handlers/ are plain functions; api.ts hands them to ipc/.',
    },
  ]),
  ...zones('./electron/core/vault', [
    {
      from: './electron/core/services',
      message: 'vault/ sits beside services/: it uses db/, repos/ and crypto/ only.',
    },
    { from: './electron/core/handlers', message: 'vault/ never imports handlers.' },
  ]),
  ...zones('./electron/cli', [
    { from: './electron/main', message: 'The CLI runs without Electron: use core/ only.' },
    { from: './electron/preload', message: 'The CLI runs without Electron: use core/ only.' },
    { from: './renderer', message: 'The CLI never imports UI code.' },
  ]),
  ...zones('./electron/preload', [
    {
      from: './electron/core',
      message: 'The sandboxed preload may only use shared/ (the contract).',
    },
    {
      from: './electron/main',
      message: 'The sandboxed preload may only use shared/ (the contract).',
    },
    { from: './renderer', message: 'The preload never imports UI code.' },
  ]),
  ...zones('./electron/main', [
    { from: './renderer', message: 'main/ serves the built renderer; it never imports its code.' },
    { from: './electron/cli', message: 'main/ and the CLI are separate front ends over core/.' },
  ]),
];

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'out/**', 'release/**', 'artifacts/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'import-x/no-cycle': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        forbidModules(
          ['electron', ...nodeBuiltins],
          'shared/ runs everywhere: no Electron, Node or DOM APIs.',
        ),
      ],
    },
    languageOptions: { globals: {} },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'core/ and the CLI run in plain Node: never import electron.',
            },
          ],
        },
      ],
    },
  },
  {
    // SQL lives in repos/ (one module per table); services, handlers and api.ts call them.
    files: [
      'electron/core/services/**/*.ts',
      'electron/core/handlers/**/*.ts',
      'electron/core/api.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          // db.prepare(…), db.pragma(…); not Vault.prepare (a class) or other capitalised names.
          'CallExpression[callee.property.name=/^(prepare|pragma)$/]:not([callee.object.name=/^[A-Z]/])',
          // db.exec(…) or ctx.db().exec(…); a RegExp's .exec is fine.
          "CallExpression[callee.property.name='exec'][callee.object.name=/^(db|database)$/]",
          "CallExpression[callee.property.name='exec'][callee.object.type='CallExpression']",
        ].map((selector) => ({
          selector,
          message: "SQL lives in repos/: call a function of the table's module instead.",
        })),
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins
            .filter((name) => name !== 'node:*')
            .map((name) => ({ name, message: 'The preload is sandboxed: no Node APIs.' })),
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        forbidModules(
          ['electron', ...nodeBuiltins],
          'The renderer is a web page: no Electron or Node APIs.',
        ),
      ],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // Tests poke at internals and build fixtures; these rules add noise there, not safety.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
