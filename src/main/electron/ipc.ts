// One IPC channel carries the whole contract. Every call is checked for its sender (the app's own
// main frame) and then goes through the same dispatcher as browser mode and the CLI, with the session
// of the window that sent it: each window signs in on its own, and the renderer never holds the token.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { METHOD_NAMES } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import type { Backend } from '../backend/backend';
import { sendUpload } from '../uploads';
import { isUploadKind } from '../../shared/api/upload';
import { isAppUrl } from './security';

import { CALL_CHANNEL, EVENT_CHANNEL, UPLOAD_CHANNEL } from '../../shared/api/channels';

export { CALL_CHANNEL, EVENT_CHANNEL, UPLOAD_CHANNEL };

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  return frame === event.sender.mainFrame && isAppUrl(frame.url);
}

/** The session token of each window, kept in the main process; a closed window's session ends. */
export class WindowSessions {
  private readonly tokens = new Map<number, string>();

  constructor(private readonly onEnd: (token: string) => void = () => undefined) {}

  get(windowId: number): string | null {
    return this.tokens.get(windowId) ?? null;
  }

  set(windowId: number, token: string | null): void {
    const old = this.tokens.get(windowId);
    if (token) this.tokens.set(windowId, token);
    else this.tokens.delete(windowId);
    if (old && old !== token) this.onEnd(old);
  }

  /** The window is gone: its session ends with it. */
  drop(windowId: number): void {
    this.set(windowId, null);
  }
}

const UNTRUSTED: Result<never> = { ok: false, error: { code: 'forbidden', message: 'Call from an untrusted frame refused.' } };

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  backend: Pick<Backend, 'dispatch' | 'uploadSink'>,
  sessions: WindowSessions = new WindowSessions(),
): string[] {
  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event)) return UNTRUSTED;
    const windowId = event.sender.id;
    return backend.dispatch(typeof method === 'string' ? method : '', input, {
      sessionToken: sessions.get(windowId),
      setSession: (token) => sessions.set(windowId, token),
    });
  });
  // A picked file's bytes, read by the window, on their way to the back end's upload store.
  ipcMain.handle(UPLOAD_CHANNEL, async (event, kind: unknown, bytes: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event)) return UNTRUSTED;
    if (!isUploadKind(kind) || (!(bytes instanceof Uint8Array) && !(bytes instanceof ArrayBuffer))) {
      return { ok: false, error: { code: 'invalid_input', message: 'An upload carries what it is for and the bytes of one file.' } };
    }
    const sink = backend.uploadSink({ sessionToken: sessions.get(event.sender.id) });
    return sendUpload(sink, kind, [bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)]);
  });
  return [...METHOD_NAMES];
}

/** Push back-end events to the window for as long as it lives. */
export function forwardEvents(events: Pick<Backend, 'subscribe'>, contents: Pick<WebContents, 'send' | 'isDestroyed' | 'once'>): void {
  const unsubscribe = events.subscribe((event) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
  });
  contents.once('destroyed', unsubscribe);
}
