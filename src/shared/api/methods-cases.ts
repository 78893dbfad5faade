import { z } from 'zod';
import { defineMethods } from './define';
import { CASE_WORKERS, SIGNED_IN } from './roles';
import { caseStatusSchema, claimTypeSchema } from '../domain/claims';
import { isoDateSchema } from '../domain/participant';

export const caseSummarySchema = z.object({
  id: z.number().int().positive(),
  reference: z.string(),
  claimType: claimTypeSchema,
  status: caseStatusSchema,
  /** Grows with every change of status; decisions name the version they were made on. */
  version: z.number().int().positive(),
  participantId: z.number().int().positive().nullable(),
  participantName: z.string().nullable(),
  kpj: z.string().nullable(),
  incidentDate: isoDateSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  fileCount: z.number().int().nonnegative(),
  /** Blockers and warnings: what needs a decision. */
  flagCount: z.number().int().nonnegative(),
  blockerCount: z.number().int().nonnegative(),
  warningCount: z.number().int().nonnegative(),
  /** Rules that could not be judged (a value nobody supplied). */
  unjudgedCount: z.number().int().nonnegative(),
  /** The statutory deadline (working days after filing, public holidays excluded), when the claim type has one. */
  payBy: isoDateSchema.nullable(),
  /** Working days from today to `payBy` (negative once passed), for a case not yet decided. */
  workingDaysLeft: z.number().int().nullable(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseHistoryEntrySchema = z.object({
  at: z.string(),
  actor: z.string(),
  role: z.string(),
  action: z.string(),
  detail: z.unknown(),
});

export const caseDecisionSchema = z.object({
  kind: z.enum(['approve', 'reject', 'return', 'reopen', 'auto_approve']),
  reasonCode: z.string().nullable(),
  note: z.string(),
  items: z.array(z.string()),
  acknowledged: z.array(z.string()),
  decidedBy: z.string(),
  decidedAt: z.string(),
});
export type CaseDecision = z.infer<typeof caseDecisionSchema>;

export const caseDetailSchema = caseSummarySchema.extend({
  notes: z.string(),
  /** The officer's note to the supervisor, from the last submit. */
  submitNote: z.string(),
  /** Who did what to the case, oldest first (from the audit log). */
  history: z.array(caseHistoryEntrySchema),
  /** The last decision (or reopen), with its note and, for a return, the items to fix. */
  lastDecision: caseDecisionSchema.nullable(),
  /** Whether fields, files, facts and flags may change now (not while awaiting a decision, nor once decided). */
  editable: z.boolean(),
  /** Everyone who created, edited or submitted the case: none of them may decide it. */
  workedBy: z.array(z.string()),
  /** What the signed-in caller may do with the case now. */
  you: z.object({
    worked: z.boolean(),
    mayDecide: z.boolean(),
    /** Why not, when not: role, four_eyes or status. */
    why: z.enum(['role', 'four_eyes', 'status']).nullable(),
  }),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const casesMethods = defineMethods({
  'cases.list': {
    input: z
      .object({
        status: z.array(caseStatusSchema).optional(),
        claimType: z.array(claimTypeSchema).optional(),
        /** A case number, KPJ or NIK (or their start), or a part of the participant's name. */
        query: z.string().trim().max(100).optional(),
        /** 'due': the nearest statutory deadline first (decided cases last); 'updated': the latest change first. */
        sort: z.enum(['updated', 'due']).default('updated'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ cases: z.array(caseSummarySchema), total: z.number().int().nonnegative() }),
    allow: SIGNED_IN,
  },
  'cases.create': {
    input: z
      .object({
        claimType: claimTypeSchema,
        kpj: z
          .string()
          .regex(/^\d{11}$/, 'KPJ must be 11 digits')
          .optional(),
        incidentDate: isoDateSchema.optional(),
        notes: z.string().max(4000).default(''),
      })
      .strict(),
    output: caseDetailSchema,
    allow: CASE_WORKERS,
    audit: 'handler',
  },
  'cases.setParticipant': {
    // A case opened before the participant was known (a walk-in without a card) is linked later.
    input: z
      .object({
        caseId: z.number().int().positive(),
        kpj: z.string().regex(/^\d{11}$/, 'KPJ must be 11 digits'),
      })
      .strict(),
    output: caseDetailSchema,
    allow: CASE_WORKERS,
    audit: 'handler',
  },
  'cases.get': {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: caseDetailSchema,
    allow: SIGNED_IN,
  },
});
