// Builds the app (electron-vite: the back end with its CLI and browser-mode host, the desktop shell, its
// preload and the renderer, all as JavaScript in out/) when the sources changed since the last build.
// `node scripts/build.mjs` builds if stale; `--force` always builds. Used by `npm run serve`, `npm start`
// and the test runners, so a checkout never runs an out-of-date build.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'out', '.built');
const INPUTS = ['src', 'electron.vite.config.ts', 'vite.renderer.config.ts', 'tsconfig.json', 'tsconfig.base.json', 'package.json', 'package-lock.json'];

function newestChange(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(p)) newest = Math.max(newest, newestChange(path.join(p, e)));
  return newest;
}

export function isStale() {
  if (!fs.existsSync(stamp) || !fs.existsSync(path.join(root, 'out', 'main', 'cli.js'))) return true;
  const built = fs.statSync(stamp).mtimeMs;
  return INPUTS.some((i) => newestChange(path.join(root, i)) > built);
}

/** Builds when stale (or when forced); returns false when the build failed. */
export function build({ force = false, quiet = false } = {}) {
  if (!force && !isStale()) return true;
  if (!quiet) console.log('ClaimDesk: building…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) return false;
  fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(build({ force: process.argv.includes('--force') }) ? 0 : 1);
}
