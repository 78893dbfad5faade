import type { exportsMethods } from '../../shared/api/methods-exports';
import { decisionsCsv } from '../exports/decisions';
import type { HandlerMap } from './types';

export const exportsHandlers: HandlerMap<keyof typeof exportsMethods> = {
  // Audited by the dispatcher (who exported which range), in the same transaction.
  'exports.decisions': (input, ctx) => decisionsCsv(ctx, input),
};
