// What a host (the desktop shell, browser mode's HTTP server) needs from the back end: calls through the
// contract, its events, and ending a session the host holds. The back end runs in a process of its own
// (remote.ts); `localBackend` is the same thing in the host's own process, for tests and tools.
import type { AppEvent } from '../../shared/api/events';
import type { BackendContext } from '../context';
import { endSession } from '../auth/sessions';
import { createDispatcher, type Dispatch } from '../dispatch';

export interface Backend {
  dispatch: Dispatch;
  subscribe(listener: (event: AppEvent) => void): () => void;
  /** The transport dropped a session it held (a closed window): it ends now. */
  endSession(token: string, reason: string): void;
  close(): Promise<void>;
}

export function localBackend(ctx: BackendContext, log?: (msg: string) => void): Backend {
  return {
    dispatch: createDispatcher(ctx, log),
    subscribe: (listener) => ctx.events.subscribe(listener),
    endSession: (token, reason) => void endSession(ctx, token, reason, true),
    close: () => ctx.close(),
  };
}
