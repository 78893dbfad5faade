// Background OCR of a case's pages, with per-page state in page_ocr: pages are claimed one at a time,
// so a restart picks up exactly the unfinished ones (finished pages are never redone), a cancel stops
// the case without touching other cases, and every page reports progress as an 'ocr.progress' event.
import type { OcrPage } from '../../shared/domain/ocr';
import { ocrPageSchema } from '../../shared/domain/ocr';
import { AppError } from '../../shared/api/result';
import type { BackendContext } from '../context';
import { localOriginal } from '../intake/store';
import { runLanes } from './gate';
import { getPageReaders } from './readers';

export type PageState = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

export interface CasePage {
  fileId: number;
  fileName: string;
  page: number;
  state: PageState;
  ocr: OcrPage | null;
  error?: string;
}

interface Run {
  controller: AbortController;
  done: Promise<void>;
}

const runs = (ctx: BackendContext): Map<number, Run> =>
  ctx.service(
    'ocr.runs',
    () => new Map<number, Run>(),
    async (m) => {
      for (const run of m.values()) run.controller.abort();
      await Promise.all([...m.values()].map((r) => r.done));
    },
  );

const now = (): string => new Date().toISOString();

/** Starts (or joins) the case's OCR run; the promise settles when no page of the case is pending. */
export function startCaseOcr(ctx: BackendContext, caseId: number): Promise<void> {
  if (!ctx.db.prepare(`SELECT 1 FROM cases WHERE id = ?`).get(caseId)) {
    throw new AppError('not_found', `Case ${caseId} not found`, { id: caseId });
  }
  // The readers first: services are disposed in reverse order, so runs are stopped before the readers are.
  getPageReaders(ctx);
  const active = runs(ctx).get(caseId);
  if (active && !active.controller.signal.aborted) return active.done;
  const controller = new AbortController();
  const done = runCase(ctx, caseId, controller.signal).finally(() => {
    if (runs(ctx).get(caseId)?.controller === controller) runs(ctx).delete(caseId);
  });
  runs(ctx).set(caseId, { controller, done });
  return done;
}

/** Stops the case's OCR: running and pending pages become 'cancelled'. Returns how many. */
export async function cancelCaseOcr(ctx: BackendContext, caseId: number): Promise<number> {
  const run = runs(ctx).get(caseId);
  run?.controller.abort();
  const info = ctx.db
    .prepare(
      `UPDATE page_ocr SET state = 'cancelled', updated_at = ?
       WHERE state IN ('pending','running') AND file_id IN (SELECT file_id FROM case_files WHERE case_id = ?)`,
    )
    .run(now(), caseId);
  await run?.done;
  if (info.changes) ctx.events.emit('case.changed', { caseId });
  return info.changes;
}

/** Puts the case's failed and cancelled pages back in the queue and starts OCR. Returns how many. */
export function retryCaseOcr(ctx: BackendContext, caseId: number): number {
  const info = ctx.db
    .prepare(
      `UPDATE page_ocr SET state = 'pending', error = NULL, updated_at = ?
       WHERE state IN ('failed','cancelled') AND file_id IN (SELECT file_id FROM case_files WHERE case_id = ?)`,
    )
    .run(now(), caseId);
  void startCaseOcr(ctx, caseId).catch(() => undefined);
  return info.changes;
}

/** Call at back-end start: puts pages left 'running' by a crash back to pending, and resumes every case
 * with pending pages. Returns the case ids resumed. The page readers start with the first page. */
export function resumePendingOcr(ctx: BackendContext): number[] {
  ctx.db.prepare(`UPDATE page_ocr SET state = 'pending', updated_at = ? WHERE state = 'running'`).run(now());
  const cases = ctx.db
    .prepare(
      `SELECT DISTINCT cf.case_id AS id FROM case_files cf JOIN page_ocr p ON p.file_id = cf.file_id
       WHERE p.state = 'pending' ORDER BY cf.case_id`,
    )
    .all() as { id: number }[];
  for (const c of cases) void startCaseOcr(ctx, c.id).catch(() => undefined);
  return cases.map((c) => c.id);
}

interface PageRow {
  file_id: number;
  file_name: string;
  page: number;
  state: PageState;
  ocr_json: string | null;
  error: string | null;
  updated_at: string;
}

/** Pages parsed and checked once, not again each time a case is extracted: a case's pages are read for
 * extraction after every page that finishes. Keyed by page and the time its row was written. */
const PARSED_PAGES_KEPT = 2000;
const parsedPages = (ctx: BackendContext): Map<string, OcrPage> => ctx.service('ocr.parsedPages', () => new Map<string, OcrPage>());

function parsedPage(ctx: BackendContext, r: PageRow & { ocr_json: string }): OcrPage {
  const cache = parsedPages(ctx);
  const key = `${r.file_id}:${r.page}:${r.updated_at}`;
  let page = cache.get(key);
  if (!page) {
    page = ocrPageSchema.parse(JSON.parse(r.ocr_json));
    cache.set(key, page);
    if (cache.size > PARSED_PAGES_KEPT) cache.delete(cache.keys().next().value as string);
  }
  // Callers may change what they get (extraction marks words): each gets its own copy.
  return structuredClone(page);
}

