// Policy: a link leaves the app only for an https page of a host on EXTERNAL_HOSTS, and only after the
// user confirms a native dialog that names the host; every other link is refused and logged. This applies
// alike to window.open, target=_blank links and navigations away from the app.
import type { BrowserWindow, Dialog, MessageBoxOptions, Shell, WebContents } from 'electron';
import type { ShellStrings } from './shell-strings';

/** The one place that lists where links may go: the BPJS Ketenagakerjaan sites (and their subdomains). */
export const EXTERNAL_HOSTS: readonly string[] = ['bpjsketenagakerjaan.go.id'];

export type LinkDecision =
  { allowed: true; url: string; host: string } | { allowed: false; why: 'unparsable' | 'not_https' | 'credentials' | 'port' | 'host_not_allowed' };

export function externalLinkDecision(raw: string, hosts: readonly string[] = EXTERNAL_HOSTS): LinkDecision {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { allowed: false, why: 'unparsable' };
  }
  if (url.protocol !== 'https:') return { allowed: false, why: 'not_https' };
  // "https://bpjsketenagakerjaan.go.id@evil.example" parses to host evil.example; a user name on an
  // allowed host is refused too, so the dialog never shows an address that reads as something else.
  if (url.username || url.password) return { allowed: false, why: 'credentials' };
  if (url.port) return { allowed: false, why: 'port' };
  const host = url.hostname.toLowerCase();
  if (!hosts.some((h) => host === h || host.endsWith(`.${h}`))) return { allowed: false, why: 'host_not_allowed' };
  return { allowed: true, url: url.toString(), host };
}

/** What a refused link leaves in the log: scheme and host only, since a path or query may carry case data. */
export function describeForLog(raw: string): string {
  try {
    const url = new URL(raw);
    return url.host ? `${url.protocol}//${url.host}` : url.protocol;
  } catch {
    return '(unparsable)';
  }
}

export type LinkOutcome = 'opened' | 'declined' | 'refused' | 'busy';

export interface LinkOpenerDeps {
  dialog: Pick<Dialog, 'showMessageBox'>;
  shell: Pick<Shell, 'openExternal'>;
  /** The window a dialog is modal to, when the link came from one. */
  windowOf: (contents: WebContents) => BrowserWindow | null;
  strings: () => ShellStrings;
  log: (line: string) => void;
  hosts?: readonly string[];
}

export type LinkOpener = (raw: string, from: WebContents) => Promise<LinkOutcome>;

export function createLinkOpener(deps: LinkOpenerDeps): LinkOpener {
  // One question at a time: a page that calls window.open in a loop gets one dialog, not a stack of them.
  let asking = false;
  return async (raw, from) => {
    const decision = externalLinkDecision(raw, deps.hosts);
    if (!decision.allowed) {
      deps.log(`[claimdesk shell] link refused (${decision.why}): ${describeForLog(raw)}`);
      return 'refused';
    }
    if (asking) {
      deps.log(`[claimdesk shell] link refused (a confirmation is already open): ${describeForLog(raw)}`);
      return 'busy';
    }
    asking = true;
    try {
      const s = deps.strings();
      const options: MessageBoxOptions = {
        type: 'question',
        title: s.openLinkTitle,
        message: s.openLinkMessage(decision.host),
        detail: s.openLinkDetail(decision.url),
        buttons: [s.openLinkConfirm, s.openLinkCancel],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      };
      const parent = deps.windowOf(from);
      const { response } = await (parent ? deps.dialog.showMessageBox(parent, options) : deps.dialog.showMessageBox(options));
      if (response !== 0) return 'declined';
      await deps.shell.openExternal(decision.url);
      return 'opened';
    } finally {
      asking = false;
    }
  };
}
