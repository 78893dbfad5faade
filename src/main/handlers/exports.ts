import type { exportsMethods } from '../../shared/api/methods-exports';
import { dashboardCsv } from '../exports/dashboard';
import { decisionsCsv } from '../exports/decisions';
import type { HandlerMap } from './types';

export const exportsHandlers: HandlerMap<keyof typeof exportsMethods> = {
  // Audited by the dispatcher (who exported which range), in the same transaction.
  'exports.decisions': (input, ctx) => decisionsCsv(ctx, input),
  'exports.dashboard': (input, ctx) => dashboardCsv(ctx, input),
};
