// Work the back end resumes whenever it starts with a data folder (desktop or browser mode):
// pages whose OCR was unfinished when the app stopped or crashed are read again; finished pages are kept.
import type { BackendContext } from './context';
import { resumePendingOcr } from './ocr/case-ocr';

export function startBackgroundWork(ctx: BackendContext): void {
  try {
    resumePendingOcr(ctx);
  } catch (err) {
    console.error(`[claimdesk] could not resume unfinished OCR: ${String(err)}`);
  }
}
