// Work the back end resumes whenever it starts with a data folder (desktop or browser mode):
// pages whose OCR was unfinished when the app stopped or crashed are read again (finished pages are
// kept), and read pages flow on into extraction and the cross-checks.
import { checkCase } from './checks/case-checks';
import type { BackendContext } from './context';
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
  try {
    resumePendingOcr(ctx);
  } catch (err) {
    console.error(`[claimdesk] could not resume unfinished OCR: ${String(err)}`);
  }
}
