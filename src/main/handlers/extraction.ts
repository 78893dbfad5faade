import type { extractionMethods } from '../../shared/api/methods-extraction';
import { extractCase, listCaseDocuments } from '../extraction/case-documents';
import { assertEditable } from '../services/case-access';
import { editField, retypeDocument, undoField } from '../services/case-edits';
import { caseChanged } from '../services/case-processor';
import type { HandlerMap } from './types';

export const extractionHandlers: HandlerMap<keyof typeof extractionMethods> = {
  // Audited by the dispatcher, in this same transaction.
  'extraction.run': (input, ctx) => {
    assertEditable(ctx, input.caseId);
    const result = extractCase(ctx, input.caseId);
    ctx.events.emit('case.changed', { caseId: input.caseId });
    caseChanged(ctx, input.caseId, 'content');
    return result;
  },
  'extraction.list': (input, ctx) => ({ documents: listCaseDocuments(ctx, input.caseId) }),
  'extraction.setType': (input, ctx, call) => retypeDocument(ctx, call.caller, input.documentId, input.type),
  'extraction.setField': (input, ctx, call) => editField(ctx, call.caller, input),
  'extraction.undoField': (input, ctx, call) => undoField(ctx, call.caller, input),
};
