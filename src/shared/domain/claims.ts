// Claims, cases and cross-check flags (docs/contract.md §4, §5).
import { z } from 'zod';
import { bboxSchema, documentTypeSchema } from './documents';

export const CLAIM_TYPES = ['JHT', 'JKK', 'JKM', 'BEASISWA'] as const;
export const claimTypeSchema = z.enum(CLAIM_TYPES);
export type ClaimType = z.infer<typeof claimTypeSchema>;

export const CASE_STATUSES = ['draft', 'in_review', 'awaiting_supervisor', 'approved', 'rejected', 'returned'] as const;
export const caseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

export const RULE_IDS = [
  'identity.nik_mismatch',
  'identity.name_mismatch',
  'identity.dob_mismatch',
  'identity.nik_dob_inconsistent',
  'identity.kpj_mismatch',
  'bank.holder_name_mismatch',
  'membership.inactive_at_incident',
  'membership.program_not_covered',
  'documents.missing_required',
  'documents.low_quality',
  'claim.deadline_exceeded',
  'claim.duplicate',
  'fraud.shared_bank_account',
  'fraud.document_reused',
  'jkk.report_late',
  'receipt.date_before_incident',
  'npwp.required',
] as const;
export const ruleIdSchema = z.enum(RULE_IDS);
export type RuleId = z.infer<typeof ruleIdSchema>;

export const severitySchema = z.enum(['blocker', 'warning', 'info']);
export type Severity = z.infer<typeof severitySchema>;

export const evidenceRefSchema = z.object({
  documentType: documentTypeSchema.optional(),
  /** Index of the document within the case (stable id where the case has one). */
  documentId: z.string().optional(),
  field: z.string().optional(),
  value: z.unknown().optional(),
  page: z.number().int().positive().optional(),
  bbox: bboxSchema.nullable().optional(),
});

/**
 * A document's value set beside the participant record's, as the checks compared them: shown beside the
 * field, and a field whose value is exactly the record's is settled.
 */
export const comparisonSchema = z.object({
  /** As in a flag's evidence: the case document's id, as text. */
  documentId: z.string(),
  /** The document's field key. */
  field: z.string(),
  /** The record's column (contract §3). */
  recordField: z.string(),
  recordValue: z.string(),
  /** The values are identical (after the contract's normalisation). */
  same: z.boolean(),
  /** The check passed (names may agree without being identical). */
  agrees: z.boolean(),
});
export type Comparison = z.infer<typeof comparisonSchema>;

export const flagSchema = z.object({
  rule: ruleIdSchema,
  severity: severitySchema,
  /** Both languages' sentences, for the command line and logs; the screens say it from `rule` and `params`. */
  message: z.object({ id: z.string(), en: z.string() }),
  /** What the rule found (values, dates yyyy-mm-dd, the document type): the screens render the rule's
   * sentence from these in the reader's language. Absent on flags stored before parameters were kept. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  evidence: z.object({
    document: evidenceRefSchema.optional(),
    record: z.object({ field: z.string(), value: z.unknown() }).optional(),
    /** Names of values a rule needed that no document or record supplied. */
    missing: z.array(z.string()).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type Flag = z.infer<typeof flagSchema>;

export const checklistEntrySchema = z.object({
  type: documentTypeSchema,
  required: z.boolean(),
  present: z.boolean(),
});
export type ChecklistEntry = z.infer<typeof checklistEntrySchema>;

/** Why a new case's own facts are refused (the incident date is the accident's for JKK and the death's for JKM). */
export type NewCaseProblem = { field: 'incidentDate'; reason: 'future_date' | 'death_date_required' };

/** What is wrong with a new case's claim type and incident date, given today's date (yyyy-mm-dd, the desk's own). */
export function newCaseProblems(input: { claimType: ClaimType; incidentDate?: string | undefined }, today: string): NewCaseProblem[] {
  if (!input.incidentDate) return input.claimType === 'JKM' ? [{ field: 'incidentDate', reason: 'death_date_required' }] : [];
  return input.incidentDate > today ? [{ field: 'incidentDate', reason: 'future_date' }] : [];
}
