import type { lettersMethods } from '../../shared/api/methods-letters';
import { createLetter, getLetter, listLetters } from '../letters/letters';
import type { HandlerMap } from './types';

export const lettersHandlers: HandlerMap<keyof typeof lettersMethods> = {
  // Audited by the service, with the letter it stored, in the same transaction.
  'letters.create': (input, ctx, call) => createLetter(ctx, call.caller, input),
  'letters.list': (input, ctx) => ({ letters: listLetters(ctx, input.caseId) }),
  'letters.get': (input, ctx) => getLetter(ctx, input.id),
};
