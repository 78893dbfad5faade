import type { extractionMethods } from '../../shared/api/methods-extraction';
import { extractCase, listCaseDocuments, setDocumentType, setField } from '../extraction/case-documents';
import type { HandlerMap } from './types';

export const extractionHandlers: HandlerMap<keyof typeof extractionMethods> = {
  'extraction.run': (input, ctx) => {
    const result = extractCase(ctx, input.caseId);
    ctx.events.emit('case.changed', { caseId: input.caseId });
    return result;
  },
  'extraction.list': (input, ctx) => ({ documents: listCaseDocuments(ctx, input.caseId) }),
  'extraction.setType': (input, ctx) => {
    const doc = setDocumentType(ctx, input.documentId, input.type);
    ctx.events.emit('case.changed', { caseId: doc.caseId });
    return doc;
  },
  'extraction.setField': (input, ctx) => {
    const doc = setField(ctx, input.documentId, input.key, input.value);
    ctx.events.emit('case.changed', { caseId: doc.caseId });
    return doc;
  },
};
