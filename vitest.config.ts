import { defineConfig } from 'vitest/config';

// Tiers: `unit` is pure code and the back end against real SQLite files, runnable alone in well under a
// minute (`npm run test:fast`); `integration` has real OCR, real processes and the built app (built first
// when stale), and checks that no test leaves a process or a data folder behind; `integration-pg` runs
// the integration tests that use the case store again with the store on PostgreSQL, plus the tests of
// what only a shared store does (tests/integration/postgres/).

/** Integration tests that never open a case store: the OCR and extraction engines, the desktop shell's
 * configuration, the packaging. They run once, in `integration`. */
const STORELESS = [
  'tests/integration/checks/verify-cli.test.ts',
  'tests/integration/electron-shell.test.ts',
  'tests/integration/extract/checkboxes.test.ts',
  'tests/integration/extract/handwriting.test.ts',
  'tests/integration/ocr/digit-boxes.test.ts',
  'tests/integration/ocr/pdf-scan.test.ts',
  'tests/integration/ocr/read-file.test.ts',
  'tests/integration/ocr/readers.test.ts',
  'tests/integration/ocr/second-look.test.ts',
  'tests/integration/ocr/warm-up.test.ts',
  'tests/integration/ocr/word-gaps.test.ts',
  'tests/integration/packaging.test.ts',
  'tests/integration/synth/generator.test.ts',
];
/** What only the embedded SQLite file has: its schema snapshot and migrations from version 1, and its
 * online backup (on PostgreSQL, backups are the server's; tests/integration/postgres/ checks the refusal). */
const SQLITE_ONLY = ['tests/integration/database.test.ts', 'tests/integration/backup.test.ts'];
const POSTGRES_ONLY = ['tests/integration/postgres/**/*.test.ts'];
const INTEGRATION_SETUP = ['tests/build-once.ts', 'tests/no-leaks.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    // Generous for a busy two-core machine: OCR tests share the cores with each other.
    testTimeout: 120_000,
    hookTimeout: 240_000,
    // OCR tests start tesseract workers; two cores are shared between test files.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], exclude: POSTGRES_ONLY, globalSetup: INTEGRATION_SETUP },
      },
      {
        extends: true,
        test: {
          name: 'integration-pg',
          include: ['tests/integration/**/*.test.ts'],
          exclude: [...STORELESS, ...SQLITE_ONLY],
          env: { CLAIMDESK_TEST_STORE: 'postgres' },
          globalSetup: [...INTEGRATION_SETUP, 'tests/pg-store.ts'],
        },
      },
    ],
  },
});
