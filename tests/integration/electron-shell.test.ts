// The desktop shell started with a stand-in for the 'electron' module (the Electron binary cannot run
// here) and a real back end in its own process where Electron would start its utility process: the
// window's calls and events go through it, and quitting closes it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CALL_CHANNEL, UPLOAD_CHANNEL } from '../../src/main/electron/ipc';
import { startShell, type Shell } from '../../src/main/electron/main-process';
import { fakeElectron } from '../helpers/fake-electron';
import { tempDir } from '../helpers/temp-home';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function started(
  fake: ReturnType<typeof fakeElectron>,
  argv: string[],
  options: { env?: NodeJS.ProcessEnv; packagedResources?: string } = {},
): Promise<Shell> {
  const shell = await startShell(fake.electron, {
    outDir: '/app/out',
    argv,
    env: options.env ?? { ...process.env },
    ...(options.packagedResources ? { packagedResources: options.packagedResources } : {}),
  });
  expect(shell).not.toBeNull();
  cleanups.push(() => shell!.backend.close());
  return shell!;
}

describe('the desktop shell', () => {
  it('starts the back end in its own process, hardens the window, and serves it through the back end', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const fake = fakeElectron();
    const logged = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    cleanups.push(() => logged.mockRestore());
    const shell = await started(fake, ['electron', '.', '--home', dir, '--demo']);
    expect(shell.backend.pid).toBeTypeOf('number');
    expect(shell.backend.pid).not.toBe(process.pid);
    expect(alive(shell.backend.pid!)).toBe(true);
    expect(fake.schemes).toEqual(['claimdesk']);
    expect([...fake.handlers.keys()]).toEqual([CALL_CHANNEL, UPLOAD_CHANNEL]);
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]!.url).toBe('claimdesk://app/index.html');
    expect(fake.windows[0]!.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      preload: '/app/out/preload/index.cjs',
      // Started for development (not packaged): DevTools are available.
      devTools: true,
    });
    // Hardened app-wide, once, as Electron announced the window's web contents (tests/unit/electron-security.test.ts).
    expect(fake.appListeners('web-contents-created')).toBe(1);
    expect(fake.windows[0]!.contents.listenerCount('will-navigate')).toBe(1);
    expect(fake.windows[0]!.contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(fake.headersHook.fn).toBeTypeOf('function');
    expect(fs.existsSync(path.join(dir, 'claimdesk.sqlite'))).toBe(true);
    const frame = { url: 'claimdesk://app/index.html' };
    const sender = { senderFrame: frame, sender: { id: fake.windows[0]!.contents.id, mainFrame: frame } };
    const call = fake.handlers.get(CALL_CHANNEL)!;
    // --demo seeded one account of each role and printed their passwords on the terminal, once.
    const printed = logged.mock.calls.flat().join('\n');
    const password = /officer\s+user name: petugas\s+password: (\S+)/.exec(printed)?.[1];
    expect(password).toMatch(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/);
    const signedIn = await call(sender, 'auth.signIn', { username: 'petugas', password });
    expect(signedIn).toMatchObject({ ok: true, value: { user: { role: 'officer' } } });
    // The session stays with the shell, for this window; the window never sees its token.
    expect(JSON.stringify(signedIn)).not.toMatch(/[0-9a-f]{64}/);
    const info = (await call(sender, 'app.info', {})) as { value: { participantCount: number; dataFolder: string; transport: string } };
    expect(info.value).toMatchObject({ dataFolder: dir, transport: 'electron' });
    expect(info.value.participantCount).toBeGreaterThanOrEqual(200);
    // The back end's events reach the window.
    const created = (await call(sender, 'cases.create', { claimType: 'JKM', incidentDate: '2026-10-01', notes: '' })) as { ok: boolean; value: { id: number } };
    expect(created.ok).toBe(true);
    await vi.waitFor(() => expect(fake.windows[0]!.contents.sent).toContainEqual({ name: 'case.changed', payload: { caseId: created.value.id } }));
    // A picked file's bytes reach the back end's process through the upload channel, then the call names them.
    const pdf = fs.readFileSync(path.resolve('resources/demo/demo-jkm-1.pdf'));
    const sent = (await fake.handlers.get(UPLOAD_CHANNEL)!(sender, 'document', new Uint8Array(pdf))) as {
      ok: boolean;
      value: { upload: string; bytes: number };
    };
    expect(sent).toMatchObject({ ok: true, value: { bytes: pdf.length } });
    const added = await call(sender, 'documents.add', { caseId: created.value.id, files: [{ name: 'berkas.pdf', upload: sent.value.upload }] });
    expect(added).toMatchObject({ ok: true, value: { added: [{ name: 'berkas.pdf', size: pdf.length }], rejected: [] } });
    // Quitting closes the back end first (its database closed cleanly), then the app.
    await fake.quit();
    expect(alive(shell.backend.pid!)).toBe(false);
  });

  it('the packaged app hands its back end the OCR data and tables beside its archive, and has no DevTools', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const packaged = path.join(dir, 'app-resources');
    fs.mkdirSync(path.join(packaged, 'resources', 'tessdata'), { recursive: true });
    for (const lang of ['ind', 'eng'])
      fs.copyFileSync(path.join('resources', 'tessdata', `${lang}.traineddata.gz`), path.join(packaged, 'resources', 'tessdata', `${lang}.traineddata.gz`));
    const fake = fakeElectron({ packaged: true });
    await started(fake, ['claimdesk', '--home', path.join(dir, 'home')], { env: { ...process.env }, packagedResources: packaged });
    // The installed app has no DevTools: not in the window, and F12 never reaches them.
    expect(fake.windows[0]!.options.webPreferences!.devTools).toBe(false);
    expect(fake.windows[0]!.contents.key({ key: 'F12' })).toBe(true);
    const frame = { url: 'claimdesk://app/index.html' };
    const sender = { senderFrame: frame, sender: { id: fake.windows[0]!.contents.id, mainFrame: frame } };
    const call = fake.handlers.get(CALL_CHANNEL)!;
    expect(await call(sender, 'auth.setup', { username: 'admin', displayName: 'Admin', password: 'kata-sandi-panjang-1' })).toMatchObject({ ok: true });
    // The repository's tessdata also holds osd; the packaged folder only ind and eng.
    expect(await call(sender, 'app.info', {})).toMatchObject({ ok: true, value: { ocrLanguages: ['eng', 'ind'] } });
  });
});
