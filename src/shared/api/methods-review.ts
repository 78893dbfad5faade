// Submitting, deciding and reopening cases, dismissing warnings, and what a supervisor sees to decide.
import { z } from 'zod';
import { flagSchema } from '../domain/claims';
import { decisionSchema, rejectReasonSchema, returnReasonSchema } from '../domain/workflow';
import { bboxSchema, fieldValueSchema } from '../domain/documents';
import { caseDecisionSchema, caseDetailSchema } from './methods-cases';
import { defineMethods } from './define';
import { CASE_WORKERS, DECIDERS, SIGNED_IN } from './roles';

const caseId = z.number().int().positive();
/** The case version the caller saw: a decision on anything else is refused as stale. */
const version = z.number().int().positive();
const note = z.string().trim().max(2000);

export const flagDismissalSchema = z.object({ reason: z.string(), by: z.string(), at: z.string() });

/** A flag as the review shows it: with its stable key and, for a warning, the officer's dismissal. */
export const reviewFlagSchema = flagSchema.extend({ key: z.string(), dismissal: flagDismissalSchema.nullable() });
export type ReviewFlag = z.infer<typeof reviewFlagSchema>;

/** An officer's correction beside the value OCR read (from the audit trail). */
export const correctionSchema = z.object({
  documentId: z.number().int().positive(),
  documentType: z.string(),
  /** A field key, or '(type)' for a document retyped by the officer. */
  field: z.string(),
  ocrValue: fieldValueSchema.nullable(),
  officerValue: fieldValueSchema.nullable(),
  by: z.string(),
  at: z.string(),
  note: z.string().nullable(),
  page: z.number().int().positive().nullable(),
  bbox: bboxSchema.nullable(),
  fileId: z.number().int().positive().nullable(),
});
export type Correction = z.infer<typeof correctionSchema>;

export const caseReviewSchema = z.object({
  caseId,
  version,
  flags: z.array(reviewFlagSchema),
  /** Values the rules that could not be judged were missing. */
  unjudged: z.array(z.string()),
  corrections: z.array(correctionSchema),
  submission: z.object({ by: z.string(), at: z.string(), note: z.string() }).nullable(),
  decisions: z.array(caseDecisionSchema),
});
export type CaseReview = z.infer<typeof caseReviewSchema>;

export const reviewMethods = defineMethods({
  'cases.review': {
    input: z.object({ caseId }).strict(),
    output: caseReviewSchema,
    allow: SIGNED_IN,
  },
  /** Runs the checks and routes the case: to a supervisor, or approved when the policy allows and all passed. */
  'cases.submit': {
    input: z.object({ caseId, version, note: note.default('') }).strict(),
    output: caseDetailSchema,
    allow: CASE_WORKERS,
    audit: 'handler',
  },
  'cases.decide': {
    input: z
      .object({
        caseId,
        version,
        decision: decisionSchema,
        /** Required for every decision (an empty note is refused with a reason the UI translates). */
        note,
        /** Required to reject. */
        reasonCode: rejectReasonSchema.optional(),
        /** Required to return: why, for the branch's figures. */
        returnReason: returnReasonSchema.optional(),
        /** Required to return: what the officer must fix. */
        items: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
        /** Keys of the blockers the supervisor acknowledged; approving needs every blocker acknowledged. */
        acknowledged: z.array(z.string().max(4000)).max(500).default([]),
      })
      .strict(),
    output: caseDetailSchema,
    allow: DECIDERS,
    audit: 'handler',
  },
  /** The only way back from a decision: to the officer, with the reason. */
  'cases.reopen': {
    input: z.object({ caseId, version, reason: note }).strict(),
    output: caseDetailSchema,
    allow: DECIDERS,
    audit: 'handler',
  },
  /** An officer sets a warning aside with a reason, which the supervisor sees; blockers cannot be dismissed. */
  'flags.dismiss': {
    input: z.object({ caseId, flagKey: z.string().min(1).max(4000), reason: z.string().trim().min(3).max(1000) }).strict(),
    output: z.object({ flags: z.array(reviewFlagSchema) }),
    allow: CASE_WORKERS,
    audit: 'handler',
  },
});
