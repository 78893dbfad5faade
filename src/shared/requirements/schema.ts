// The claim requirement table: which documents each claim type needs, under which condition, and the
// regulation or source each comes from. It is data shipped in resources/requirements/ and loaded into
// the database, so a supervisor can read it and an administrator can replace it without a code change.
import { z } from 'zod';
import { claimTypeSchema } from '../domain/claims';
import { documentTypeSchema } from '../domain/documents';
import { isoDateSchema } from '../domain/participant';

export const REQUIREMENT_CONDITIONS = [
  'always',
  /** The claim is for a death (JKM; JKK or JHT paid to heirs). */
  'death',
  'heir_is_spouse',
  'traffic_accident',
  'reimbursement',
  'transport_claim',
  'stmb_claim',
  'heir_acts_for_others',
  /** The benefit exceeds the configured NPWP threshold (Rp50,000,000 by default). */
  'benefit_above_npwp_threshold',
] as const;
export const requirementConditionSchema = z.enum(REQUIREMENT_CONDITIONS);
export type RequirementCondition = z.infer<typeof requirementConditionSchema>;

export const bilingualSchema = z.object({ id: z.string().min(1), en: z.string().min(1) });

export const requirementItemSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  /** Any one of these document types satisfies the item; empty when ClaimDesk cannot recognise it (checked by the officer). */
  documentTypes: z.array(documentTypeSchema),
  label: bilingualSchema,
  form: z.enum(['original', 'original_surrendered', 'copy_original_shown', 'copy']),
  condition: requirementConditionSchema,
  /** Reference tags into `references` (e.g. "R18") and regulation articles. */
  sources: z.array(z.string()).min(1),
  regulation: z.string().optional(),
  note: z.string().optional(),
  /** Concerns the heirs as payees: in a death claim where no heir is known at all, its absence is a warning. */
  heirs: z.boolean().optional(),
});
export type RequirementItem = z.infer<typeof requirementItemSchema>;

export const requirementTableSchema = z.object({
  version: z.string().min(1),
  effectiveFrom: isoDateSchema,
  description: z.string(),
  references: z.record(z.string(), z.string()),
  claimTypes: z.partialRecord(claimTypeSchema, z.object({ label: bilingualSchema, items: z.array(requirementItemSchema).min(1) })),
});
export type RequirementTable = z.infer<typeof requirementTableSchema>;
