import type { checksMethods } from '../../shared/api/methods-checks';
import type { HandlerMap } from './types';

export const checksHandlers: HandlerMap<keyof typeof checksMethods> = {};
