// Lint, and the layers of ARCHITECTURE.md as rules: an import that runs against the arrows
// fails `npm test`. Paths are resolved (eslint-plugin-import-x with the TypeScript
// resolver), so a relative import cannot slip past a rule by its spelling.
//
//   src/api, src/web, src/cli  ->  src/services  ->  src/temporal, src/stores  ->  src/contract, src/schemas  ->  src/domain
//   src/auth (the policy table, pure) may be imported by api, web, services and stores
//   activities/                ->  src/temporal, src/stores, src/mail, src/contract, src/schemas, src/domain
//   workflows/                 ->  src/contract, src/schemas, src/domain (and `import type` from activities/)
//   src/main.ts, src/worker.ts, scripts/ are composition roots and may import anything.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** Forbids `target` from importing anything under `from` (each relative to the project root). */
const forbid = (target, from, message, except) => ({ target, from, message, ...(except && { except }) });

const UP = 'runs against the layers in ARCHITECTURE.md';
const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'net', 'http', 'https', 'url', 'util', 'worker_threads', 'stream'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'src/generated/**', '.tools/**', '.data/**', '.test-data/**', 'coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain Node scripts: the CLI shim and this file.
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // The pure core.
            forbid('./src/auth', './src', `src/auth (the policy table) is pure and imports nothing but itself: this ${UP}`, ['./auth']),
            forbid('./src/auth', ['./activities', './workflows'], `src/auth is pure: this ${UP}`),
            forbid('./src/domain', './src', `src/domain imports nothing but itself: it ${UP}`, ['./domain']),
            forbid('./src/domain', ['./activities', './workflows'], `src/domain imports nothing but itself: it ${UP}`),
            forbid('./src/schemas', './src', `src/schemas may import src/domain only: this ${UP}`, ['./domain', './schemas']),
            forbid('./src/schemas', ['./activities', './workflows'], `src/schemas may import src/domain only: this ${UP}`),
            forbid('./src/contract', './src', `src/contract (names, messages) may import src/schemas and src/domain only: this ${UP}`, ['./domain', './schemas', './contract']),
            forbid('./src/contract', ['./activities', './workflows'], `src/contract may import src/schemas and src/domain only: this ${UP}`),
            forbid('./src/ingest', './src', `src/ingest (plan reading) may import src/domain and src/schemas only: this ${UP}`, ['./domain', './schemas', './ingest']),
            forbid('./src/ingest', ['./activities', './workflows'], `src/ingest may import src/domain and src/schemas only: this ${UP}`),
            // Deterministic workflows: only the pure core and the contract (activities: types only, below).
            forbid('./workflows', './src', `workflows import src/domain, src/schemas and src/contract only (determinism): this ${UP}`, ['./domain', './schemas', './contract']),
            // What services and activities share.
            forbid('./src/stores', ['./src/services', './src/api', './src/web', './src/cli', './src/temporal', './src/ingest', './src/mail', './src/main.ts', './src/worker.ts', './activities', './workflows'],
              `src/stores may import the database, src/contract, src/schemas and src/domain only: this ${UP}`),
            forbid('./src/temporal', ['./src/services', './src/api', './src/web', './src/cli', './src/ingest', './src/main.ts', './src/worker.ts', './activities', './workflows'],
              `src/temporal (client, starters, launchers) may not import services, pages, activities or workflows: this ${UP}`),
            // Side effects: never the use cases above them, never workflow code.
            forbid('./activities', ['./src/services', './src/api', './src/web', './src/cli', './src/ingest', './src/main.ts', './src/worker.ts', './workflows'],
              `activities may import src/temporal, src/stores, src/mail, src/contract, src/schemas and src/domain: this ${UP}`),
            // Use cases: never HTTP, pages, activities or workflow code.
            forbid('./src/services', ['./src/api', './src/web', './src/cli', './src/main.ts', './src/worker.ts', './activities', './workflows'],
              `services may not import HTTP, pages, the CLI, activities or workflows: this ${UP}`),
            // The edges reach the rest only through services.
            forbid(['./src/api', './src/web', './src/cli'], ['./activities', './workflows', './src/temporal', './src/stores', './src/db.ts'],
              `HTTP, pages and the CLI go through src/services: this ${UP}`),
          ],
        },
      ],
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: no I/O, no database, no mail,
    // no client or worker SDK, and from activities/ only their types.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'nodemailer', message: 'workflows send no mail: ask an activity' },
            { name: '@temporalio/client', message: 'workflows use @temporalio/workflow only' },
            { name: '@temporalio/worker', message: 'workflows use @temporalio/workflow only' },
            { name: '@temporalio/activity', message: 'workflows use @temporalio/workflow only' },
          ],
          patterns: [
            { group: NODE_BUILTINS, message: 'workflows are deterministic: no Node built-ins (ask an activity)' },
            { group: ['@prisma/*', '**/generated/prisma/**', '**/db'], message: 'workflows touch no database: ask an activity' },
            { group: ['**/activities/**', '../activities'], allowTypeImports: true, message: 'workflows import activities by type only (proxyActivities)' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/auth/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: NODE_BUILTINS, message: 'src/domain is pure: no I/O, no Node built-ins' }] }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'src/domain takes `now` as a parameter; it never reads the clock' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'src/domain takes `now` as a parameter; it never reads the clock' },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      // Tests reach into any layer to set up the world they test; the layers bind the product.
      'import-x/no-restricted-paths': 'off',
    },
  },
);
