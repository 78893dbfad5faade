import type { reviewMethods } from '../../shared/api/methods-review';
import { caseReview, decideCase, dismissFlag, reopenCase, submitCase } from '../services/review';
import type { HandlerMap } from './types';

export const reviewHandlers: HandlerMap<keyof typeof reviewMethods> = {
  'cases.review': (input, ctx) => caseReview(ctx, input.caseId),
  'cases.submit': (input, ctx, call) => submitCase(ctx, call.caller, input),
  'cases.decide': (input, ctx, call) => decideCase(ctx, call.caller, input),
  'cases.reopen': (input, ctx, call) => reopenCase(ctx, call.caller, input),
  'flags.dismiss': (input, ctx, call) => ({ flags: dismissFlag(ctx, call.caller, input) }),
};
