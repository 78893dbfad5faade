import type { casesMethods } from '../../shared/api/methods-cases';
import { createCase, getCase, listCases } from '../services/cases';
import type { HandlerMap } from './types';

export const casesHandlers: HandlerMap<keyof typeof casesMethods> = {
  'cases.list': (input, ctx) => ({ cases: listCases(ctx, input.status, input.limit) }),
  'cases.create': (input, ctx) => {
    const created = createCase(ctx, input);
    ctx.events.emit('case.changed', { caseId: created.id });
    return created;
  },
  'cases.get': (input, ctx) => getCase(ctx, input.id),
};
