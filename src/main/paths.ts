// Where ClaimDesk keeps its data: --home, else CLAIMDESK_HOME, else the platform's data folder.
import os from 'node:os';
import path from 'node:path';

export function platformDataFolder(platform = process.platform, env = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'ClaimDesk');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'ClaimDesk');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'ClaimDesk');
}

/** `fallback` is Electron's userData folder when running as the desktop app. */
export function resolveHome(explicit?: string, fallback?: string, env = process.env): string {
  const chosen = explicit ?? env.CLAIMDESK_HOME ?? fallback ?? platformDataFolder();
  return path.resolve(chosen);
}

/** The repository (or packaged app) root, where resources/ lives. */
export function appRoot(): string {
  return process.env.CLAIMDESK_APP_ROOT ?? path.resolve(import.meta.dirname, '..', '..');
}

/** resources/: the repository's, or in the packaged app the copy beside app.asar (CLAIMDESK_RESOURCES). */
export function resourcesDir(): string {
  return process.env.CLAIMDESK_RESOURCES ?? path.join(appRoot(), 'resources');
}

/**
 * A built entry of the back end (out/main/NAME.js: the back-end process, the page-reader thread). Run
 * from the TypeScript sources (tests, benches), the build is used too; the test runners rebuild it when
 * stale. Packaged, out/main is unpacked beside the archive, where a process or thread can start it.
 */
export function builtEntry(name: string): string {
  const dir = import.meta.url.endsWith('.ts') ? path.join(appRoot(), 'out', 'main') : import.meta.dirname;
  return path.join(dir.replace(/app\.asar(?=[\\/]|$)/, 'app.asar.unpacked'), `${name}.js`);
}
