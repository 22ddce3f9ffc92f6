// Lint rules that hold the layers apart (see README › Architecture):
// - src/core and src/protocol never import `vscode` or host code;
// - the webview never imports host or CLI code (only protocol and pure core data);
// - no default exports anywhere in our sources.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = { name: 'vscode', message: 'src/core and src/protocol must not depend on VS Code.' };
// `import { z } from 'zod/mini'` is one object holding all of zod (every locale, ~420 KB minified) that no
// bundler can shake; `import * as z` keeps only what is used.
const noDefaultExport = { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' };
const wholeZod = {
  selector: "ImportDeclaration[source.value=/^zod/] > ImportSpecifier[imported.name='z']",
  message: "Use `import * as z from 'zod/mini'` (tree-shakeable).",
};

export default tseslint.config(
  {
    ignores: ['dist/**', 'out/**', '.cache/**', 'node_modules/**', 'examples/**', 'test/fixtures/**', 'test/heldout/**', '**/*.d.ts', '.vscode-test/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', noDefaultExport],
    },
  },
  {
    // What is bundled for the editor (host and webview); scripts and tests run under Node and may use all of zod.
    files: ['src/**/*.ts', 'webview/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', noDefaultExport, wholeZod] },
  },
  {
    files: ['src/core/**/*.ts', 'src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noVscode],
          patterns: [{ group: ['**/host/**', '**/cli/**', '**/webview/**'], message: 'The core is shared by the CLI and the extension: no host, CLI or webview imports.' }],
        },
      ],
    },
  },
  {
    files: ['webview/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The webview runs in a browser frame; talk to the host through src/protocol.' },],
          patterns: [{ group: ['**/src/host/**', '**/src/cli/**', 'node:*'], message: 'The webview may import only src/protocol and pure src/core data.' }],
        },
      ],
    },
  },
  {
    // Tool configuration files must default-export their config.
    files: ['vitest*.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
);
