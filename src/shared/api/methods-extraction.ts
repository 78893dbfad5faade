// Classification and field extraction (issue 4): run it over a case's OCR'd pages, list the documents
// found, and let the officer correct a document's type (fields are re-extracted) or a field's value.
import { z } from 'zod';
import { defineMethods } from './define';
import { CASE_WORKERS, SIGNED_IN } from './roles';
import { documentTypeSchema, extractedDocumentSchema, fieldValueSchema } from '../domain/documents';

export const caseDocumentSchema = extractedDocumentSchema.extend({
  id: z.number().int().positive(),
  caseId: z.number().int().positive(),
  fileId: z.number().int().positive(),
  fileName: z.string(),
  /** 'officer' once an officer chose the type; re-extraction then keeps it. */
  typeSource: z.enum(['ocr', 'officer']),
  updatedAt: z.string(),
});
export type CaseDocument = z.infer<typeof caseDocumentSchema>;

const caseId = z.number().int().positive();
const documentId = z.number().int().positive();

export const extractionMethods = defineMethods({
  'extraction.run': {
    input: z.object({ caseId }).strict(),
    output: z.object({
      documents: z.array(caseDocumentSchema),
      /** Pages whose OCR is not finished yet; their files are extracted on a later run. */
      pendingPages: z.number().int().nonnegative(),
    }),
    allow: CASE_WORKERS,
    audit: 'input',
  },
  'extraction.list': {
    input: z.object({ caseId }).strict(),
    output: z.object({ documents: z.array(caseDocumentSchema) }),
    allow: SIGNED_IN,
  },
  'extraction.setType': {
    input: z.object({ documentId, type: documentTypeSchema }).strict(),
    output: caseDocumentSchema,
    allow: CASE_WORKERS,
    audit: 'handler',
  },
  'extraction.setField': {
    input: z
      .object({
        documentId,
        key: z.string().min(1).max(64),
        value: fieldValueSchema.nullable(),
        /** Why, in the officer's words (optional): recorded in the audit trail with the old and new value. */
        note: z.string().trim().max(500).optional(),
        /** The value the officer's change started from. When given and the field holds another value now
         * (another desk saved one meanwhile), the save is refused with `conflict` (reason
         * `changed_elsewhere`) instead of overwriting it. */
        expected: z.object({ value: fieldValueSchema.nullable() }).strict().optional(),
      })
      .strict(),
    output: caseDocumentSchema,
    allow: CASE_WORKERS,
    audit: 'handler',
  },
  /** Undoes the latest change to a field not undone yet (refused with `conflict` when there is none or
   * the field changed since). */
  'extraction.undoField': {
    input: z.object({ documentId, key: z.string().min(1).max(64) }).strict(),
    output: caseDocumentSchema,
    allow: CASE_WORKERS,
    audit: 'handler',
  },
});
