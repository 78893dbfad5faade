// The desktop shell cannot run here (no Electron binary); these tests drive its wiring with stand-ins
// and assert the app protocol, the IPC sender checks and that every contract method is served. Starting the whole shell,
// with its back-end process, is in tests/integration/electron-shell.test.ts.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type * as Electron from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { CALL_CHANNEL, registerIpc, UPLOAD_CHANNEL, WindowSessions } from '../../src/main/electron/ipc';
import { localBackend } from '../../src/main/backend/backend';
import { getUploads } from '../../src/main/uploads';
import { endSession } from '../../src/main/auth/sessions';
import { appProtocolResponse } from '../../src/main/electron/protocol';
import { createDispatcher } from '../../src/main/dispatch';
import { METHOD_NAMES } from '../../src/shared/api/contract';
import { buildBridge } from '../../src/preload/bridge';
import { guardUnsavedValues } from '../../src/main/electron/main-process';
import { fakeElectron, type Handler } from '../helpers/fake-electron';
import { createAccounts } from '../helpers/sessions';
import { tempContext, tempDir } from '../helpers/temp-home';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

// The security baseline, item by item of Electron's checklist: tests/unit/electron-security.test.ts.
describe('the app protocol', () => {
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
    const served = registerIpc(
      { handle: (c: string, fn: Handler) => handlers.set(c, fn) } as unknown as Electron.IpcMain,
      localBackend(t.ctx, () => undefined),
    );
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
    expect(await handler({ senderFrame: frame, sender: { id: 2, mainFrame: frame } }, 'app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    const iframe = { url: 'claimdesk://app/index.html' };
    expect(await handler({ senderFrame: iframe, sender: { id: 1, mainFrame: frame } }, 'app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const foreign = { url: 'https://evil.example/' };
    expect(await handler({ senderFrame: foreign, sender: { id: 1, mainFrame: foreign } }, 'app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('takes a file’s bytes from a signed-in window only, for the call that names them', async () => {
    const t = tempContext('electron');
    cleanups.push(t.cleanup);
    const handlers = new Map<string, Handler>();
    registerIpc(
      { handle: (c: string, fn: Handler) => handlers.set(c, fn) } as unknown as Electron.IpcMain,
      localBackend(t.ctx, () => undefined),
    );
    const upload = handlers.get(UPLOAD_CHANNEL)!;
    const call = handlers.get(CALL_CHANNEL)!;
    const frame = { url: 'claimdesk://app/index.html' };
    const win = { senderFrame: frame, sender: { id: 3, mainFrame: frame } };
    const png = crypto.randomBytes(5000);
    const foreign = { url: 'https://evil.example/' };
    expect(await upload({ senderFrame: foreign, sender: { id: 3, mainFrame: foreign } }, 'document', png)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await upload(win, 'document', png)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const { budi } = await createAccounts(t.ctx, [{ username: 'budi', role: 'officer' }]);
    await call(win, 'auth.signIn', { username: 'budi', password: budi!.password });
    expect(await upload(win, 'somewhere', png)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const sent = (await upload(win, 'document', new Uint8Array(png).buffer)) as { ok: true; value: { upload: string; bytes: number } };
    expect(sent).toMatchObject({ ok: true, value: { bytes: png.length } });
    // The bytes wait in the back end's upload store for a call of the same account (documents.add,
    // participants.import: tests/integration/uploads.test.ts).
    const userId = t.ctx.db.prepare(`SELECT id FROM users WHERE username = 'budi'`).pluck().get() as number;
    expect(await getUploads(t.ctx).take(userId, sent.value.upload, 10_000, 'x')).toEqual(png);
  });

  it('ends a window’s session when the window closes', async () => {
    const t = tempContext('electron');
    cleanups.push(t.cleanup);
    const handlers = new Map<string, Handler>();
    const sessions = new WindowSessions((token) => endSession(t.ctx, token, 'window_closed', true));
    registerIpc(
      { handle: (c: string, fn: Handler) => handlers.set(c, fn) } as unknown as Electron.IpcMain,
      localBackend(t.ctx, () => undefined),
      sessions,
    );
    const { budi } = await createAccounts(t.ctx, [{ username: 'budi', role: 'officer' }]);
    const frame = { url: 'claimdesk://app/index.html' };
    const win = { senderFrame: frame, sender: { id: 7, mainFrame: frame } };
    await handlers.get(CALL_CHANNEL)!(win, 'auth.signIn', { username: 'budi', password: budi!.password });
    const token = sessions.get(7)!;
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    sessions.drop(7);
    expect(t.ctx.db.prepare(`SELECT end_reason FROM sessions`).pluck().get()).toBe('window_closed');
    expect(await createDispatcher(t.ctx, () => undefined)('cases.list', {}, { sessionToken: token })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
  });

  it('the preload bridge exposes one named verb per contract method over the single channel', async () => {
    const calls: unknown[][] = [];
    const bridge = buildBridge(async (...args) => calls.push(args), { on: () => undefined, off: () => undefined } as never);
    for (const m of METHOD_NAMES) expect(typeof (bridge as unknown as Record<string, unknown>)[m], m).toBe('function');
    await bridge['cases.get']({ id: 3 });
    const bytes = new ArrayBuffer(4);
    await bridge.upload('document', bytes);
    expect(calls).toEqual([
      [CALL_CHANNEL, 'cases.get', { id: 3 }],
      [UPLOAD_CHANNEL, 'document', bytes],
    ]);
  });
});

describe('closing a window that holds values not saved', () => {
  // The renderer's beforeunload holds the window; Electron then emits 'will-prevent-unload', and only a
  // listener that prevents it lets the window close.
  const guarded = (locale: string) => {
    const fake = fakeElectron({ locale });
    const win = new fake.electron.BrowserWindow({});
    guardUnsavedValues(fake.electron, win);
    return { fake, win, contents: fake.windows[0]!.contents };
  };

  it('asks in the desk’s language, modal to the window, with staying the default and what Escape answers', () => {
    const { fake, win, contents } = guarded('id');
    const closes = contents.prevented('will-prevent-unload');
    expect(closes).toBe(false);
    expect(fake.dialogs).toHaveLength(1);
    expect(fake.dialogs[0]!.modalTo).toBe(win);
    expect(fake.dialogs[0]!.options).toMatchObject({
      type: 'warning',
      message: 'Ada nilai yang belum tersimpan. Tetap tutup ClaimDesk?',
      buttons: ['Tetap di sini', 'Tutup dan buang'],
      defaultId: 0,
      cancelId: 0,
    });
  });

  it('lets the window go only when the officer chooses to lose the values', () => {
    const { fake, contents } = guarded('en-GB');
    fake.answers.push(0, 1);
    expect(contents.prevented('will-prevent-unload')).toBe(false);
    expect(contents.prevented('will-prevent-unload')).toBe(true);
    expect(fake.dialogs.map((d) => d.options.buttons)).toEqual([
      ['Stay', 'Close and lose them'],
      ['Stay', 'Close and lose them'],
    ]);
  });
});
