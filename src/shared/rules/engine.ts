// The cross-check engine (docs/contract.md §5): pure, no I/O. Every rule id of the contract is
// evaluated; a rule missing a value reports it as missing (info) instead of passing silently.
import type { ChecklistEntry, Comparison, Flag, Severity } from '../domain/claims';
import { bankRule, heirRules } from './heirs-bank';
import { deadlineRule, duplicateRule, npwpRule, receiptRule, reportLateRule } from './claim';
import type { RulesConfig } from './config';
import { RuleContext } from './context';
import { addWorkingDays, iso, parseIsoDate } from './dates';
import { documentRules, lowQualityRule } from './documents';
import { documentReuseRule, sharedAccountRule } from './fraud';
import { identityRules } from './identity';
import type { CaseInput } from './input';
import { membershipRules } from './membership';

export interface Evaluation {
  flags: Flag[];
  checklist: ChecklistEntry[];
  /** Statutory payment deadline (working days after filing), when the configuration has one. */
  payBy: string | null;
  /** Document values set against the participant record. */
  comparisons: Comparison[];
}

const RANK: Record<Severity, number> = { blocker: 0, warning: 1, info: 2 };

/** The rule parameter holding each claim type's statutory processing time, in working days. */
export const PROCESSING_DAYS_PARAM = {
  JKK: 'jkkProcessingWorkingDays',
  JKM: 'jkmProcessingWorkingDays',
  JHT: 'jhtProcessingWorkingDays',
  BEASISWA: 'beasiswaProcessingWorkingDays',
} as const;

export function evaluateCase(input: CaseInput, config: RulesConfig): Evaluation {
  const ctx = new RuleContext(input, config);
  identityRules(ctx);
  heirRules(ctx);
  bankRule(ctx);
  membershipRules(ctx);
  const checklist = documentRules(ctx);
  lowQualityRule(ctx);
  deadlineRule(ctx);
  duplicateRule(ctx);
  sharedAccountRule(ctx);
  documentReuseRule(ctx);
  if (input.claimType === 'JKK' || ctx.has('form_kk1')) reportLateRule(ctx);
  receiptRule(ctx);
  npwpRule(ctx);
  const days = ctx.param(PROCESSING_DAYS_PARAM[input.claimType]);
  const filed = parseIsoDate(input.filedDate);
  const flags = ctx.flags
    .map((f, i) => ({ f, i }))
    .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
  return {
    flags,
    checklist,
    comparisons: ctx.comparisons,
    payBy: days !== null && filed ? iso(addWorkingDays(filed, days, new Set(input.holidays ?? []))) : null,
  };
}
