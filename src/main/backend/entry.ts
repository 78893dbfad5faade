// The back end's own process (built as out/main/backend.js): the database, the files, OCR, extraction and
// the checks, away from the process that drives the window (Electron's utility process) or serves the
// browser (a child of `claimdesk serve`). It answers calls from its parent through protocol.ts.
import { countUsers } from '../auth/users';
import { toApiError } from '../api-error';
import { BackendContext } from '../context';
import { seedDemo } from '../demo/seed';
import { preloadHandlers } from '../handlers/index';
import { startBackgroundWork } from '../startup';
import { localBackend, type Backend } from './backend';
import type { Result } from '../../shared/api/result';
import type { FromBackend, Started, ToBackend } from './protocol';

interface ParentPort {
  post(message: FromBackend): void;
  onMessage(listener: (message: ToBackend) => void): void;
}

/** Electron's utility process has `process.parentPort`; a Node child has the IPC channel. */
function parent(): ParentPort {
  const electronPort = (process as unknown as { parentPort?: { postMessage(m: unknown): void; on(e: 'message', l: (e: { data: unknown }) => void): void } })
    .parentPort;
  if (electronPort) return { post: (m) => electronPort.postMessage(m), onMessage: (l) => electronPort.on('message', (e) => l(e.data as ToBackend)) };
  if (!process.send) throw new Error('the back end runs as a child process (claimdesk serve) or an Electron utility process');
  return { post: (m) => process.send?.(m), onMessage: (l) => process.on('message', (m) => l(m as ToBackend)) };
}

const log = (m: string): void => void process.stderr.write(`${m}\n`);
const port = parent();
let ctx: BackendContext | null = null;
let backend: Backend | null = null;

async function start(options: Extract<ToBackend, { t: 'start' }>['options']): Promise<void> {
  try {
    ctx = new BackendContext({ home: options.home, transport: options.transport, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    const started: Started = { home: ctx.home, firstRun: false };
    if (options.demo) started.demo = await seedDemo(ctx, options.demo);
    started.firstRun = countUsers(ctx) === 0;
    backend = localBackend(ctx, log);
    backend.subscribe((event) => port.post({ t: 'event', event }));
    startBackgroundWork(ctx);
    port.post({ t: 'started', started });
    // The handlers' code is loaded while the window opens and the officer signs in, not by their first call.
    setTimeout(() => void preloadHandlers().catch((err: unknown) => log(`[claimdesk] preloading handlers: ${String(err)}`)), 50);
  } catch (err) {
    port.post({ t: 'failed', error: toApiError(err, log) });
    await stop(1);
  }
}

let stopping: Promise<void> | null = null;

/** Closes the database, then exits; once, however many reasons to stop arrive (Ctrl+C reaches both the
 * host and this process, and the host then asks to close too). */
function stop(code: number): Promise<void> {
  stopping ??= (async () => {
    const closing = ctx;
    ctx = null;
    backend = null;
    await closing?.close().catch((err: unknown) => log(`[claimdesk] closing the back end: ${String(err)}`));
    process.exit(code);
  })();
  return stopping;
}

port.onMessage((m) => {
  if (m.t === 'start') return void start(m.options);
  // The host waits for this process to exit, which it does once the database is closed.
  if (m.t === 'close') return void stop(0);
  const b = backend;
  if (m.t === 'end-session') return b?.endSession(m.token, m.reason);
  if (!b) return port.post({ t: 'result', id: m.id, result: { ok: false, error: { code: 'internal', message: 'The back end is not started.' } } });
  if (m.t === 'upload') {
    const sink = b.uploadSink({ sessionToken: m.session });
    const answer = (r: Promise<Result<unknown> | void>): void =>
      void r.then((result) => port.post({ t: 'result', id: m.id, result: result ?? { ok: true, value: null } }));
    if (m.step === 'begin') return answer(sink.begin(m.kind));
    if (m.step === 'append') return answer(sink.append(m.upload, m.data));
    return answer(m.step === 'end' ? sink.end(m.upload) : sink.abort(m.upload));
  }
  let session: string | null | undefined;
  void b
    .dispatch(m.method, m.payload, { sessionToken: m.session, setSession: (token) => (session = token) })
    .then((result) => port.post({ t: 'result', id: m.id, result, ...(session !== undefined ? { session } : {}) }));
});

// The parent went away (crashed, killed): close the database cleanly rather than be left behind.
process.on('disconnect', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));
