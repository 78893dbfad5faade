// The bridge object, built from injected IPC functions so it can be tested without Electron.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { CALL_CHANNEL, EVENT_CHANNEL, UPLOAD_CHANNEL } from '../shared/api/channels';
import { METHOD_NAMES, type ClaimDeskBridge } from '../shared/api/contract';
import type { UploadKind } from '../shared/api/upload';

type AppEventMessage = { name: string; payload: unknown };

export function buildBridge(invoke: (channel: string, ...args: unknown[]) => Promise<unknown>, ipc: Pick<IpcRenderer, 'on' | 'off'>): ClaimDeskBridge {
  const verbs = Object.fromEntries(METHOD_NAMES.map((method) => [method, (input: unknown) => invoke(CALL_CHANNEL, method, input)]));
  return {
    ...verbs,
    upload: (kind: UploadKind, bytes: ArrayBuffer) => invoke(UPLOAD_CHANNEL, kind, bytes),
    onEvent(listener: (event: AppEventMessage) => void) {
      const handler = (_e: IpcRendererEvent, event: AppEventMessage): void => listener(event);
      ipc.on(EVENT_CHANNEL, handler);
      return () => {
        ipc.off(EVENT_CHANNEL, handler);
      };
    },
  } as unknown as ClaimDeskBridge;
}
