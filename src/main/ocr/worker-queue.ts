// A queue that hands each job to the next idle worker (tesseract workers, page-reader threads). Jobs wait
// in order; an aborted job leaves the queue at once, and a running one is answered at once while its
// worker finishes and rejoins.
import { AppError } from '../../shared/api/result';

const cancelled = (): AppError => new AppError('cancelled', 'OCR was cancelled');

interface Job<W, T> {
  run: (worker: W) => Promise<T>;
  resolve: (value: T) => void;
  reject: (err: unknown) => void;
  signal?: AbortSignal | undefined;
}

/** A queue that hands each job to the next idle worker; aborted jobs leave the queue untouched by OCR. */
export class WorkerQueue<W extends { terminate(): Promise<unknown> }> {
  private readonly idle: W[] = [];
  private readonly queue: Job<W, unknown>[] = [];
  private readonly active = new Set<Job<W, unknown>>();

  constructor(private readonly ready: Promise<W[]>) {
    void ready.then(
      (ws) => {
        this.idle.push(...ws);
        this.pump();
      },
      () => undefined,
    );
  }

  async run<T>(run: (w: W) => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.ready; // surface worker start-up failures to the caller
    if (signal?.aborted) throw cancelled();
    return new Promise<T>((resolve, reject) => {
      // A queued job leaves the queue on abort; a running one is answered now, and its worker rejoins
      // the pool when tesseract finishes the page (wasm cannot be interrupted mid-page). The listener
      // goes when the job settles: one signal serves every page of a case, and must not collect them.
      const onAbort = (): void => {
        const at = this.queue.indexOf(job as Job<W, unknown>);
        if (at >= 0) this.queue.splice(at, 1);
        reject(cancelled());
      };
      const settled = (): void => signal?.removeEventListener('abort', onAbort);
      const job: Job<W, T> = {
        run,
        resolve: (v) => (settled(), resolve(v)),
        reject: (e) => (settled(), reject(e)),
        signal,
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(job as Job<W, unknown>);
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop() as W;
      const job = this.queue.shift() as Job<W, unknown>;
      this.active.add(job);
      job
        .run(worker)
        .then(job.resolve, job.reject)
        .finally(() => {
          this.active.delete(job);
          this.idle.push(worker);
          this.pump();
        });
    }
  }

  async terminate(): Promise<void> {
    // A terminated worker never answers: settle its job here so nobody waits for it forever.
    for (const job of [...this.queue.splice(0), ...this.active]) job.reject(cancelled());
    this.active.clear();
    const workers = await this.ready.catch(() => [] as W[]);
    await Promise.all(workers.map((w) => w.terminate().catch(() => undefined)));
  }
}
