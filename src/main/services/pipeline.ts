// Keeps a case's pre-filled fields current while its pages are read: each time OCR finishes pages of
// a case, the fully read files are extracted again (officer corrections survive), and the screens
// showing the case are told to reload. Bursts of pages are coalesced per case.
import type { BackendContext } from '../context';
import { extractCaseOffThread } from '../extraction/extractor';

export interface PipelineOptions {
  /** How long to wait for more finished pages before extracting (ms). */
  debounceMs?: number;
  /** Runs after extraction (e.g. the cross-checks); errors are logged, never thrown. */
  afterExtract?: (ctx: BackendContext, caseId: number) => void;
  log?: (msg: string) => void;
  /** A case this returns true for is left as it is (a case awaiting a decision or decided is locked). */
  skip?: (ctx: BackendContext, caseId: number) => boolean;
}

export function watchCasePipeline(ctx: BackendContext, options: PipelineOptions = {}): () => void {
  const wait = options.debounceMs ?? 400;
  const log = options.log ?? ((m: string) => console.error(m));
  const timers = new Map<number, NodeJS.Timeout>();

  const run = async (caseId: number): Promise<void> => {
    timers.delete(caseId);
    try {
      if (options.skip?.(ctx, caseId)) return;
      // A case locked while it was extracted keeps what it was judged on.
      if (!(await extractCaseOffThread(ctx, caseId, () => !options.skip?.(ctx, caseId)))) return;
      options.afterExtract?.(ctx, caseId);
      ctx.events.emit('case.changed', { caseId });
    } catch (err) {
      log(`[claimdesk] extraction of case ${caseId} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  };

  const unsubscribe = ctx.events.subscribe((event) => {
    if (event.name !== 'ocr.progress') return;
    const { caseId, state } = event.payload as { caseId: number; state: string };
    if (state !== 'done' && state !== 'failed') return;
    clearTimeout(timers.get(caseId));
    timers.set(caseId, setTimeout(() => void run(caseId), wait));
  });
  return () => {
    unsubscribe();
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  };
}
