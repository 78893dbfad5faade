// Every contract method has exactly one handler here; a missing one fails the type-check.
import type { MethodName } from '../../shared/api/contract';
import { appHandlers } from './app';
import { auditHandlers } from './audit';
import { authHandlers } from './auth';
import { casesHandlers } from './cases';
import { checksHandlers } from './checks';
import { documentsHandlers } from './documents';
import { extractionHandlers } from './extraction';
import { participantsHandlers } from './participants';
import { reviewHandlers } from './review';
import { settingsHandlers } from './settings';
import { usersHandlers } from './users';
import type { HandlerMap } from './types';

export const handlers: HandlerMap<MethodName> = {
  ...authHandlers,
  ...appHandlers,
  ...usersHandlers,
  ...settingsHandlers,
  ...auditHandlers,
  ...participantsHandlers,
  ...casesHandlers,
  ...reviewHandlers,
  ...documentsHandlers,
  ...extractionHandlers,
  ...checksHandlers,
};
