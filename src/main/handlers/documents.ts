import type { documentsMethods } from '../../shared/api/methods-documents';
import { AppError, type ErrorCode } from '../../shared/api/result';
import { listCaseFiles } from '../intake/case-files';
import { addFilesToCase, type AddedFile } from '../intake/intake';
import { cancelCaseOcr, retryCaseOcr, startCaseOcr, isCaseOcrRunning } from '../ocr/case-ocr';
import { ocrLimits } from '../ocr/config';
import { pageView } from '../ocr/page-image';
import type { HandlerMap } from './types';

/** Base64 length of `bytes` bytes: lets an oversized upload be refused before it is decoded. */
const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;

export const documentsHandlers: HandlerMap<keyof typeof documentsMethods> = {
  'documents.add': async (input, ctx) => {
    const limits = ocrLimits();
    const added: AddedFile[] = [];
    const rejected: { name: string; code: ErrorCode; message: string; reason?: string }[] = [];
    let firstError: AppError | null = null;
    // One file at a time: a bad file is refused on its own and the good ones are still added.
    for (const f of input.files) {
      try {
        if (f.contentBase64.length > base64Length(limits.maxUploadBytes) + 4) {
          throw new AppError('too_large', `${f.name} is larger than the upload limit of ${limits.maxUploadBytes} bytes.`, {
            file: f.name,
            reason: 'bytes',
            limit: limits.maxUploadBytes,
          });
        }
        added.push(...(await addFilesToCase(ctx, input.caseId, [{ name: f.name, bytes: Buffer.from(f.contentBase64, 'base64') }], limits)));
      } catch (err) {
        if (!(err instanceof AppError) || err.code === 'not_found') throw err;
        firstError ??= err;
        const reason = err.params?.reason;
        rejected.push({ name: f.name, code: err.code, message: err.message, ...(typeof reason === 'string' ? { reason } : {}) });
      }
    }
    ctx.audit(
      'documents.add',
      {
        added: added.map((a) => ({ name: a.name, sha256: a.sha256, size: a.size, pages: a.pageCount, duplicate: a.duplicate })),
        rejected: rejected.map((r) => ({ name: r.name, code: r.code })),
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
  'documents.cancelOcr': async (input, ctx) => ({ cancelledPages: await cancelCaseOcr(ctx, input.caseId) }),
  'documents.retryOcr': (input, ctx) => {
    listCaseFiles(ctx, input.caseId); // not_found for an unknown case
    return { queuedPages: retryCaseOcr(ctx, input.caseId) };
  },
};
