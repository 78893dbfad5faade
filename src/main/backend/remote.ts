// The host's side of a back end in its own process: calls go out with the transport's session and come
// back with the session they bound; events stream in. The process is a Node child (browser mode) or an
// Electron utility process (the desktop shell hands in its own channel).
import { fork } from 'node:child_process';
import type { AppEvent } from '../../shared/api/events';
import { AppError, type Result } from '../../shared/api/result';
import type { CallContext } from '../dispatch';
import { builtEntry } from '../paths';
import type { Backend } from './backend';
import type { FromBackend, StartOptions, Started, ToBackend, UploadStep } from './protocol';

export interface BackendChannel {
  post(message: ToBackend): void;
  onMessage(listener: (message: FromBackend) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
  /** The process id, for the process tree a branch IT person looks at. */
  readonly pid: number | undefined;
}

/** The back end as a Node child process, over Node's IPC channel (structured clone, so bytes pass as is). */
export function forkBackend(env: NodeJS.ProcessEnv = process.env): BackendChannel {
  const child = fork(builtEntry('backend'), [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env });
  return {
    post: (m) => void child.send(m),
    onMessage: (l) => void child.on('message', (m) => l(m as FromBackend)),
    onExit: (l) => void child.once('exit', (code) => l(code)),
    kill: () => void child.kill('SIGKILL'),
    pid: child.pid,
  };
}

export interface RemoteBackend extends Backend {
  readonly pid: number | undefined;
  /** Called if the back-end process ends without being closed. */
  onCrash(listener: (code: number | null) => void): void;
}

const CLOSE_TIMEOUT_MS = 15_000;

/** No contract input nests deeper than a few levels (a list field's entries); a payload nested thousands
 * deep is refused before it is copied to the back end, whose copy would overflow the stack. */
export const MAX_PAYLOAD_DEPTH = 32;

/** Whether `value` nests arrays or objects deeper than `max` levels (walked without recursion). */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** Starts the back end in `channel`'s process; resolves once it opened the data folder. */
export function startRemoteBackend(channel: BackendChannel, options: StartOptions): Promise<{ backend: RemoteBackend; started: Started }> {
  const pending = new Map<number, { resolve: (r: Result<unknown>) => void; call: CallContext }>();
  const listeners = new Set<(e: AppEvent) => void>();
  const crashListeners: ((code: number | null) => void)[] = [];
  let nextId = 1;
  let exited = false;
  let closing = false;
  let onStarted: ((s: Started) => void) | null = null;
  let onFailed: ((e: unknown) => void) | null = null;
  const exit = new Promise<void>((resolve) =>
    channel.onExit((code) => {
      exited = true;
      const gone: Result<unknown> = { ok: false, error: { code: 'internal', message: 'The back end stopped; restart ClaimDesk. Nothing saved is lost.' } };
      for (const p of pending.values()) p.resolve(gone);
      pending.clear();
      onFailed?.(new AppError('internal', `The back end stopped while starting (exit ${code}).`));
      if (!closing) for (const l of crashListeners) l(code);
      resolve();
    }),
  );

  channel.onMessage((m) => {
    if (m.t === 'started') onStarted?.(m.started);
    else if (m.t === 'failed') onFailed?.(new AppError(m.error.code, m.error.message, m.error.params));
    else if (m.t === 'event') for (const l of listeners) l(m.event);
    else if (m.t === 'result') {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.session !== undefined) p.call.setSession?.(m.session);
      p.resolve(m.result);
    }
  });

  /** Posts a message that the back end answers with a `result` of the same id. */
  const ask = <T>(call: CallContext, message: (id: number) => ToBackend): Promise<Result<T>> => {
    if (exited) return Promise.resolve({ ok: false, error: { code: 'internal', message: 'The back end stopped; restart ClaimDesk.' } });
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, { resolve: resolve as (r: Result<unknown>) => void, call });
      try {
        channel.post(message(id));
      } catch (err) {
        // A payload the channel cannot carry is refused here; the back end never saw it.
        pending.delete(id);
        resolve({
          ok: false,
          error: { code: 'invalid_input', message: `The request cannot be passed on: ${(err as Error).message}`, params: { reason: 'unsendable' } },
        });
      }
    });
  };
  const uploadStep = <T>(call: CallContext, step: UploadStep): Promise<Result<T>> =>
    ask<T>({}, (id) => ({ t: 'upload', id, session: call.sessionToken ?? null, ...step }));

  const backend: RemoteBackend = {
    pid: channel.pid,
    dispatch: (method, payload, call = {}) =>
      nestedDeeperThan(payload, MAX_PAYLOAD_DEPTH)
        ? Promise.resolve({
            ok: false,
            error: {
              code: 'invalid_input',
              message: `The request nests deeper than ${MAX_PAYLOAD_DEPTH} levels`,
              params: { reason: 'too_deep', limit: MAX_PAYLOAD_DEPTH },
            },
          })
        : ask(call, (id) => ({ t: 'call', id, method, payload, session: call.sessionToken ?? null })),
    uploadSink: (call) => ({
      begin: (kind) => uploadStep(call, { step: 'begin', kind }),
      append: (upload, data) => uploadStep(call, { step: 'append', upload, data }),
      end: (upload) => uploadStep(call, { step: 'end', upload }),
      abort: async (upload) => void (await uploadStep(call, { step: 'abort', upload })),
    }),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    endSession: (token, reason) => {
      if (!exited) channel.post({ t: 'end-session', token, reason });
    },
    onCrash: (listener) => void crashListeners.push(listener),
    close: async () => {
      closing = true;
      if (exited) return;
      channel.post({ t: 'close' });
      const timer = setTimeout(() => channel.kill(), CLOSE_TIMEOUT_MS);
      await exit;
      clearTimeout(timer);
    },
  };

  return new Promise((resolve, reject) => {
    onStarted = (started) => {
      onFailed = null;
      resolve({ backend, started });
    };
    onFailed = (err) => {
      channel.kill();
      reject(err);
    };
    channel.post({ t: 'start', options });
  });
}
