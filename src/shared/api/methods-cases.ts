import { z } from 'zod';
import { defineMethods } from './define';
import { caseStatusSchema, claimTypeSchema } from '../domain/claims';
import { isoDateSchema } from '../domain/participant';

export const caseSummarySchema = z.object({
  id: z.number().int().positive(),
  reference: z.string(),
  claimType: claimTypeSchema,
  status: caseStatusSchema,
  participantId: z.number().int().positive().nullable(),
  participantName: z.string().nullable(),
  kpj: z.string().nullable(),
  incidentDate: isoDateSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string(),
  fileCount: z.number().int().nonnegative(),
  flagCount: z.number().int().nonnegative(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseHistoryEntrySchema = z.object({
  at: z.string(),
  actor: z.string(),
  role: z.string(),
  action: z.string(),
  detail: z.unknown(),
});

export const caseDetailSchema = caseSummarySchema.extend({
  notes: z.string(),
  /** Who did what to the case, oldest first (from the audit log). */
  history: z.array(caseHistoryEntrySchema),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const casesMethods = defineMethods({
  'cases.list': {
    input: z
      .object({
        status: z.array(caseStatusSchema).optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ cases: z.array(caseSummarySchema) }),
  },
  'cases.create': {
    input: z
      .object({
        claimType: claimTypeSchema,
        kpj: z.string().regex(/^\d{11}$/, 'KPJ must be 11 digits').optional(),
        incidentDate: isoDateSchema.optional(),
        notes: z.string().max(4000).default(''),
      })
      .strict(),
    output: caseDetailSchema,
    roles: ['officer', 'supervisor', 'admin'],
    audit: true,
  },
  'cases.get': {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: caseDetailSchema,
  },
  /** The officer finishes verification: flagged cases go to a supervisor, clean ones are approved. */
  'cases.submit': {
    input: z.object({ caseId: z.number().int().positive(), note: z.string().max(2000).default('') }).strict(),
    output: caseDetailSchema,
    roles: ['officer', 'supervisor', 'admin'],
    audit: true,
  },
  'cases.decide': {
    input: z
      .object({
        caseId: z.number().int().positive(),
        decision: z.enum(['approve', 'reject', 'return']),
        reason: z.string().trim().max(2000).default(''),
      })
      .strict(),
    output: caseDetailSchema,
    roles: ['supervisor', 'admin'],
    audit: true,
  },
});
