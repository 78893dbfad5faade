// An officer's changes to a case's content: a field's value, a document's type, the stated facts, new
// files. Each is refused once the case is locked (case-access.ts) and written with its audit entry (old
// and new value, who, when, why) in one transaction. Doing any of them makes the caller one of the
// case's workers, who may not decide it.
import type { CaseDocument } from '../../shared/api/methods-extraction';
import type { DocumentType, ExtractedField, FieldValue } from '../../shared/domain/documents';
import type { StatedFacts } from '../../shared/rules/input';
import { actorName, type Caller } from '../auth/caller';
import { setCaseFacts } from '../checks/case-checks';
import type { BackendContext } from '../context';
import { setDocumentType, setField } from '../extraction/case-documents';
import { addFilesToCase, type AddedFile, type IncomingFile } from '../intake/intake';
import type { OcrLimits } from '../ocr/config';
import { assertEditable, caseOfDocument, touchCase } from './case-access';
import { caseChanged } from './case-processor';

interface StoredDoc {
  case_id: number;
  type: DocumentType;
  fields: string;
}

function storedDoc(ctx: BackendContext, documentId: number): { caseId: number; type: DocumentType; fields: Record<string, ExtractedField> } {
  caseOfDocument(ctx, documentId);
  const r = ctx.db.prepare(`SELECT case_id, type, fields FROM case_documents WHERE id = ?`).get(documentId) as StoredDoc;
  return { caseId: r.case_id, type: r.type, fields: JSON.parse(r.fields) as Record<string, ExtractedField> };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function editField(
  ctx: BackendContext,
  caller: Caller,
  input: { documentId: number; key: string; value: FieldValue | null; note?: string | undefined },
): CaseDocument {
  const doc = ctx.db.transaction(() => {
    const before = storedDoc(ctx, input.documentId);
    assertEditable(ctx, before.caseId);
    const old = before.fields[input.key];
    const after = setField(ctx, input.documentId, input.key, input.value, actorName(caller));
    const value = after.fields[input.key]?.value ?? null;
    const why = value === null ? 'cleared' : same(old?.value, value) ? 'confirmed' : 'corrected';
    ctx.audit(
      caller,
      'extraction.setField',
      {
        documentId: input.documentId,
        documentType: before.type,
        key: input.key,
        old: old ? { value: old.value, source: old.source ?? 'ocr', confidence: old.confidence } : null,
        new: value,
        why,
        ...(input.note ? { note: input.note } : {}),
      },
      before.caseId,
    );
    touchCase(ctx, before.caseId);
    return after;
  })();
  ctx.events.emit('case.changed', { caseId: doc.caseId });
  caseChanged(ctx, doc.caseId, 'content');
  return doc;
}

export function retypeDocument(ctx: BackendContext, caller: Caller, documentId: number, type: DocumentType): CaseDocument {
  const doc = ctx.db.transaction(() => {
    const before = storedDoc(ctx, documentId);
    assertEditable(ctx, before.caseId);
    const after = setDocumentType(ctx, documentId, type, actorName(caller));
    ctx.audit(caller, 'extraction.setType', { documentId, oldType: before.type, newType: type }, before.caseId);
    touchCase(ctx, before.caseId);
    return after;
  })();
  ctx.events.emit('case.changed', { caseId: doc.caseId });
  caseChanged(ctx, doc.caseId, 'content');
  return doc;
}

/** The officer's stated facts, with their old and new values. */
export function stateFacts(ctx: BackendContext, caller: Caller, caseId: number, facts: StatedFacts): void {
  ctx.db.transaction(() => {
    assertEditable(ctx, caseId);
    const { before, after } = setCaseFacts(ctx, caseId, facts, actorName(caller));
    ctx.audit(caller, 'checks.facts', { old: before, new: after }, caseId);
    touchCase(ctx, caseId);
  })();
  caseChanged(ctx, caseId, 'content');
}

/** One file: checked, stored and recorded in one transaction, or refused with nothing stored. */
export function addCaseFile(ctx: BackendContext, caller: Caller, caseId: number, file: IncomingFile, limits: OcrLimits): Promise<AddedFile[]> {
  assertEditable(ctx, caseId);
  return addFilesToCase(ctx, caseId, [file], limits, {
    by: actorName(caller),
    // Checked again inside the write: the case may have been submitted while the file was being checked.
    check: () => assertEditable(ctx, caseId),
    record: (added) => {
      for (const a of added) {
        ctx.audit(caller, 'documents.add', { name: a.name, sha256: a.sha256, size: a.size, pages: a.pageCount, duplicate: a.duplicate }, caseId);
      }
    },
  });
}
