// The desktop shell, kept thin: it wires Electron to the same back end that browser mode and the CLI
// use. Electron is injected so the wiring can be unit-tested without the Electron runtime.
import path from 'node:path';
import type * as Electron from 'electron';
import { BackendContext } from '../context';
import { describeAccounts, seedDemo } from '../demo/seed';
import { createDispatcher } from '../dispatch';
import { resolveHome } from '../paths';
import { startBackgroundWork } from '../startup';
import { endSession } from '../auth/sessions';
import { forwardEvents, registerIpc, WindowSessions } from './ipc';
import { PRIVILEGED_SCHEME, registerAppProtocol } from './protocol';
import { APP_ORIGIN, hardenContents, hardenSession, windowOptions } from './security';

export type ElectronModule = Pick<typeof Electron, 'app' | 'BrowserWindow' | 'ipcMain' | 'protocol' | 'session' | 'shell' | 'dialog'>;

export interface ShellOptions {
  /** Folder holding the built main/preload/renderer (out/). */
  outDir: string;
  argv: string[];
  env: NodeJS.ProcessEnv;
  /** The packaged app only: Electron's resources folder, which holds resources/ beside app.asar. */
  packagedResources?: string;
}

export function parseShellArgs(argv: string[]): { home?: string; demo: boolean } {
  const i = argv.indexOf('--home');
  const home = i >= 0 ? argv[i + 1] : undefined;
  return { ...(home ? { home } : {}), demo: argv.includes('--demo') };
}

/** Must run before the app is ready: the scheme is privileged at start-up only. */
export function registerSchemes(electron: ElectronModule): void {
  electron.protocol.registerSchemesAsPrivileged([PRIVILEGED_SCHEME]);
}

export async function startShell(electron: ElectronModule, options: ShellOptions): Promise<Electron.BrowserWindow | null> {
  const { app, BrowserWindow, ipcMain, protocol, session, shell, dialog } = electron;
  const args = parseShellArgs(options.argv);
  // OCR data, requirement tables and demo files are plain files outside the archive (electron-builder's
  // extraResources); the back end finds them through the environment, as any process it starts will.
  if (options.packagedResources) options.env.CLAIMDESK_RESOURCES = path.join(options.packagedResources, 'resources');
  let ctx: BackendContext;
  try {
    ctx = new BackendContext({
      home: resolveHome(args.home, app.getPath('userData'), options.env),
      transport: 'electron',
      ...(options.env.CLAIMDESK_SQLITE_BINDING ? { nativeBinding: options.env.CLAIMDESK_SQLITE_BINDING } : {}),
    });
  } catch (err) {
    dialog.showErrorBox('ClaimDesk', (err as Error).message);
    app.quit();
    return null;
  }
  if (args.demo) {
    const seeded = await seedDemo(ctx, { files: true });
    // The terminal that started the app shows the demo accounts' passwords, once.
    if (seeded.accounts.length) console.log(describeAccounts(seeded.accounts));
  }
  hardenSession(session.defaultSession);
  registerAppProtocol(protocol, path.join(options.outDir, 'renderer'));
  // Each window signs in on its own; the session ends when the window closes (or signs out).
  const sessions = new WindowSessions((token) => endSession(ctx, token, 'window_closed', true));
  registerIpc(ipcMain, createDispatcher(ctx), sessions);
  startBackgroundWork(ctx);

  const win = new BrowserWindow(windowOptions(path.join(options.outDir, 'preload', 'index.cjs')));
  hardenContents(win.webContents, shell);
  forwardEvents(ctx.events, win.webContents);
  const windowId = win.webContents.id;
  win.webContents.once('destroyed', () => sessions.drop(windowId));
  win.once('ready-to-show', () => win.show());
  app.on('will-quit', () => void ctx.close());
  await win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}
