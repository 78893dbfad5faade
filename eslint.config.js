// Lint, including the layer rules: src/shared imports no Node, DOM or Electron module; only
// src/main/electron imports 'electron'; the renderer never imports the Node side; nothing under src/
// (the product) imports tools/ (the document generator and other test tooling).
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'module',
  'net',
  'os',
  'path',
  'process',
  'stream',
  'url',
  'util',
  'worker_threads',
  'zlib',
];
const nodeModulePatterns = ['node:*'];
const builtinPaths = (message) => nodeBuiltins.map((name) => ({ name, message }));
// The product ships without test tooling: no file under src/ may import tools/. Each src/ zone below
// sets its own no-restricted-imports (a later block replaces an earlier one's options), so each lists it.
const noTooling = { group: ['**/tools/**', 'tools/**'], message: 'The product never imports tools/ (test tooling stays out of what ships).' };
const nativeNodePackages = [
  'better-sqlite3',
  'sharp',
  'tesseract.js',
  'pdfjs-dist',
  'pdfjs-dist/*',
  '@napi-rs/canvas',
  'commander',
  'csv-parse',
  'csv-parse/*',
];

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'resources/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/generated/**', '.scratch/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: "Only src/main/electron/ and src/preload/ import 'electron'." }] }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'src/shared is pure: no Electron.' },
            { name: 'react', message: 'src/shared is pure: no UI.' },
            ...builtinPaths('src/shared is pure: no Node modules.'),
          ],
          patterns: [
            { group: nodeModulePatterns, message: 'src/shared is pure: no Node modules.' },
            { group: nativeNodePackages, message: 'src/shared is pure: no Node-only packages.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared imports only src/shared.' },
            noTooling,
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to the back end only through the API client.' },
            ...builtinPaths('The renderer runs in a browser: no Node modules.'),
          ],
          patterns: [
            { group: ['**/main/**', '**/preload/**'], message: 'The renderer never imports the Node side.' },
            { group: nodeModulePatterns, message: 'The renderer runs in a browser: no Node modules.' },
            // pdf.js's browser build draws PDF pages in the viewer; its legacy (Node) build stays on the back end.
            {
              group: [...nativeNodePackages.filter((p) => !p.startsWith('pdfjs-dist')), 'pdfjs-dist/legacy/*'],
              message: 'The renderer runs in a browser: no Node-only packages.',
            },
            noTooling,
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/electron/**/*.ts', 'src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'The shell never imports the renderer.' }, noTooling] }],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: "Only src/main/electron/ imports 'electron'; the rest runs in plain Node." }],
          patterns: [{ group: ['**/renderer/**', '**/preload/**'], message: 'The Node side never imports the UI.' }, noTooling],
        },
      ],
    },
  },
  {
    // Tests may use Electron's types for stand-ins, but never load the runtime (requiring it starts a download).
    files: ['tests/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Tests use a stand-in for Electron; type imports only.', allowTypeImports: true }] },
      ],
    },
  },
  {
    // Type-aware rules on the product: promises are awaited or handed on, never dropped or passed where a
    // plain callback is expected; switches over unions cover every member.
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
    },
  },
  {
    // The screens: hooks called as React requires and with all they depend on; accessible markup.
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...jsxA11y.flatConfigs.recommended.rules,
      // Keyboard shortcuts (Enter saves, Escape cancels, arrows move between cells) are caught where the
      // keys bubble up from real controls, on the form or table around them; pointer handlers on
      // non-interactive elements stay refused.
      'jsx-a11y/no-noninteractive-element-interactions': ['error', { handlers: ['onClick', 'onMouseDown', 'onMouseUp'] }],
      // A desk app puts the cursor where work starts (the sign-in name, a new form's first field).
      'jsx-a11y/no-autofocus': 'off',
    },
  },
);
