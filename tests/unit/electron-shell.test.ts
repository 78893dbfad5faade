// The desktop shell cannot run here (no Electron binary); these tests drive its wiring with a stand-in
// for the 'electron' module and assert the security baseline and that every contract method is served.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type * as Electron from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CALL_CHANNEL, registerIpc, WindowSessions } from '../../src/main/electron/ipc';
import { endSession } from '../../src/main/auth/sessions';
import { startShell, type ElectronModule } from '../../src/main/electron/main-process';
import { appProtocolResponse } from '../../src/main/electron/protocol';
import { hardenContents, hardenSession, isAppUrl, safeExternalUrl, windowOptions } from '../../src/main/electron/security';
import { createDispatcher } from '../../src/main/dispatch';
import { METHOD_NAMES } from '../../src/shared/api/contract';
import { buildBridge } from '../../src/preload/bridge';
import { availableOcrLanguages, tessdataDir } from '../../src/main/ocr-languages';
import { resourcesDir } from '../../src/main/paths';
import { createAccounts } from '../helpers/sessions';
import { tempContext, tempDir } from '../helpers/temp-home';

type Handler = (...args: unknown[]) => unknown;

class FakeContents extends EventEmitter {
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

function fakeElectron(): { electron: ElectronModule; handlers: Map<string, Handler>; windows: { options: Electron.BrowserWindowConstructorOptions; url?: string; contents: FakeContents }[]; headersHook: { fn?: Handler }; schemes: string[] } {
  const handlers = new Map<string, Handler>();
  const windows: { options: Electron.BrowserWindowConstructorOptions; url?: string; contents: FakeContents }[] = [];
  const headersHook: { fn?: Handler } = {};
  const schemes: string[] = [];
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
    app: { getPath: () => '/nonexistent-userdata', on: () => undefined, quit: () => undefined },
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
  return { electron, handlers, windows, headersHook, schemes };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('desktop window security baseline', () => {
  it('isolates and sandboxes the renderer without Node integration', () => {
    const prefs = windowOptions('/app/out/preload/index.cjs').webPreferences!;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, webviewTag: false });
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('denies navigation away from the app and every new window; opens only http(s) links externally', () => {
    const contents = new FakeContents();
    const opened: string[] = [];
    hardenContents(contents as unknown as Electron.WebContents, { openExternal: async (u: string) => void opened.push(u) });
    const nav = (url: string): boolean => {
      let prevented = false;
      contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(nav('https://evil.example/')).toBe(true);
    expect(nav('file:///etc/passwd')).toBe(true);
    expect(nav('claimdesk://app/index.html#/case/1')).toBe(false);
    expect(contents.windowOpenHandler!({ url: 'https://bpjsketenagakerjaan.go.id/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///C:/Windows/system32/calc.exe' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://bpjsketenagakerjaan.go.id/']);
    expect(safeExternalUrl('smb://server/share')).toBeNull();
    expect(isAppUrl('claimdesk://other/index.html')).toBe(false);
  });

  it('adds the strict CSP to every response and refuses every permission', () => {
    let onHeaders: Handler | undefined;
    let permission: Handler | undefined;
    let check: Handler | undefined;
    hardenSession({
      setPermissionRequestHandler: (h: Handler) => (permission = h),
      setPermissionCheckHandler: (h: Handler) => (check = h),
      webRequest: { onHeadersReceived: (h: Handler) => (onHeaders = h) },
    } as unknown as Electron.Session);
    let headers: Record<string, string[]> = {};
    onHeaders!({ responseHeaders: { 'x-a': ['1'] } }, (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']![0]).toMatch(/default-src 'none'.*script-src 'self'/);
    expect(headers['Content-Security-Policy']![0]).not.toMatch(/unsafe-eval/);
    let granted: boolean | undefined;
    permission!({}, 'media', (g: boolean) => (granted = g));
    expect(granted).toBe(false);
    expect(check!()).toBe(false);
  });

  it('serves only files inside the renderer folder through claimdesk://app/', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    fs.writeFileSync(path.join(dir, 'index.html'), '<p>app</p>');
    const ok = appProtocolResponse(dir, 'claimdesk://app/index.html');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await ok.text()).toBe('<p>app</p>');
    expect(appProtocolResponse(dir, 'claimdesk://app/../../../etc/passwd').status).toBe(404);
    expect(appProtocolResponse(dir, 'claimdesk://app/%2e%2e%2f%2e%2e%2fetc%2fpasswd').status).toBe(404);
    expect(appProtocolResponse(dir, 'claimdesk://elsewhere/index.html').status).toBe(404);
  });
});

describe('IPC wiring', () => {
  it('registers one handler that serves every contract method and checks the sender frame', async () => {
    const t = tempContext('electron');
    cleanups.push(t.cleanup);
    const handlers = new Map<string, Handler>();
    const served = registerIpc({ handle: (c: string, fn: Handler) => handlers.set(c, fn) } as unknown as Electron.IpcMain, createDispatcher(t.ctx, () => undefined));
    expect(served.sort()).toEqual([...METHOD_NAMES].sort());
    const handler = handlers.get(CALL_CHANNEL)!;
    const frame = { url: 'claimdesk://app/index.html' };
    const trusted = { senderFrame: frame, sender: { id: 1, mainFrame: frame } };
    for (const method of METHOD_NAMES) {
      const res = (await handler(trusted, method, {})) as { ok: boolean; error?: { code: string } };
      expect(res.ok || res.error?.code !== 'unknown_method', method).toBe(true);
    }
    expect(await handler(trusted, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const { budi } = await createAccounts(t.ctx, [{ username: 'budi', role: 'officer' }]);
    const signedIn = (await handler(trusted, 'auth.signIn', { username: 'budi', password: budi!.password })) as { ok: boolean; value: Record<string, unknown> };
    // The window learns who signed in, never the session token, which stays in the main process.
    expect(signedIn).toMatchObject({ ok: true, value: { user: { username: 'budi', role: 'officer' } } });
    expect(JSON.stringify(signedIn)).not.toMatch(/[0-9a-f]{64}/);
    const info = (await handler(trusted, 'app.info', {})) as { ok: boolean; value: { transport: string } };
    expect(info).toMatchObject({ ok: true, value: { transport: 'electron' } });
    // Another window is not signed in by the first one's sign-in.
    expect(await handler({ senderFrame: frame, sender: { id: 2, mainFrame: frame } }, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const iframe = { url: 'claimdesk://app/index.html' };
    expect(await handler({ senderFrame: iframe, sender: { id: 1, mainFrame: frame } }, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const foreign = { url: 'https://evil.example/' };
    expect(await handler({ senderFrame: foreign, sender: { id: 1, mainFrame: foreign } }, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('ends a window’s session when the window closes', async () => {
    const t = tempContext('electron');
    cleanups.push(t.cleanup);
    const handlers = new Map<string, Handler>();
    const sessions = new WindowSessions((token) => endSession(t.ctx, token, 'window_closed', true));
    registerIpc({ handle: (c: string, fn: Handler) => handlers.set(c, fn) } as unknown as Electron.IpcMain, createDispatcher(t.ctx, () => undefined), sessions);
    const { budi } = await createAccounts(t.ctx, [{ username: 'budi', role: 'officer' }]);
    const frame = { url: 'claimdesk://app/index.html' };
    const win = { senderFrame: frame, sender: { id: 7, mainFrame: frame } };
    await handlers.get(CALL_CHANNEL)!(win, 'auth.signIn', { username: 'budi', password: budi!.password });
    const token = sessions.get(7)!;
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    sessions.drop(7);
    expect(t.ctx.db.prepare(`SELECT end_reason FROM sessions`).pluck().get()).toBe('window_closed');
    expect(await createDispatcher(t.ctx, () => undefined)('cases.list', {}, { sessionToken: token })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('the preload bridge exposes one named verb per contract method over the single channel', async () => {
    const calls: unknown[][] = [];
    const bridge = buildBridge(async (...args) => calls.push(args), { on: () => undefined, off: () => undefined } as never);
    for (const m of METHOD_NAMES) expect(typeof (bridge as unknown as Record<string, unknown>)[m], m).toBe('function');
    await bridge['cases.get']({ id: 3 });
    expect(calls).toEqual([[CALL_CHANNEL, 'cases.get', { id: 3 }]]);
  });

  it('starts the shell: data folder, protocol, IPC, hardened window on the app origin', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const fake = fakeElectron();
    const logged = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    cleanups.push(() => logged.mockRestore());
    const win = await startShell(fake.electron, { outDir: '/app/out', argv: ['electron', '.', '--home', dir, '--demo'], env: {} });
    expect(win).not.toBeNull();
    expect(fake.schemes).toEqual(['claimdesk']);
    expect([...fake.handlers.keys()]).toEqual([CALL_CHANNEL]);
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]!.url).toBe('claimdesk://app/index.html');
    expect(fake.windows[0]!.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: '/app/out/preload/index.cjs' });
    expect(fake.windows[0]!.contents.listenerCount('will-navigate')).toBe(1);
    expect(fake.headersHook.fn).toBeTypeOf('function');
    expect(fs.existsSync(path.join(dir, 'claimdesk.sqlite'))).toBe(true);
    const frame = { url: 'claimdesk://app/index.html' };
    const sender = { senderFrame: frame, sender: { id: fake.windows[0]!.contents.id, mainFrame: frame } };
    const call = fake.handlers.get(CALL_CHANNEL)!;
    // --demo seeded one account of each role and printed their passwords on the terminal, once.
    const printed = logged.mock.calls.flat().join('\n');
    const password = /officer\s+user name: petugas\s+password: (\S+)/.exec(printed)?.[1];
    expect(password).toMatch(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/);
    expect(await call(sender, 'auth.signIn', { username: 'petugas', password })).toMatchObject({ ok: true, value: { user: { role: 'officer' } } });
    const info = (await call(sender, 'app.info', {})) as { value: { participantCount: number; dataFolder: string } };
    expect(info.value.dataFolder).toBe(dir);
    expect(info.value.participantCount).toBeGreaterThanOrEqual(200);
  });

  it('the packaged app reads OCR data and tables from the resources folder beside its archive', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const packaged = path.join(dir, 'app-resources');
    fs.mkdirSync(path.join(packaged, 'resources', 'tessdata'), { recursive: true });
    for (const lang of ['ind', 'eng']) fs.copyFileSync(path.join('resources', 'tessdata', `${lang}.traineddata.gz`), path.join(packaged, 'resources', 'tessdata', `${lang}.traineddata.gz`));
    const before = process.env.CLAIMDESK_RESOURCES;
    cleanups.push(() => {
      if (before === undefined) delete process.env.CLAIMDESK_RESOURCES;
      else process.env.CLAIMDESK_RESOURCES = before;
    });
    const win = await startShell(fakeElectron().electron, { outDir: '/app/out', argv: ['claimdesk', '--home', path.join(dir, 'home')], env: process.env, packagedResources: packaged });
    expect(win).not.toBeNull();
    expect(resourcesDir()).toBe(path.join(packaged, 'resources'));
    expect(tessdataDir()).toBe(path.join(packaged, 'resources', 'tessdata'));
    expect(availableOcrLanguages(tessdataDir())).toEqual(['eng', 'ind']);
  });
});