export function listCasePages(ctx: BackendContext, caseId: number): CasePage[] {
  const rows = ctx.db
    .prepare(
      `SELECT p.file_id, cf.original_name AS file_name, p.page, p.state, p.ocr_json, p.error, p.updated_at
       FROM case_files cf JOIN page_ocr p ON p.file_id = cf.file_id
       WHERE cf.case_id = ? ORDER BY cf.id, p.page`,
    )
    .all(caseId) as PageRow[];
  return rows.map((r) => ({
    fileId: r.file_id,
    fileName: r.file_name,
    page: r.page,
    state: r.state,
    ocr: r.ocr_json ? parsedPage(ctx, r as PageRow & { ocr_json: string }) : null,
    ...(r.error ? { error: r.error } : {}),
  }));
}

function progress(ctx: BackendContext, caseId: number): { pagesDone: number; pagesTotal: number } {
  const row = ctx.db
    .prepare(
      `SELECT count(*) AS total, COUNT(*) FILTER (WHERE p.state IN ('done','failed')) AS done
       FROM case_files cf JOIN page_ocr p ON p.file_id = cf.file_id WHERE cf.case_id = ?`,
    )
    .get(caseId) as { total: number; done: number | null };
  return { pagesDone: row.done ?? 0, pagesTotal: row.total };
}

/** Claims the case's next pending page (synchronous, so two lanes never claim the same page). */
function claimNext(ctx: BackendContext, caseId: number): { file_id: number; page: number; stored_path: string; name: string } | undefined {
  return ctx.db.transaction(() => {
    const next = ctx.db
      .prepare(
        `SELECT p.file_id, p.page, f.stored_path, cf.original_name AS name
         FROM case_files cf JOIN page_ocr p ON p.file_id = cf.file_id JOIN files f ON f.id = p.file_id
         WHERE cf.case_id = ? AND p.state = 'pending' ORDER BY cf.id, p.page LIMIT 1`,
      )
      .get(caseId) as { file_id: number; page: number; stored_path: string; name: string } | undefined;
    if (next) {
      ctx.db
        .prepare(`UPDATE page_ocr SET state = 'running', attempts = attempts + 1, updated_at = ? WHERE file_id = ? AND page = ?`)
        .run(now(), next.file_id, next.page);
    }
    return next;
  })();
}

async function runCase(ctx: BackendContext, caseId: number, signal: AbortSignal): Promise<void> {
  const readers = getPageReaders(ctx);
  const opened = new Set<string>();
  const emit = (fileId: number, page: number, state: 'running' | 'done' | 'failed', error?: string): void => {
    ctx.events.emit('ocr.progress', { caseId, fileId, page, ...progress(ctx, caseId), state, ...(error ? { error } : {}) });
  };
  const lane = async (firstRead: () => void): Promise<void> => {
    for (let job = claimNext(ctx, caseId); job && !signal.aborted; job = signal.aborted ? undefined : claimNext(ctx, caseId)) {
      emit(job.file_id, job.page, 'running');
      try {
        // Originals are content-addressed and never change: the file's key holds for every page.
        const file = { key: `original:${job.stored_path}`, name: job.name, path: localOriginal(ctx, job.stored_path) };
        opened.add(file.key);
        const page = await readers.read(file, job.page, signal);
        if (signal.aborted) break;
        ctx.db
          .prepare(
            `UPDATE page_ocr SET state = 'done', source = ?, ocr_json = ?, poor = ?, error = NULL, updated_at = ? WHERE file_id = ? AND page = ? AND state = 'running'`,
          )
          .run(page.source, JSON.stringify(page), page.quality.poor ? 1 : 0, now(), job.file_id, job.page);
        emit(job.file_id, job.page, 'done');
      } catch (err) {
        if (signal.aborted) break;
        const message = err instanceof Error ? err.message : String(err);
        ctx.db
          .prepare(`UPDATE page_ocr SET state = 'failed', error = ?, updated_at = ? WHERE file_id = ? AND page = ? AND state = 'running'`)
          .run(message, now(), job.file_id, job.page);
        emit(job.file_id, job.page, 'failed', message);
      }
      firstRead();
      if (fileFinished(ctx, job.file_id)) ctx.events.emit('case.changed', { caseId });
    }
  };
  try {
    // The case's first page has the machine to itself: one lane starts, and the others (one per further
    // reader) join once it is read, so the officer sees the first page's fields soonest.
    await runLanes(1, readers.size, lane);
  } finally {
    for (const key of opened) readers.release(key);
  }
}

function fileFinished(ctx: BackendContext, fileId: number): boolean {
  const row = ctx.db.prepare(`SELECT count(*) AS open FROM page_ocr WHERE file_id = ? AND state IN ('pending','running')`).get(fileId) as { open: number };
  return row.open === 0;
}

export function isCaseOcrRunning(ctx: BackendContext, caseId: number): boolean {
  const run = runs(ctx).get(caseId);
  return run !== undefined && !run.controller.signal.aborted;
}
