// Electron's security checklist (electronjs.org/docs/latest/tutorial/security), item by item, asserted on
// the shell's own configuration through the stand-in 'electron' module: the test calls the handlers the
// shell registered and checks what they decide. Items asserted elsewhere, or that do not apply, are in the
// README's "Security of the desktop app".
import type * as Electron from 'electron';
import { describe, expect, it } from 'vitest';
import { hardenShell } from '../../src/main/electron/main-process';
import { APP_ORIGIN, isAppUrl, windowOptions } from '../../src/main/electron/security';
import { EXTERNAL_HOSTS, externalLinkDecision } from '../../src/main/electron/external-links';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/security';
import { METHOD_NAMES } from '../../src/shared/api/contract';
import { buildBridge } from '../../src/preload/bridge';
import { fakeElectron, FakeSession, type FakeOptions } from '../helpers/fake-electron';

const BPJS = 'https://www.bpjsketenagakerjaan.go.id/klaim/jht.html?x=1';

/** The shell hardened as startShell hardens it, and its main window made as startShell makes it. */
function hardened(options: FakeOptions = {}) {
  const fake = fakeElectron(options);
  const log: string[] = [];
  const { devTools } = hardenShell(fake.electron, (line) => log.push(line));
  new fake.electron.BrowserWindow(windowOptions('/app/out/preload/index.cjs', { devTools }));
  const contents = fake.windows[0]!.contents;
  const settled = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  return { fake, log, devTools, contents, settled };
}

