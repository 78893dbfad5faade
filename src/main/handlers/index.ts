// Every contract method has exactly one handler here; a missing one fails the type-check.
import type { MethodName } from '../../shared/api/contract';
import { appHandlers } from './app';
import { casesHandlers } from './cases';
import { checksHandlers } from './checks';
import { documentsHandlers } from './documents';
import { extractionHandlers } from './extraction';
import { participantsHandlers } from './participants';
import type { HandlerMap } from './types';

export const handlers: HandlerMap<MethodName> = {
  ...appHandlers,
  ...participantsHandlers,
  ...casesHandlers,
  ...documentsHandlers,
  ...extractionHandlers,
  ...checksHandlers,
};
