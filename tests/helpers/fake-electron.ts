// A stand-in for the 'electron' module: the desktop shell cannot run here (no Electron binary), so its
// wiring is driven through this, with a real back-end process in place of the utility process.
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';
import type { ElectronModule } from '../../src/main/electron/main-process';

export type Handler = (...args: unknown[]) => unknown;

export class FakeContents extends EventEmitter {
  static nextId = 1;
  id = FakeContents.nextId++;
  windowOpenHandler: ((d: { url: string }) => { action: string }) | undefined;
  sent: unknown[] = [];
  mainFrame = { url: 'claimdesk://app/index.html' };
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }): void {
    this.windowOpenHandler = h;
  }
  send(_channel: string, payload: unknown): void {
    this.sent.push(payload);
  }
  isDestroyed(): boolean {
    return false;
  }
}

export function fakeElectron(): {
  electron: ElectronModule;
  handlers: Map<string, Handler>;
  windows: { options: Electron.BrowserWindowConstructorOptions; url?: string; contents: FakeContents }[];
  headersHook: { fn?: Handler };
  schemes: string[];
  quit: () => Promise<void>;
} {
  const handlers = new Map<string, Handler>();
  const windows: { options: Electron.BrowserWindowConstructorOptions; url?: string; contents: FakeContents }[] = [];
  const headersHook: { fn?: Handler } = {};
  const schemes: string[] = [];
  const appEvents = new EventEmitter();
  class FakeWindow extends EventEmitter {
    webContents = new FakeContents();
    constructor(options: Electron.BrowserWindowConstructorOptions) {
      super();
      windows.push({ options, contents: this.webContents });
    }
    async loadURL(url: string): Promise<void> {
      windows[windows.length - 1]!.url = url;
    }
    show(): void {}
  }
  const electron = {
    app: {
      getPath: () => '/nonexistent-userdata',
      on: (event: string, l: Handler) => appEvents.on(event, l),
      quit: () => appEvents.emit('quit'),
    },
    // Electron's utility process, played by a Node child running the same entry over Node's IPC channel.
    utilityProcess: {
      fork: (modulePath: string, args: string[], opts: { env?: NodeJS.ProcessEnv }) => {
        const child = fork(modulePath, args, {
          serialization: 'advanced',
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
          ...(opts.env ? { env: opts.env } : {}),
        });
        return {
          pid: child.pid,
          postMessage: (m: unknown) => child.send(m as never),
          on: (e: 'message', l: Handler) => child.on(e, l),
          once: (e: 'exit', l: Handler) => child.once(e, l),
          kill: () => child.kill('SIGKILL'),
        };
      },
    },
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (channel: string, fn: Handler) => handlers.set(channel, fn) },
    protocol: { handle: (scheme: string) => schemes.push(scheme), registerSchemesAsPrivileged: () => undefined },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
        webRequest: { onHeadersReceived: (fn: Handler) => (headersHook.fn = fn) },
      },
    },
    shell: { openExternal: async () => undefined },
    dialog: { showErrorBox: () => undefined },
  } as unknown as ElectronModule;
  /** Quits as Electron does: 'will-quit' listeners may prevent it (and quit again when ready). */
  const quit = (): Promise<void> =>
    new Promise((resolve) => {
      appEvents.once('quit', () => resolve());
      let prevented = false;
      appEvents.emit('will-quit', { preventDefault: () => (prevented = true) });
      if (!prevented) resolve();
    });
  return { electron, handlers, windows, headersHook, schemes, quit };
}
