// What a host (the desktop shell, browser mode's HTTP server) needs from the back end: calls through the
// contract, its events, and ending a session the host holds. The back end runs in a process of its own
// (remote.ts); `localBackend` is the same thing in the host's own process, for tests and tools.
import type { AppEvent } from '../../shared/api/events';
import { AppError, type Result } from '../../shared/api/result';
import type { BackendContext } from '../context';
import { endSession, resolveSession } from '../auth/sessions';
import { toApiError } from '../api-error';
import { createDispatcher, type CallContext, type Dispatch } from '../dispatch';
import { getUploads, uploadLimit, type UploadSink } from '../uploads';

export interface Backend {
  dispatch: Dispatch;
  subscribe(listener: (event: AppEvent) => void): () => void;
  /** Where a file is streamed before the call that names it (uploads.ts), for the transport's session. */
  uploadSink(call: CallContext): UploadSink;
  /** The transport dropped a session it held (a closed window): it ends now. */
  endSession(token: string, reason: string): void;
  close(): Promise<void>;
}

export function localBackend(ctx: BackendContext, log?: (msg: string) => void): Backend {
  return {
    dispatch: createDispatcher(ctx, log),
    subscribe: (listener) => ctx.events.subscribe(listener),
    uploadSink: (call) => localUploadSink(ctx, call, log),
    endSession: (token, reason) => void endSession(ctx, token, reason, true),
    close: () => ctx.close(),
  };
}

/** Uploads for a signed-in account only: a file is taken later by a call of the same account. */
export function localUploadSink(ctx: BackendContext, call: CallContext, log?: (msg: string) => void): UploadSink {
  const store = getUploads(ctx);
  const answer = async <T>(work: () => Promise<T>): Promise<Result<T>> => {
    try {
      return { ok: true, value: await work() };
    } catch (err) {
      return { ok: false, error: toApiError(err, log) };
    }
  };
  return {
    begin: (kind) =>
      answer(async () => {
        const found = resolveSession(ctx, call.sessionToken ?? null);
        if (!found.ok || found.caller.mustChangePassword) {
          throw new AppError('unauthorized', 'Sign in first.', { reason: found.ok ? 'password_change_required' : found.reason });
        }
        return { upload: await store.begin(found.caller.userId, uploadLimit(kind)) };
      }),
    append: (upload, data) => answer(async () => ({ bytes: await store.append(upload, data) })),
    end: (upload) => answer(() => store.end(upload)),
    abort: (upload) => store.abort(upload),
  };
}
