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
import { restoreField, setDocumentType, setField } from '../extraction/case-documents';
import { AppError } from '../../shared/api/result';
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

/** A document changed by the officer: the screens are told at once, and the case's checks run again. */
function announced(ctx: BackendContext, doc: CaseDocument): CaseDocument {
  ctx.events.emit('case.changed', { caseId: doc.caseId });
  caseChanged(ctx, doc.caseId, 'content');
  return doc;
}

/** A field as the audit trail keeps it: whole, so an undo can put it back exactly, its source named. */
const audited = (f: ExtractedField | undefined): (ExtractedField & { source: string }) | null => (f ? { ...f, source: f.source ?? 'ocr' } : null);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function editField(
  ctx: BackendContext,
  caller: Caller,
  input: { documentId: number; key: string; value: FieldValue | null; note?: string | undefined; expected?: { value: FieldValue | null } | undefined },
): CaseDocument {
  const doc = ctx.db.transaction(() => {
    const before = storedDoc(ctx, input.documentId);
    assertEditable(ctx, before.caseId);
    const old = before.fields[input.key];
    // A save the officer made against a value that is no longer there (saved late, after the desk was cut
    // off, say) never overwrites what another desk saved meanwhile.
    if (input.expected && !same(old?.value, input.expected.value)) {
      throw new AppError('conflict', `${input.key} was changed elsewhere since the officer's change began.`, {
        key: input.key,
        reason: 'changed_elsewhere',
      });
    }
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
        old: audited(old),
        new: value,
        why,
        ...(input.note ? { note: input.note } : {}),
      },
      before.caseId,
    );
    touchCase(ctx, before.caseId);
    return after;
  })();
  return announced(ctx, doc);
}

/**
 * Undoes the latest change to a field that is not undone yet, from the audit trail: the field is put
 * back as it was before it (as read, or as an earlier correction), and the undo is audited as a change
 * of the field (why: 'undone', with the entry it undid). Refused when there is nothing to undo or the
 * field changed since in another way (re-extraction), so an undo never overwrites newer work.
 */
export function undoField(ctx: BackendContext, caller: Caller, input: { documentId: number; key: string }): CaseDocument {
  const doc = ctx.db.transaction(() => {
    const before = storedDoc(ctx, input.documentId);
    assertEditable(ctx, before.caseId);
    const entries = ctx.db
      .prepare(`SELECT id, detail FROM audit_log WHERE case_id = ? AND action = 'extraction.setField' ORDER BY id DESC`)
      .all(before.caseId) as { id: number; detail: string }[];
    const parsed = entries
      .map((e) => ({
        id: e.id,
        d: JSON.parse(e.detail) as {
          documentId: number;
          key: string;
          old: (Partial<ExtractedField> & Pick<ExtractedField, 'value' | 'confidence'> & { source: string }) | null;
          new: unknown;
          why: string;
          undid?: number;
        },
      }))
      .filter((e) => e.d.documentId === input.documentId && e.d.key === input.key);
    const undone = new Set(parsed.filter((e) => e.d.why === 'undone').map((e) => e.d.undid));
    const target = parsed.find((e) => e.d.why !== 'undone' && !undone.has(e.id));
    if (!target) throw new AppError('conflict', `Nothing to undo for ${input.key}.`, { key: input.key, reason: 'nothing_to_undo' });
    const current = before.fields[input.key];
    if (!same(current?.value, target.d.new)) {
      throw new AppError('conflict', `${input.key} changed since; undo would overwrite it.`, { key: input.key, reason: 'changed_since' });
    }
    // Entries written before whole fields were audited carry value, source and confidence only.
    const prior = target.d.old;
    const restored: ExtractedField | null = prior ? ({ page: current?.page ?? 1, bbox: current?.bbox ?? null, ...prior } as ExtractedField) : null;
    const after = restoreField(ctx, input.documentId, input.key, restored, actorName(caller));
    ctx.audit(
      caller,
      'extraction.setField',
      {
        documentId: input.documentId,
        documentType: before.type,
        key: input.key,
        old: audited(current),
        new: restored?.value ?? null,
        restored: restored ? { source: restored.source ?? 'ocr' } : null,
        why: 'undone',
        undid: target.id,
      },
      before.caseId,
    );
    touchCase(ctx, before.caseId);
    return after;
  })();
  return announced(ctx, doc);
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
  return announced(ctx, doc);
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
        // The name as given is kept as data only, beside the cleaned one that is stored and shown.
        const given = file.name === a.name ? {} : { givenName: file.name };
        ctx.audit(caller, 'documents.add', { name: a.name, ...given, sha256: a.sha256, size: a.size, pages: a.pageCount, duplicate: a.duplicate }, caseId);
      }
    },
  });
}
