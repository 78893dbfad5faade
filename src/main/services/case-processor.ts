// The case pipeline, as one processor: intake → OCR → extraction → checks, each stage's result persisted
// (files and page_ocr, case_documents, case_flags and case_checks). Whatever a stage depends on changing
// runs that stage and the ones after it, with no one pressing a button:
// - a page read (or failed)            → extraction of the fully read files, then the checks;
// - an officer's correction or retype,
//   a re-extraction, the stated facts  → the checks;
// and the screens showing the case are told (`case.changed`) once the stages have run. Bursts (pages
// finishing one after the other, several corrections) are coalesced per case. A case whose pages were
// read after its last check (the app stopped in between) is processed again when the processor starts. A case awaiting a decision
// or decided is locked: it keeps the documents and flags it was judged on.
import { EventEmitter } from 'node:events';
import type { EventPayload } from '../../shared/api/events';
import { AppError } from '../../shared/api/result';
import { checkCase } from '../checks/case-checks';
import type { BackendContext } from '../context';
import { extractCaseOffThread } from '../extraction/extractor';
import { isEditable } from './case-access';

/** What changed in a case: its pages (extraction and checks are due) or its content (the checks are). */
export type CaseChange = 'pages' | 'content';

const changes = (ctx: BackendContext): EventEmitter => ctx.service('case.changes', () => new EventEmitter());

/** Tells the processor (when the back end runs one) that something a later stage depends on changed. */
export function caseChanged(ctx: BackendContext, caseId: number, what: CaseChange): void {
  changes(ctx).emit('change', caseId, what);
}

/**
 * Runs the stages after a change, now: extraction when pages changed (in its thread), then the checks,
 * then tells the screens. A locked case is left as it is. The processor runs this after each change;
 * the command line and tests call it directly.
 */
export async function processCase(ctx: BackendContext, caseId: number, what: CaseChange): Promise<{ extracted: boolean; checked: boolean }> {
  const editable = (): boolean => isEditable(ctx, caseId);
  let extracted = false;
  if (!editable()) return { extracted, checked: false };
  if (what === 'pages') extracted = await extractCaseOffThread(ctx, caseId, editable);
  if (!editable()) return { extracted, checked: false };
  checkCase(ctx, caseId);
  ctx.events.emit('case.changed', { caseId });
  return { extracted, checked: true };
}

export interface ProcessorOptions {
  /** How long to wait for more changes of the same case before running its stages (ms). */
  debounceMs?: number;
  log?: (msg: string) => void;
  /** Called after a case's stages ran (tests wait on it). */
  onProcessed?: (caseId: number, ran: { extracted: boolean; checked: boolean }) => void;
}

/** Starts the processor; returns its stop. */
export function startCaseProcessor(ctx: BackendContext, options: ProcessorOptions = {}): () => void {
  const wait = options.debounceMs ?? 300;
  const log = options.log ?? ((m: string) => console.error(m));
  const due = new Map<number, { pages: boolean; timer: NodeJS.Timeout }>();
  const running = new Map<number, Promise<void>>();

  const run = async (caseId: number, pages: boolean): Promise<void> => {
    // One run per case at a time; a change meanwhile schedules the next.
    await running.get(caseId);
    let ran = { extracted: false, checked: false };
    try {
      ran = await processCase(ctx, caseId, pages ? 'pages' : 'content');
    } catch (err) {
      // Work cancelled because the back end is closing is picked up again at its next start.
      if (!(err instanceof AppError && err.code === 'cancelled')) {
        log(`[claimdesk] processing case ${caseId} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      }
    } finally {
      options.onProcessed?.(caseId, ran);
    }
  };

  const schedule = (caseId: number, what: CaseChange): void => {
    const pending = due.get(caseId);
    if (pending) clearTimeout(pending.timer);
    const pages = what === 'pages' || pending?.pages === true;
    const timer = setTimeout(() => {
      due.delete(caseId);
      const done = run(caseId, pages).finally(() => {
        if (running.get(caseId) === done) running.delete(caseId);
      });
      running.set(caseId, done);
    }, wait);
    due.set(caseId, { pages, timer });
  };

  const onChange = (caseId: number, what: CaseChange): void => schedule(caseId, what);
  changes(ctx).on('change', onChange);
  const unsubscribe = ctx.events.subscribe((event) => {
    if (event.name !== 'ocr.progress') return;
    const { caseId, state } = event.payload as EventPayload<'ocr.progress'>;
    if (state === 'done' || state === 'failed') schedule(caseId, 'pages');
  });
  // Cases whose pages were read after they were last checked (the app stopped in between) go through
  // the stages again now.
  const behind = ctx.db
    .prepare(
      `SELECT cf.case_id AS id FROM case_files cf JOIN page_ocr p ON p.file_id = cf.file_id
       LEFT JOIN case_checks cc ON cc.case_id = cf.case_id
       WHERE p.state IN ('done','failed') GROUP BY cf.case_id HAVING max(p.updated_at) > COALESCE(max(cc.checked_at), '')`,
    )
    .pluck()
    .all() as number[];
  for (const id of behind) schedule(id, 'pages');
  return () => {
    unsubscribe();
    changes(ctx).off('change', onChange);
    for (const d of due.values()) clearTimeout(d.timer);
    due.clear();
  };
}
