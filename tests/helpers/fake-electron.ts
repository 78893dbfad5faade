// A stand-in for the 'electron' module: the desktop shell cannot run here (no Electron binary), so its
// wiring is driven through this, with a real back-end process in place of the utility process. It records
// what the shell registers (app and web-contents listeners, session handlers, dialogs, opened links) so a
// test can call those handlers and assert their decisions.
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';
import type { ElectronModule } from '../../src/main/electron/main-process';

export type Handler = (...args: unknown[]) => unknown;

/** A session as the shell sees it: what it registered is kept for the test to call. */
export class FakeSession {
  permissionRequest: Handler | undefined;
  permissionCheck: Handler | undefined;
  headers: Handler | undefined;
  setPermissionRequestHandler(h: Handler): void {
    this.permissionRequest = h;
  }
  setPermissionCheckHandler(h: Handler): void {
    this.permissionCheck = h;
  }
  webRequest = { onHeadersReceived: (h: Handler): void => void (this.headers = h) };
  /** Asks as Chromium would and answers what the shell's handler granted. */
  request(permission: string): boolean | undefined {
    let granted: boolean | undefined;
    this.permissionRequest?.(null, permission, (g: boolean) => (granted = g), {});
    return granted;
  }
}

export class FakeContents extends EventEmitter {
  static nextId = 1;
  id = FakeContents.nextId++;
  windowOpenHandler: ((d: { url: string }) => { action: string }) | undefined;
  sent: unknown[] = [];
  mainFrame = { url: 'claimdesk://app/index.html' };
  devToolsClosed = 0;
  constructor(public session: FakeSession = new FakeSession()) {
    super();
  }
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }): void {
    this.windowOpenHandler = h;
  }
  send(_channel: string, payload: unknown): void {
    this.sent.push(payload);
  }
  isDestroyed(): boolean {
    return false;
  }
  closeDevTools(): void {
    this.devToolsClosed++;
  }
  /** Emits an event Electron lets the listener prevent; true when a listener prevented it. */
  prevented(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
  /** 'will-frame-navigate' carries its details on the event itself. */
  frameNavigation(url: string, isMainFrame: boolean): boolean {
    let prevented = false;
    this.emit('will-frame-navigate', { url, isMainFrame, preventDefault: () => (prevented = true) });
    return prevented;
  }
  key(input: Partial<Electron.Input> & { key: string }): boolean {
    return this.prevented('before-input-event', { type: 'keyDown', control: false, meta: false, alt: false, shift: false, ...input });
  }
}

export interface FakeOptions {
  /** app.isPackaged: the installed app rather than a development start. */
  packaged?: boolean;
  /** app.getLocale() */
  locale?: string;
}

export interface ShownDialog {
  modalTo: unknown;
  options: Electron.MessageBoxOptions;
}

export function fakeElectron(fakeOptions: FakeOptions = {}): {
  electron: ElectronModule;
  handlers: Map<string, Handler>;
  windows: { options: Electron.BrowserWindowConstructorOptions; url?: string; contents: FakeContents }[];
  defaultSession: FakeSession;
  headersHook: { fn?: Handler };
  schemes: string[];
  /** Every message box shown, and the button index the next ones answer (default: Cancel: index 1 of an
   * asynchronous box, the box's own cancelId of a synchronous one). */
  dialogs: ShownDialog[];
  answers: number[];
  opened: string[];
  appListeners: (event: string) => number;
  /** A web contents made by something other than the shell's window code (as Electron would announce it). */
  createContents: (session?: FakeSession) => FakeContents;
  quit: () => Promise<void>;
} {
  const handlers = new Map<string, Handler>();
  const windows: { options: Electron.BrowserWindowConstructorOptions; url?: string; contents: FakeContents }[] = [];
  const defaultSession = new FakeSession();
  const headersHook: { fn?: Handler } = {
    get fn() {
      return defaultSession.headers;
    },
  };
  const schemes: string[] = [];
  const dialogs: ShownDialog[] = [];
  const answers: number[] = [];
  const opened: string[] = [];
  const appEvents = new EventEmitter();
  const createContents = (session: FakeSession = defaultSession): FakeContents => {
    const contents = new FakeContents(session);
    appEvents.emit('web-contents-created', { preventDefault: () => undefined }, contents);
    return contents;
  };
  class FakeWindow extends EventEmitter {
    static all: FakeWindow[] = [];
    static fromWebContents(contents: unknown): FakeWindow | null {
      return FakeWindow.all.find((w) => w.webContents === contents) ?? null;
    }
    // Electron announces a window's web contents as the window is made, before its constructor returns.
    webContents = createContents();
    constructor(options: Electron.BrowserWindowConstructorOptions) {
      super();
      FakeWindow.all.push(this);
      windows.push({ options, contents: this.webContents });
    }
    async loadURL(url: string): Promise<void> {
      windows[windows.length - 1]!.url = url;
    }
    show(): void {}
  }
  const electron = {
    app: {
      isPackaged: fakeOptions.packaged ?? false,
      getLocale: () => fakeOptions.locale ?? 'id',
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
    session: { defaultSession },
    shell: { openExternal: async (url: string) => void opened.push(url) },
    dialog: {
      showErrorBox: () => undefined,
      showMessageBox: async (...args: unknown[]) => {
        const [modalTo, options] = args.length === 2 ? args : [null, args[0]];
        dialogs.push({ modalTo, options: options as Electron.MessageBoxOptions });
        return { response: answers.shift() ?? 1, checkboxChecked: false };
      },
      showMessageBoxSync: (...args: unknown[]) => {
        const [modalTo, options] = args.length === 2 ? args : [null, args[0]];
        dialogs.push({ modalTo, options: options as Electron.MessageBoxOptions });
        return answers.shift() ?? (options as Electron.MessageBoxOptions).cancelId ?? 0;
      },
    },
  } as unknown as ElectronModule;
  /** Quits as Electron does: 'will-quit' listeners may prevent it (and quit again when ready). */
  const quit = (): Promise<void> =>
    new Promise((resolve) => {
      appEvents.once('quit', () => resolve());
      let prevented = false;
      appEvents.emit('will-quit', { preventDefault: () => (prevented = true) });
      if (!prevented) resolve();
    });
  return {
    electron,
    handlers,
    windows,
    defaultSession,
    headersHook,
    schemes,
    dialogs,
    answers,
    opened,
    appListeners: (event) => appEvents.listenerCount(event),
    createContents,
    quit,
  };
}
