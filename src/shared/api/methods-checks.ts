// Participant import, requirements and cross-checks (issue 5).
import { z } from 'zod';
import { defineMethods } from './define';
import { uploadId } from './upload';
import { checklistEntrySchema, claimTypeSchema, comparisonSchema, flagSchema } from '../domain/claims';
import { ADMINS, CASE_WORKERS, SIGNED_IN } from './roles';
import { requirementTableSchema } from '../requirements/schema';
import { rulesConfigSchema } from '../rules/config';

/** What is wrong in one place of a CSV line, for the screens to say in the reader's language. */
export const lineProblemSchema = z.object({
  /** The column it is about ('' for the whole line). */
  column: z.string(),
  code: z.enum(['digits', 'nik_date', 'empty', 'date', 'choice', 'month', 'program', 'utf8', 'columns', 'duplicate', 'unreadable']),
  /** The value found, when there is one. */
  value: z.string().optional(),
  /** What was expected: a digit count, the allowed values, the line of the first copy, the column count. */
  expected: z.string().optional(),
});
export type LineProblem = z.infer<typeof lineProblemSchema>;
/** `reason` is the problem in English (the command line prints it); `problems` says the same as codes. */
const lineErrorSchema = z.object({ line: z.number().int().nonnegative(), reason: z.string(), problems: z.array(lineProblemSchema).optional() });

export const importResultSchema = z.object({
  importId: z.number().int().positive(),
  rowsRead: z.number().int().nonnegative(),
  inserted: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  errors: z.array(lineErrorSchema),
});

export const importHistoryEntrySchema = z.object({
  id: z.number().int().positive(),
  startedAt: z.string(),
  /** Null while the import runs. */
  finishedAt: z.string().nullable(),
  actor: z.string(),
  fileName: z.string(),
  /** 'failed' and 'interrupted' (the app stopped mid-way) imports were undone: the store is as before. */
  status: z.enum(['running', 'done', 'failed', 'interrupted']),
  rowsRead: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errorCount: z.number().int(),
  /** The first 200 line errors. */
  errors: z.array(lineErrorSchema),
  failure: z.string().nullable(),
});

/** Facts the officer states; they decide conditional requirements (null clears a fact). */
export const statedFactsSchema = z
  .object({
    death: z.boolean().nullable(),
    heirIsSpouse: z.boolean().nullable(),
    trafficAccident: z.boolean().nullable(),
    reimbursement: z.boolean().nullable(),
    transportClaim: z.boolean().nullable(),
    stmbClaim: z.boolean().nullable(),
    heirActsForOthers: z.boolean().nullable(),
    benefitAmount: z.number().int().nonnegative().nullable(),
  })
  .partial()
  .strict();

export const caseChecksSchema = z.object({
  caseId: z.number().int().positive(),
  /** null when the case was never checked. */
  checkedAt: z.string().nullable(),
  /** Each flag with its stable key and, for a dismissed warning, who set it aside and why. */
  flags: z.array(flagSchema.extend({ key: z.string(), dismissal: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable() })),
  checklist: z.array(checklistEntrySchema),
  /** The document values the checks set against the participant record. */
  comparisons: z.array(comparisonSchema),
  /** Statutory payment deadline (working days after filing) when the configuration has one. */
  payBy: z.string().nullable(),
  rulesVersion: z.string().nullable(),
  requirementsVersion: z.string().nullable(),
});
export type CaseChecksOutput = z.infer<typeof caseChecksSchema>;

export const checksMethods = defineMethods({
  'participants.import': {
    // The CSV inline, or streamed first (`upload`, uploads.ts) as the screens send it.
    input: z.union([
      z
        .object({
          csvText: z
            .string()
            .min(1)
            .max(64 * 1024 * 1024, 'Upload at most 64 MB; import larger files with the command line'),
          fileName: z.string().min(1).max(255),
        })
        .strict(),
      z.object({ upload: uploadId, fileName: z.string().min(1).max(255) }).strict(),
    ]),
    output: importResultSchema,
    allow: ADMINS,
    // Recorded with the file's hash and counts, never its rows (participants' personal data).
    audit: 'handler',
  },
  'participants.importHistory': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.object({ imports: z.array(importHistoryEntrySchema) }),
    allow: SIGNED_IN,
  },
  'requirements.get': {
    input: z.object({ claimType: claimTypeSchema.optional() }).strict(),
    output: requirementTableSchema.extend({
      versions: z.array(z.object({ version: z.string(), effectiveFrom: z.string(), loadedAt: z.string() })),
    }),
    allow: SIGNED_IN,
  },
  'checks.config': {
    input: z.object({}).strict(),
    output: rulesConfigSchema,
    allow: SIGNED_IN,
  },
  'checks.run': {
    input: z.object({ caseId: z.number().int().positive(), facts: statedFactsSchema.optional() }).strict(),
    output: caseChecksSchema,
    allow: CASE_WORKERS,
    // Stated facts are recorded with their old and new values; a plain re-run changes no one's input.
    audit: 'handler',
  },
  'checks.facts': {
    input: z.object({ caseId: z.number().int().positive() }).strict(),
    output: z.object({ facts: statedFactsSchema }),
    allow: SIGNED_IN,
  },
  'checks.get': {
    input: z.object({ caseId: z.number().int().positive() }).strict(),
    output: caseChecksSchema,
    allow: SIGNED_IN,
  },
});
