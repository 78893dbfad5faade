import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/build-once.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // OCR tests start tesseract workers; two cores are shared between test files.
    maxWorkers: 2,
  },
});
