// The review workflow: officers verify and submit; a case with flags waits for a supervisor, who
// approves, rejects or returns it. Rejecting or returning always carries a reason.
import type { CaseStatus } from './claims';

export type Decision = 'approve' | 'reject' | 'return';

export const DECISION_STATUS: Record<Decision, CaseStatus> = {
  approve: 'approved',
  reject: 'rejected',
  return: 'returned',
};

/** Where submitting a case leads: flagged cases go to a supervisor, clean ones are approved. */
export function statusAfterSubmit(current: CaseStatus, openFlags: number): CaseStatus | null {
  if (!canSubmit(current)) return null;
  return openFlags > 0 ? 'awaiting_supervisor' : 'approved';
}

export function canSubmit(status: CaseStatus): boolean {
  return status === 'draft' || status === 'in_review' || status === 'returned';
}

export function canDecide(status: CaseStatus): boolean {
  return status === 'awaiting_supervisor';
}

export function decisionNeedsReason(decision: Decision): boolean {
  return decision !== 'approve';
}
