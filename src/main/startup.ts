// Work the back end resumes whenever it starts with a data folder (desktop or browser mode): uploads no
// call took are removed,
// a participant import the app stopped in the middle of is undone and recorded as interrupted, pages
// whose OCR was unfinished when the app stopped or crashed are read again (finished pages are kept), and
// read pages flow on into extraction and the cross-checks.
import type { BackendContext } from './context';
import { undoStoppedImports } from './services/participant-import';
import { resumePendingOcr } from './ocr/case-ocr';
import { startCaseProcessor } from './services/case-processor';
import { getUploads } from './uploads';

export function startBackgroundWork(ctx: BackendContext): void {
  ctx.service(
    'case.processor',
    () => startCaseProcessor(ctx),
    (stop) => stop(),
  );
  void getUploads(ctx)
    .sweep()
    .catch((err: unknown) => console.error(`[claimdesk] could not remove unused uploads: ${String(err)}`));
  void undoStoppedImports(ctx).catch((err: unknown) => console.error(`[claimdesk] could not undo an interrupted participant import: ${String(err)}`));
  try {
    resumePendingOcr(ctx);
  } catch (err) {
    console.error(`[claimdesk] could not resume unfinished OCR: ${String(err)}`);
  }
}
