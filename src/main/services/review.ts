// The review workflow's writes: submit, decide, reopen, dismiss a warning; and what a supervisor reads to
// decide. Each is one transaction with its audit entry. Decisions carry the case version the supervisor
// saw and change the case only if it is still at that version (a conditional update), so of two
// supervisors deciding at once exactly one wins. No one decides a case they created, edited or submitted.
import type { CaseDetail } from '../../shared/api/methods-cases';
import type { CaseReview } from '../../shared/api/methods-review';
import { AppError } from '../../shared/api/result';
import {
  canDecide,
  canReopen,
  canSubmit,
  DECISION_STATUS,
  lockReason,
  routeOnSubmit,
  type Decision,
  type RejectReason,
  type ReturnReason,
} from '../../shared/domain/workflow';
import { actorName, type Caller } from '../auth/caller';
import { checkCase, getCaseChecks, type KeyedFlag } from '../checks/case-checks';
import type { BackendContext } from '../context';
import { assertEditable, pagesBeingRead } from './case-access';
import { correctionsOf, recordSubmission } from './corrections';
import { caseState, decisionsOf, getCase, setCaseStatus, workersOf } from './cases';
import { reviewPolicy } from './settings';

/** Recorded as the decider of a case approved on submit by the administrator's review policy. */
export const POLICY_ACTOR = 'system:review-policy';

