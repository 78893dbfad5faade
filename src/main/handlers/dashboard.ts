import type { dashboardMethods } from '../../shared/api/methods-dashboard';
import { branchDashboard } from '../dashboard/branch';
import type { HandlerMap } from './types';

export const dashboardHandlers: HandlerMap<keyof typeof dashboardMethods> = {
  'dashboard.branch': (input, ctx) => branchDashboard(ctx, input),
};
