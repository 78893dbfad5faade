// Runs the cross-checks for one case and stores the result: the flags in case_flags (one row per flag,
// replaced as a whole on every run) and the checklist in case_checks, in one transaction.
import type { ChecklistEntry, Flag } from '../../shared/domain/claims';
import { flagSchema, checklistEntrySchema } from '../../shared/domain/claims';
import { evaluateCase } from '../../shared/rules/engine';
import type { StatedFacts } from '../../shared/rules/input';
import type { BackendContext } from '../context';
import { getCase } from '../services/cases';
import { loadRulesConfig } from './config-store';
import { caseFacts, gatherCaseInput } from './gather';

export interface CaseChecks {
  caseId: number;
  checkedAt: string | null;
  flags: Flag[];
  checklist: ChecklistEntry[];
  payBy: string | null;
  rulesVersion: string | null;
  requirementsVersion: string | null;
}

/** Saves the officer's stated facts (merged with earlier ones; null clears a fact). */
export function setCaseFacts(ctx: BackendContext, caseId: number, facts: StatedFacts): StatedFacts {
  getCase(ctx, caseId);
  const merged = { ...caseFacts(ctx, caseId), ...facts };
  ctx.db
    .prepare(
      `INSERT INTO case_facts(case_id, facts, updated_at, updated_by) VALUES (?, ?, ?, ?)
       ON CONFLICT(case_id) DO UPDATE SET facts = excluded.facts, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    )
    .run(caseId, JSON.stringify(merged), new Date().toISOString(), ctx.operator().name);
  return merged;
}

export function checkCase(ctx: BackendContext, caseId: number, facts?: StatedFacts): CaseChecks {
  if (facts) setCaseFacts(ctx, caseId, facts);
  const input = gatherCaseInput(ctx, caseId);
  const config = loadRulesConfig(ctx);
  const result = evaluateCase(input, config);
  const at = new Date().toISOString();
  const insert = ctx.db.prepare(
    `INSERT INTO case_flags(case_id, rule, severity, message_id, message_en, evidence, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  ctx.db.transaction(() => {
    ctx.db.prepare(`DELETE FROM case_flags WHERE case_id = ?`).run(caseId);
    for (const f of result.flags) insert.run(caseId, f.rule, f.severity, f.message.id, f.message.en, JSON.stringify(f.evidence), at);
    ctx.db
      .prepare(
        `INSERT INTO case_checks(case_id, checked_at, checked_by, checklist, pay_by, rules_version, requirements_version) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(case_id) DO UPDATE SET checked_at = excluded.checked_at, checked_by = excluded.checked_by, checklist = excluded.checklist,
           pay_by = excluded.pay_by, rules_version = excluded.rules_version, requirements_version = excluded.requirements_version`,
      )
      .run(caseId, at, ctx.operator().name, JSON.stringify(result.checklist), result.payBy, config.version, input.requirements.version);
  })();
  ctx.events.emit('case.changed', { caseId });
  return { caseId, checkedAt: at, flags: result.flags, checklist: result.checklist, payBy: result.payBy, rulesVersion: config.version, requirementsVersion: input.requirements.version };
}

interface FlagRow { rule: string; severity: string; message_id: string; message_en: string; evidence: string }

export function getCaseChecks(ctx: BackendContext, caseId: number): CaseChecks {
  getCase(ctx, caseId);
  const rows = ctx.db.prepare(`SELECT rule, severity, message_id, message_en, evidence FROM case_flags WHERE case_id = ? ORDER BY id`).all(caseId) as FlagRow[];
  const flags = rows.map((r) => flagSchema.parse({ rule: r.rule, severity: r.severity, message: { id: r.message_id, en: r.message_en }, evidence: JSON.parse(r.evidence) }));
  const check = ctx.db.prepare(`SELECT checked_at, checklist, pay_by, rules_version, requirements_version FROM case_checks WHERE case_id = ?`).get(caseId) as
    | { checked_at: string; checklist: string; pay_by: string | null; rules_version: string; requirements_version: string }
    | undefined;
  return {
    caseId,
    checkedAt: check?.checked_at ?? null,
    flags,
    checklist: check ? checklistEntrySchema.array().parse(JSON.parse(check.checklist)) : [],
    payBy: check?.pay_by ?? null,
    rulesVersion: check?.rules_version ?? null,
    requirementsVersion: check?.requirements_version ?? null,
  };
}
