import type { casesMethods } from '../../shared/api/methods-cases';
import { AppError } from '../../shared/api/result';
import { canDecide, DECISION_STATUS, decisionNeedsReason, statusAfterSubmit } from '../../shared/domain/workflow';
import { checkCase } from '../checks/case-checks';
import { createCase, getCase, listCases, setCaseStatus } from '../services/cases';
import type { HandlerMap } from './types';

export const casesHandlers: HandlerMap<keyof typeof casesMethods> = {
  'cases.list': (input, ctx) => ({ cases: listCases(ctx, input.status, input.limit) }),
  'cases.create': (input, ctx) => {
    const created = createCase(ctx, input);
    // A new case is checked at once, so its checklist (everything still to bring) shows from the start.
    checkCase(ctx, created.id);
    return getCase(ctx, created.id);
  },
  'cases.get': (input, ctx) => getCase(ctx, input.id),
  'cases.submit': (input, ctx) => {
    // Route on the checks as they stand now, not as they stood at the last edit.
    checkCase(ctx, input.caseId);
    const current = getCase(ctx, input.caseId);
    const next = statusAfterSubmit(current.status, current.flagCount);
    if (!next) throw new AppError('conflict', `Case ${current.reference} cannot be submitted while ${current.status}`, { status: current.status });
    setCaseStatus(ctx, current.id, current.status, next);
    ctx.events.emit('case.changed', { caseId: current.id });
    return getCase(ctx, current.id);
  },
  'cases.decide': (input, ctx) => {
    const current = getCase(ctx, input.caseId);
    if (!canDecide(current.status)) {
      throw new AppError('conflict', `Case ${current.reference} is not awaiting a supervisor (${current.status})`, { status: current.status });
    }
    if (decisionNeedsReason(input.decision) && !input.reason) {
      throw new AppError('invalid_input', `A reason is required to ${input.decision} a case`, { decision: input.decision });
    }
    setCaseStatus(ctx, current.id, current.status, DECISION_STATUS[input.decision]);
    ctx.events.emit('case.changed', { caseId: current.id });
    return getCase(ctx, current.id);
  },
};
