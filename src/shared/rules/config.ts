// Parameters of the cross-checks that regulation may change, each with its source. The shipped values
// live in resources/requirements/rules-config.json; the settings table may override single values.
import { z } from 'zod';
import { RULE_IDS, severitySchema, type RuleId, type Severity } from '../domain/claims';

const param = <T extends z.ZodType>(value: T) => z.object({ value, source: z.string().min(1), unconfirmed: z.boolean().optional() });

const nullableInt = param(z.number().int().positive().nullable());

export const rulesConfigSchema = z.object({
  version: z.string(),
  description: z.string().optional(),
  params: z.object({
    bpuGraceMonths: param(z.number().int().min(0).max(24)),
    puGraceMonths: param(z.number().int().min(0).max(24)),
    jkkClaimDeadlineYears: nullableInt,
    jkmClaimDeadlineYears: nullableInt,
    jhtClaimDeadlineYears: nullableInt,
    beasiswaClaimDeadlineYears: nullableInt,
    accidentReportWindowHours: param(z.number().int().positive()),
    npwpThresholdRupiah: param(z.number().int().positive()),
    jkmBenefitRupiah: param(z.number().int().positive()),
    jkkProcessingWorkingDays: nullableInt,
    jkmProcessingWorkingDays: nullableInt,
    jhtProcessingWorkingDays: nullableInt,
    beasiswaProcessingWorkingDays: nullableInt,
    nameMatchThreshold: param(z.number().min(0).max(1)),
    nameTokenThreshold: param(z.number().min(0).max(1)),
    minConfidenceToBlock: param(z.number().min(0).max(1)),
    minTypeConfidenceToBlock: param(z.number().min(0).max(1)),
  }),
  severities: z.partialRecord(z.enum(RULE_IDS), severitySchema),
});
export type RulesConfig = z.infer<typeof rulesConfigSchema>;
export type ParamName = keyof RulesConfig['params'];

/** A partial override as stored in settings: `{ params: { bpuGraceMonths: { value: 1 } }, severities: {...} }`. */
export const rulesConfigOverrideSchema = z.object({
  params: z.record(z.string(), z.object({ value: z.unknown(), source: z.string().optional() })).optional(),
  severities: z.partialRecord(z.enum(RULE_IDS), severitySchema).optional(),
});
export type RulesConfigOverride = z.infer<typeof rulesConfigOverrideSchema>;

/** Applies an override; the result is validated again so a bad override cannot slip through. */
export function mergeRulesConfig(base: RulesConfig, override: RulesConfigOverride): RulesConfig {
  const params: Record<string, unknown> = { ...base.params };
  for (const [name, p] of Object.entries(override.params ?? {})) {
    const current = (base.params as Record<string, { source: string } | undefined>)[name];
    if (!current) throw new Error(`unknown rules parameter "${name}"`);
    params[name] = { ...current, value: p.value, source: p.source ?? `${current.source} (overridden locally)` };
  }
  return rulesConfigSchema.parse({ ...base, params, severities: { ...base.severities, ...override.severities } });
}

export function severityOf(config: RulesConfig, rule: RuleId, fallback: Severity): Severity {
  return config.severities[rule] ?? fallback;
}
