// `npm start [-- --home DIR --demo]`: the desktop app, or browser mode where Electron cannot run.
//
// Electron needs its own build of better-sqlite3 (Electron's Node ABI differs from Node's). We build it
// into .electron-native/ beside node_modules, so the Node build used by tests, CLI and browser mode is
// never replaced, and hand its path to the Electron main process (CLAIMDESK_SQLITE_BINDING).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

const electronDir = path.join(root, 'node_modules', 'electron');

/** The Electron binary's path, or null. Never require('electron') here: it starts a download. */
function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const bin = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(bin) ? bin : null;
}

function tryDownloadElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return;
  console.log('ClaimDesk: fetching the Electron runtime (once)…');
  spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 180_000 });
}

function fallBackToBrowser(reason) {
  console.log(`ClaimDesk: the Electron runtime is not available here (${reason}).`);
  console.log('Starting browser mode instead: open the URL printed below in your browser.\n');
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), ...args], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

let bin = electronBinary();
if (!bin) {
  tryDownloadElectron();
  bin = electronBinary();
}
if (!bin) fallBackToBrowser('its binary was not downloaded, e.g. on a closed office network or a CI machine');

const electronVersion = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
const nativeDir = path.join(root, '.electron-native', `electron-${electronVersion}`);
const binding = path.join(nativeDir, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
if (!fs.existsSync(binding)) {
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (once)…`);
  fs.mkdirSync(nativeDir, { recursive: true });
  fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), path.join(nativeDir, 'better-sqlite3'), { recursive: true });
  const gyp = spawnSync(
    'npx',
    ['--yes', 'node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
    { cwd: path.join(nativeDir, 'better-sqlite3'), stdio: 'inherit' },
  );
  if (gyp.status !== 0 || !fs.existsSync(binding)) fallBackToBrowser('better-sqlite3 could not be built for Electron');
}

if (!build()) process.exit(1);
const r = spawnSync(bin, [root, ...args], { stdio: 'inherit', env: { ...process.env, CLAIMDESK_SQLITE_BINDING: binding } });
process.exit(r.status ?? 0);
