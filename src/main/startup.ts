// Work the back end resumes whenever it starts with a data folder (desktop or browser mode):
// a participant import the app stopped in the middle of is undone and recorded as interrupted, pages
// whose OCR was unfinished when the app stopped or crashed are read again (finished pages are kept), and
// read pages flow on into extraction and the cross-checks.
import { checkCase } from './checks/case-checks';
import { systemCaller } from './auth/caller';
import type { BackendContext } from './context';
import { undoInterruptedImports } from './participants/import-csv';
import { resumePendingOcr } from './ocr/case-ocr';
import { isEditable } from './services/case-access';
import { watchCasePipeline } from './services/pipeline';

export function startBackgroundWork(ctx: BackendContext): void {
  ctx.service(
    'casePipeline',
    // A locked case (awaiting a decision, or decided) keeps the documents and flags it was judged on.
    () => watchCasePipeline(ctx, { afterExtract: (c, caseId) => void checkCase(c, caseId), skip: (c, caseId) => !isEditable(c, caseId) }),
    (stop) => stop(),
  );
  void undoInterruptedImports(ctx.db, (r) => ctx.audit(systemCaller(), 'participants.importInterrupted', r)).catch((err: unknown) =>
    console.error(`[claimdesk] could not undo an interrupted participant import: ${String(err)}`),
  );
  try {
    resumePendingOcr(ctx);
  } catch (err) {
    console.error(`[claimdesk] could not resume unfinished OCR: ${String(err)}`);
  }
}
