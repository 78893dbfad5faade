// `npm run bench -- <name> [args]`: runs bench/<name>.ts, whose default export prints its figures.
// Benchmarks never assert timings; they measure and print.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from '../scripts/build.mjs';

// Measured as the CLI and browser mode run (bin/claimdesk.mjs): without tsx's in-memory source-map cache
// (~50 MB of heap that every full garbage collection marks again; the Electron build has none).
if (![...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].includes('--enable-source-maps')) process.setSourceMapsEnabled(false);

const here = path.dirname(fileURLToPath(import.meta.url));
const available = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.d.ts'))
  .map((f) => f.slice(0, -3))
  .sort();

const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  process.stderr.write(`${name ? `unknown benchmark: ${name}\n` : ''}usage: npm run bench -- <name> [args]\navailable: ${available.join(', ') || '(none)'}\n`);
  process.exit(2);
}
// The app's page readers run the build's thread entry (src/main/ocr/readers.ts): build it when stale.
if (!build({ quiet: true })) process.exit(1);
const mod = (await import(pathToFileURL(path.join(here, `${name}.ts`)).href)) as { default?: (args: string[]) => Promise<void> };
if (typeof mod.default !== 'function') {
  process.stderr.write(`bench/${name}.ts has no default export run(args)\n`);
  process.exit(2);
}
await mod.default(args);
