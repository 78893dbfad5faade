// A case's content (fields, documents, files, facts, flags) changes only while an officer is working it:
// not while it awaits a supervisor, and never once decided. Every change path asks here first, inside
// the transaction that writes the change.
import { AppError } from '../../shared/api/result';
import { lockReason } from '../../shared/domain/workflow';
import type { BackendContext } from '../context';
import { caseState } from './cases';

export function assertEditable(ctx: BackendContext, caseId: number): void {
  const { status, reference } = caseState(ctx, caseId);
  const why = lockReason(status);
  if (why === 'frozen') {
    throw new AppError('conflict', `Case ${reference} has been decided (${status}) and is frozen; a supervisor may reopen it with a reason`, {
      reason: 'frozen',
      status,
    });
  }
  if (why === 'awaiting') {
    throw new AppError('conflict', `Case ${reference} is awaiting a supervisor's decision; it changes only after it is returned`, {
      reason: 'awaiting',
      status,
    });
  }
}

export function isEditable(ctx: BackendContext, caseId: number): boolean {
  try {
    return lockReason(caseState(ctx, caseId).status) === null;
  } catch {
    return false;
  }
}

export function caseOfDocument(ctx: BackendContext, documentId: number): number {
  const caseId = ctx.db.prepare(`SELECT case_id FROM case_documents WHERE id = ?`).pluck().get(documentId) as number | undefined;
  if (caseId === undefined) throw new AppError('not_found', `Document ${documentId} not found`, { id: documentId });
  return caseId;
}

/** Pages of the case's files still waiting for or under OCR. */
export function pagesBeingRead(ctx: BackendContext, caseId: number): number {
  return ctx.db
    .prepare(`SELECT count(*) FROM page_ocr po JOIN case_files cf ON cf.file_id = po.file_id WHERE cf.case_id = ? AND po.state IN ('pending','running')`)
    .pluck()
    .get(caseId) as number;
}

/** Marks the case as changed now (the worklist sorts by it). */
export function touchCase(ctx: BackendContext, caseId: number): void {
  ctx.db.prepare(`UPDATE cases SET updated_at = ? WHERE id = ?`).run(ctx.now().toISOString(), caseId);
}
