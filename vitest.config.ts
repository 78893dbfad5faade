import { defineConfig } from 'vitest/config';

// Two tiers: `unit` is pure code and the back end against real SQLite files, runnable alone in well under
// a minute (`npm run test:fast`); `integration` has real OCR, real processes and the built app (built first
// when stale), and checks that no test leaves a process or a data folder behind.
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
      { extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], globalSetup: ['tests/build-once.ts', 'tests/no-leaks.ts'] } },
    ],
  },
});
