// `npm test`: everything CI checks, in order, stopping at the first failure:
// OCR data in place → type-check (app, and src/shared without DOM/Node types) → format (Prettier) →
// lint (incl. layer rules, type-aware rules, React hooks, accessibility) → the build (electron-vite:
// back end, shell, preload, renderer) → unit tests (the fast tier) → integration tests (vitest, real
// SQLite, real OCR, real processes) → the same on PostgreSQL → end-to-end tests (Playwright, Chromium, browser mode).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file);
const steps = [
  ['resources', [path.join(root, 'scripts', 'prepare-resources.mjs')]],
  ['type-check', [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json', '--noEmit']],
  ['type-check src/shared', [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.shared.json', '--noEmit']],
  ['format', [bin('prettier', 'bin/prettier.cjs'), '--check', '--log-level', 'warn', '.']],
  ['lint', [bin('eslint', 'bin/eslint.js'), '.', '--max-warnings', '0']],
  ['electron-vite build', [path.join(root, 'scripts', 'build.mjs'), '--force']],
  ['unit', [bin('vitest', 'vitest.mjs'), 'run', '--project', 'unit']],
  ['integration', [bin('vitest', 'vitest.mjs'), 'run', '--project', 'integration']],
  // The integration tests that use a case store, again on PostgreSQL (CLAIMDESK_TEST_POSTGRES_URL, or the
  // local server .ci/postgres.sh starts), with the tests of desks sharing one store.
  ['integration on PostgreSQL', [bin('vitest', 'vitest.mjs'), 'run', '--project', 'integration-pg']],
  ['end-to-end', [bin('@playwright/test', 'cli.js'), 'test']],
];
const only = process.argv.slice(2);
for (const [name, args] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
