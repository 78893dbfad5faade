// Extracting a case off the back end's thread: its pages and stored documents are gathered here, the
// extraction runs in a worker thread, and the result is stored only if the case did not change in the
// meantime (an officer's correction, another page read); otherwise it starts again from the new state.
import type { CaseDocument } from '../../shared/api/methods-extraction';
import type { OcrPage } from '../../shared/domain/ocr';
import type { BackendContext } from '../context';
import { ThreadClient } from '../threads';
import { extractCase, gatherExtraction, storeExtraction, type ExtractionPlan } from './case-documents';

export interface ExtractJob {
  op: 'extract';
  files: [number, OcrPage[]][];
  previous: CaseDocument[];
}

/** Tries with the thread before extracting on this thread, in one step, as a last resort. */
const ATTEMPTS = 3;

const extractor = (ctx: BackendContext): ThreadClient<ExtractJob> =>
  ctx.service(
    'extraction.thread',
    () => new ThreadClient<ExtractJob>('extract-thread', null, 'Extraction'),
    (t) => t.terminate(),
  );

/** Extracts the case in the thread; false when `wanted` said no (in the storing transaction). */
export async function extractCaseOffThread(ctx: BackendContext, caseId: number, wanted: () => boolean = () => true): Promise<boolean> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const input = gatherExtraction(ctx, caseId);
    const plan = await extractor(ctx).call<ExtractionPlan>({ op: 'extract', files: input.files, previous: input.previous });
    const stored = storeExtraction(ctx, caseId, input, plan, wanted);
    if (stored !== false) return stored === true;
  }
  // The case keeps changing under the thread (pages finishing one after the other): one step here.
  if (!wanted()) return false;
  extractCase(ctx, caseId);
  return true;
}
