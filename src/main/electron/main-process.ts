// The desktop shell, kept thin: it wires Electron to the same back end that browser mode and the CLI
// use. Electron is injected so the wiring can be unit-tested without the Electron runtime.
import path from 'node:path';
import type * as Electron from 'electron';
import { startRemoteBackend, type BackendChannel, type RemoteBackend } from '../backend/remote';
import { describeAccounts } from '../demo/accounts';
import { builtEntry, resolveHome } from '../paths';
import { forwardEvents, registerIpc, WindowSessions } from './ipc';
import { PRIVILEGED_SCHEME, registerAppProtocol } from './protocol';
import { createLinkOpener } from './external-links';
import { APP_ORIGIN, hardenApp, windowOptions } from './security';
import { shellLanguage, shellStrings } from './shell-strings';

export type ElectronModule = Pick<typeof Electron, 'app' | 'BrowserWindow' | 'ipcMain' | 'protocol' | 'session' | 'shell' | 'dialog' | 'utilityProcess'>;

export interface ShellOptions {
  /** Folder holding the built main/preload/renderer (out/). */
  outDir: string;
  argv: string[];
  env: NodeJS.ProcessEnv;
  /** The packaged app only: Electron's resources folder, which holds resources/ beside app.asar. */
  packagedResources?: string;
  /** Where refused links, webviews and permissions are noted (default: stderr). */
  log?: (line: string) => void;
}

export function parseShellArgs(argv: string[]): { home?: string; demo: boolean } {
  const i = argv.indexOf('--home');
  const home = i >= 0 ? argv[i + 1] : undefined;
  return { ...(home ? { home } : {}), demo: argv.includes('--demo') };
}

/** The back end in an Electron utility process: its own process, off the one that drives the windows. */
export function utilityChannel(utilityProcess: ElectronModule['utilityProcess'], env: NodeJS.ProcessEnv): BackendChannel {
  const child = utilityProcess.fork(builtEntry('backend'), [], { serviceName: 'ClaimDesk back end', stdio: 'inherit', env });
  return {
    post: (m) => child.postMessage(m),
    onMessage: (l) => void child.on('message', l),
    onExit: (l) => void child.once('exit', l),
    kill: () => void child.kill(),
    get pid() {
      return child.pid;
    },
  };
}

/** Must run before the app is ready: the scheme is privileged at start-up only. */
export function registerSchemes(electron: ElectronModule): void {
  electron.protocol.registerSchemesAsPrivileged([PRIVILEGED_SCHEME]);
}

/** The app-wide hardening of security.ts, with the confirmation for links and DevTools in development only. */
export function hardenShell(
  electron: Pick<ElectronModule, 'app' | 'BrowserWindow' | 'session' | 'shell' | 'dialog'>,
  log: (line: string) => void,
): { devTools: boolean } {
  const { app, BrowserWindow, session, shell, dialog } = electron;
  const devTools = !app.isPackaged;
  const openLink = createLinkOpener({
    dialog,
    shell,
    windowOf: (contents) => BrowserWindow.fromWebContents(contents),
    strings: () => shellStrings(shellLanguage(app.getLocale())),
    log,
  });
  hardenApp(app, session.defaultSession, { devTools, log, openLink });
  return { devTools };
}

/**
 * A screen holding values not saved holds the window (beforeunload); Electron asks nobody, so the shell
 * asks, as a browser would, rather than leave a window that silently will not close. Staying is the
 * default and what Escape answers; only "close and lose them" lets the window go.
 */
export function guardUnsavedValues(electron: Pick<ElectronModule, 'app' | 'dialog'>, win: Electron.BrowserWindow): void {
  const { app, dialog } = electron;
  win.webContents.on('will-prevent-unload', (event) => {
    const s = shellStrings(shellLanguage(app.getLocale()));
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      message: s.leaveMessage,
      detail: s.leaveDetail,
      buttons: [s.leaveCancel, s.leaveConfirm],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    // Preventing 'will-prevent-unload' overrides the page's beforeunload: the window closes.
    if (choice === 1) event.preventDefault();
  });
}

export interface Shell {
  window: Electron.BrowserWindow;
  backend: RemoteBackend;
}

export async function startShell(electron: ElectronModule, options: ShellOptions): Promise<Shell | null> {
  const { app, BrowserWindow, ipcMain, protocol, dialog, utilityProcess } = electron;
  const args = parseShellArgs(options.argv);
  // Before any window exists, so that every web contents is hardened as it is created.
  const { devTools } = hardenShell(electron, options.log ?? ((line: string) => console.warn(line)));
  // OCR data, requirement tables and demo files are plain files outside the archive (electron-builder's
  // extraResources); the back end finds them through its environment.
  if (options.packagedResources) options.env.CLAIMDESK_RESOURCES = path.join(options.packagedResources, 'resources');
  let remote: Awaited<ReturnType<typeof startRemoteBackend>>;
  try {
    remote = await startRemoteBackend(utilityChannel(utilityProcess, options.env), {
      home: resolveHome(args.home, app.getPath('userData'), options.env),
      transport: 'electron',
      ...(options.env.CLAIMDESK_SQLITE_BINDING ? { nativeBinding: options.env.CLAIMDESK_SQLITE_BINDING } : {}),
      ...(args.demo ? { demo: { files: true } } : {}),
    });
  } catch (err) {
    dialog.showErrorBox('ClaimDesk', (err as Error).message);
    app.quit();
    return null;
  }
  const { backend, started } = remote;
  // The terminal that started the app shows the demo accounts' passwords, once.
  if (started.demo?.accounts.length) console.log(describeAccounts(started.demo.accounts));
  backend.onCrash((code) => {
    dialog.showErrorBox('ClaimDesk', `The back end stopped unexpectedly (exit ${code}). Nothing saved is lost; start ClaimDesk again.`);
    app.quit();
  });
  registerAppProtocol(protocol, path.join(options.outDir, 'renderer'));
  // Each window signs in on its own; the session ends when the window closes (or signs out).
  const sessions = new WindowSessions((token) => backend.endSession(token, 'window_closed'));
  registerIpc(ipcMain, backend, sessions);

  const win = new BrowserWindow(windowOptions(path.join(options.outDir, 'preload', 'index.cjs'), { devTools }));
  forwardEvents(backend, win.webContents);
  const windowId = win.webContents.id;
  win.webContents.once('destroyed', () => sessions.drop(windowId));
  win.once('ready-to-show', () => win.show());
  guardUnsavedValues(electron, win);
  // The back end closes its database before the app goes (once: the second quit is the real one).
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void backend.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
  await win.loadURL(`${APP_ORIGIN}/index.html`);
  return { window: win, backend };
}
