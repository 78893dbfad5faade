// One IPC channel carries the whole contract. Every call is checked for its sender (the app's own
// main frame) and then goes through the same dispatcher as browser mode and the CLI.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { METHOD_NAMES } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import type { Dispatch } from '../dispatch';
import type { EventBus } from '../events';
import { isAppUrl } from './security';

import { CALL_CHANNEL, EVENT_CHANNEL } from '../../shared/api/channels';

export { CALL_CHANNEL, EVENT_CHANNEL };

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  return frame === event.sender.mainFrame && isAppUrl(frame.url);
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch): string[] {
  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'forbidden', message: 'Call from an untrusted frame refused.' } };
    }
    return dispatch(typeof method === 'string' ? method : '', input);
  });
  return [...METHOD_NAMES];
}

/** Push back-end events to the window for as long as it lives. */
export function forwardEvents(events: EventBus, contents: Pick<WebContents, 'send' | 'isDestroyed' | 'once'>): void {
  const unsubscribe = events.subscribe((event) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
  });
  contents.once('destroyed', unsubscribe);
}
