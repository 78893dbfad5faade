// The review workflow. Officers work a case and submit it; a supervisor who did not work it approves,
// rejects or returns it, always with a note. Only a case where every check ran and passed may be
// approved on submit, and only for claim types the administrator allows. A decided case is frozen:
// a supervisor's reopen, with a reason, is the only way back.
import { z } from 'zod';
import type { CaseStatus, ClaimType, Flag } from './claims';

export const DECISIONS = ['approve', 'reject', 'return'] as const;
export const decisionSchema = z.enum(DECISIONS);
export type Decision = z.infer<typeof decisionSchema>;

export const DECISION_STATUS: Record<Decision, CaseStatus> = {
  approve: 'approved',
  reject: 'rejected',
  return: 'returned',
};

/** Why a claim is rejected; the note says the rest. */
export const REJECT_REASONS = [
  'not_eligible',
  'identity_mismatch',
  'documents_invalid',
  'duplicate_claim',
  'fraud_suspected',
  'deadline_exceeded',
  'other',
] as const;
export const rejectReasonSchema = z.enum(REJECT_REASONS);
export type RejectReason = z.infer<typeof rejectReasonSchema>;

/** Why a case goes back to the officer (counted on the branch dashboard); the items say what to fix. */
export const RETURN_REASONS = ['documents_missing', 'document_unreadable', 'data_mismatch', 'facts_incomplete', 'findings_unexplained', 'other'] as const;
export const returnReasonSchema = z.enum(RETURN_REASONS);
export type ReturnReason = z.infer<typeof returnReasonSchema>;

/** Statuses in which a case may be changed (fields, files, facts, flags, documents). */
export const EDITABLE_STATUSES: readonly CaseStatus[] = ['draft', 'in_review', 'returned'];

export const canEdit = (status: CaseStatus): boolean => EDITABLE_STATUSES.includes(status);
export const canSubmit = canEdit;
export const canDecide = (status: CaseStatus): boolean => status === 'awaiting_supervisor';
/** Statuses of a decided case: frozen, and out of the open worklist. */
export const DECIDED_STATUSES: readonly CaseStatus[] = ['approved', 'rejected'];
export const isDecided = (status: CaseStatus): boolean => DECIDED_STATUSES.includes(status);
export const canReopen = isDecided;

/** Why a case cannot be changed now, for the refusal's message; null when it can. */
export function lockReason(status: CaseStatus): 'frozen' | 'awaiting' | null {
  if (isDecided(status)) return 'frozen';
  if (status === 'awaiting_supervisor') return 'awaiting';
  return null;
}

/**
 * A flag's identity across check runs: its rule and its evidence (document, field, value, record). Flags
 * are recomputed on every run; a dismissal holds for as long as the same finding comes back, and a
 * changed value is a new finding that needs a new judgement.
 */
export function flagKey(flag: Flag): string {
  const d = flag.evidence.document;
  const r = flag.evidence.record;
  return JSON.stringify([
    flag.rule,
    d?.documentId ?? null,
    d?.field ?? null,
    d?.value ?? null,
    r?.field ?? null,
    r?.value ?? null,
    flag.evidence.missing ?? null,
  ]);
}

/** The flag reports a rule that could not be judged: it names the values nobody supplied. */
export const isUnjudged = (flag: Flag): boolean => (flag.evidence.missing?.length ?? 0) > 0;

export interface Routing {
  to: 'approved' | 'awaiting_supervisor';
  blockers: number;
  warnings: number;
  /** What the rules that could not be judged were missing. */
  unjudged: string[];
  /** The claim type may be approved on submit at all (the administrator's review policy). */
  autoApproveAllowed: boolean;
}

/**
 * Where submitting leads. Any blocker, any warning (dismissed or not: a dismissal is the officer's
 * judgement, which a supervisor confirms) or any rule that could not be judged sends the case to a
 * supervisor, as does a claim type the policy keeps for supervisors. Judged information flags do not.
 */
export function routeOnSubmit(flags: readonly Flag[], autoApproveAllowed: boolean): Routing {
  const blockers = flags.filter((f) => f.severity === 'blocker').length;
  const warnings = flags.filter((f) => f.severity === 'warning').length;
  const unjudged = [...new Set(flags.filter(isUnjudged).flatMap((f) => f.evidence.missing ?? []))].sort();
  const clean = blockers === 0 && warnings === 0 && unjudged.length === 0;
  return { to: clean && autoApproveAllowed ? 'approved' : 'awaiting_supervisor', blockers, warnings, unjudged, autoApproveAllowed };
}

/** The review policy's default: every JKM and JKK claim goes to a supervisor. */
export const DEFAULT_AUTO_APPROVE: Record<ClaimType, boolean> = { JHT: true, BEASISWA: true, JKK: false, JKM: false };
