// Desktop mode: the preload's named verbs over Electron IPC.
import type { ApiClient, ClaimDeskBridge, MethodName } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';

type AnyVerb = (input: unknown) => Promise<Result<unknown>>;

export function electronClient(bridge: ClaimDeskBridge): ApiClient {
  return {
    call: ((method: MethodName, input: unknown) => (bridge as unknown as Record<MethodName, AnyVerb>)[method](input)) as ApiClient['call'],
    upload: async (kind, file) => bridge.upload(kind, await file.arrayBuffer()),
    onEvent: (listener) => bridge.onEvent(listener),
  };
}
