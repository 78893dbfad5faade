// The participant letter of issue 15: made from a case's checklist and flags, kept with the case.
import { z } from 'zod';
import { defineMethods } from './define';
import { CASE_WORKERS, SIGNED_IN } from './roles';

const caseId = z.number().int().positive();

export const letterSummarySchema = z.object({
  id: z.number().int().positive(),
  caseId,
  lang: z.enum(['id', 'en']),
  createdAt: z.string(),
  createdBy: z.string(),
  /** How many missing documents the letter names. */
  missing: z.number().int().nonnegative(),
  sha256: z.string(),
});

export const letterSchema = letterSummarySchema.extend({
  /** The letter's lines as printed. */
  lines: z.array(z.string()),
  pdfBase64: z.string(),
});
export type LetterOutput = z.infer<typeof letterSchema>;

export const lettersMethods = defineMethods({
  'letters.create': {
    input: z.object({ caseId, lang: z.enum(['id', 'en']).default('id') }).strict(),
    output: letterSchema,
    allow: CASE_WORKERS,
    audit: 'handler',
  },
  'letters.list': {
    input: z.object({ caseId }).strict(),
    output: z.object({ letters: z.array(letterSummarySchema) }),
    allow: SIGNED_IN,
  },
  'letters.get': {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: letterSchema,
    allow: SIGNED_IN,
  },
});