function recordDecision(
  ctx: BackendContext,
  caseId: number,
  d: { kind: string; reasonCode?: string | null; note: string; items?: string[]; acknowledged?: string[]; by: string; version: number },
): void {
  ctx.db
    .prepare(
      `INSERT INTO case_decisions(case_id, kind, reason_code, note, items, acknowledged, decided_by, decided_at, case_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      caseId,
      d.kind,
      d.reasonCode ?? null,
      d.note,
      JSON.stringify(d.items ?? []),
      JSON.stringify(d.acknowledged ?? []),
      d.by,
      ctx.now().toISOString(),
      d.version,
    );
}

function requireVersion(seen: number, current: number, reference: string): void {
  if (seen !== current) throw new AppError('conflict', `Case ${reference} changed since you opened it; reload it`, { reason: 'stale' });
}

export function submitCase(ctx: BackendContext, caller: Caller, input: { caseId: number; version: number; note: string }): CaseDetail {
  ctx.db.transaction(() => {
    const state = caseState(ctx, input.caseId);
    if (!canSubmit(state.status)) {
      throw new AppError('conflict', `Case ${state.reference} cannot be submitted while ${state.status}`, {
        reason: lockReason(state.status) ?? 'status',
        status: state.status,
      });
    }
    requireVersion(input.version, state.version, state.reference);
    const reading = pagesBeingRead(ctx, input.caseId);
    if (reading > 0) {
      throw new AppError('conflict', `Case ${state.reference} still has ${reading} page(s) being read; submit once they are done`, {
        reason: 'ocr_running',
        pages: reading,
      });
    }
    // Route on the checks as they stand now, not as they stood at the last edit.
    const checks = checkCase(ctx, input.caseId, undefined, actorName(caller));
    const routing = routeOnSubmit(checks.flags, reviewPolicy(ctx).autoApprove[state.claimType]);
    const dismissed = checks.flags.filter((f) => f.dismissal).length;
    const version = setCaseStatus(ctx, input.caseId, state, 'awaiting_supervisor', { submittedBy: actorName(caller), submitNote: input.note });
    recordSubmission(ctx.db, input.caseId, actorName(caller), ctx.now().toISOString());
    ctx.audit(caller, 'cases.submit', { note: input.note, routing: { ...routing, dismissed } }, input.caseId);
    if (routing.to === 'approved') {
      // Every check ran and passed, and the policy lets this claim type through without a supervisor.
      setCaseStatus(ctx, input.caseId, { status: 'awaiting_supervisor', version }, 'approved');
      recordDecision(ctx, input.caseId, {
        kind: 'auto_approve',
        note: `review policy: ${state.claimType} approved when every check passed`,
        by: POLICY_ACTOR,
        version: version + 1,
      });
      ctx.audit({ kind: 'system', username: POLICY_ACTOR }, 'cases.autoApprove', { claimType: state.claimType, submittedBy: actorName(caller) }, input.caseId);
    }
  })();
  ctx.events.emit('case.changed', { caseId: input.caseId });
  return getCase(ctx, input.caseId, caller);
}

export interface DecideInput {
  caseId: number;
  version: number;
  decision: Decision;
  note: string;
  reasonCode?: RejectReason | undefined;
  returnReason?: ReturnReason | undefined;
  items: string[];
  acknowledged: string[];
}

export function decideCase(ctx: BackendContext, caller: Caller, input: DecideInput): CaseDetail {
  ctx.db.transaction(() => {
    const state = caseState(ctx, input.caseId);
    if (!canDecide(state.status)) {
      throw new AppError('conflict', `Case ${state.reference} is not awaiting a supervisor (${state.status})`, { reason: 'status', status: state.status });
    }
    requireVersion(input.version, state.version, state.reference);
    if (workersOf(ctx, input.caseId).includes(actorName(caller))) {
      throw new AppError('forbidden', `You created, edited or submitted case ${state.reference}: another supervisor must decide it`, { reason: 'four_eyes' });
    }
    if (!input.note.trim()) throw new AppError('invalid_input', 'A note is required for every decision', { reason: 'note_required' });
    if (input.decision === 'reject' && !input.reasonCode)
      throw new AppError('invalid_input', 'Choose the reason for the rejection', { reason: 'reason_code_required' });
    if (input.decision === 'return' && !input.returnReason)
      throw new AppError('invalid_input', 'Choose the reason for returning the case', { reason: 'return_reason_required' });
    if (input.decision === 'return' && input.items.length === 0)
      throw new AppError('invalid_input', 'List what the officer must fix', { reason: 'items_required' });
    const blockers = getCaseChecks(ctx, input.caseId)
      .flags.filter((f) => f.severity === 'blocker')
      .map((f) => f.key);
    const acknowledged = blockers.filter((k) => input.acknowledged.includes(k));
    if (input.decision === 'approve' && acknowledged.length < blockers.length) {
      const open = blockers.length - acknowledged.length;
      throw new AppError('invalid_input', `Acknowledge each blocker before approving (${open} not acknowledged)`, { reason: 'unacknowledged', count: open });
    }
    setCaseStatus(ctx, input.caseId, state, DECISION_STATUS[input.decision]);
    recordDecision(ctx, input.caseId, {
      kind: input.decision,
      reasonCode: input.decision === 'reject' ? (input.reasonCode ?? null) : input.decision === 'return' ? (input.returnReason ?? null) : null,
      note: input.note,
      items: input.decision === 'return' ? input.items : [],
      acknowledged,
      by: actorName(caller),
      version: state.version + 1,
    });
    ctx.audit(
      caller,
      'cases.decide',
      {
        decision: input.decision,
        note: input.note,
        ...(input.decision === 'reject' ? { reasonCode: input.reasonCode } : {}),
        ...(input.decision === 'return' ? { reasonCode: input.returnReason, items: input.items } : {}),
        acknowledgedBlockers: acknowledged.length,
        version: state.version,
      },
      input.caseId,
    );
  })();
  ctx.events.emit('case.changed', { caseId: input.caseId });
  return getCase(ctx, input.caseId, caller);
}

export function reopenCase(ctx: BackendContext, caller: Caller, input: { caseId: number; version: number; reason: string }): CaseDetail {
  ctx.db.transaction(() => {
    const state = caseState(ctx, input.caseId);
    if (!canReopen(state.status)) {
      throw new AppError('conflict', `Only a decided case can be reopened; ${state.reference} is ${state.status}`, { reason: 'status', status: state.status });
    }
    requireVersion(input.version, state.version, state.reference);
    if (!input.reason.trim()) throw new AppError('invalid_input', 'A reason is required to reopen a case', { reason: 'reopen_reason_required' });
    setCaseStatus(ctx, input.caseId, state, 'returned');
    recordDecision(ctx, input.caseId, { kind: 'reopen', note: input.reason, by: actorName(caller), version: state.version + 1 });
    ctx.audit(caller, 'cases.reopen', { reason: input.reason, from: state.status, version: state.version }, input.caseId);
  })();
  ctx.events.emit('case.changed', { caseId: input.caseId });
  return getCase(ctx, input.caseId, caller);
}

export function dismissFlag(ctx: BackendContext, caller: Caller, input: { caseId: number; flagKey: string; reason: string }): KeyedFlag[] {
  ctx.db.transaction(() => {
    assertEditable(ctx, input.caseId);
    const flag = getCaseChecks(ctx, input.caseId).flags.find((f) => f.key === input.flagKey);
    if (!flag) throw new AppError('not_found', 'That finding is no longer raised; check the case again', { reason: 'flag' });
    if (flag.severity !== 'warning') {
      throw new AppError('forbidden', `Only a warning can be dismissed; a ${flag.severity} goes to the supervisor`, {
        reason: 'not_warning',
        severity: flag.severity,
      });
    }
    ctx.db
      .prepare(
        `INSERT INTO flag_dismissals(case_id, flag_key, rule, reason, dismissed_by, dismissed_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(case_id, flag_key) DO UPDATE SET reason = excluded.reason, dismissed_by = excluded.dismissed_by, dismissed_at = excluded.dismissed_at`,
      )
      .run(input.caseId, input.flagKey, flag.rule, input.reason, actorName(caller), ctx.now().toISOString());
    ctx.audit(
      caller,
      'flags.dismiss',
      { rule: flag.rule, reason: input.reason, message: flag.message.en, field: flag.evidence.document?.field ?? null },
      input.caseId,
    );
  })();
  ctx.events.emit('case.changed', { caseId: input.caseId });
  return getCaseChecks(ctx, input.caseId).flags;
}

export function caseReview(ctx: BackendContext, caseId: number): CaseReview {
  const detail = getCase(ctx, caseId);
  const flags = getCaseChecks(ctx, caseId).flags;
  return {
    caseId,
    version: detail.version,
    flags,
    unjudged: [...new Set(flags.flatMap((f) => f.evidence.missing ?? []))].sort(),
    corrections: correctionsOf(ctx.db, caseId),
    submission: detail.submittedBy && detail.submittedAt ? { by: detail.submittedBy, at: detail.submittedAt, note: detail.submitNote } : null,
    decisions: decisionsOf(ctx, caseId),
  };
}
