// Runs the cross-checks for one case and stores the result: the flags in case_flags (one row per flag,
// replaced as a whole on every run) and the checklist in case_checks, in one transaction. Each flag is
// returned with its stable key (src/shared/domain/workflow.ts) and the officer's dismissal, if any.
import type { ChecklistEntry, Flag } from '../../shared/domain/claims';
import { flagSchema, checklistEntrySchema, comparisonSchema, type Comparison } from '../../shared/domain/claims';
import { flagKey, isUnjudged } from '../../shared/domain/workflow';
import { evaluateCase } from '../../shared/rules/engine';
import type { StatedFacts } from '../../shared/rules/input';
import type { BackendContext } from '../context';
import { getCase } from '../services/cases';
import { integer, manyRows, tuples } from '../db/batch';
import { loadRulesConfig } from './config-store';
import { caseFacts, gatherCaseInput } from './gather';

export interface FlagDismissal {
  reason: string;
  by: string;
  at: string;
}

export type KeyedFlag = Flag & { key: string; dismissal: FlagDismissal | null };

export interface CaseChecks {
  caseId: number;
  checkedAt: string | null;
  flags: KeyedFlag[];
  checklist: ChecklistEntry[];
  comparisons: Comparison[];
  payBy: string | null;
  rulesVersion: string | null;
  requirementsVersion: string | null;
}

/** Who runs checks nobody asked for (pages finished, a case opened). */
const BACKGROUND_ACTOR = 'system:claimdesk';

/** Saves the officer's stated facts (merged with earlier ones; null clears a fact); returns both versions. */
export function setCaseFacts(ctx: BackendContext, caseId: number, facts: StatedFacts, by: string): { before: StatedFacts; after: StatedFacts } {
  getCase(ctx, caseId);
  const before = caseFacts(ctx, caseId);
  const after = { ...before, ...facts };
  ctx.db
    .prepare(
      `INSERT INTO case_facts(case_id, facts, updated_at, updated_by) VALUES (?, ?, ?, ?)
       ON CONFLICT(case_id) DO UPDATE SET facts = excluded.facts, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    )
    .run(caseId, JSON.stringify(after), ctx.now().toISOString(), by);
  return { before, after };
}

function dismissalsOf(ctx: BackendContext, caseId: number): Map<string, FlagDismissal> {
  const rows = ctx.db.prepare(`SELECT flag_key, reason, dismissed_by, dismissed_at FROM flag_dismissals WHERE case_id = ?`).all(caseId) as {
    flag_key: string;
    reason: string;
    dismissed_by: string;
    dismissed_at: string;
  }[];
  return new Map(rows.map((r) => [r.flag_key, { reason: r.reason, by: r.dismissed_by, at: r.dismissed_at }]));
}

/** Only warnings can be set aside; a dismissal of a finding that is no longer raised is kept, unused. */
function keyed(ctx: BackendContext, caseId: number, flags: Flag[]): KeyedFlag[] {
  const dismissed = dismissalsOf(ctx, caseId);
  return flags.map((f) => {
    const key = flagKey(f);
    const d = f.severity === 'warning' ? dismissed.get(key) : undefined;
    return { ...f, key, dismissal: d ?? null };
  });
}

export function checkCase(ctx: BackendContext, caseId: number, facts?: StatedFacts, by: string = BACKGROUND_ACTOR): CaseChecks {
  if (facts) setCaseFacts(ctx, caseId, facts, by);
  const input = gatherCaseInput(ctx, caseId);
  const config = loadRulesConfig(ctx);
  const result = evaluateCase(input, config);
  const at = ctx.now().toISOString();
  // All of a case's findings in one statement (on PostgreSQL each statement is a round trip, made while
  // the store's write lock is held).
  const insert = manyRows(
    ctx.db,
    (n) =>
      `INSERT INTO case_flags(case_id, rule, severity, message_id, message_en, params, evidence, created_at, unjudged)
       SELECT * FROM (VALUES ${tuples(n, 9, { 0: integer, 8: integer })}) AS v WHERE v.column1 IS NOT NULL`,
    { chunk: 16, width: 9 },
  );
  ctx.db.transaction(() => {
    ctx.db.prepare(`DELETE FROM case_flags WHERE case_id = ?`).run(caseId);
    insert.run(
      result.flags.map((f) => [
        caseId,
        f.rule,
        f.severity,
        f.message.id,
        f.message.en,
        f.params ? JSON.stringify(f.params) : null,
        JSON.stringify(f.evidence),
        at,
        isUnjudged(f) ? 1 : 0,
      ]),
    );
    ctx.db
      .prepare(
        `INSERT INTO case_checks(case_id, checked_at, checked_by, checklist, pay_by, rules_version, requirements_version, comparisons) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(case_id) DO UPDATE SET checked_at = excluded.checked_at, checked_by = excluded.checked_by, checklist = excluded.checklist,
           pay_by = excluded.pay_by, rules_version = excluded.rules_version, requirements_version = excluded.requirements_version,
           comparisons = excluded.comparisons`,
      )
      .run(caseId, at, by, JSON.stringify(result.checklist), result.payBy, config.version, input.requirements.version, JSON.stringify(result.comparisons));
  })();
  ctx.events.emit('case.changed', { caseId });
  return {
    caseId,
    checkedAt: at,
    flags: keyed(ctx, caseId, result.flags),
    checklist: result.checklist,
    comparisons: result.comparisons,
    payBy: result.payBy,
    rulesVersion: config.version,
    requirementsVersion: input.requirements.version,
  };
}

interface FlagRow {
  rule: string;
  severity: string;
  message_id: string;
  message_en: string;
  params: string | null;
  evidence: string;
}

export function getCaseChecks(ctx: BackendContext, caseId: number): CaseChecks {
  getCase(ctx, caseId);
  const rows = ctx.db
    .prepare(`SELECT rule, severity, message_id, message_en, params, evidence FROM case_flags WHERE case_id = ? ORDER BY id`)
    .all(caseId) as FlagRow[];
  const flags = rows.map((r) =>
    flagSchema.parse({
      rule: r.rule,
      severity: r.severity,
      message: { id: r.message_id, en: r.message_en },
      ...(r.params ? { params: JSON.parse(r.params) as unknown } : {}),
      evidence: JSON.parse(r.evidence),
    }),
  );
  const check = ctx.db
    .prepare(`SELECT checked_at, checklist, pay_by, rules_version, requirements_version, comparisons FROM case_checks WHERE case_id = ?`)
    .get(caseId) as
    { checked_at: string; checklist: string; pay_by: string | null; rules_version: string; requirements_version: string; comparisons: string } | undefined;
  return {
    caseId,
    checkedAt: check?.checked_at ?? null,
    flags: keyed(ctx, caseId, flags),
    checklist: check ? checklistEntrySchema.array().parse(JSON.parse(check.checklist)) : [],
    comparisons: check ? comparisonSchema.array().parse(JSON.parse(check.comparisons)) : [],
    payBy: check?.pay_by ?? null,
    rulesVersion: check?.rules_version ?? null,
    requirementsVersion: check?.requirements_version ?? null,
  };
}
