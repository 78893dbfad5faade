// Security baseline of the desktop app, applied to every web contents the app ever creates (through
// 'web-contents-created'), not to one window: isolated, sandboxed renderers without Node; the strict CSP;
// no navigation away from the app, no new windows, no webviews, no permissions; links leave only through
// the confirmed allow-list of external-links.ts; DevTools only in development.
import type { App, BrowserWindowConstructorOptions, Input, Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import type { LinkOpener } from './external-links';

export const APP_SCHEME = 'claimdesk';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

export interface HardeningPolicy {
  /** Asks before a link leaves the app, or refuses it (external-links.ts). */
  openLink: LinkOpener;
  /** False in the packaged app: no DevTools, their shortcuts swallowed, an opened panel closed at once. */
  devTools: boolean;
  log: (line: string) => void;
}

export function windowOptions(preloadPath: string, { devTools }: { devTools: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 900,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'ClaimDesk',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // A file dropped outside the drop zones would otherwise navigate the window to file://.
      navigateOnDragDrop: false,
      devTools,
      spellcheck: false,
    },
  };
}

/** True only for pages of the app itself. */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === 'app';
  } catch {
    return false;
  }
}

/** F12, Ctrl+Shift+I/J/C and, on macOS, Cmd+Alt+I/J/C: the keys that open DevTools. */
export function isDevToolsShortcut(input: Pick<Input, 'key' | 'control' | 'meta' | 'alt' | 'shift'>): boolean {
  if (input.key === 'F12') return true;
  const letter = ['i', 'j', 'c'].includes(input.key.toLowerCase());
  return letter && ((input.control && input.shift) || (input.meta && input.alt));
}

export function hardenContents(contents: WebContents, policy: HardeningPolicy): void {
  const leave = (url: string): void => {
    policy.openLink(url, contents).catch((err: unknown) => policy.log(`[claimdesk shell] link not opened: ${String(err)}`));
  };
  // Leaving the app's origin is never a navigation of the window: the link is offered to the OS browser
  // under the same confirmation as window.open, or refused.
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    leave(url);
  });
  contents.on('will-frame-navigate', (details) => {
    if (!details.isMainFrame && !isAppUrl(details.url)) details.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    policy.log('[claimdesk shell] webview refused');
  });
  contents.setWindowOpenHandler(({ url }) => {
    leave(url);
    return { action: 'deny' };
  });
  if (!policy.devTools) {
    contents.on('before-input-event', (event, input) => {
      if (isDevToolsShortcut(input)) event.preventDefault();
    });
    contents.on('devtools-opened', () => contents.closeDevTools());
  }
}

/** The app asks for no permission (no camera, microphone, notifications, geolocation, clipboard read…). */
export function hardenSession(session: Session, log: (line: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`[claimdesk shell] permission refused: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

/** Harden the default session now, and every web contents (and its session) as it is created. */
export function hardenApp(app: Pick<App, 'on'>, defaultSession: Session, policy: HardeningPolicy): void {
  const hardened = new WeakSet<Session>([defaultSession]);
  hardenSession(defaultSession, policy.log);
  app.on('web-contents-created', (_event, contents) => {
    hardenContents(contents, policy);
    if (!hardened.has(contents.session)) {
      hardened.add(contents.session);
      hardenSession(contents.session, policy.log);
    }
  });
}
