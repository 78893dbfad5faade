// The audit trail: append-only and hash-chained (src/main/audit). Read by supervisors and administrators.
import { z } from 'zod';
import { defineMethods } from './define';
import { AUDITORS } from './roles';

export const auditEntrySchema = z.object({
  id: z.number().int().positive(),
  at: z.string(),
  actor: z.string(),
  role: z.string(),
  action: z.string(),
  caseId: z.number().int().nullable(),
  caseReference: z.string().nullable(),
  detail: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  rows: z.number().int().nonnegative(),
  /** The first row that does not follow from the one before it (edited, deleted, reordered or missing). */
  firstBroken: z.object({ id: z.number().int(), reason: z.enum(['edited', 'missing_before', 'out_of_order', 'unsealed', 'truncated']) }).nullable(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const auditMethods = defineMethods({
  'audit.list': {
    input: z
      .object({
        /** A case id, or a case reference such as CD-2026-000012. */
        caseRef: z.string().trim().min(1).max(40).optional(),
        actor: z.string().trim().min(1).max(80).optional(),
        /** Inclusive days, in the machine's time zone as the screen shows them (UTC offset in minutes). */
        from: day.optional(),
        to: day.optional(),
        tzOffsetMinutes: z.number().int().min(-900).max(900).default(0),
        /** Paging backwards: entries older than this id. */
        beforeId: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ entries: z.array(auditEntrySchema), nextBeforeId: z.number().int().nullable() }),
    allow: AUDITORS,
  },
  'audit.verify': {
    input: z.object({}).strict(),
    output: auditVerificationSchema,
    allow: AUDITORS,
  },
});
