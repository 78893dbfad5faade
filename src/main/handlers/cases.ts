import type { casesMethods } from '../../shared/api/methods-cases';
import { checkCase } from '../checks/case-checks';
import { format } from 'date-fns/format';
import { AppError } from '../../shared/api/result';
import { newCaseProblems } from '../../shared/domain/claims';
import { assertEditable } from '../services/case-access';
import { createCase, getCase, listCases, setCaseParticipant } from '../services/cases';
import type { HandlerMap } from './types';

export const casesHandlers: HandlerMap<keyof typeof casesMethods> = {
  'cases.list': (input, ctx) => listCases(ctx, input),
  'cases.create': (input, ctx, call) => {
    const [problem] = newCaseProblems(input, format(ctx.now(), 'yyyy-MM-dd'));
    if (problem) {
      const message = problem.reason === 'future_date' ? 'The incident date is in the future.' : 'A JKM claim needs the date of death.';
      throw new AppError('invalid_input', message, { field: problem.field, reason: problem.reason });
    }
    const created = createCase(ctx, input, { by: call.caller });
    // A new case is checked at once, so its checklist (everything still to bring) shows from the start.
    checkCase(ctx, created.id);
    return getCase(ctx, created.id, call.caller);
  },
  'cases.get': (input, ctx, call) => getCase(ctx, input.id, call.caller),
  'cases.setParticipant': (input, ctx, call) => {
    assertEditable(ctx, input.caseId);
    setCaseParticipant(ctx, call.caller, input.caseId, input.kpj);
    // Checked again at once against the participant's record (the screens are told the case changed).
    checkCase(ctx, input.caseId);
    return getCase(ctx, input.caseId, call.caller);
  },
};
