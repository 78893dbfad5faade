import type { casesMethods } from '../../shared/api/methods-cases';
import { checkCase } from '../checks/case-checks';
import { createCase, getCase, listCases } from '../services/cases';
import type { HandlerMap } from './types';

export const casesHandlers: HandlerMap<keyof typeof casesMethods> = {
  'cases.list': (input, ctx) => ({ cases: listCases(ctx, input.status, input.limit) }),
  'cases.create': (input, ctx, call) => {
    const created = createCase(ctx, input, { by: call.caller });
    // A new case is checked at once, so its checklist (everything still to bring) shows from the start.
    checkCase(ctx, created.id);
    return getCase(ctx, created.id, call.caller);
  },
  'cases.get': (input, ctx, call) => getCase(ctx, input.id, call.caller),
};
