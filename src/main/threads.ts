// Worker threads of the back end (page readers, extraction): a client that starts its thread on first
// use and again after it died, and answers each call by its id; and the thread's side, which answers
// requests and turns any error into the contract's error, so a refusal keeps its code across the thread.
import { parentPort, Worker } from 'node:worker_threads';
import { AppError, type ApiError } from '../shared/api/result';
import { toApiError } from './api-error';
import { builtEntry } from './paths';

/** A request to a thread: `op` says what; calls carry an id their reply answers. */
export interface ThreadJob {
  op: string;
}
type Call<J extends ThreadJob> = J & { id: number };
/** Messages a client sends besides calls: cancel a call, or anything the thread handles without replying. */
export type ThreadMessage<J extends ThreadJob, N extends ThreadJob = never> = Call<J> | { op: 'cancel'; id: number } | N;
type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ApiError };

export class ThreadClient<J extends ThreadJob, N extends ThreadJob = never> {
  private worker: Worker | null = null;
  private closing = false;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();

  /** `entry` names a built entry (out/main/ENTRY.js); `what` names the thread in messages to people. */
  constructor(
    private readonly entry: string,
    private readonly data: unknown,
    private readonly what: string,
  ) {}

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(builtEntry(this.entry), { workerData: this.data, stdout: false, stderr: false });
    worker.on('message', (m: Reply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.value);
      else p.reject(new AppError(m.error.code, m.error.message, m.error.params));
    });
    const fail = (why: string): void => {
      if (this.worker === worker) this.worker = null;
      // Stopped with the back end: the work in hand is cancelled, not failed.
      const err = this.closing
        ? new AppError('cancelled', `${this.what} stopped with the app.`)
        : new AppError('internal', `${this.what} stopped (${why}); try again.`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    worker.on('error', (err) => fail(err.message));
    worker.on('exit', (code) => fail(`exit ${code}`));
    this.worker = worker;
    return worker;
  }

  call<T>(request: J, signal?: AbortSignal): Promise<T> {
    const id = this.nextId++;
    const worker = this.ensure();
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => worker.postMessage({ op: 'cancel', id });
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = (): void => signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, { resolve: (v) => (settle(), resolve(v as T)), reject: (e) => (settle(), reject(e)) });
      worker.postMessage({ ...request, id });
    });
  }

  /** A message without a reply; `start` starts the thread for it if it is not running. */
  post(message: N, start = false): void {
    (start ? this.ensure() : this.worker)?.postMessage(message);
  }

  async terminate(): Promise<void> {
    this.closing = true;
    await this.worker?.terminate();
    this.worker = null;
  }
}

/** The thread's side: answers each call with what `handle` returns; `other` gets messages without an id. */
export function serveThread<J extends ThreadJob, N extends ThreadJob = never>(
  handle: (job: Call<J>, signal: AbortSignal) => Promise<unknown>,
  other?: (message: N) => void,
): void {
  const port = parentPort;
  if (!port) throw new Error('this module runs as a worker thread');
  const running = new Map<number, AbortController>();
  const log = (m: string): void => void process.stderr.write(`${m}\n`);
  port.on('message', (m: ThreadMessage<J, N>) => {
    if (m.op === 'cancel' && 'id' in m) return void running.get(m.id)?.abort();
    if (!('id' in m)) return other?.(m);
    const job = m as Call<J>;
    const controller = new AbortController();
    running.set(job.id, controller);
    handle(job, controller.signal)
      .then(
        (value) => port.postMessage({ id: job.id, ok: true, value } satisfies Reply),
        (err: unknown) => port.postMessage({ id: job.id, ok: false, error: toApiError(err, log) } satisfies Reply),
      )
      .finally(() => running.delete(job.id));
  });
}
