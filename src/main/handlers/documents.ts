import type { documentsMethods } from '../../shared/api/methods-documents';
import { AppError, type ErrorCode } from '../../shared/api/result';
import { cleanFileName } from '../../shared/files/file-name';
import { listCaseFiles } from '../intake/case-files';
import type { AddedFile } from '../intake/intake';
import { cancelCaseOcr, retryCaseOcr, startCaseOcr, isCaseOcrRunning } from '../ocr/case-ocr';
import { getPageReaders } from '../ocr/readers';
import { ocrLimits } from '../ocr/config';
import { originalPdf, pageThumb, pageView } from '../ocr/page-image';
import { assertEditable } from '../services/case-access';
import { addCaseFile } from '../services/case-edits';
import { takeUpload } from '../uploads';
import type { HandlerMap } from './types';

/** A file sent inside the call, refused by its base64 length before it is decoded when too large. */
function inlineBytes(name: string, base64: string, limit: number): Buffer {
  if (base64.length > Math.ceil(limit / 3) * 4 + 4) {
    throw new AppError('too_large', `${name} is larger than the upload limit of ${limit} bytes.`, { file: name, reason: 'bytes', limit });
  }
  return Buffer.from(base64, 'base64');
}

export const documentsHandlers: HandlerMap<keyof typeof documentsMethods> = {
  'documents.add': async (input, ctx, call) => {
    assertEditable(ctx, input.caseId);
    // The page readers start on demand: now, while the files are checked and stored, not after.
    getPageReaders(ctx).start();
    const limits = ocrLimits();
    const added: AddedFile[] = [];
    const rejected: { name: string; code: ErrorCode; message: string; reason?: string }[] = [];
    let firstError: AppError | null = null;
    /** The rejected files' names as given: audit data only, never in the answer. */
    const givenNames: string[] = [];
    // One file at a time: a bad file is refused on its own and the good ones are still added, each with
    // its audit entry (name, hash, size: never the upload) in the transaction that stores it.
    for (const f of input.files) {
      // Answers and refusals name the file cleaned; intake stores it cleaned and audits the name as given.
      const name = cleanFileName(f.name);
      try {
        const bytes =
          'upload' in f ? await takeUpload(ctx, call.caller, f.upload, 'document', name) : inlineBytes(name, f.contentBase64, limits.maxUploadBytes);
        added.push(...(await addCaseFile(ctx, call.caller, input.caseId, { name: f.name, bytes }, limits)));
      } catch (err) {
        // A case that was locked or removed meanwhile refuses the whole call.
        if (!(err instanceof AppError) || err.code === 'not_found' || err.code === 'conflict') throw err;
        firstError ??= err;
        const reason = err.params?.reason;
        rejected.push({ name, code: err.code, message: err.message, ...(typeof reason === 'string' ? { reason } : {}) });
        givenNames.push(f.name);
      }
    }
    if (rejected.length)
      ctx.audit(
        call.caller,
        'documents.rejected',
        {
          rejected: rejected.map((r, i) => ({
            name: r.name,
            ...(givenNames[i] === r.name ? {} : { givenName: givenNames[i] }),
            code: r.code,
            reason: r.reason ?? null,
          })),
        },
        input.caseId,
      );
    if (added.length === 0 && firstError) throw firstError;
    ctx.events.emit('case.changed', { caseId: input.caseId });
    // OCR runs in the background; progress arrives as 'ocr.progress' events.
    void startCaseOcr(ctx, input.caseId).catch(() => undefined);
    return { added, rejected };
  },
  'documents.list': (input, ctx) => ({ ...listCaseFiles(ctx, input.caseId), running: isCaseOcrRunning(ctx, input.caseId) }),
  'documents.page': (input, ctx) => pageView(ctx, input.fileId, input.page),
  'documents.thumb': (input, ctx) => pageThumb(ctx, input.fileId, input.page),
  'documents.original': (input, ctx) => originalPdf(ctx, input.fileId),
  'documents.cancelOcr': async (input, ctx, call) => {
    assertEditable(ctx, input.caseId);
    const cancelledPages = await cancelCaseOcr(ctx, input.caseId);
    ctx.audit(call.caller, 'documents.cancelOcr', { cancelledPages }, input.caseId);
    return { cancelledPages };
  },
  // Audited by the dispatcher, in this same transaction.
  'documents.retryOcr': (input, ctx) => {
    assertEditable(ctx, input.caseId);
    listCaseFiles(ctx, input.caseId); // not_found for an unknown case
    return { queuedPages: retryCaseOcr(ctx, input.caseId) };
  },
};