describe('Electron security checklist', () => {
  it('#1 only secure content: the app is its own scheme, and a link leaves only for https', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
    expect(isAppUrl('claimdesk://other/index.html')).toBe(false);
    expect(isAppUrl('http://app/index.html')).toBe(false);
    expect(externalLinkDecision('http://www.bpjsketenagakerjaan.go.id/')).toEqual({ allowed: false, why: 'not_https' });
    expect(externalLinkDecision(BPJS)).toEqual({ allowed: true, url: BPJS, host: 'www.bpjsketenagakerjaan.go.id' });
  });

  it('#2–#4, #6, #8–#10: the window is isolated and sandboxed, without Node, web security on, no insecure content, no experimental or Blink features', () => {
    const prefs = windowOptions('/app/out/preload/index.cjs', { devTools: false }).webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('#5 every session refuses every permission request and check, the default one before any window and any other as it appears', () => {
    const { fake, log } = hardened();
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen'])
      expect(fake.defaultSession.request(permission), permission).toBe(false);
    expect(fake.defaultSession.permissionCheck?.(null, 'clipboard-sanitized-write', 'claimdesk://app', {})).toBe(false);
    expect(log).toContain('[claimdesk shell] permission refused: media');
    const other = new FakeSession();
    fake.createContents(other);
    expect(other.request('media')).toBe(false);
    expect(other.permissionCheck?.(null, 'media', 'claimdesk://app', {})).toBe(false);
  });

  it('#7 the strict CSP is added to every response of every hardened session', () => {
    const { fake } = hardened();
    const other = new FakeSession();
    fake.createContents(other);
    for (const session of [fake.defaultSession, other]) {
      let headers: Record<string, string[]> = {};
      session.headers!({ responseHeaders: { 'x-a': ['1'] } }, (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders));
      expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
      expect(headers['x-a']).toEqual(['1']);
    }
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'.*script-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('#11, #12 no <webview> is ever attached, in the window or any other web contents', () => {
    const { fake, contents, log } = hardened();
    expect(contents.prevented('will-attach-webview', { src: 'https://evil.example/' }, {})).toBe(true);
    expect(fake.createContents().prevented('will-attach-webview', {}, {})).toBe(true);
    expect(log.filter((l) => l === '[claimdesk shell] webview refused')).toHaveLength(2);
  });

  it('#13 navigation away from the app is prevented; an allow-listed site is offered to the browser, anything else refused and logged', async () => {
    const { fake, contents, log, settled } = hardened();
    expect(contents.prevented('will-navigate', 'claimdesk://app/index.html#/case/1')).toBe(false);
    expect(contents.prevented('will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(contents.prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
    await settled();
    expect(fake.dialogs).toEqual([]);
    expect(log).toEqual(['[claimdesk shell] link refused (host_not_allowed): https://evil.example', '[claimdesk shell] link refused (not_https): file:']);
    fake.answers.push(0);
    expect(contents.prevented('will-navigate', BPJS)).toBe(true);
    await settled();
    expect(fake.dialogs).toHaveLength(1);
    expect(fake.opened).toEqual([BPJS]);
    expect(contents.prevented('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.prevented('will-redirect', 'claimdesk://app/index.html')).toBe(false);
    expect(contents.frameNavigation('https://evil.example/', false)).toBe(true);
    expect(contents.frameNavigation('claimdesk://app/index.html', false)).toBe(false);
  });

  it('#14 every new window is denied, the app’s own pages too', () => {
    const { contents } = hardened();
    for (const url of [BPJS, 'claimdesk://app/index.html', 'https://evil.example/', 'javascript:alert(1)', 'about:blank'])
      expect(contents.windowOpenHandler!({ url }), url).toEqual({ action: 'deny' });
  });

  it('#15 shell.openExternal only for an https page of an allow-listed host, after the user confirms a dialog naming it', async () => {
    const { fake, contents, log, settled } = hardened();
    // Cancelled: nothing opens.
    contents.windowOpenHandler!({ url: BPJS });
    await settled();
    expect(fake.dialogs).toHaveLength(1);
    const [asked] = fake.dialogs;
    expect(asked!.modalTo).toBe(fake.electron.BrowserWindow.fromWebContents(contents as unknown as Electron.WebContents));
    expect(asked!.modalTo).not.toBeNull();
    expect(asked!.options).toMatchObject({ type: 'question', buttons: ['Buka di peramban', 'Batal'], defaultId: 1, cancelId: 1 });
    expect(asked!.options.message).toBe('Buka www.bpjsketenagakerjaan.go.id di peramban?');
    expect(asked!.options.detail).toContain(BPJS);
    expect(fake.opened).toEqual([]);
    // Confirmed: the parsed URL goes to the OS browser.
    fake.answers.push(0);
    contents.windowOpenHandler!({ url: 'https://bpjsketenagakerjaan.go.id/' });
    await settled();
    expect(fake.opened).toEqual(['https://bpjsketenagakerjaan.go.id/']);
    // Refused without asking, and logged by scheme and host only.
    const refused = [
      'http://www.bpjsketenagakerjaan.go.id/',
      'https://evil.example/',
      'https://bpjsketenagakerjaan.go.id.evil.example/',
      'https://evilbpjsketenagakerjaan.go.id/',
      'https://bpjsketenagakerjaan.go.id@evil.example/',
      'https://user:pw@bpjsketenagakerjaan.go.id/',
      'https://bpjsketenagakerjaan.go.id:8443/',
      'javascript:alert(1)',
      'file:///C:/Windows/system32/calc.exe',
      'smb://server/share',
      'not a url',
    ];
    fake.answers.push(0, 0, 0);
    for (const url of refused) contents.windowOpenHandler!({ url });
    await settled();
    expect(fake.dialogs).toHaveLength(2);
    expect(fake.opened).toEqual(['https://bpjsketenagakerjaan.go.id/']);
    expect(log).toHaveLength(refused.length);
    expect(log.join('\n')).not.toMatch(/calc\.exe|share|alert|user:pw/);
    expect(EXTERNAL_HOSTS).toEqual(['bpjsketenagakerjaan.go.id']);
  });

  it('#15 one confirmation at a time: a page opening links in a loop gets a single dialog', async () => {
    const { fake, contents, log, settled } = hardened();
    for (let i = 0; i < 5; i++) contents.windowOpenHandler!({ url: BPJS });
    await settled();
    expect(fake.dialogs).toHaveLength(1);
    expect(log.filter((l) => l.includes('a confirmation is already open'))).toHaveLength(4);
  });

  it('#15 the dialog speaks English on an English system and Indonesian otherwise', async () => {
    for (const [locale, message, confirm] of [
      ['en-US', 'Open www.bpjsketenagakerjaan.go.id in the browser?', 'Open in browser'],
      ['en', 'Open www.bpjsketenagakerjaan.go.id in the browser?', 'Open in browser'],
      ['id', 'Buka www.bpjsketenagakerjaan.go.id di peramban?', 'Buka di peramban'],
      ['fr-FR', 'Buka www.bpjsketenagakerjaan.go.id di peramban?', 'Buka di peramban'],
    ] as const) {
      const { fake, contents, settled } = hardened({ locale });
      contents.windowOpenHandler!({ url: BPJS });
      await settled();
      expect(fake.dialogs[0]!.options.message, locale).toBe(message);
      expect(fake.dialogs[0]!.options.buttons![0], locale).toBe(confirm);
    }
  });

  it('#20 the preload exposes named verbs only: no ipcRenderer, no generic channel, no IPC event object', () => {
    const seen: unknown[] = [];
    let registered: ((...args: unknown[]) => void) | undefined;
    const bridge = buildBridge(async () => undefined, {
      on: (_channel: string, l: (...args: unknown[]) => void) => (registered = l),
      off: () => undefined,
    } as never) as unknown as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual([...METHOD_NAMES, 'upload', 'onEvent'].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    (bridge.onEvent as (l: (e: unknown) => void) => void)((e) => seen.push(e));
    registered!({ sender: { send: () => undefined } }, { name: 'case.changed', payload: { caseId: 1 } });
    expect(seen).toEqual([{ name: 'case.changed', payload: { caseId: 1 } }]);
  });
});

describe('hardening on every web contents, not the main window only', () => {
  it('registers on web-contents-created before any window, and hardens contents the shell did not make', () => {
    const { fake } = hardened();
    expect(fake.appListeners('web-contents-created')).toBe(1);
    const stray = fake.createContents();
    expect(stray.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(stray.prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(stray.listenerCount('will-redirect')).toBe(1);
  });
});

describe('DevTools', () => {
  it('are off in the packaged app: not in the window, their shortcuts swallowed, an opened panel closed at once', () => {
    const { fake, devTools, contents } = hardened({ packaged: true });
    expect(devTools).toBe(false);
    expect(fake.windows[0]!.options.webPreferences!.devTools).toBe(false);
    expect(contents.key({ key: 'F12' })).toBe(true);
    expect(contents.key({ key: 'I', control: true, shift: true })).toBe(true);
    expect(contents.key({ key: 'j', control: true, shift: true })).toBe(true);
    expect(contents.key({ key: 'c', control: true, shift: true })).toBe(true);
    expect(contents.key({ key: 'i', meta: true, alt: true })).toBe(true);
    // The app's own shortcuts still reach the page.
    expect(contents.key({ key: 'n', alt: true })).toBe(false);
    expect(contents.key({ key: 'i', control: true })).toBe(false);
    expect(contents.key({ key: 'F8' })).toBe(false);
    contents.emit('devtools-opened');
    expect(contents.devToolsClosed).toBe(1);
    // Any other web contents too.
    const stray = fake.createContents();
    expect(stray.key({ key: 'F12' })).toBe(true);
  });

  it('are on when the app is started for development', () => {
    const { fake, devTools, contents } = hardened({ packaged: false });
    expect(devTools).toBe(true);
    expect(fake.windows[0]!.options.webPreferences!.devTools).toBe(true);
    expect(contents.key({ key: 'F12' })).toBe(false);
    contents.emit('devtools-opened');
    expect(contents.devToolsClosed).toBe(0);
  });
});
