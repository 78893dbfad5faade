import type { extractionMethods } from '../../shared/api/methods-extraction';
import type { HandlerMap } from './types';

export const extractionHandlers: HandlerMap<keyof typeof extractionMethods> = {};
